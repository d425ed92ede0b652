"""Restore the case of ALL-CAPS text (wire copy, telex, Telegram reposts) before NLP.

The spaCy model finds names by their capitals: in "SHELLING HIT KRAMATORSK" it sees no place,
and in "THE MASSACRE" it may see one. `restore_case` gives the text the model needs and keeps
its length: only the case of letters changes, so every offset into the restored text is an
offset into the text the user ingested, and evidence is cut from that original.

Which text: a document mostly in capitals is restored throughout; in mixed-case text only
runs of several upper-case words (an ALL-CAPS paragraph) and upper-case lines (a headline).
Acronyms and names in capitals inside mixed-case prose ("the RSF", "KYIV, Ukraine") are left.

Which case, per word, from word statistics and the names sitreps knows, never from a list of
words (thresholds in data/clean/truecase.yaml):
  - names of several words the gazetteer or the actor registry knows ("SOUTH SUDAN",
    "AL-SHABAAB", "NEW YORK"), spelled as the registry spells them or capitalised;
  - acronyms: upper-case words of the registries' names ("RSF", "UN" of "UN peacekeepers"),
    and short words wordfreq rarely sees ("HTS"), stay upper case; "I" stays;
  - a single known name is capitalised when its frequency as an English word is low for the
    size of the place that bears it ("Kramatorsk" yes, "massacre" - a village of 1,552 - no),
    and so are demonyms, registry names, weekdays, months and words wordfreq hardly knows;
  - every other word is lower case, and a sentence's first word is capitalised.
Cyrillic words are judged by pymorphy3's dictionary (`Geox`, `Name`, `Surn` ...; `Abbr`) when
it is installed (the `ru` / `uk` extras), else left as they are.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from functools import cache, lru_cache
from importlib import resources
from typing import Any

import yaml
from wordfreq import zipf_frequency

# A word: letters, with inner apostrophes ("O'NEILL", "KYIV'S"). Hyphens and digits separate
# words, so "US-BACKED" is two and "M23" none; names across a hyphen are matched as phrases.
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_POSSESSIVE = re.compile(r"['’][Ss]$")
# What may stand between the words of one name: spaces, one line break, a hyphen.
_NAME_GAP = re.compile(r"[ \t]+|[ \t]*\n[ \t]*|[ \t]*-[ \t]*")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_UKRAINIAN_LETTERS = re.compile(r"[іїєґІЇЄҐ]")
_SENTENCE_END = ".!?"
_OPENERS = "\"'“‘«([„"


class Case(Enum):
    LOWER = "lower"
    UPPER = "upper"
    TITLE = "title"


@dataclass(frozen=True)
class PlaceTier:
    min_population: int
    max_zipf: float


@dataclass(frozen=True)
class TruecaseSettings:
    document_upper_ratio: float
    document_min_letters: int
    min_run_words: int
    min_line_words: int
    place_tiers: tuple[PlaceTier, ...]
    phrase_zipf_bonus: float
    max_phrase_words: int
    registry_word_max_zipf: float
    unknown_name_max_zipf: float
    acronym_max_letters: int
    acronym_max_zipf: float
    ambiguous_acronym_zipf: float
    function_word_zipf: float
    calendar_ambiguous_zipf: float
    cyrillic_name_grammemes: frozenset[str]
    cyrillic_acronym_max_letters: int

    def place_max_zipf(self, population: int) -> float:
        """How frequent a word may be and still be read as the name of a place this large."""
        allowed = [t.max_zipf for t in self.place_tiers if population >= t.min_population]
        return max(allowed) if allowed else -1.0


@cache
def load_truecase_settings() -> TruecaseSettings:
    source = resources.files("sitreps.data").joinpath("clean/truecase.yaml")
    raw = yaml.safe_load(source.read_text(encoding="utf-8"))
    return TruecaseSettings(
        document_upper_ratio=float(raw["document_upper_ratio"]),
        document_min_letters=int(raw["document_min_letters"]),
        min_run_words=int(raw["min_run_words"]),
        min_line_words=int(raw["min_line_words"]),
        place_tiers=tuple(PlaceTier(int(t["min_population"]), float(t["max_zipf"])) for t in raw["place_tiers"]),
        phrase_zipf_bonus=float(raw["phrase_zipf_bonus"]),
        max_phrase_words=int(raw["max_phrase_words"]),
        registry_word_max_zipf=float(raw["registry_word_max_zipf"]),
        unknown_name_max_zipf=float(raw["unknown_name_max_zipf"]),
        acronym_max_letters=int(raw["acronym_max_letters"]),
        acronym_max_zipf=float(raw["acronym_max_zipf"]),
        ambiguous_acronym_zipf=float(raw["ambiguous_acronym_zipf"]),
        function_word_zipf=float(raw["function_word_zipf"]),
        calendar_ambiguous_zipf=float(raw["calendar_ambiguous_zipf"]),
        cyrillic_name_grammemes=frozenset(str(g) for g in raw["cyrillic_name_grammemes"]),
        cyrillic_acronym_max_letters=int(raw["cyrillic_acronym_max_letters"]),
    )


@lru_cache(maxsize=65536)  # bounded: a long ingest sees an open-ended vocabulary
def _zipf(word: str, lang: str = "en") -> float:
    return zipf_frequency(word.casefold(), lang)


def _cased_letters(word: str) -> tuple[int, int]:
    """(upper-case letters, cased letters) of a word."""
    upper = cased = 0
    for ch in word:
        if ch.isupper():
            upper += 1
            cased += 1
        elif ch.islower():
            cased += 1
    return upper, cased


def _is_caps_word(word: str) -> bool:
    upper, cased = _cased_letters(word)
    return cased > 0 and upper == cased


def _calendar_words() -> tuple[frozenset[str], frozenset[str]]:
    """(full weekday and month names, their abbreviations), lower case, from `calendar`."""
    full = {n.lower() for n in (*calendar.day_name, *calendar.month_name) if n}
    short = {n.lower() for n in (*calendar.day_abbr, *calendar.month_abbr) if n} - full
    return frozenset(full), frozenset(short)


class ProperNames:
    """What the gazetteer and the actor registry know about names, for case decisions.

    Built once per process (`default_proper_names`); every question is cached.
    """

    def __init__(self, gazetteer: Any, registry: Any) -> None:
        from sitreps.resolve.actors import normalize_name

        self._gazetteer = gazetteer
        self._registry = registry
        self._normalize = normalize_name
        self._surfaces: dict[str, str] = {}  # casefolded registry spelling -> the spelling
        self._normalized: dict[str, str] = {}  # normalised registry name -> the spelling
        acronyms: set[str] = set()
        spellings: list[str] = []
        for entry in registry.entries.values():
            spellings.extend((*entry.all_aliases, *entry.nicknames))
        for country in registry.countries.values():
            spellings.extend((country.name, *country.demonyms, *country.capitals))
        for spelling in spellings:
            if not any(ch.isupper() for ch in spelling):
                continue  # "joint protection force": a description, not a name
            self._surfaces.setdefault(spelling.casefold(), spelling)
            self._normalized.setdefault(normalize_name(spelling), spelling)
            for word in re.split(r"[\s/(),:;]+", spelling):
                for part in (word, *word.split("-")):
                    letters = [ch for ch in part if ch.isalpha()]
                    if len(letters) >= 2 and part.isupper() and all(ch.isalpha() for ch in part):
                        acronyms.add(part)
        self.acronyms = frozenset(acronyms)
        from sitreps.places.names import places_lexicon

        lexicon = places_lexicon()
        # "state", "county", "city": in running text the designator after a name is written in
        # lower case ("Zamfara state"), and the place is resolved from the name before it
        self.designators = frozenset(
            str(w).lower()
            for key in ("region_words", "district_words", "admin2_words", "settlement_words")
            for w in lexicon.get(key, ())
        )

    @lru_cache(maxsize=65536)  # noqa: B019 - one instance per process, kept for its lifetime
    def registry_spelling(self, phrase: str) -> str | None:
        """The registry's spelling of a name written `phrase` in any case, if it holds one."""
        exact = self._surfaces.get(phrase.casefold())
        return exact if exact is not None else self._normalized.get(self._normalize(phrase))

    @lru_cache(maxsize=65536)  # noqa: B019
    def is_person_or_group(self, phrase: str) -> bool:
        """A person or a community the registry names ("Shoigu", "Fulani")."""
        registry = self._registry
        return registry.person(phrase) is not None or registry.identity(phrase) is not None

    @lru_cache(maxsize=65536)  # noqa: B019
    def is_demonym(self, word: str) -> bool:
        if self._registry.is_demonym(word):
            return True
        return any(c.matched == "demonym" for c in self._gazetteer.lookup_units(word))

    @lru_cache(maxsize=65536)  # noqa: B019
    def place_population(self, phrase: str) -> int | None:
        """The population of the largest place, region or country named `phrase`; None if none is."""
        gaz = self._gazetteer
        populations = [gaz.row_facts(row)[2] for row, _ in gaz.match_rows(phrase, variants=False)]
        populations += [c.population for c in gaz.lookup_units(phrase) if c.matched != "bare"]
        return max(populations) if populations else None


