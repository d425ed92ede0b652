"""A compact extractor for Russian and Ukrainian reports, driven by each pack's lexicon.

Per article: sentences (razdel); in each sentence the first event entry of the lexicon whose
stem groups all match gives the event type; its place is the sentence's first place, else the
article's; its date, figure, claimant and stance are read from the sentence, else the article.

Places: "ADJECTIVE + region noun" ("у Харківській області") is put in the nominative with
pymorphy3 ("Харківська область"); a capitalised word after a locative preposition, or one the
dictionary tags as a place name, is tried in every dictionary reading ("под Покровском" ->
"Покровск") and kept in the first reading the gazetteer knows (its Cyrillic alternate names).
A word after a street word ("улица Кирова") and an adjective before a government word
("киевский режим") are not places. Output names are the gazetteer's, as for English reports.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from sitreps.clean.parse_view import parse_view
from sitreps.lexicons import LanguagePackFile, as_data, load_validated
from sitreps.model import Actor, Article, DateValue, Fatalities, Location, Mention, Span

LEXICON_DIR = Path(__file__).resolve().parent.parent / "data" / "lang"
LANGUAGES = ("ru", "uk")
_CYRILLIC_WORD = re.compile(r"^[А-ЯЁІЇЄҐ][а-яёіїєґ'’ʼ-]+$")
_NUMBER = re.compile(r"^\d{1,4}$")
# "09.05.2024", "9.05.24": day first, as Russian and Ukrainian write dates; never without the
# year, which "10.05" as a time of day would be
_NUMERIC_DATE = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{2})\.(\d{4}|\d{2})(?![\d.])")
_PERSON_GRAMMEMES = ("Name", "Surn", "Patr", "Abbr")
# A reading with one of these is a person's name: first name, surname, patronymic.
_NAME_GRAMMEMES = ("Name", "Surn", "Patr")
_APOSTROPHES = ("'", "’", "ʼ")
# How many tokens from a death or injury word a number may stand and still be its figure.
_FIGURE_WINDOW = 4


def _day_of(published: DateValue | None) -> DateValue | None:
    """The post's own day, for a report that dates its event no other way."""
    if published is None:
        return None
    return DateValue(start=published.start, end=published.start, inferred=True)


def _name_lemma(word: str, morph: Any) -> str:
    """A name's dictionary form from its first reading as a first name, surname or patronymic."""
    for parse in morph.parse(word.lower()):
        if any(g in str(parse.tag) for g in _NAME_GRAMMEMES):
            return parse.normal_form.capitalize()
    return word


def _place_reading_rank(parse: Any) -> tuple[bool, bool]:
    """Sort key of a word's dictionary readings as a place name: place names, then inanimate nouns."""
    tag = str(parse.tag)
    return ("Geox" not in tag, not (parse.tag.POS == "NOUN" and "inan" in tag))


@dataclass(frozen=True)
class Lexicon:
    code: str
    data: dict[str, Any]

    def __getitem__(self, key: str) -> Any:
        return self.data[key]


@cache
def load_lexicon(code: str, folder: Path = LEXICON_DIR) -> Lexicon:
    """The pack's lexicon, checked against `sitreps.lexicons.LanguagePackFile`: every field present,
    no unknown key, every event an ACLED type and sub-type (a LexiconError names the file and line)."""
    data = as_data(load_validated(folder / code / "lexicon.yaml", LanguagePackFile))
    return Lexicon(code, data)


@cache
def _morph(code: str) -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang=code)


class TransliterationError(ValueError):
    """A pack's transliteration file is malformed; the message names the file and the reason."""


@dataclass(frozen=True)
class Transliteration:
    """Latin spelling of a pack's Cyrillic names (data/lang/<code>/transliteration.yaml)."""

    pairs: dict[str, str]
    initial: dict[str, str]
    letters: dict[str, str]

    def spell(self, name: str) -> str:
        """'Сергій Лисак' -> 'Serhii Lysak': each word spelled, capitalised; unknown letters kept."""
        return " ".join(self._word(word) for word in name.split())

    def _word(self, word: str) -> str:
        lower, out, i = word.lower(), [], 0
        while i < len(lower):
            pair = lower[i : i + 2]
            if pair in self.pairs:
                out.append(self.pairs[pair])
                i += 2
                continue
            letter = lower[i]
            table = self.initial if i == 0 and letter in self.initial else self.letters
            out.append(table.get(letter, letter))
            i += 1
        return "".join(out).capitalize()


