"""Toponyms in an article: spot them, tie each to its sentence, resolve them with context.

Spotting uses the NER's place-like entities plus capitalised word runs the gazetteer knows,
and designator phrases ("the village of X", "X in the Kursk region") that name places too
small for any gazetteer. Resolution is `sitreps.places`' job; this module passes it the whole
article as context, the "near X" flag and the region the text puts a village in.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import accumulate

from spacy.tokens import Doc, Span
from wordfreq import zipf_frequency

from sitreps.extract.doc_index import DocIndex, doc_index
from sitreps.model import Location
from sitreps.places.names import name_key, parse_toponym, places_lexicon
from sitreps.places.resolver import Anchor
from sitreps.places.words import is_any_person_name, is_ordinary_word, needs_evidence

# Words at least this frequent in English are ordinary words when the gazetteer does not know them.
COMMON_ZIPF = 4.0
# A gazetteer name this frequent as an English word ("On", "North", "May") is a place only when
# the NER or a designator says so ("the town of Split"); rarer names ("Moscow") need neither.
VERY_COMMON_ZIPF = 4.5
NOT_PLACE_ENTS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
PLACE_ENTS = frozenset({"GPE", "LOC", "FAC"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "PERSON", "ORG", "PRODUCT", "NORP", "WORK_OF_ART", "EVENT"})
DESIGNATORS = re.compile(
    r"\b(?:village|town|city|settlement|locality|hamlet|district|region|oblast|province|township|municipality|"
    r"border settlement|border village|border town|urban-type settlement)s?\s+of\s+$",
    re.IGNORECASE,
)
NEAR = re.compile(
    r"\b(?:near|outside|outskirts of|close to|vicinity of|approaches to|environs of|around)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
REGION_AFTER = re.compile(
    r"^\s*,?\s*(?:which is\s+(?:based|located|situated)\s+)?(?:in|of)\s+(?:the\s+)?"
    r"([A-ZА-Я][\w'’\-]+(?:\s+[A-ZА-Я][\w'’\-]+)?)\s+(?:region|oblast|province|krai|kray|republic|governorate|state)\b"
)
# "the Russian region of X", "the regions of X, Y and Z": X names the region, not its capital city.
REGION_OF = re.compile(
    r"\b(?:region|oblast|province|krai|kray|governorate)s?\s+of\s+(?:[A-ZА-Я][\w'’\-]+,?\s+(?:and\s+)?)*$",
    re.IGNORECASE,
)
# "the X and Y regions", "the X, Y and Z oblasts": a coordinated name before a plural region word.
REGIONS_AFTER = re.compile(
    r"^(?:\s*,\s*[A-ZА-Я][\w'’\-]+)*\s*,?\s+and\s+[A-ZА-Я][\w'’\-]+\s+(?:regions|oblasts|provinces|governorates)\b"
)
REGION_WORDS = re.compile(r"^\s*(?:region|oblast|province|krai|kray|governorate|state)s?\b", re.IGNORECASE)
# Origins are not where an event happened ("a raid from Ukraine", "from Belgorod to Vladivostok").
ORIGIN_PREPS = frozenset({"from", "to", "toward", "towards"})


@dataclass
class Toponym:
    start: int  # char offsets into the article text
    end: int
    text: str
    sent_start: int
    near: bool
    region_hint: str | None
    designated: bool
    origin: bool
    as_region: bool = False  # the text calls it a region ("the region of X", "the X and Y regions")
    country: str | None = None  # ISO code when the name is a whole country ("across Russia")
    location: Location | None = None
    why: str = ""
    kind: str = "place"  # what the name designates: place, admin2, admin1, country, continent
    # A country or continent: too coarse to place an event (location stays None), but where the
    # name is on a map, for geoparsing output
    area: Location | None = None

    @property
    def precision_rank(self) -> int:
        """Lower is more specific: settlement 1-2, region 3, country 4, unresolved 9."""
        if self.location is None:
            return 9
        if self.location.geonameid is None and self.location.admin1_code is None:
            return 4
        return self.location.geo_precision


def _capitalised_runs(sent: Span) -> list[tuple[int, int]]:
    runs, i = [], sent.start
    doc = sent.doc
    while i < sent.end:
        tok = doc[i]
        if tok.text[:1].isupper() and tok.is_alpha or (tok.text[:1].isupper() and "-" in tok.text):
            j = i + 1
            while j < sent.end and (
                (doc[j].text[:1].isupper() and (doc[j].is_alpha or "-" in doc[j].text))
                or (doc[j].text == "-" and j + 1 < sent.end and doc[j + 1].text[:1].isupper())
            ):
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


@lru_cache(maxsize=65536)  # bounded: the vocabulary of a long ingest is open-ended
def _zipf(word: str) -> float:
    return zipf_frequency(word.lower(), "en")


def _common_word(word: str) -> bool:
    """An everyday English word ("Post", "Government", "Later"), not a name."""
    return _zipf(word) >= COMMON_ZIPF


def _cut_at_bracket(ent: Span) -> Span:
    """The entity up to its first opening bracket: the NER often runs a name on into the bracket
    that follows it ("Kisumu (Kisumu Central, Kisumu" as one ORG), which names other things."""
    for tok in ent:
        if tok.text == "(" and tok.i > ent.start:
            return ent.doc[ent.start : tok.i]
    return ent


@cache
def _bracket_after() -> re.Pattern[str]:
    """ "Kisumu (Kisumu Central, Kisumu)", "Majengo village (Mvita, Mombasa)": a bracket right after
    a name, or after its settlement or district word, lists the units that hold it, narrowest
    first (the ACLED note style)."""
    lexicon = places_lexicon()
    words = sorted({*lexicon["settlement_words"], *lexicon["district_words"], *lexicon["admin2_words"]}, key=len)
    kinds = "|".join(re.escape(w) for w in reversed(words))
    return re.compile(rf"^\s*(?:(?:{kinds})\s*)?\(([^()]{{1,80}})\)", re.IGNORECASE)


@cache
def _sited_institution_words() -> frozenset[str]:
    return frozenset(places_lexicon()["sited_institution_words"])


def _sited_in(doc: Doc, span: Span) -> bool:
    """ "the University of Khartoum", "the Municipality Office of Bossaso": the span follows
    "<institution> of", so it names where the institution stands."""
    k = span.start
    return k >= 2 and doc[k - 1].lower_ == "of" and doc[k - 2].lower_ in _sited_institution_words()


# inside a bracket that lists capitalised names only: "(Vurra, Arua)", "(Kisumu Central, Kisumu)"
_BRACKET_LIST_BEFORE = re.compile(r"\((?:\s*[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*\s*,)*\s*$")
_BRACKET_LIST_AFTER = re.compile(r"^(?:\s*,\s*[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*)*)*\s*\)")


def _in_bracket_list(text: str, span: Span) -> bool:
    """The span is one of a bracket's comma-separated capitalised names, the units that hold the
    name before the bracket (ACLED-note style), whatever the NER called them."""
    before = text[max(0, span.start_char - 80) : span.start_char]
    after = text[span.end_char : span.end_char + 80]
    return bool(_BRACKET_LIST_BEFORE.search(before) and _BRACKET_LIST_AFTER.match(after))


def _bracket_region(name: str, after: str, gazetteer) -> str | None:
    """The region a bracket after `name` puts it in, or None.

    The broadest part that is a region is taken ("(Likuyani, Kakamega county)" -> Kakamega
    county): the place is looked for in it, and an unlisted village falls back to it rather than
    to a same-named town abroad. A region name several countries use ("(Eastern)") counts only
    where one of the name's places lies in the region it reads as.
    """
    m = _bracket_after().match(after)
    if m is None:
        return None
    places = gazetteer.lookup(name)
    for part in reversed([p.strip() for p in m.group(1).split(",")]):
        if not part[:1].isupper():
            continue
        region = gazetteer.find_region(part, fuzzy=False)
        if region is None:
            continue
        if not places or any(c.region == region.code for c in places):
            return part
        countries = {u.country_code for u in gazetteer.lookup_units(parse_toponym(part).name)}
        if countries <= {region.country_code}:
            return part
    return None


def _name_parts(doc: Doc, gazetteer) -> set[int]:
    """Token indices inside a multi-word person or organisation name that is not a place list.

    "Vladimir Putin" holds the city name Vladimir and "the Kyiv Post" the capital; neither is
    where anything happened. An entity made only of place names ("Belgorod, Bryansk", which
    the NER may tag ORG) is kept; so is a designated village the NER calls a person.
    """
    out: set[int] = set()
    surnames: set[str] = set()
    for ent in doc_index(doc).ents:
        if ent.label_ not in ("PERSON", "ORG"):
            continue
        ent = _cut_at_bracket(ent)
        if _in_bracket_list(doc.text, ent):
            continue  # "(Vurra, Arua)" the NER calls an organisation: the units holding a place
        sited = next((t.i + 1 for t in ent if _sited_in(doc, doc[t.i + 1 : t.i + 2])), None)
        if sited is not None:
            ent = doc[ent.start : sited]  # "the University of Khartoum": Khartoum is where it stands
        words = [t for t in ent if t.is_alpha and t.lower_ not in ("the", "a", "an", "and", "of")]
        if len(words) < 2 or gazetteer.is_name(" ".join(t.text for t in words)):
            continue
        if any(REGION_WORDS.match(t.text) for t in words):
            continue  # "Kursk Oblast" tagged ORG is still the region
        titled = ent.start > 0 and doc[ent.start - 1].pos_ == "NOUN" and doc[ent.start - 1].is_lower
        if not titled and all(gazetteer.is_name(t.text) and not _common_word(t.text) for t in words):
            continue  # "Belgorod, Bryansk" tagged ORG: a list of places (but "governor Pavel Orlov" is a man)
        out.update(t.i for t in words)
        surnames.add(words[-1].text)
    # "Pavel Orlov said ... Orlov wrote": the surname alone later is the same person, not the
    # town of Orlov
    out.update(t.i for t in doc if t.text in surnames)
    return out


@lru_cache(maxsize=1)
def _guard_words() -> tuple[frozenset[str], frozenset[str], re.Pattern[str]]:
    lexicon = places_lexicon()
    cues = "|".join(re.escape(c) for c in sorted(lexicon["locative_cues"], key=len, reverse=True))
    locative = re.compile(rf"\b(?:{cues})\s+(?:the\s+)?(?:city\s+of\s+|town\s+of\s+)?$", re.IGNORECASE)
    return frozenset(lexicon["street_words"]), frozenset(lexicon["building_words"]), locative


def _country_initials(text: str) -> bool:
    """'U.S.', 'UK': a country written in initials, a place even where it modifies a noun."""
    return (text.isupper() or "." in text) and len(text.replace(".", "")) <= 4


@cache
def _compass_words() -> frozenset[str]:
    return frozenset(places_lexicon()["compass_words"])


def _settlement_word_follows(doc: Doc, end: int) -> bool:
    """A settlement word ("village", "town") comes right after token `end - 1`."""
    return end < len(doc) and doc[end].lower_ in _settlement_words()


@cache
def _settlement_words() -> frozenset[str]:
    return frozenset(w for w in places_lexicon()["settlement_words"] if " " not in w)


def _compass_bearing(span: Span) -> bool:
    """The span is only compass points and "of" follows it ("North East of", "south-west of")."""
    doc = span.doc
    words = [w for t in span for w in t.lower_.split("-") if w]
    return (
        bool(words)
        and all(w in _compass_words() for w in words)
        and span.end < len(doc)
        and doc[span.end].lower_ == "of"
    )


def _place_evidence_enough(span: Span, sent: Span, gazetteer, index: DocIndex) -> bool:
    """The spotting guard: is this capitalised name a place here?

    Never when it is a word of a street, building or organisation name ("Kirova Street", "Wal"
    of "Wal-Mart"), or of a longer entity that is not a place, or a short all-capitals word
    that is no country code ("AP"). A name that is also an ordinary word or a person's name
    (`sitreps.places.words.needs_evidence`: "Panic", "Bishop", "Lincoln", "THE MASSACRE") needs
    positive evidence: a locative cue before it ("in", "near"), a region or country beside it
    ("Lincoln, Nebraska"), or the NER calling exactly this span a place.
    """
    doc = span.doc
    streets, buildings, locative = _guard_words()
    if _compass_bearing(span):
        return False  # "40 km South West of Garissa": a bearing from the place, not a region
    if span.end < len(doc) and doc[span.end].text[:1].isupper():
        # "Kirova Street", "Lancaster General Hospital"; but "an Ohio church" is in Ohio
        follower = doc[span.end].lower_.strip(".")
        second = doc[span.end + 1].lower_.strip(".") if span.end + 1 < len(doc) else ""
        if follower in streets or follower in buildings or second in buildings:
            return False
    text = span.text
    glued_before = span.start > 0 and doc[span.start - 1].text == "-" and not doc[span.start - 1].whitespace_
    glued_after = span.end < len(doc) and doc[span.end].text == "-" and not doc[span.end - 1].whitespace_
    if glued_before or glued_after:
        return False  # a piece of a hyphenated word ("Wal-Mart", "Baltia-Pskov")
    if (
        text.isupper()
        and len(text.replace(".", "")) <= 3
        and gazetteer.country_code(text) is None
        and not ("." in text and any(u.kind == "admin1" for u in gazetteer.lookup_units(text)))
    ):
        return False  # "AP", "IRS"; but "S.C.", "D.C." are regions
    ent = index.ent_holding(span.start, span.end)
    if ent is not None:
        ent = _cut_at_bracket(ent)
        if span.end > ent.end or _sited_in(doc, span) or _in_bracket_list(index.text, span):
            # the span lies in the bracket part the NER glued on, names where an institution
            # stands ("the University of Khartoum"), or is a unit of a "(Vurra, Arua)" list the
            # NER took for an organisation
            ent = None
    if ent is not None and ent.label_ not in PLACE_ENTS and (ent.start, ent.end) != (span.start, span.end):
        if not all(gazetteer.is_name(t.text) for t in ent if t.is_alpha and t.lower_ not in ("and", "of", "the")):
            return False  # "Texas Instruments", "the Kyiv Post": inside a non-place name
    exact_place = ent is not None and ent.label_ in PLACE_ENTS and (ent.start, ent.end) == (span.start, span.end)
    word = text if not text.isupper() else text.lower()
    # "Lincoln" the PERSON, "Toyota" the ORG; the small NER model also calls towns persons
    # ("the Gainesville sewer system"), so a PERSON label counts only for a census name
    named_otherwise = ent is not None and (
        ent.label_ in ("ORG", "PRODUCT", "NORP", "EVENT", "WORK_OF_ART")
        or (ent.label_ == "PERSON" and is_any_person_name(word))
    )
    ordinary = is_ordinary_word(word)
    if any(u.kind in ("country", "admin1") and u.matched != "bare" for u in gazetteer.lookup_units(text)):
        # a country's or region's name ("China", "Georgia"): only an everyday word needs more
        if not ordinary or exact_place:
            return True
    elif not named_otherwise and not needs_evidence(word):
        return True
    before = index.text[max(sent.start_char, span.start_char - 40) : span.start_char]
    if locative.search(before) or _object_of_a_place_verb(span):
        return True
    after = index.text[span.end_char : min(sent.end_char, span.end_char + 40)]
    beside = re.match(r"^\s*,\s*([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)", after)
    if beside and any(u.kind in ("admin1", "country") for u in gazetteer.lookup_units(beside.group(1))):
        return True
    # the NER's own place label is evidence for a person's name ("Jackson"), not for an
    # everyday word ("Panic", "Hurricane")
    return exact_place and not ordinary


@cache
def _place_object_verbs() -> frozenset[str]:
    return frozenset(places_lexicon()["place_object_verbs"])


def _object_of_a_place_verb(span: Span) -> bool:
    """The span is what a verb that acts on places acts on ("shelled Kramatorsk", "Nikopol was
    struck"), not its agent: positive evidence, as a locative cue is."""
    root = span.root
    head = root.head
    return (
        root.dep_ in ("dobj", "nsubjpass")
        and head.pos_ == "VERB"
        and head.lemma_.lower() in _place_object_verbs()
        and not is_any_person_name(root.lower_)
    )


def _whole_place_entity(tok) -> bool:
    """The NER calls this one token a place by itself ("Split"), not a word of a longer one ("North Kivu")."""
    doc = tok.doc
    return (
        tok.ent_type_ in PLACE_ENTS
        and tok.ent_iob_ == "B"
        and (tok.i + 1 >= len(doc) or doc[tok.i + 1].ent_iob_ != "I")
    )


def _whole_place_span(span: Span) -> bool:
    """The NER calls exactly this span a place (GPE, LOC, FAC)."""
    doc = span.doc
    return (
        span[0].ent_type_ in PLACE_ENTS
        and span[0].ent_iob_ == "B"
        and all(t.ent_iob_ == "I" for t in span[1:])
        and (span.end >= len(doc) or doc[span.end].ent_iob_ != "I")
    )


def _possessive_capital(doc: Doc, start: int, end: int, capital_country) -> bool:
    """ "Moscow's war effort", "Kyiv's forces": a capital standing for its government."""
    if capital_country is None or end >= len(doc) or doc[end].text not in ("'s", "’s", "'", "’"):
        return False
    return capital_country(doc[start:end].text) is not None


def spot(
    doc: Doc, gazetteer, actor_spans: list[tuple[int, int]], capital_country=None, is_demonym=None
) -> list[Toponym]:
    """Candidate toponyms with their phrase context (not yet resolved).

    `capital_country(name)` (the actor registry's) tells which names are capitals, so that a
    possessive capital is read as its government, not as a place.
    """
    spotter = _Spotter(doc, gazetteer, actor_spans, capital_country, is_demonym)
    for sent in doc.sents:
        spotter.read_sentence(sent)
    return sorted(spotter.out, key=lambda t: t.start)


@dataclass(frozen=True)
class _SpanContext:
    """What the words around a candidate span say about it."""

    name: str  # the span, or the span with its region word ("the Belgorod region")
    end: int
    before: str  # up to 80 characters of its sentence on each side
    after: str
    as_region: bool
    designated: bool
    hint: str | None  # the region named after it ("Kozinka, Belgorod region", a bracket)


class _Spotter:
    """Spots the toponyms of one document, sentence by sentence."""

    def __init__(self, doc: Doc, gazetteer, actor_spans: list[tuple[int, int]], capital_country, is_demonym) -> None:
        self.doc, self.gazetteer = doc, gazetteer
        self.index = doc_index(doc)
        self.capital_country, self.is_demonym = capital_country, is_demonym
        self.name_parts = _name_parts(doc, gazetteer)
        # actor spans by start, with the furthest end reached so far: some span starting at or
        # before s reaches e exactly when that running maximum does
        actor_starts = sorted(actor_spans)
        self.actor_start_chars = [a for a, _ in actor_starts]
        self.actor_reach = list(accumulate((b for _, b in actor_starts), max))
        self.seen: set[tuple[int, int]] = set()
        self.out: list[Toponym] = []
        # the toponyms of the sentence being read: only they can hold a new span (a toponym ends
        # inside its own sentence), so the check does not rescan the article's
        self.sent_out: list[Toponym] = []

    def read_sentence(self, sent: Span) -> None:
        self.sent_out = []
        runs = _capitalised_runs(sent)
        ents = [(e.start, e.end) for e in self.index.ents_within(sent.start, sent.end) if e.label_ in PLACE_LABELS]
        # Abbreviated country and region names the runs miss ("U.S.", "U.K.", "S.C.", "Ky."),
        # a country also inside an actor's name
        dotted = [(t.i, t.i + 1) for t in sent if "." in t.text and t.text[:1].isupper() and self._listed_code(t.text)]
        # "Bali Cadde village": a run before a settlement word is one village's name (or
        # qualifiers with the name last), and its first words are no places of their own
        village_runs = [(s, e) for s, e in runs if e - s > 1 and _settlement_word_follows(self.doc, e)]
        for start, end in sorted(set(ents) | set(runs) | set(dotted)):
            if any(s <= start and end < e for s, e in village_runs):
                continue
            # Sentence-initial capitals are ordinary words unless the gazetteer says otherwise.
            self.add(start, end, sent)
            # A run may hold several names ("Graivoronsky Kozinka") or a name glued to a title word.
            if end - start > 1:
                first = end - 1 if (start, end) in village_runs else start
                for k in range(first, end):
                    self.add(k, k + 1, sent)

    def _listed_code(self, text: str) -> bool:
        gazetteer = self.gazetteer
        return gazetteer.country_code(text) is not None or any(u.kind == "admin1" for u in gazetteer.lookup_units(text))

    def inside_actor(self, s: int, e: int) -> bool:
        k = bisect_right(self.actor_start_chars, s) - 1
        return k >= 0 and self.actor_reach[k] >= e

    def add(self, start_tok: int, end_tok: int, sent: Span) -> None:
        span = self.doc[start_tok:end_tok]
        # trim leading determiners
        while len(span) and span[0].lower_ in ("the", "a", "an"):
            span = self.doc[span.start + 1 : span.end]
        if not len(span) or self._no_place_name(span):
            return
        context = self._context(span, sent)
        if not self._place_enough(span, sent, context):
            return
        doc, s = self.doc, span.start_char
        prev = doc[span.start - 1] if span.start > sent.start else None
        origin = prev is not None and prev.lower_ in ORIGIN_PREPS
        near = bool(NEAR.search(context.before))
        self.seen.add((span.start_char, span.end_char))
        toponym = Toponym(
            s,
            context.end,
            context.name,
            sent.start_char,
            near,
            context.hint,
            context.designated,
            origin,
            context.as_region,
        )
        self.sent_out.append(toponym)
        self.out.append(toponym)

    def _no_place_name(self, span: Span) -> bool:
        """What rules the span out before its context is read."""
        s, e = span.start_char, span.end_char
        if (s, e) in self.seen or any(t.start <= s and e <= t.end for t in self.sent_out):
            return True  # "Laurel" of "Laurel County", already found
        if self.inside_actor(s, e) and self.gazetteer.country_code(span.text) is None:
            return True  # an actor's name, but "U.S." of "U.S. military" still names the country
        if _possessive_capital(self.doc, span.start, span.end, self.capital_country):
            return True
        if any(t.ent_type_ in NOT_PLACE_ENTS for t in span):
            return True  # "on Thursday" is not Thursday Island
        is_demonym = self.is_demonym
        # "the Malian army": a people, not Malyan (but "the U.S." is the country)
        return bool(
            is_demonym is not None and len(span) == 1 and is_demonym(span.text) and not _country_initials(span.text)
        )

    def _context(self, span: Span, sent: Span) -> _SpanContext:
        text = self.index.text
        s, e = span.start_char, span.end_char
        before = text[max(sent.start_char, s - 80) : s]
        after = text[e : min(sent.end_char, e + 80)]
        as_region = bool(REGION_OF.search(before) or REGIONS_AFTER.match(after))
        region_after = REGION_AFTER.match(after)
        hint = region_after.group(1) if region_after else _bracket_region(span.text, after, self.gazetteer)
        name = span.text
        region_word = REGION_WORDS.match(after)
        if region_word:
            # "the Belgorod region": the region itself
            name, e = text[s : e + region_word.end()], e + region_word.end()
        designated = bool(DESIGNATORS.search(before)) and not as_region
        return _SpanContext(name, e, before, after, as_region, designated, hint)

    def _place_enough(self, span: Span, sent: Span, context: _SpanContext) -> bool:
        """Whether the span, in its context, is evidence enough of a place to be kept."""
        gazetteer, doc = self.gazetteer, self.doc
        designated, hinted = context.designated, context.designated or bool(context.hint)
        known = (
            gazetteer.is_name(span.text)
            or gazetteer.find_region(context.name) is not None
            or bool(gazetteer.lookup_units(span.text))
            # a spelling variant of a listed town ("Kismaayo" for Kismayo) where the NER calls
            # exactly this span a place, it names where an institution stands, or it is what
            # a strike or an assault hit ("shelled Kupiansk")
            or (
                (_whole_place_span(span) or _sited_in(doc, span) or _object_of_a_place_verb(span))
                and bool(gazetteer.lookup_variants(span.text))
            )
        )
        if len(span) == 1 and context.name == span.text and span[0].lower_ in _compass_words() and not designated:
            return False  # "South" of "South West forces": a bearing word read alone, not Cameroon's South region
        if not known and not hinted:
            return False
        if not known and all(_common_word(t.text) for t in span if t.is_alpha):
            return False  # "Later in the Kursk region": a capitalised word, not an unlisted village
        if (
            known
            and len(span) == 1
            and not hinted
            and not _whole_place_entity(span[0])
            and _zipf(span.text) >= VERY_COMMON_ZIPF
        ):
            return False  # "On 12 May", "North Kivu" read word by word: everyday words, not places
        if not designated and all(t.i in self.name_parts for t in span):
            return False
        return hinted or _place_evidence_enough(span, sent, gazetteer, self.index)


def dateline_filing_place(dateline_place: str | None, resolver) -> Location | None:
    """Where a wire dateline says the story was filed ("NAIROBI, Kenya" -> Nairobi, KE; "NO CITY
    (PERU)" -> Peru), or None: often, not always, where it happened (Madrid for a story on Bolivia)."""
    if not dateline_place:
        return None
    parts = [part.strip() for part in dateline_place.split(",") if part.strip()]
    context = resolver.context_for(dateline_place)
    found = resolver.resolve(parts[0], context)
    if found.location is not None and found.location.country_code:
        return found.location
    for part in reversed(parts):  # a country named outright
        if (code := resolver.gazetteer.country_code(part)) and (unit := resolver.gazetteer.country_unit(code)):
            return resolver.gazetteer.unit_location(unit, part)
    return None


def dateline_country(dateline_place: str | None, resolver) -> str | None:
    """The country of the place a wire dateline names ("SAN SALVADOR" -> SV), or None."""
    filed = dateline_filing_place(dateline_place, resolver)
    return filed.country_code if filed is not None else None


def country_place(code: str | None, gazetteer, name: str, span: tuple[int, int, int] = (0, 0, 0)) -> Toponym | None:
    """A whole country as a country-level place (ACLED geo_precision 3) named `name`, at `span`
    (start, end, sentence start) in the text; (0, 0, 0) when the name is not in the text (a
    dateline's)."""
    unit = gazetteer.country_unit(code) if code else None
    if unit is None:
        return None
    start, end, sent_start = span
    return Toponym(
        start=start,
        end=end,
        text=name,
        sent_start=sent_start,
        near=False,
        region_hint=None,
        designated=False,
        origin=False,
        country=code,
        location=gazetteer.unit_location(unit, name),
        kind="country",
    )


def resolve_all(toponyms: list[Toponym], text: str, resolver, dateline_place: str | None = None) -> None:
    """Resolve every toponym with the whole article as context (in place).

    The place a wire dateline names is not in the text and is never a toponym here; where the
    text names no country at all, the dateline's place is the context its names are read in, as
    a named country and a sure place to be near ("SAN SALVADOR, 12 Nov 89 -- ... fighting in San
    Miguel": El Salvador's San Miguel, not one in another country far away).
    """
    if not toponyms:
        return
    context = resolver.context_for(text, [t.text for t in toponyms])
    if not context.countries and (filed := dateline_filing_place(dateline_place, resolver)) is not None:
        context.countries = frozenset({filed.country_code})
        if filed.geonameid is not None and filed.lat is not None and filed.lon is not None:
            # a place to be near, but no region: an unlisted village is not put in the filing
            # city's region for want of another
            key = name_key(filed.toponym or filed.name)
            context.anchors = [*context.anchors, Anchor(key, filed.name, filed.lat, filed.lon, filed.country_code, "")]
    resolved: dict[tuple[str, bool, str | None], tuple[Location | None, str, str]] = {}

    def resolve(name: str, near: bool = False, region_hint: str | None = None) -> tuple[Location | None, str, str]:
        """The resolver's (location, why, kind), asked once per name, "near" flag and hint: the
        context is the article's either way, and a long article names one place many times."""
        key = (name, near, region_hint)
        if key not in resolved:
            res = resolver.resolve(name, context, near=near, region_hint=region_hint)
            resolved[key] = (res.location, res.why, res.kind)
        location, why, kind = resolved[key]
        return (location.model_copy() if location is not None else None), why, kind  # one copy per toponym

    for top in toponyms:
        if top.as_region:
            location, why, _kind = resolve(f"{top.text} region")
            if location is not None and location.geonameid is None:
                top.location, top.why = location, "the text calls it a region: " + why
                top.kind = "admin1"
                top.location = top.location.model_copy(update={"toponym": top.text})
                continue
        location, top.why, top.kind = resolve(top.text, top.near, top.region_hint)
        top.location = location
        if top.kind in ("country", "continent"):
            top.area, top.location = location, None
            top.country = location.country_code if location is not None else None
        elif top.location is None:
            top.country = resolver.gazetteer.country_code(top.text)
        if top.location is not None and top.location.toponym is None:
            top.location = top.location.model_copy(update={"toponym": top.text})
    _bare_region_names(toponyms)


def _bare_region_names(toponyms: list[Toponym]) -> None:
    """A bare "X" in a story that names "the X region" reads as that region, not its capital.

    Once an article has said "the Belgorod region", a later "a raid into Belgorod" is ambiguous
    between the region and its capital city; the region holds both readings, so it is the
    honest choice (coarser, never wrong). A designated "the city of X" keeps the city.
    """
    regions: dict[str, Location] = {}
    for top in toponyms:
        loc = top.location
        if loc is not None and loc.geonameid is None and loc.admin1_code and (top.as_region or top.text != loc.name):
            base = REGION_WORDS.sub("", top.text.split()[0]) if top.text.split() else ""
            regions.setdefault(base.lower(), loc)
    for top in toponyms:
        loc = top.location
        if loc is None or loc.geonameid is None or top.designated or top.near:
            continue
        region = regions.get(top.text.lower())
        if region is not None and region.admin1_code == loc.admin1_code and region.country_code == loc.country_code:
            top.location = region.model_copy(update={"toponym": top.text})
            top.why = f"'{top.text}' is named as a region elsewhere in the article"