@cache
def default_proper_names() -> ProperNames:
    """The packaged gazetteer and actor registry as a `ProperNames` (loaded on first use)."""
    from sitreps.places import get_gazetteer
    from sitreps.resolve.actors import get_registry

    return ProperNames(get_gazetteer(), get_registry())


@cache
def _morph(lang: str) -> Any | None:
    try:
        import pymorphy3
    except ImportError:
        return None
    try:
        return pymorphy3.MorphAnalyzer(lang=lang)
    except Exception:  # the dictionary of that language is not installed
        return None


def cyrillic_supported() -> bool:
    """Whether Cyrillic ALL-CAPS text can be restored here (pymorphy3 with its Russian dictionary)."""
    return _morph("ru") is not None


@dataclass
class _Word:
    start: int
    end: int  # end of the name part: a possessive "'S" is after it
    text: str  # the name part as written
    caps: bool


def _words(text: str) -> list[_Word]:
    out = []
    for m in _WORD.finditer(text):
        word = m.group(0)
        possessive = _POSSESSIVE.search(word)
        end = m.end() - (len(possessive.group(0)) if possessive else 0)
        out.append(_Word(m.start(), end, text[m.start() : end], _is_caps_word(word)))
    return out


def caps_segments(text: str, settings: TruecaseSettings | None = None) -> list[tuple[int, int]]:
    """The (start, end) spans of `text` written in capitals: the whole text when it is mostly
    upper case, else its upper-case runs and lines; [] when there are none."""
    settings = settings or load_truecase_settings()
    upper, cased = _cased_letters(text)
    if cased >= settings.document_min_letters and upper >= settings.document_upper_ratio * cased:
        return [(0, len(text))]
    words = _words(text)
    spans: list[tuple[int, int]] = []
    run: list[_Word] = []

    def close_run() -> None:
        if sum(1 for w in run if len(w.text) >= 2) >= settings.min_run_words:
            spans.append((run[0].start, run[-1].end))
        run.clear()

    for word in words:
        if run and (not word.caps or "\n\n" in text[run[-1].end : word.start]):
            close_run()
        if word.caps:
            run.append(word)
    close_run()
    offset = 0
    for line in text.splitlines(keepends=True):
        line_words = [w for w in _words(line) if any(ch.isalpha() for ch in w.text)]
        long_words = sum(1 for w in line_words if len(w.text) >= 2)
        if all(w.caps for w in line_words) and long_words >= settings.min_line_words:
            spans.append((offset + line_words[0].start, offset + line_words[-1].end))
        offset += len(line)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def restore_case(text: str, names: ProperNames | None = None, settings: TruecaseSettings | None = None) -> str:
    """`text` with the case of its ALL-CAPS parts restored; the same length, letter for letter.

    Text with no ALL-CAPS part is returned unchanged (the same object).
    """
    settings = settings or load_truecase_settings()
    segments = caps_segments(text, settings)
    if not segments:
        return text
    restorer = _Restorer(text, names or default_proper_names(), settings)
    for start, end in segments:
        restorer.restore(start, end)
    return "".join(restorer.chars)