@cache
def load_transliteration(code: str, folder: Path = LEXICON_DIR) -> Transliteration:
    """The pack's transliteration table: `pairs`, `initial` and `letters`, each Cyrillic -> Latin."""
    path = folder / code / "transliteration.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise TransliterationError(f"{path}: not a mapping")
    tables = {}
    for key in ("pairs", "initial", "letters"):
        table = data.get(key)
        if not (isinstance(table, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in table.items())):
            raise TransliterationError(f"{path}: '{key}' must map Cyrillic letters to Latin strings")
        tables[key] = table
    unknown = sorted(set(data) - set(tables))
    if unknown:
        raise TransliterationError(f"{path}: unknown key {', '.join(unknown)}")
    return Transliteration(**tables)


# A run of capitalised Cyrillic words, one space apart: a person's name is looked for in these.
_NAME_RUN = re.compile(r"[А-ЯЁІЇЄҐ][а-яёіїєґ'’ʼ-]+(?: [А-ЯЁІЇЄҐ][а-яёіїєґ'’ʼ-]+)*")
# Where a clause ends: a speaker's name is looked for within the claim verb's clause.
_CLAUSE_END = re.compile(r"[.!?;,:—–]")


@dataclass
class _Sentence:
    start: int
    end: int
    text: str
    tokens: list[tuple[int, int, str]]  # (start, end, text) within the article

    def lower_words(self) -> list[str]:
        return [t[2].lower() for t in self.tokens]


@dataclass
class _Place:
    location: Location
    start: int


def _sentences(text: str) -> list[_Sentence]:
    from razdel import sentenize, tokenize

    out = []
    for s in sentenize(text):
        tokens: list[tuple[int, int, str]] = []
        for t in tokenize(s.text):
            start, end = s.start + t.start, s.start + t.stop
            # razdel splits at an apostrophe ("Куп'янськ", "п'ятеро"): a word is one token
            if tokens and tokens[-1][1] == start and (t.text in _APOSTROPHES or tokens[-1][2][-1] in _APOSTROPHES):
                start = tokens.pop()[0]
            tokens.append((start, end, text[start:end]))
        out.append(_Sentence(s.start, s.stop, s.text, tokens))
    return out


def _has_stem(words: Sequence[str], text: str, stems: Sequence[str]) -> bool:
    """A token starts with a one-word stem, or the text holds a several-word one."""
    for stem in stems:
        if " " in stem:
            if stem in text:
                return True
        elif any(w.startswith(stem) for w in words):
            return True
    return False


def _first_stem_at(lowered: str, stems: Sequence[str]) -> int:
    """Where the first of `stems` starts a word in the text (0 when none does)."""
    found = [m.start() for stem in stems for m in [re.search(rf"(?<![а-яёіїєґ]){re.escape(stem)}", lowered)] if m]
    return min(found, default=0)


@cache
def _natasha() -> tuple[Any, Any] | None:
    """natasha's segmenter and news NER (navec embeddings + slovnet, bundled; Russian only)."""
    try:
        from natasha import NewsEmbedding, NewsNERTagger, Segmenter
    except ImportError:
        return None
    return Segmenter(), NewsNERTagger(NewsEmbedding())


def _ner_places(text: str, code: str) -> list[tuple[int, int]]:
    """Spans natasha labels LOC in a Russian text (none for other languages: its Ukrainian LOC F1
    is about 0.4, below the dictionary and gazetteer's reading)."""
    loaded = _natasha() if code == "ru" else None
    if loaded is None:
        return []
    from natasha import Doc

    segmenter, tagger = loaded
    doc = Doc(text)
    doc.segment(segmenter)
    doc.tag_ner(tagger)
    return [(span.start, span.stop) for span in doc.spans if span.type == "LOC"]


def _actor_spans(sentence: _Sentence, lex: Lexicon) -> list[tuple[int, int]]:
    """Article offsets of the actor phrases a sentence holds."""
    low = sentence.text.lower()
    return [
        (sentence.start + m.start(), sentence.start + m.end())
        for entry in lex["actors"]
        for phrase in entry["phrases"]
        for m in re.finditer(rf"(?<![а-яёіїєґa-z]){re.escape(phrase)}", low)
    ]


class CyrillicExtractor:
    """Mentions of Russian and Ukrainian articles (an `Extractor`)."""

    name = "cyrillic-lexicon"

    def __init__(self) -> None:
        from sitreps.places import PlaceResolver, get_gazetteer
        from sitreps.resolve.actors import get_registry

        self._resolver = PlaceResolver(get_gazetteer())
        self._registry = get_registry()

    def extract(self, articles: Sequence[Article]) -> list[list[Mention]]:
        return [self._article(a) for a in articles]

    def _article(self, article: Article) -> list[Mention]:
        if article.language not in LANGUAGES:
            return []
        lex = load_lexicon(article.language)
        # places are found by their capitals: ALL-CAPS posts are read case-restored (the same
        # length, so sentence offsets are the article's); evidence quotes the article as given
        reading = parse_view(article.text)
        sentences = _sentences(reading)
        named_places = _ner_places(reading, lex.code)
        places = [self._places(s, lex, named_places) for s in sentences]
        story_place = next((p[0] for p in places if p), None)
        lowered = article.text.lower()
        published = date.fromisoformat(article.published.start) if article.published else None
        story_date = self._date(lowered, lex, published)
        claimant, stance = self._claim(article, reading, lex, story_place)
        seen: set[str] = set()
        mentions = []
        for sentence, sentence_places in zip(sentences, places, strict=True):
            words = sentence.lower_words()
            low = sentence.text.lower()
            entry = next((e for e in lex["events"] if all(_has_stem(words, low, g) for g in e["all"])), None)
            if entry is None:
                continue
            place = sentence_places[0] if sentence_places else story_place
            when = self._date(low, lex, published) or story_date or _day_of(article.published)
            key = "|".join(
                [
                    article.id,
                    entry["event_type"],
                    str(place.location.geonameid if place else ""),
                    when.start if when else "",
                    claimant.id,
                ]
            )
            mid = "m-" + hashlib.sha1(key.encode()).hexdigest()[:16]
            if mid in seen:
                continue  # the same event told again: one mention per type, place, day, claimant
            seen.add(mid)
            figure = self._deaths(sentence, lex) if _has_stem(words, low, lex["death_stems"]) else None
            if figure is None:
                figure = self._story_deaths(sentences, lex)
            mentions.append(
                Mention(
                    id=mid,
                    article_id=article.id,
                    event_type=entry["event_type"],
                    sub_event_type=entry.get("sub_event_type"),
                    date=when,
                    location=place.location if place else None,
                    actor1=self._actor_in(low, lex, place, exclude=claimant.id),
                    claimant=claimant,
                    stance=stance,
                    fatalities=Fatalities(best=figure, low=figure, high=figure) if figure is not None else None,
                    evidence=[
                        Span(start=sentence.start, end=sentence.end, text=article.text[sentence.start : sentence.end])
                    ],
                )
            )
        return mentions

    # places

    def _places(self, sentence: _Sentence, lex: Lexicon, named_places: Sequence[tuple[int, int]] = ()) -> list[_Place]:
        """The places a sentence names, in order; `named_places` are spans an NER labelled LOC
        (a word inside one needs no locative cue)."""
        morph = _morph(lex.code)
        tokens = sentence.tokens
        found: list[_Place] = []
        skip_until = -1
        named = _actor_spans(sentence, lex)
        for i, (start, _end, word) in enumerate(tokens):
            if i <= skip_until or any(a <= start < b for a, b in named):
                continue  # a word of an actor's name ("Легион «Свобода России»") is not a place
            lower = word.lower()
            before = tokens[i - 1][2].lower() if i else ""
            after = tokens[i + 1][2].lower() if i + 1 < len(tokens) else ""
            if ({before.rstrip(".")} | {p.normal_form for p in morph.parse(before)}) & set(lex["street_words"]):
                skip_until = i + 1 if i + 1 < len(tokens) and _CYRILLIC_WORD.match(tokens[i + 1][2]) else i
                continue
            region_noun = self._region_noun(after, morph, lex)
            if region_noun and _CYRILLIC_WORD.match(word):
                phrase = self._nominative_region(lower, region_noun, morph, lex)
                location = self._resolve(phrase)
                if location is not None:
                    found.append(_Place(location, start))
                    skip_until = i + 1
                    continue
            parses = morph.parse(lower)
            lemma = parses[0].normal_form if parses else lower
            if lemma in lex["colloquial_regions"]:
                location = self._resolve(lex["colloquial_regions"][lemma])
                if location is not None:
                    found.append(_Place(location, start))
                continue
            if not _CYRILLIC_WORD.match(word) or after in lex["metonymy_words"]:
                continue
            tags = [str(p.tag) for p in parses]
            geo = any("Geox" in t for t in tags)
            # mid-sentence, and a thing's name in some reading (not only a person's): Ukrainian's
            # dictionary tags no place names
            thing = [not any(g in t for g in _PERSON_GRAMMEMES) for t in tags]
            plain_name = i > 0 and (all(thing) or any("inan" in t and ok for t, ok in zip(tags, thing, strict=True)))
            labelled = any(a <= start < b for a, b in named_places)
            if not (geo or plain_name or labelled or before in lex["locative_words"]):
                continue
            location = self._known_reading(word, tokens, i, parses, morph, lex)
            if location is not None:
                found.append(_Place(location, start))
        return found

    @staticmethod
    def _region_noun(word: str, morph: Any, lex: Lexicon) -> str | None:
        for parse in morph.parse(word):
            if parse.normal_form in lex["region_nouns"]:
                return parse.normal_form
        return None

    @staticmethod
    def _nominative_region(adjective: str, noun: str, morph: Any, lex: Lexicon) -> str:
        gender = morph.parse(noun)[0].tag.gender or "femn"
        for parse in morph.parse(adjective):
            if parse.tag.POS == "ADJF":
                form = parse.inflect({"nomn", "sing", gender})
                if form is not None:
                    return f"{form.word.capitalize()} {noun}"
        # an adjective the dictionary lacks ("Бєлгородською"): its case ending, replaced
        for ending, nominative in lex["adjective_endings"].items():
            if adjective.endswith(ending):
                return f"{adjective[: -len(ending)].capitalize()}{nominative} {noun}"
        return f"{adjective.capitalize()} {noun}"

    def _known_reading(
        self, word: str, tokens: list[tuple[int, int, str]], i: int, parses: list[Any], morph: Any, lex: Lexicon
    ) -> Location | None:
        """The word (or it with the next capitalised word) in the first reading the gazetteer knows,
        in the pack's home countries if any reading is ("Суми" is Sumy, not a town named "Сума")."""
        # dictionary readings first, place names first among them, then a thing's noun before an
        # adjective or a surname: the inflected form as written can be another place's name
        # ("Курске" is not Kursk's, but a village's; "біля Покровська" is Pokrovsk, not "Покровська")
        lemmas = [p.normal_form.capitalize() for p in sorted(parses, key=_place_reading_rank)]
        readings = lemmas + [word] + [word[: -len(e)] for e in lex["case_endings"] if word.endswith(e)]
        if i + 1 < len(tokens) and _CYRILLIC_WORD.match(tokens[i + 1][2]):
            second = morph.parse(tokens[i + 1][2].lower())
            if second:
                # "Новой Каховке" -> "Новая Каховка"; "Часова Яра" -> "Часов Яр" (a possessive read as a name)
                pairs = [self._nominative_pair(parses, second[0])]
                pairs += [f"{p.normal_form.capitalize()} {second[0].normal_form.capitalize()}" for p in parses]
                readings[:0] = [pair for pair in pairs if pair]
        first: Location | None = None
        for reading in dict.fromkeys(readings):
            if self._resolver.gazetteer.lookup(reading):
                location = self._resolve(reading)
                if location is not None and location.country_code in lex["home_countries"]:
                    return location
                first = first or location
        if first is None:
            # a country ("над Україною"): the resolver knows countries, the gazetteer only towns
            for lemma in dict.fromkeys(lemmas):
                location = self._resolve(lemma)
                if location is not None and location.geonameid is None and location.admin1 is None:
                    return location
        return first

    @staticmethod
    def _nominative_pair(first: list[Any], second: Any) -> str | None:
        """'Новой Каховке' -> 'Новая Каховка': an adjective agreeing with the noun after it."""
        noun = second.normal_form.capitalize()
        gender = second.tag.gender
        for parse in first:
            if parse.tag.POS == "ADJF" and gender:
                form = parse.inflect({"nomn", "sing", gender})
                if form is not None:
                    return f"{form.word.capitalize()} {noun}"
        return None

    def _resolve(self, phrase: str) -> Location | None:
        resolution = self._resolver.resolve(phrase)
        return resolution.location

    # dates

    @staticmethod
    def _date(lowered: str, lex: Lexicon, published: date | None) -> DateValue | None:
        numeric = _NUMERIC_DATE.search(lowered)
        if numeric:
            day_text, month_text, year_text = numeric.groups()
            year = int(year_text) + (2000 if len(year_text) == 2 else 0)
            try:
                written: date | None = date(year, int(month_text), int(day_text))
            except ValueError:
                written = None
            if written is not None:
                return DateValue(start=written.isoformat(), end=written.isoformat())
        months = "|".join(sorted(lex["months"], key=len, reverse=True))
        found = re.search(rf"\b(\d{{1,2}})\s+({months})[а-яёіїєґ]*", lowered)
        if found:
            month = lex["months"][found.group(2)]
            year = published.year if published else None
            if year is not None:
                try:
                    day = date(year, month, int(found.group(1)))
                except ValueError:
                    day = None
                if day is not None:
                    if published is not None and day > published + timedelta(days=1):
                        day = day.replace(year=year - 1)  # "28 декабря" in a January post
                    return DateValue(start=day.isoformat(), end=day.isoformat())
        if published is None:
            return None
        for phrase in sorted(lex["relative_days"], key=len, reverse=True):
            if re.search(rf"(?<![а-яёіїєґ]){re.escape(phrase)}(?![а-яёіїєґ])", lowered):
                day = published - timedelta(days=int(lex["relative_days"][phrase]))
                return DateValue(start=day.isoformat(), end=day.isoformat())
        return None

    # fatalities

    def _deaths(self, sentence: _Sentence, lex: Lexicon) -> int | None:
        words = sentence.lower_words()
        low = sentence.text.lower()
        if any(phrase in low for phrase in lex["no_deaths"]):
            return 0
        cues = []
        for index, word in enumerate(words):
            if any(word.startswith(s) for s in lex["death_stems"]):
                cues.append((index, "death"))
            elif any(word.startswith(s) for s in lex["injury_stems"]):
                cues.append((index, "injury"))
        total = 0
        for index, word in enumerate(words):
            value = int(word) if _NUMBER.match(word) else lex["number_words"].get(word)
            if value is None:
                continue
            following = words[index + 1] if index + 1 < len(words) else ""
            if any(following.startswith(s) for s in (*lex["not_people_stems"], *lex["months"])):
                continue  # "12 беспилотников", "30 мая": not people
            near = [(abs(c - index), kind) for c, kind in cues if abs(c - index) <= _FIGURE_WINDOW]
            if near and min(near)[1] == "death":
                total += value
        if total:
            return total
        if any(w in lex["singular_deaths"] for w in words):
            return 1
        return None

    def _story_deaths(self, sentences: list[_Sentence], lex: Lexicon) -> int | None:
        for sentence in sentences:
            low = sentence.text.lower()
            if _has_stem(sentence.lower_words(), low, lex["death_stems"]) or any(p in low for p in lex["no_deaths"]):
                figure = self._deaths(sentence, lex)
                if figure is not None:
                    return figure
        return None

    # claims and actors

    def _claim(self, article: Article, reading: str, lex: Lexicon, place: _Place | None) -> tuple[Actor, str]:
        from sitreps.extract.claims import reporter

        lowered = reading.lower()
        words = re.findall(r"[а-яёіїєґa-z'’]+", lowered)
        denied = _has_stem(words, lowered, lex["denial_stems"])
        said = _has_stem(words, lowered, lex["claim_stems"])
        cue = _first_stem_at(lowered, lex["denial_stems"] if denied else lex["claim_stems"])
        # "X сообщил, что ..." names the speaker before the verb; "..., сообщил X" after it
        speaker_first = bool(re.match(r"[а-яёіїєґ]*,?\s+(что|що)\b", lowered[cue:]))
        # "..., сообщил мэр": the speaker is only after the verb, even when the registry lacks it
        speaker_after = lowered[:cue].rstrip().endswith(",")
        speaker = None
        if said or denied:
            # a person named in the verb's clause speaks: their registry actor, else the title's
            # beside the name ("голова ОВА Олександр Прокудін"), else the name in Latin letters
            speaker = self._person_speaking(reading, cue, speaker_first, speaker_after, lex, place)
        if speaker is None and (said or denied):
            speaker = self._actor_in(lowered, lex, place, None, near=cue, before=speaker_first, after=speaker_after)
        if speaker is None:
            return reporter(article.outlet), "denied" if denied else "reported" if said else "asserted"
        if denied:
            return speaker, "denied"
        return speaker, "alleged" if _has_stem(words, lowered, lex["hedge_stems"]) else "claimed"

    def _person_speaking(
        self, reading: str, cue: int, before: bool, after: bool, lex: Lexicon, place: _Place | None
    ) -> Actor | None:
        """The person named in the claim verb's clause: a run of capitalised words the dictionary
        reads as first names or surnames. Before the verb when `before` ("X сообщил, что"), after
        it when `after` (", сообщил X"); else before it, where its subject stands ("X опроверг
        сообщения о ..."), unless the cue opens the clause ("За словами X, ..."). An unregistered
        person with a title in the clause speaks for the title's actor."""
        from sitreps.resolve.actors import unregistered

        ends = list(_CLAUSE_END.finditer(reading, 0, cue))
        clause_start = ends[-1].end() if ends else 0
        if not after and (before or reading[clause_start:cue].strip()):
            start, stop = clause_start, cue
        else:
            end = _CLAUSE_END.search(reading, cue)
            start, stop = cue, end.start() if end else len(reading)
        morph = _morph(lex.code)
        for run in _NAME_RUN.finditer(reading, start, stop):
            words = run.group().split()
            named = [any(g in str(p.tag) for p in morph.parse(w.lower()) for g in _NAME_GRAMMEMES) for w in words]
            if not any(named):
                continue
            # the name starts at the run's first word the dictionary reads as a name and runs to
            # the run's end: "Губернатор Александр Богомаз" (a surname the dictionary lacks follows)
            written = words[named.index(True) :]
            # "за словами Лисака": each word in its dictionary form as a name ("Лисак")
            lemmas = [_name_lemma(word, morph) for word in written]
            spell = load_transliteration(lex.code).spell
            surname = written[-1]
            # the registry by the name as read and as written, whole or the surname alone, and
            # the surname less a case ending the dictionary does not know ("Синєгубова")
            stripped = [surname[: -len(e)] for e in lex["case_endings"] if surname.endswith(e)]
            for text in dict.fromkeys(
                [spell(" ".join(lemmas)), spell(" ".join(written)), spell(lemmas[-1]), spell(surname)]
                + [" ".join(lemmas), surname, lemmas[-1]]
                + [spell(stem) for stem in stripped]
            ):
                entry = self._registry.person(text)
                if entry is not None:
                    return entry.actor()
            title = self._actor_in(reading[start:stop].lower(), lex, place, None)
            return title or unregistered(spell(" ".join(lemmas)))
        return None

    def _actor_in(
        self,
        lowered: str,
        lex: Lexicon,
        place: _Place | None,
        exclude: str | None,
        near: int = 0,
        before: bool = False,
        after: bool = False,
    ) -> Actor | None:
        """The registry actor the text names closest to character `near` (first, by default;
        only before it when `before`, only after it when `after`); phrases match from a word's start."""
        country = place.location.country_code if place else None
        best: tuple[int, Actor] | None = None
        for entry in lex["actors"]:
            actor_id = entry["actor"]
            if "{country}" in actor_id:
                if country is None:
                    continue
                actor_id = actor_id.replace("{country}", country)
            if actor_id == exclude:
                continue
            registered = self._registry.get(actor_id)
            if registered is None:
                continue
            for phrase in entry["phrases"]:
                for found in re.finditer(rf"(?<![а-яёіїєґa-z]){re.escape(phrase)}", lowered):
                    if (before and found.start() > near) or (after and found.start() < near):
                        continue
                    distance = abs(found.start() - near)
                    if best is None or distance < best[0]:
                        best = (distance, registered.actor())
        return best[1] if best else None