def _set_case(chars: list[str], start: int, word: str, case: Case) -> None:
    """Write `word` (found at `start`) into `chars` in `case`, one character for one: a letter
    whose other case is longer ("ß" -> "SS") is left as written."""
    for i, ch in enumerate(word):
        if case is Case.UPPER or (case is Case.TITLE and i == 0):
            new = ch.upper()
        else:
            new = ch.lower()
        chars[start + i] = new if len(new) == 1 else ch


def _apply_spelling(chars: list[str], start: int, written: str, spelling: str) -> bool:
    """Copy the registry's case onto the written name where they are the same letters."""
    if len(spelling) != len(written) or spelling.casefold() != written.casefold():
        return False
    for i, (ch, model) in enumerate(zip(written, spelling, strict=True)):
        new = model.upper() if model.isupper() else model.lower() if model.islower() else ch
        chars[start + i] = new if len(new) == 1 else ch
    return True


class _Restorer:
    def __init__(self, text: str, names: ProperNames, settings: TruecaseSettings) -> None:
        self.text = text
        self.chars = list(text)
        self.names = names
        self.settings = settings
        self.calendar_full, self.calendar_short = _calendar_words()
        self.lang = "uk" if _UKRAINIAN_LETTERS.search(text) else "ru"

    def restore(self, start: int, end: int) -> None:
        words = [w for w in _words(self.text[start:end]) if w.caps]
        for w in words:
            w.start += start
            w.end += start
        i = 0
        while i < len(words):
            taken = self._phrase_at(words, i)
            if taken:
                i += taken
                continue
            self._word(words, i)
            i += 1
        for w in words:
            first = self.chars[w.start].upper()
            if self._starts_sentence(w.start, start) and len(first) == 1:
                self.chars[w.start] = first
            tail = self.text[w.end : w.end + 2]
            if _POSSESSIVE.fullmatch(tail):
                self.chars[w.end + 1] = "s"

    # ---- names of several words --------------------------------------------------------------
    def _phrase_at(self, words: list[_Word], i: int) -> int:
        """Case a name of two or more words starting at words[i]; how many words it took (0: none)."""
        s = self.settings
        if self._is_function_word(words[i].text):
            return 0
        last = i
        while last + 1 < len(words) and last + 1 - i < s.max_phrase_words:
            gap = self.text[words[last].end : words[last + 1].start]
            if not _NAME_GAP.fullmatch(gap):
                break
            last += 1
        for j in range(last, i, -1):
            if self._is_function_word(words[j].text):
                continue
            start, end = words[i].start, words[j].end
            phrase = self.text[start:end]
            if _CYRILLIC.search(phrase):
                continue  # Cyrillic words are judged one by one by their dictionary
            spelling = self.names.registry_spelling(phrase)
            if spelling is not None and _apply_spelling(self.chars, start, phrase, spelling):
                return j - i + 1
            designated = words[j].text.lower() in self.names.designators
            place = not designated and self._place_phrase(words[i : j + 1])
            if spelling is not None or self.names.is_person_or_group(phrase) or place:
                for k in range(i, j + 1):
                    case = Case.LOWER if k > i and self._is_function_word(words[k].text) else Case.TITLE
                    _set_case(self.chars, words[k].start, words[k].text, case)
                return j - i + 1
        return 0

    def _place_phrase(self, words: Sequence[_Word]) -> bool:
        population = self.names.place_population(self.text[words[0].start : words[-1].end])
        if population is None:
            return False
        rarest = min(_zipf(w.text) for w in words if not self._is_function_word(w.text))
        return rarest <= self.settings.place_max_zipf(population) + self.settings.phrase_zipf_bonus

    # ---- one word ----------------------------------------------------------------------------
    def _word(self, words: list[_Word], i: int) -> None:
        w = words[i]
        if _CYRILLIC.search(w.text):
            case = self._cyrillic_case(w.text)
            if case is not None:
                _set_case(self.chars, w.start, w.text, case)
            return
        spelling = self.names.registry_spelling(w.text)
        rare = _zipf(w.text) < self.settings.registry_word_max_zipf
        if spelling is not None and rare and w.text not in self.names.acronyms:
            if not _apply_spelling(self.chars, w.start, w.text, spelling):
                _set_case(self.chars, w.start, w.text, Case.TITLE)
            return
        _set_case(self.chars, w.start, w.text, self._word_case(words, i))

    def _word_case(self, words: list[_Word], i: int) -> Case:
        s = self.settings
        w = words[i]
        word = w.text
        lower = word.lower()
        zipf = _zipf(lower)
        if lower == "i":
            return Case.UPPER  # the English pronoun
        if len(word) == 1:
            # "a" is the article; other single letters are initials ("J. SMITH") or labels
            return Case.LOWER if zipf >= s.function_word_zipf else Case.UPPER
        if word in self.names.acronyms:
            if zipf < s.ambiguous_acronym_zipf or self._acronym_context(words, i):
                return Case.UPPER
            return Case.LOWER
        if self.names.is_demonym(word):
            return Case.TITLE
        if zipf < s.registry_word_max_zipf and self.names.is_person_or_group(word):
            return Case.TITLE
        population = self.names.place_population(word)
        if population is not None and zipf <= s.place_max_zipf(population):
            return Case.TITLE
        if lower in self.calendar_full or lower in self.calendar_short:
            if (lower in self.calendar_full and zipf < s.calendar_ambiguous_zipf) or self._next_to_number(w):
                return Case.TITLE
            return Case.LOWER
        if len(word) <= s.acronym_max_letters and zipf < s.acronym_max_zipf:
            return Case.UPPER
        if zipf < s.unknown_name_max_zipf:
            return Case.TITLE
        return Case.LOWER

    def _acronym_context(self, words: list[_Word], i: int) -> bool:
        """ "THE US ARMY", "US-BACKED": where an acronym that is also a common word ("us") is one."""
        w = words[i]
        if self.text[w.end : w.end + 1] == "-" or self.text[w.start - 1 : w.start] == "-":
            return True
        if i == 0:
            return False
        before = words[i - 1]
        return before.text.lower() == "the" and not self.text[before.end : w.start].strip()

    def _next_to_number(self, w: _Word) -> bool:
        before = self.text[max(0, w.start - 4) : w.start].rstrip(" ,.")
        after = self.text[w.end : w.end + 4].lstrip(" ,.")
        return bool(before[-1:].isdigit() or after[:1].isdigit())

    def _is_function_word(self, word: str) -> bool:
        return not _CYRILLIC.search(word) and _zipf(word) >= self.settings.function_word_zipf

    def _cyrillic_case(self, word: str) -> Case | None:
        morph = _morph(self.lang) or _morph("ru")
        if morph is None:
            return None  # no dictionary: Cyrillic is left as written
        s = self.settings
        lower = word.lower()
        parse = morph.parse(lower)[0]
        grammemes = set(parse.tag.grammemes)
        if "Abbr" in grammemes or (len(word) <= s.cyrillic_acronym_max_letters and not morph.word_is_known(lower)):
            return Case.UPPER
        if grammemes & s.cyrillic_name_grammemes:
            return Case.TITLE
        return Case.LOWER

    # ---- sentences ---------------------------------------------------------------------------
    def _starts_sentence(self, position: int, segment_start: int) -> bool:
        """Is the word at `position` the first of a sentence (or of a line that opens the segment)?"""
        text = self.text
        j = position - 1
        newlines = 0
        while j >= 0 and (text[j].isspace() or text[j] in _OPENERS):
            newlines += text[j] == "\n"
            j -= 1
        if j < 0 or newlines >= 2:
            return True
        if newlines and position <= segment_start + 1:
            return True
        if text[j] not in _SENTENCE_END:
            return False
        # "J. SMITH": a full stop after a single letter ends an initial, not a sentence
        k = j - 1
        return not (k >= 0 and text[k].isalpha() and (k == 0 or not text[k - 1].isalpha()))
