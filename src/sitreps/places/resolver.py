"""Context-aware toponym resolution: which of the places a name may mean does this article mean?

An article is read once (`PlaceResolver.context_for`) for the countries and admin1 regions it
names and for its unambiguous places (anchors). Each toponym is then scored against that
context: the name match, population, the region the sentence puts it in, the regions and
countries the article names, and the distance to the article's other places. A candidate in a
country the story never names and far from all its places is rejected rather than chosen; a
village the gazetteer lacks falls back to the region the text puts it in (geo_precision 3).
Weights and thresholds live in data/places.yaml.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process

from sitreps.model import Location
from sitreps.places.gazetteer import Candidate, Gazetteer, Region, haversine_km
from sitreps.places.names import (
    ToponymPhrase,
    adjective_stems,
    name_key,
    parse_toponym,
    places_lexicon,
    variant_key,
    variant_key_of,
)
from sitreps.places.words import is_ordinary_word, needs_evidence

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_CAPITAL = "A-ZА-ЯЁІЇЄҐ"
_WORD = r"[\w'’-]+"
# Rank penalty (characters) of a region phrase standing before the toponym rather than after it.
_HINT_WINDOW = 1000
# District adjectives ("Graivoronsky") are tried as the district's centre town.
_DISTRICT_ADJECTIVE = re.compile(r"(sk|ck|zk)(y|yi|iy|ii|ij|i|a|aya|aia|oy|oi)$")


@functools.cache
def _region_phrase_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = sorted(places_lexicon()["region_words"], key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in words)
    name = rf"[{_CAPITAL}]{_WORD}(?:\s+[{_CAPITAL}]{_WORD})?"
    # "the Kursk region", "Belgorod Oblast", "Белгородская область", "the Kursk and Bryansk regions"
    before = re.compile(rf"\b({name}(?:\s*,\s*{name})*(?:,?\s+and\s+{name})?)\s+(?i:{alt})\b")
    # "the region of Sumy", "the Russian regions of Belgorod, Bryansk and Kursk"
    after = re.compile(rf"\b(?i:{alt})\s+of\s+({name}(?:\s*,\s*{name})*(?:,?\s+and\s+{name})?)")
    return before, after


_LIST_ITEM = re.compile(rf"[{_CAPITAL}]{_WORD}(?:\s+[{_CAPITAL}]{_WORD})?")
# A list of names ending just before a phrase: "A, B and C, border towns in ..."
_LIST_BEFORE = re.compile(rf"({_LIST_ITEM.pattern}(?:\s*,\s*{_LIST_ITEM.pattern})*,?\s+and\s+{_LIST_ITEM.pattern})")
_BIG_FOREIGN = "foreign"
_POSSESSIVE = re.compile(r"['’]s$")
# What may stand between a toponym and the region phrase that places it. After it:
# "X in the Y region", "X, a village in the Russian Y region", "X (Y oblast)", and the same
# after a list "X, Z and W, in the Y region" (the rest of the list is cut first, _LIST_TAIL).
_LIST_TAIL = re.compile(rf"^(?:\s*(?:,|and|&)\s*[{_CAPITAL}][\w'’]*(?:[\s-]+[{_CAPITAL}][\w'’]*)?)+")
_HINT_AFTER = re.compile(
    r"^\s*[,(]?\s*(?:(?:an?|the)\s+)?(?:[\w-]+\s+){0,3}?(?:in|of|near)\s+(?:the\s+)?(?:\w+\s+)?$"
    r"|^\s*[,(]\s*(?:the\s+)?$",
    re.I,
)
# Before it: "in the Y region, the village of X", "Y region's X", "In Y oblast X".
_HINT_BEFORE = re.compile(r"^(?:['’]s)?\s*,?\s*(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,2}?(?:of\s+)?$", re.I)
_RESPECTIVELY = re.compile(r"\brespectively\b", re.I)


_DOTTED_REGION = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,3}(?![\w])")
_CAPITALIZED_RUN = re.compile(rf"[{_CAPITAL}][\w'’]*(?:\s+[{_CAPITAL}][\w'’]*){{0,2}}")


@functools.cache
def _locative_before() -> re.Pattern[str]:
    """A locative cue ending the text ("in", "near the"): built from places.yaml on first use."""
    cues = sorted(places_lexicon()["locative_cues"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(c) for c in cues) + r")\s+(?:the\s+)?$", re.IGNORECASE)


# The names listed before a name ("in Columbus, Grove City and "): cut so that the cue before the
# list is the one the name stands after.
_LIST_HEAD = re.compile(
    rf"(?:[{_CAPITAL}][\w'’.-]*(?:\s+[{_CAPITAL}][\w'’.-]*)*\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+))+$"
)


_NEXT_WORD = re.compile(r"\s+([a-z]+)")


@functools.cache
def _force_words() -> frozenset[str]:
    return frozenset(places_lexicon()["force_words"])


@functools.cache
def _unit_designators() -> frozenset[str]:
    """One-word designators of second-level units ("County", "Parish", "District")."""
    return frozenset(w.lower() for w in places_lexicon()["admin2_words"] if " " not in w)


_OF_AFTER = re.compile(r"\s+of\b", re.I)


def _compass_only(name: str) -> bool:
    """The name is compass words only ("South West", "north-east"): a region of that name is
    meant only where the story is already in its country."""
    words = [w for w in re.split(r"[\s-]+", name.lower()) if w]
    return bool(words) and all(w in places_lexicon()["compass_words"] for w in words)


def _is_bearing(name: str, text: str, end: int) -> bool:
    """'South West' in '60 km South West of Baidoa': compass points before 'of' are a bearing
    from a place, not the region of that name (Cameroon's South-West)."""
    words = [w for w in re.split(r"[\s-]+", name.lower()) if w]
    compass = places_lexicon()["compass_words"]
    return bool(words) and all(w in compass for w in words) and bool(_OF_AFTER.match(text, end))


@functools.cache
def _street_words() -> frozenset[str]:
    return frozenset(w.lower() for w in places_lexicon()["street_words"])


_NEXT_WORD = re.compile(r"[ \t]+([\w'’]+)")


def _names_a_street(text: str, end: int) -> bool:
    """The capitalised word after text[:end] makes the name a street's ("Lombardy Drive",
    "Virginia Avenue"): a street may be named after any region. (An organisation named after
    one, "Texas Department of Health", "Florida Highway Patrol", still tells where the story is.)"""
    following = _NEXT_WORD.match(text, end)
    word = following.group(1) if following else ""
    if not word or not word[0].isupper() or word.lower() not in _street_words():
        return False
    after = _NEXT_WORD.match(text, following.end())
    return not (after and after.group(1)[0].isupper())


def _country_name_spans(text: str, lexicon: dict[str, str]) -> list[tuple[int, int]]:
    """Offsets of the multi-word country names in `text` ("New Zealand", "South Sudan")."""
    spans = []
    for run in _CAPITALIZED_RUN.finditer(text):
        words = list(re.finditer(r"\S+", run.group(0)))
        for first in range(len(words)):
            for last in range(len(words) - 1, first, -1):
                start, end = run.start() + words[first].start(), run.start() + words[last].end()
                if name_key(_POSSESSIVE.sub("", text[start:end])) in lexicon:
                    spans.append((start, end))
                    break
    return spans


def _is_common_word(name: str, settings: dict[str, Any]) -> bool:
    from wordfreq import zipf_frequency  # loaded only when a fallback needs it

    return zipf_frequency(name.lower(), "en") >= settings["common_word_zipf"]


@dataclass(frozen=True)
class RegionMention:
    start: int
    end: int
    region: Region
    group: int = -1  # mentions listed together ("regions of A, B and C") share a group
    order: int = 0  # position in that list


@dataclass(frozen=True)
class Anchor:
    """A place of the article resolved without doubt; it pulls its neighbours' readings."""

    key: str  # name_key of the toponym it came from
    name: str
    lat: float
    lon: float
    country_code: str
    region: str


# Characters no gap between a toponym and the region phrase that places it may hold (the
# complement of what _LIST_TAIL + _HINT_AFTER, and _HINT_BEFORE, match): a longer gap holding one
# cannot match either, so the search for the nearest region phrase stops at the first of them.
_NOT_IN_GAP_AFTER = re.compile(r"[^\w\s,(&'’-]")
_NOT_IN_GAP_BEFORE = re.compile(r"[^\w\s,'’-]")


class _Spans:
    """Character spans of one article, asked "does any overlap start..end?" (a < end and start < b)
    without reading them all: each span is filed under the blocks of text it covers, and a query
    reads only the spans filed under its own blocks."""

    BLOCK = 64  # characters: a few words, so a block holds few spans

    def __init__(self) -> None:
        self._blocks: dict[int, list[tuple[int, int]]] = {}

    def _block_range(self, start: int, end: int) -> range:
        # an empty span still has the block of its position (it overlaps a span around it)
        return range(start // self.BLOCK, max(start, end - 1) // self.BLOCK + 1)

    def add(self, start: int, end: int) -> None:
        for block in self._block_range(start, end):
            self._blocks.setdefault(block, []).append((start, end))

    def overlaps(self, start: int, end: int) -> bool:
        return any(
            a < end and start < b for block in self._block_range(start, end) for a, b in self._blocks.get(block, ())
        )


@dataclass
class _MentionIndex:
    """One article's region mentions in text order, for `PlaceContext.hint_for`: the nearest
    mention after or before a toponym is found by bisection, not by reading every mention of the
    article per occurrence (which made long articles quadratic)."""

    text: str
    source: list[RegionMention]  # the context's own list, to notice a change
    size: int
    by_start: list[tuple[int, int, RegionMention]]  # (start, position in source, mention)
    starts: list[int]
    end_reach: list[int]  # running maximum of the ends, in start order
    by_end: list[tuple[int, int, RegionMention]]  # (end, -position in source, mention)
    ends: list[int]
    hull_starts: list[int]  # listed groups' hulls ("regions of A, B and C"), by start
    hull_reach: list[int]  # running maximum of the hulls' ends
    groups: dict[int, list[tuple[int, RegionMention]]]  # group -> (position in source, mention)
    stops_after: list[int]  # offsets of the characters _NOT_IN_GAP_AFTER finds
    stops_before: list[int]
    hints: dict[str, Region | None] = field(default_factory=dict)

    @classmethod
    def build(cls, text: str, mentions: list[RegionMention]) -> _MentionIndex:
        by_start = sorted((m.start, k, m) for k, m in enumerate(mentions))
        by_end = sorted((m.end, -k, m) for k, m in enumerate(mentions))
        groups: dict[int, list[tuple[int, RegionMention]]] = {}
        hulls: dict[int, tuple[int, int]] = {}
        for k, m in enumerate(mentions):
            if m.group >= 0:
                groups.setdefault(m.group, []).append((k, m))
                lo, hi = hulls.get(m.group, (m.start, m.end))
                hulls[m.group] = (min(lo, m.start), max(hi, m.end))
        hull_list = sorted(hulls.values())
        return cls(
            text=text,
            source=mentions,
            size=len(mentions),
            by_start=by_start,
            starts=[start for start, _, _ in by_start],
            end_reach=list(itertools.accumulate((m.end for _, _, m in by_start), max)),
            by_end=by_end,
            ends=[end for end, _, _ in by_end],
            hull_starts=[lo for lo, _ in hull_list],
            hull_reach=list(itertools.accumulate((hi for _, hi in hull_list), max)),
            groups=groups,
            stops_after=[m.start() for m in _NOT_IN_GAP_AFTER.finditer(text)],
            stops_before=[m.start() for m in _NOT_IN_GAP_BEFORE.finditer(text)],
        )

    def built_for(self, text: str, mentions: list[RegionMention]) -> bool:
        return self.text is text and self.source is mentions and self.size == len(mentions)

    def inside_region_phrase(self, start: int, end: int) -> bool:
        """Some mention overlaps start..end, or a listed group's span holds it."""
        k = bisect.bisect_left(self.starts, end)  # mentions starting before `end`
        if k and self.end_reach[k - 1] > start:
            return True
        h = bisect.bisect_right(self.hull_starts, start)
        return bool(h) and self.hull_reach[h - 1] >= end

    def nearest_after(self, end: int) -> tuple[int, int, Region] | None:
        """(distance, position, region) of the nearest mention after `end` that the gap lets
        place the toponym ("X, a village in the Y region")."""
        s = bisect.bisect_left(self.stops_after, end)
        stop = self.stops_after[s] if s < len(self.stops_after) else len(self.text)
        for start, k, mention in self.by_start[bisect.bisect_left(self.starts, end) :]:
            if start > stop:
                break  # the gap would hold a character no hint gap has
            gap = self.text[end:start]
            if _HINT_AFTER.match(_LIST_TAIL.sub("", gap, count=1)):
                return len(gap), k, mention.region
        return None

    def nearest_before(self, start: int) -> tuple[int, int, Region] | None:
        """(distance, position, region) of the nearest mention ending before `start` that the gap
        lets place the toponym ("in the Y region, the village of X"), ranked behind any after it."""
        s = bisect.bisect_left(self.stops_before, start)
        stop = self.stops_before[s - 1] if s else -1
        for end, neg_k, mention in reversed(self.by_end[: bisect.bisect_right(self.ends, start)]):
            if end <= stop:
                break
            gap = self.text[end:start]
            if _HINT_BEFORE.match(gap):
                return len(gap) + _HINT_WINDOW, -neg_k, mention.region  # "X in the Y region" beats "in the Y region, X"
        return None

    def groups_after(self, position: int) -> list[list[RegionMention]]:
        """The listed groups with a mention after `position` in its sentence, each as its mentions
        after `position` (in the mentions' order), in the order their first such mention is listed.
        A group first named in a later sentence cannot pair with the toponym ("respectively")."""
        bound = len(self.text)
        if position < len(self.text) and not self.text[position].isspace():
            sentence_end = _SENTENCE_END.search(self.text, position)
            bound = sentence_end.start() if sentence_end else len(self.text)
        lo, hi = bisect.bisect_right(self.starts, position), bisect.bisect_right(self.starts, bound)
        near = {m.group for _, _, m in self.by_start[lo:hi] if m.group >= 0}
        found = []
        for group in near:
            members = [(k, m) for k, m in self.groups[group] if m.start > position]
            found.append((members[0][0], [m for _, m in members]))
        return [members for _, members in sorted(found, key=lambda pair: pair[0])]


@dataclass
class PlaceContext:
    """What one article says about where it is: countries, regions, sure places."""

    text: str = ""
    countries: frozenset[str] = frozenset()
    # country code -> name keys of the article that put the story there (its own name, its
    # regions, its places); a toponym's own name does not count as context for itself
    country_support: dict[str, set[str]] = field(default_factory=dict)
    # regions whose bare name the article uses but which is also a country's name ("Georgia")
    # with nothing else to tell which: a weaker pull than a named region
    ambiguous_regions: frozenset[str] = frozenset()
    # the fuzzy matcher's candidate names, per hinted region ("" for the whole story), built once
    fuzzy_pools: dict[str, dict[int, str]] = field(default_factory=dict)
    regions: dict[str, Region] = field(default_factory=dict)
    region_mentions: list[RegionMention] = field(default_factory=list)
    anchors: list[Anchor] = field(default_factory=list)
    # region mentions indexed for hint_for, rebuilt when the text or the mentions change
    _hint_index: _MentionIndex | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def has_evidence(self) -> bool:
        return bool(self.countries or self.regions or self.anchors)

    def points(self, exclude_key: str = "") -> list[tuple[float, float, str]]:
        """Anchor places and named regions' centroids, minus the toponym being resolved."""
        pts = [(a.lat, a.lon, a.name) for a in self.anchors if a.key != exclude_key]
        pts.extend((r.lat, r.lon, r.name) for r in self.regions.values())
        return pts

    def hint_for(self, toponym: str) -> Region | None:
        """The region the text puts `toponym` in: 'X and Y, in the Kursk region'.

        The nearest region phrase after an occurrence of the toponym in the same sentence,
        else the nearest before it, within a short window. Answered once per name and context:
        a long article names one place many times.
        """
        if not self.text or not self.region_mentions or not toponym.strip():
            return None
        index = self._mention_index()
        if toponym not in index.hints:
            index.hints[toponym] = self._hint(toponym, index)
        return index.hints[toponym]

    def _mention_index(self) -> _MentionIndex:
        index = self._hint_index
        if index is None or not index.built_for(self.text, self.region_mentions):
            index = self._hint_index = _MentionIndex.build(self.text, self.region_mentions)
        return index

    def _hint(self, toponym: str, index: _MentionIndex) -> Region | None:
        # (distance, mention position): the nearest mention wins, the first listed on a tie
        best: tuple[int, int, Region] | None = None
        words = re.split(r"[\s\-‐–]+", toponym.strip())
        pattern = r"[\s\-‐–]+".join(re.escape(w) for w in words if w)
        for match in re.finditer(pattern, self.text):
            if index.inside_region_phrase(match.start(), match.end()):
                continue  # "Belgorod" inside "the Belgorod region" is the region itself
            paired = self._respectively(match.start(), toponym.strip())
            if paired is not None:
                return paired
            found = [f for f in (index.nearest_after(match.end()), index.nearest_before(match.start())) if f]
            if found:
                near = min(found, key=lambda f: (f[0], f[1]))
                if best is None or near[0] < best[0]:
                    best = near
        return best[2] if best else None

    def _respectively(self, position: int, toponym: str) -> Region | None:
        """'A, B and C, towns in the regions of X, Y and Z, respectively': A->X, B->Y, C->Z."""
        for listed in self._mention_index().groups_after(position):
            first = min(m.start for m in listed)
            sentence_end = _SENTENCE_END.search(self.text, first)
            tail = self.text[first : sentence_end.start() if sentence_end else len(self.text)]
            head = self.text[position:first]
            if _SENTENCE_END.search(head) or not _RESPECTIVELY.search(tail):
                continue
            sentence_start = max((m.end() for m in _SENTENCE_END.finditer(self.text, 0, position)), default=0)
            names = _LIST_BEFORE.search(self.text, sentence_start, first)
            while names and names.end() < position:
                names = _LIST_BEFORE.search(self.text, names.end(), first)
            if not names:
                continue
            items = [m.group(0) for m in _LIST_ITEM.finditer(names.group(1)) if m.group(0).lower() != "and"]
            ordered = sorted(listed, key=lambda m: m.order)
            if toponym in items and len(items) == len(ordered):
                return ordered[items.index(toponym)].region
        return None


@dataclass
class Resolution:
    location: Location | None  # spec Location; toponym = the text as written
    why: str  # which rule decided
    candidates: list[Candidate] = field(default_factory=list)  # scored, best first
    kind: str = "place"  # "place", or the unit kind: "admin2", "admin1", "country", "continent"


class PlaceResolver:
    """Resolves toponyms to GeoNames places (or admin1 regions) using the article's context."""

    def __init__(self, gazetteer: Gazetteer):
        self.gazetteer = gazetteer
        self.settings: dict[str, Any] = places_lexicon()["scoring"]
        self._ambiguous_regions: set[str] = set()  # filled while one article's context is read

    # ---- context ---------------------------------------------------------------------------
    def _side_of_a_war(self, text: str, run: re.Match[str], ends_run: bool, key: str, code: str) -> bool:
        """A demonym ending the capitalised run right before a force word ("Russian forces",
        "U.S. drones"): a side, not where the story is (places.yaml `force_words`). The country's
        own name ("Ukraine's air force said") still names it."""
        if not ends_run or _POSSESSIVE.search(run.group(0)):
            return False
        if key == name_key(self.gazetteer.country_name(code) or ""):
            return False
        following = _NEXT_WORD.match(text, run.end())
        return following is not None and following.group(1).lower() in _force_words()

    def _named_countries(self, text: str) -> tuple[set[str], dict[str, set[str]]]:
        """The countries the text names (by name or demonym, not as a side of a war), with the
        names that name each."""
        gaz = self.gazetteer
        countries: set[str] = set()
        support: dict[str, set[str]] = {}
        lexicon = gaz.country_lexicon()
        for match in _CAPITALIZED_RUN.finditer(text):
            words = [_POSSESSIVE.sub("", w) for w in match.group(0).split()]
            used = [False] * len(words)  # longest names first: "New Jersey" is not Jersey
            for size in range(len(words), 0, -1):
                for start in range(0, len(words) - size + 1):
                    if any(used[start : start + size]):
                        continue
                    key = name_key(" ".join(words[start : start + size]))
                    code = lexicon.get(key)
                    if code and len(key.replace(" ", "")) <= 3 and not words[start].isupper():
                        code = None  # "US", "UK" in capitals; "Us" and "Uk" are not countries
                    if code is None and size > 1 and gaz.lookup_units(" ".join(words[start : start + size])):
                        used[start : start + size] = [True] * size  # "New Jersey", "South Carolina"
                    if code and self._side_of_a_war(text, match, start + size == len(words), key, code):
                        # the name is used up (no shorter name inside it is read), but names no country
                        code = None
                        used[start : start + size] = [True] * size
                    if code:
                        countries.add(code)
                        support.setdefault(code, set()).add(key)
                        used[start : start + size] = [True] * size
        return countries, support

    def context_for(self, text: str, toponyms: Sequence[str] = ()) -> PlaceContext:
        """Read an article once: countries, regions and sure places it names."""
        countries, support = self._named_countries(text)
        mentions: list[RegionMention] = []
        before, after = _region_phrase_patterns()
        # "the Kursk and Belgorod regions", "the regions of Sumy, Kharkiv and Kherson": each
        # listed name is a region; a list keeps its order for "respectively".
        lists = [(m, pattern is before) for pattern in (before, after) for m in pattern.finditer(text)]
        for group, (match, word_after) in enumerate(sorted(lists, key=lambda pair: pair[0].start())):
            items = [m for m in _LIST_ITEM.finditer(match.group(1)) if m.group(0).lower() != "and"]
            for order, item in enumerate(items):
                region = self._region_from_phrase(item.group(0), countries)
                if region and _compass_only(item.group(0)) and not support.get(region.country_code):
                    region = None  # "the South West State" of a Somali story is no Cameroonian region
                if region:
                    start = match.start(1) + item.start()
                    end = start + len(item.group(0))
                    if word_after and order == len(items) - 1:
                        end = match.end()  # "... Kursk region": the designator belongs to the mention
                    mentions.append(RegionMention(start, end, region, group, order))
        self._ambiguous_regions = set()
        mentions.extend(self._named_regions(text, mentions, support, countries))
        ambiguous = frozenset(self._ambiguous_regions)
        mentions.sort(key=lambda m: m.start)
        regions = {m.region.code: m.region for m in mentions}
        countries.update(r.country_code for r in regions.values())
        for region in regions.values():
            support.setdefault(region.country_code, set()).add(name_key(parse_toponym(region.name).name))
        ctx = PlaceContext(
            text=text,
            countries=frozenset(countries),
            regions=regions,
            region_mentions=mentions,
            country_support=support,
            ambiguous_regions=ambiguous - {m.region.code for m in mentions},
        )
        anchors: list[Anchor] = []
        for toponym in dict.fromkeys(toponyms):
            phrase = parse_toponym(toponym)
            if phrase.kind != "place":
                continue
            scored = self._scored(phrase.name, ctx, hard_region=None, soft_region=ctx.hint_for(phrase.name))
            alive = [c for c in scored if not any(r.startswith(("rejected", _BIG_FOREIGN)) for r in c.reasons)]
            if not alive or alive[0].matched not in ("name", "alternate"):
                continue
            if len(alive) > 1 and alive[0].score - alive[1].score < self.settings["anchor_margin"]:
                continue
            top = alive[0]
            if top.population < self.settings["anchor_min_population"] and top.country_code not in countries:
                continue
            anchors.append(Anchor(name_key(phrase.name), top.name, top.lat, top.lon, top.country_code, top.region))
        ctx.anchors = anchors
        if not toponyms:
            spotted = self.spot_toponyms(text)
            if spotted:
                return self.context_for(text, spotted)
        anchors.extend(self._cluster_anchors(text, toponyms, ctx))
        ctx.countries = frozenset(countries | {a.country_code for a in anchors})
        for anchor in anchors:
            support.setdefault(anchor.country_code, set()).add(anchor.key)
        return ctx

    def _cluster_anchors(self, text: str, toponyms: Sequence[str], ctx: PlaceContext) -> list[Anchor]:
        """Second pass: the names the first pass left open, read together.

        The first pass anchors only names that are sure on their own. Each open name (and each
        second-level unit named with its designator, "Franklin County") keeps its few best
        readings; a reading gains for every other name of the article that has a reading near it,
        and a name whose best reading then leads by the anchor margin becomes an anchor too:
        "Dublin" beside "Columbus", "Grove City" and "Franklin County" is Dublin, Ohio, though
        each name alone is likelier elsewhere. A unit with one reading is an anchor as it is.
        """
        s = self.settings
        cluster = s["cluster"]
        anchored = {a.key for a in ctx.anchors}
        groups: list[tuple[str, list[Candidate]]] = []
        for toponym in dict.fromkeys(toponyms):
            phrase = parse_toponym(toponym)
            key = name_key(phrase.name)
            if phrase.kind != "place" or key in anchored:
                continue
            scored = self._scored(phrase.name, ctx, hard_region=None, soft_region=ctx.hint_for(phrase.name))
            alive = [
                c
                for c in scored
                if c.matched in ("name", "alternate") and not any(r.startswith("rejected") for r in c.reasons)
            ]
            if alive:
                groups.append((key, alive[: cluster["readings"]]))
                anchored.add(key)
        for name in self._designated_units(text):
            key = name_key(name)
            if key in anchored:
                continue
            units = [u for u in self.gazetteer.lookup_units(name) if u.kind == "admin2" and u.matched != "bare"]
            for unit in units:
                unit.score = s["unit_match"][unit.matched] + s["population_weight"] * math.log10(unit.population + 1)
                unit.score += s["context_country"] if unit.country_code in ctx.countries else 0.0
                unit.score += s["context_region"] if unit.region in ctx.regions else 0.0
            units.sort(key=lambda u: -u.score)
            if units:
                groups.append((key, units[: cluster["readings"]]))
                anchored.add(key)
        readings = [(g, c) for g, (_, cands) in enumerate(groups) for c in cands]
        if not readings:
            return []
        lat = np.radians([c.lat for _, c in readings])
        lon = np.radians([c.lon for _, c in readings])
        # haversine between every pair of readings, in km
        a = (
            np.sin((lat[:, None] - lat[None, :]) / 2) ** 2
            + np.cos(lat[:, None]) * np.cos(lat[None, :]) * np.sin((lon[:, None] - lon[None, :]) / 2) ** 2
        )
        near = 12742.0 * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0))) <= cluster["km"]
        owner = np.array([g for g, _ in readings])
        by_group = np.stack([near[:, owner == g].any(axis=1) for g in range(len(groups))], axis=1)
        by_group[np.arange(len(readings)), owner] = False
        support = by_group.sum(axis=1)
        found: list[Anchor] = []
        for g, (key, cands) in enumerate(groups):
            rows = np.flatnonzero(owner == g)
            totals = sorted(
                ((cands[k].score + cluster["weight"] * support[row], k) for k, row in enumerate(rows)), reverse=True
            )
            best_total, best = totals[0]
            lone_unit = len(cands) == 1 and cands[0].kind != "place"
            if not lone_unit and (
                support[rows[best]] == 0 or (len(totals) > 1 and best_total - totals[1][0] < s["anchor_margin"])
            ):
                continue
            top = cands[best]
            found.append(Anchor(key, top.name, top.lat, top.lon, top.country_code, top.region))
        return found

    def _designated_units(self, text: str) -> list[str]:
        """Second-level units the text names with their designator ("Rapides Parish", "Trigg
        County", "Mahaas District"), as written."""
        found: list[str] = []
        designators = _unit_designators()
        for run in _CAPITALIZED_RUN.finditer(text):
            words = [_POSSESSIVE.sub("", w) for w in run.group(0).split()]
            for last in range(1, len(words)):
                if words[last].lower() not in designators:
                    continue
                for first in range(last):
                    name = " ".join(words[first : last + 1])
                    if any(u.kind == "admin2" and u.matched != "bare" for u in self.gazetteer.lookup_units(name)):
                        found.append(name)
                        break
        return list(dict.fromkeys(found))

    def _named_regions(
        self, text: str, phrases: list[RegionMention], support: dict[str, set[str]], countries: set[str]
    ) -> list[RegionMention]:
        """Admin1 regions the article names by their bare names ("Ohio", "Ky.", "North Darfur").

        A name that is also a country's ("Georgia") is the region only when other names of the
        article already put the story in the region's country; then it stops counting for the
        country. An abbreviation ("Ky", "Ind") counts only with its full stop.
        """
        gaz = self.gazetteer
        lexicon = gaz.country_lexicon()
        out: list[RegionMention] = []
        taken = _Spans()
        for m in phrases:
            taken.add(m.start, m.end)
        # "New Zealand" is a country: its "Zealand" is no Danish region
        country_spans = _country_name_spans(text, lexicon)
        # Names that are only regions first; then those that are also countries' ("Georgia"),
        # weighed against what the first pass found.
        for ambiguous_pass in (False, True):
            for initials in _DOTTED_REGION.finditer(text):  # "S.C.", "D.C.": initials with full stops
                start, end = initials.start(), initials.end()
                if ambiguous_pass or taken.overlaps(start, end):
                    continue
                region = self._bare_region(initials.group(0), name_key(initials.group(0)), ".", support, countries)
                if region is not None:
                    out.append(RegionMention(start, end, region))
                    taken.add(start, end)
                    support.setdefault(region.country_code, set()).add(name_key(initials.group(0)))
            for run in _CAPITALIZED_RUN.finditer(text):
                words = list(re.finditer(r"\S+", run.group(0)))
                size = len(words)
                while size:
                    for first in range(0, len(words) - size + 1):
                        start = run.start() + words[first].start()
                        end = run.start() + words[first + size - 1].end()
                        name = _POSSESSIVE.sub("", text[start:end])
                        end = start + len(name)
                        if taken.overlaps(start, end):
                            continue
                        key = name_key(name)
                        if (key in lexicon) != ambiguous_pass:
                            continue
                        if any(a <= start and end <= b and (a, b) != (start, end) for a, b in country_spans):
                            continue
                        if _names_a_street(text, end) or _is_bearing(name, text, end):
                            continue
                        region = self._bare_region(name, key, text[end : end + 1], support, countries)
                        if region is not None:
                            out.append(RegionMention(start, end, region))
                            taken.add(start, end)
                            support.setdefault(region.country_code, set()).add(key)
                    size -= 1
        return out

    def _bare_region(
        self, name: str, key: str, next_char: str, support: dict[str, set[str]], countries: set[str]
    ) -> Region | None:
        gaz = self.gazetteer
        lexicon = gaz.country_lexicon()
        units = [u for u in gaz.lookup_units(name) if u.kind == "admin1" and u.matched != "bare"]
        if not units:
            return None
        if " " not in name and not support.get(units[0].country_code, set()) - {key}:
            # "East", "Gulf": everyday words; "Paul" (Cape Verde): a person's name, unless the
            # region is a large one ("England", "Georgia") or its country is told
            if is_ordinary_word(name) or (
                needs_evidence(name)
                and max(u.population for u in units) < self.settings["person_named_region_population"]
            ):
                return None
        if _compass_only(name) and not support.get(units[0].country_code, set()) - {key}:
            # "South West forces", "the North": compass words name a region (Cameroon's South-West)
            # only in a story its country's other names already place there
            return None
        if len(key) <= 5 and all(u.matched == "alternate" for u in units) and next_char != ".":
            return None  # "Ind" without its full stop is not Indiana
        if key in lexicon:
            others = support.get(units[0].country_code, set()) - {key}
            if not others:
                self._ambiguous_regions.update(u.region for u in units)
                return None
            owner = lexicon[key]
            if owner != units[0].country_code and support.get(owner) == {key}:
                support.pop(owner, None)
                countries.discard(owner)
        # "Odessa", "Kursk": a region named after its largest town is, bare, the town; but a
        # capital's own district ("D.C.") is still the region around it
        units = [u for u in units if self._namesake_place(u, name) is None or self._capital_district(u)]
        if not units:
            return None
        supported = [u for u in units if u.country_code in support] or units
        return gaz.region_by_code(max(supported, key=lambda u: u.population).region)

    def document_context(self, text: str) -> PlaceContext:
        """The context of a whole article, read once: see `context_for`."""
        return self.context_for(text)

    def resolve_in(self, toponym: str, ctx: PlaceContext, span: tuple[int, int] | None = None) -> Resolution:
        """Resolve a name known to be a place (a gold toponym, a user's query) in its article.

        Unlike `resolve` inside the pipeline, where a name the context rejects may be no place
        at all, the caller says it is one: when every candidate is rejected, the best of them
        is still the likeliest reading, and it is given with that reason.
        """
        result = self.resolve(toponym, ctx)
        if result.location is None and not result.candidates:
            region = self._story_region(ctx, span)
            if region is not None:
                why = f"not in the gazetteer; {region.name}, the region the article names nearest to it, stands in"
                return Resolution(self.gazetteer.region_location(region, toponym), why, kind="admin1")
        if result.location is not None or not result.candidates:
            return result
        best = max(result.candidates, key=lambda c: c.score)
        why = "every reading conflicts with the context; the likeliest by name, size and distance: " + "; ".join(
            best.reasons
        )
        if best.kind == "place":
            loc = self.gazetteer.location(best, toponym, 2 if parse_toponym(toponym).near else 1)
        else:
            loc = self.gazetteer.unit_location(best, toponym)
        return Resolution(loc, why, result.candidates, kind=best.kind)

    def _story_region(self, ctx: PlaceContext, span: tuple[int, int] | None) -> Region | None:
        """The region an unlisted place most likely lies in: the named region closest to it in
        the text, else the region most of the article's sure places lie in."""
        if ctx.region_mentions:
            where = span[0] if span else 0
            return min(ctx.region_mentions, key=lambda m: abs(m.start - where)).region
        codes = Counter(a.region for a in ctx.anchors)
        if codes:
            return self.gazetteer.region_by_code(codes.most_common(1)[0][0])
        return None

    def spot_toponyms(self, text: str) -> list[str]:
        """Capitalised names in `text` that the gazetteer knows (for callers without NER).

        Country names and ordinary English words ("May", "Freedom") are left out.
        """
        gaz = self.gazetteer
        found: list[str] = []
        for match in _CAPITALIZED_RUN.finditer(text):
            words = [_POSSESSIVE.sub("", w) for w in match.group(0).split()]
            # "in Columbus", "near Grove City and Dublin": a locative cue is the evidence a name
            # that is also a common word or a person's name needs
            cued = _locative_before().search(_LIST_HEAD.sub("", text[max(0, match.start() - 120) : match.start()]))
            start = 0
            while start < len(words):
                for end in range(len(words), start, -1):
                    name = " ".join(words[start:end]).strip("'’")
                    if gaz.country_code(name):
                        continue
                    if not (cued and start == 0) and (_is_common_word(name, self.settings) or needs_evidence(name)):
                        continue
                    if gaz.lookup(name):
                        if end < len(words) and words[end].lower() in _unit_designators():
                            unit = f"{name} {words[end]}"
                            if any(u.kind == "admin2" and u.matched != "bare" for u in gaz.lookup_units(unit)):
                                start = end + 1  # "Trigg County" is the county, not a town Trigg
                                break
                        found.append(name)
                        start = end
                        break
                else:
                    start += 1
        return list(dict.fromkeys(found))

    def _region_from_phrase(self, name: str, countries: set[str]) -> Region | None:
        """'Myanmar's Sagaing' -> Sagain; a region of a country the article names comes first."""
        words = [_POSSESSIVE.sub("", w) for w in name.split()]
        if words and words[0].lower() == "the":
            words = words[1:]
        for start in range(len(words)):
            tail = " ".join(words[start:])
            if self.gazetteer.country_code(tail):
                continue
            for country in sorted(countries):
                region = self.gazetteer.find_region(tail, country, fuzzy=False)
                if region:
                    return region
            region = self.gazetteer.find_region(tail)
            if region:
                return region
        return None

    # ---- scoring ---------------------------------------------------------------------------
    def _candidates(self, name: str, ctx: PlaceContext, region: Region | None) -> list[Candidate]:
        """The places `name` may mean, at most max_candidates of them.

        Common names ("Novoselivka", "Aleksandrovka") have hundreds of places; a cheap
        pre-rank (in the hinted region, in a named region, in a named country, near an anchor,
        population) keeps the ones the full score could prefer.
        """
        gaz = self.gazetteer
        variants = len(variant_key(name)) >= self.settings["min_variant_length"]
        matches = gaz.match_rows(name, variants)
        limit = self.settings["max_candidates"]
        if len(matches) > limit:
            anchors = [(a.lat, a.lon) for a in ctx.anchors]

            def prerank(item: tuple[int, str]) -> tuple[bool, bool, bool, bool, int]:
                country, admin1, population, lat, lon = gaz.row_facts(item[0])
                code = f"{country}.{admin1}"
                near = any(abs(lat - y) < 2.0 and abs(lon - x) < 3.0 for y, x in anchors)
                hinted = region is not None and code == region.code
                return (hinted, code in ctx.regions, country in ctx.countries, near, population)

            matches = sorted(matches, key=prerank, reverse=True)[:limit]
        return [gaz.candidate(row, matched) for row, matched in matches]

    def _score(
        self,
        cand: Candidate,
        ctx: PlaceContext,
        points: list[tuple[float, float, str]],
        soft_region: Region | None,
    ) -> None:
        s = self.settings
        reasons = [f"{cand.matched} match"]
        score = s["match"][cand.matched] + s["population_weight"] * math.log10(cand.population + 1)
        if soft_region is not None and cand.region == soft_region.code:
            score += s["region_hint"]
            reasons.append(f"in {soft_region.name} as the text says")
        elif cand.region in ctx.regions:
            score += s["context_region"]
            reasons.append(f"in {ctx.regions[cand.region].name}, named in the article")
        elif cand.region in ctx.ambiguous_regions:
            score += s["context_region_ambiguous"]
            reasons.append(f"in {cand.region}, whose name the article uses (also a country's)")
        if cand.country_code in ctx.countries:
            score += s["context_country"]
            reasons.append(f"in {cand.country_code}, named in the article")
        nearest = None
        if points:
            nearest = min((haversine_km(cand.lat, cand.lon, lat, lon), label) for lat, lon, label in points)
            for limit, bonus in s["near_anchor"]:
                if nearest[0] <= limit:
                    score += bonus
                    reasons.append(f"{nearest[0]:.0f} km from {nearest[1]}")
                    break
            else:
                if nearest[0] > s["far_from_anchors_km"]:
                    score += s["far_penalty"]
                    reasons.append(f"far ({nearest[0]:.0f} km) from the article's places")
        big = cand.matched == "name" and cand.population >= s["veto_exempt_population"]
        if ctx.has_evidence and cand.country_code not in ctx.countries:
            # without any resolved place in the story there is nothing to be far from: a country
            # named only through an attacker ("Russian forces struck Sumy", "shelled Kupiansk", a
            # spelling GeoNames lists as another name of Kupyansk) does not veto the target
            if nearest is None and cand.matched in ("name", "alternate"):
                reasons.append("country never named, but the story has no other place to weigh it against")
            elif nearest is None or nearest[0] > s["veto_km"]:
                if big:
                    reasons.append(f"{_BIG_FOREIGN}: a large city, kept though its country is never named")
                else:
                    reasons.append("rejected: country never named and far from the story")
        elif (
            nearest is not None
            and nearest[0] > s["far_from_anchors_km"]
            and cand.population < s["far_small_population"]
            and cand.matched != "name"
        ):
            reasons.append("rejected: a small place far from all the story's places, matched by a variant")
        cand.score = score
        cand.reasons = tuple(reasons)

    def _scored(
        self,
        name: str,
        ctx: PlaceContext,
        hard_region: Region | None,
        soft_region: Region | None,
        candidates: list[Candidate] | None = None,
    ) -> list[Candidate]:
        cands = self._candidates(name, ctx, hard_region or soft_region) if candidates is None else candidates
        points = ctx.points(exclude_key=name_key(name))
        for cand in cands:
            self._score(cand, ctx, points, hard_region or soft_region)
            if hard_region is not None and cand.region != hard_region.code:
                cand.reasons = (*cand.reasons, f"rejected: not in {hard_region.name}")
            elif soft_region is not None and cand.region != soft_region.code:
                cand.reasons = (*cand.reasons, f"rejected: the text puts it in {soft_region.name}")
        cands.sort(key=lambda c: (any(r.startswith("rejected") for r in c.reasons), -c.score, -c.population))
        return cands

    # ---- resolution ------------------------------------------------------------------------
    def resolve(
        self,
        toponym: str,
        context: PlaceContext | None = None,
        near: bool = False,
        region_hint: str | None = None,
    ) -> Resolution:
        """The place `toponym` means in this context, with the rule that decided."""
        gaz = self.gazetteer
        ctx = context or PlaceContext()
        phrase = parse_toponym(toponym)
        precision = 2 if (near or phrase.near) else 1

        if phrase.kind == "region":
            region = self._region_in_context(phrase.name, ctx)
            if region is not None:
                return Resolution(gaz.region_location(region, toponym), f"region named: {region.name}", kind="admin1")

        units = self._scored_units(toponym, phrase, ctx)
        place = self._resolve_place(toponym, phrase, ctx, precision, region_hint)
        top_unit = units[0] if units and not units[0].reasons[-1].startswith("rejected") else None
        if top_unit is None:
            return place
        place_score = max(
            (c.score for c in place.candidates if place.location and c.geonameid == place.location.geonameid),
            default=-math.inf,
        )
        if place.location is not None and place.location.geonameid is None:
            place_score = -math.inf  # a region standing in for an unlisted village: the unit is better
        if top_unit.score < place_score:
            return place
        why = f"the {top_unit.kind} {top_unit.name}: " + "; ".join(top_unit.reasons)
        return Resolution(gaz.unit_location(top_unit, toponym), why, units + place.candidates, kind=top_unit.kind)

    def _scored_units(self, toponym: str, phrase: ToponymPhrase, ctx: PlaceContext) -> list[Candidate]:
        """The admin units and countries `toponym` may designate, scored like places.

        'the Ohio county' is a county: a designator word keeps only units of its level.
        """
        gaz = self.gazetteer
        text = toponym.strip()
        if text.lower().startswith("the "):
            text = text[4:]
        units = gaz.lookup_units(text)
        if not units and phrase.name != text and phrase.kind in ("region", "district"):
            units = gaz.lookup_units(phrase.name)
            if phrase.kind == "region":
                units = [u for u in units if u.kind == "admin1"]
            elif phrase.kind == "district":
                units = [u for u in units if u.kind == "admin2"]
        if not units:
            return []
        own_key = name_key(phrase.name)
        points = ctx.points(exclude_key=own_key)
        s = self.settings
        for cand in units:
            reasons = [f"{cand.matched} match"]
            score = s["unit_match"][cand.matched] + s["population_weight"] * math.log10(cand.population + 1)
            score += s["unit_kind"][cand.kind]
            supported = ctx.country_support.get(cand.country_code, set()) - {own_key}
            if cand.kind in ("admin1", "admin2") and supported:
                score += s["context_country"]
                reasons.append(f"in {cand.country_code}, named in the article")
            hinted = ctx.hint_for(phrase.name) if cand.kind == "admin2" else None
            if hinted is not None and cand.region == hinted.code:
                score += s["region_hint"]
                reasons.append(f"in {hinted.name} as the text says")
            elif cand.kind == "admin2" and cand.region in ctx.regions:
                score += s["context_region"]
                reasons.append(f"in {ctx.regions[cand.region].name}, named in the article")
            elif cand.kind == "admin2" and cand.region in ctx.ambiguous_regions:
                score += s["context_region_ambiguous"]
                reasons.append(f"in {cand.region}, whose name the article uses (also a country's)")
            if cand.kind in ("admin1", "admin2") and points:
                nearest = min((haversine_km(cand.lat, cand.lon, lat, lon), label) for lat, lon, label in points)
                for limit, bonus in s["near_anchor"]:
                    if nearest[0] <= limit:
                        score += bonus
                        reasons.append(f"{nearest[0]:.0f} km from {nearest[1]}")
                        break
            inside = self._unit_holds(cand, ctx, points)
            if inside:
                score += s["unit_holds_story_place"]
                reasons.append(f"holds {inside}, a place of the story")
            namesake = self._namesake_place(cand, text)
            if namesake is not None and phrase.kind == "place" and cand.matched != "bare":
                score += s["namesake_city_penalty"]
                reasons.append(f"its largest town {namesake} has the same name")
            if cand.kind == "admin2" and cand.matched == "bare" and phrase.kind != "district" and not inside:
                reasons.append("rejected: named without its designator and nothing of the story lies in it")
            cand.score, cand.reasons = score, tuple(reasons)
        units.sort(key=lambda c: (c.reasons[-1].startswith("rejected"), -c.score))
        return units

    def _unit_holds(self, cand: Candidate, ctx: PlaceContext, points: list[tuple[float, float, str]]) -> str | None:
        """The first story place inside the unit (a country by the anchors' and regions' country
        codes, a smaller unit by distance within its typical radius)."""
        if cand.kind == "country":
            for anchor in ctx.anchors:
                if anchor.country_code == cand.country_code:
                    return anchor.name
            for region in ctx.regions.values():
                if region.country_code == cand.country_code:
                    return region.name
            return None
        radius = self.settings["unit_radius_km"].get(cand.kind)
        if radius is None:
            return None
        # the story's sure places only: a named region's centre is no place inside a county
        given = set(points)  # a set: the membership test runs once per anchor
        points = [(a.lat, a.lon, a.name) for a in ctx.anchors if (a.lat, a.lon, a.name) in given]
        for lat, lon, label in points:
            if haversine_km(cand.lat, cand.lon, lat, lon) <= radius:
                return label
        return None

    def _namesake_place(self, cand: Candidate, written: str = "") -> str | None:
        """The unit's largest town when one of its names is the unit's (Kharkiv oblast and city,
        Odessa oblast and Odesa): the unit's own name, or the name as `written` when it found
        the unit through another of its names ("Zaporozhye" for Zaporizhzhia Oblast)."""
        if cand.kind not in ("admin1", "admin2"):
            return None
        gaz = self.gazetteer
        largest = gaz.largest_in_region(cand.region)
        capital = gaz.capital_row(cand.country_code)
        for name in dict.fromkeys(n for n in (cand.name, written) if n):
            for place in gaz.lookup(name):
                if place.index == largest:
                    return place.name
                if place.index == capital:
                    return f"{place.name}, the capital"  # bare "Washington" is the capital, not the state
        return None

    def _capital_district(self, cand: Candidate) -> bool:
        gaz = self.gazetteer
        capital = gaz.capital_row(cand.country_code)
        return capital is not None and capital == gaz.largest_in_region(cand.region)

    def _resolve_place(
        self, toponym: str, phrase: ToponymPhrase, ctx: PlaceContext, precision: int, region_hint: str | None
    ) -> Resolution:
        """The populated place (or the region standing in for an unlisted one) `toponym` means."""
        gaz = self.gazetteer
        hard_region = self._region_in_context(region_hint, ctx) if region_hint else None
        soft_region = None if hard_region else ctx.hint_for(phrase.name)
        names = [phrase.name]
        written = toponym.strip()[4:] if toponym.strip().lower().startswith("the ") else toponym.strip()
        if phrase.kind == "place" and not phrase.near and written != phrase.name and gaz.lookup(written):
            names.insert(0, written)  # "Kansas City", "Carson City": the settlement word is part of the name
        if phrase.kind == "district" or _DISTRICT_ADJECTIVE.search(name_key(phrase.name)):
            names += [stem for stem in adjective_stems(name_key(phrase.name))[1:] if len(stem) >= 4]

        for attempt, name in enumerate(names):
            scored = self._scored(name, ctx, hard_region, soft_region)
            alive = [c for c in scored if not any(r.startswith("rejected") for r in c.reasons)]
            if alive:
                best = alive[0]
                if any(r.startswith(_BIG_FOREIGN) for r in best.reasons):
                    homonym = self._homonym(phrase.name, toponym, ctx)
                    if homonym is not None:
                        return Resolution(homonym[0], homonym[1], scored)
                district = attempt > 0 or phrase.kind == "district"
                why = "; ".join(best.reasons)
                if district:
                    why = f"district named after its centre ({best.name}); {why}"
                loc = gaz.location(best, toponym, 2 if district else precision)
                return Resolution(loc, why, scored)
        scored = self._scored(phrase.name, ctx, hard_region, soft_region)
        if not scored and phrase.kind == "place":
            region = self._region_in_context(phrase.name, ctx, fuzzy=False)  # "Crimea", "DPR"
            if region is not None and ctx.has_evidence and region.country_code not in ctx.countries:
                region = None  # "Masisi" in a North Kivu story is not Armenia's Ararat (Masis)
            if region is not None:
                return Resolution(
                    gaz.region_location(region, toponym), f"a region's name: {region.name}", kind="admin1"
                )

        fuzzy = None
        if len(variant_key(phrase.name)) >= self.settings["min_fuzzy_length"]:
            fuzzy = self._fuzzy(phrase.name, ctx, hard_region or soft_region)
        if fuzzy is not None:
            rescored = self._scored(phrase.name, ctx, hard_region, soft_region, [fuzzy])
            if not any(r.startswith("rejected") for r in rescored[0].reasons):
                why = f"fuzzy match to {fuzzy.name} among the article's places; " + "; ".join(fuzzy.reasons)
                return Resolution(gaz.location(fuzzy, toponym, precision), why, rescored + scored)

        homonym = self._homonym(phrase.name, toponym, ctx)
        if homonym is not None:
            return Resolution(homonym[0], homonym[1], scored)

        fallback = hard_region or soft_region
        if fallback is not None and not hard_region and _is_common_word(phrase.name, self.settings):
            fallback = None  # "Legion ... in the Kursk region": an ordinary word, not a village
        if fallback is not None:
            why = f"not in the gazetteer as a place of {fallback.name}; the region stands in"
            return Resolution(gaz.region_location(fallback, toponym), why, scored, kind="admin1")
        why = "no candidate fits the context" if scored else "unknown name"
        return Resolution(None, why, scored)

    def _region_in_context(self, name: str | None, ctx: PlaceContext, fuzzy: bool = True) -> Region | None:
        """The region `name` designates, preferring those of the countries the article names."""
        if not name:
            return None
        phrase = parse_toponym(name)
        for country in sorted(ctx.countries):
            region = self.gazetteer.find_region(phrase.name, country, fuzzy=False)
            if region is not None:
                return region
        return self.gazetteer.find_region(phrase.name, fuzzy=fuzzy)

    def _fuzzy(self, name: str, ctx: PlaceContext, region: Region | None) -> Candidate | None:
        """Last resort: the closest main name among places the context supports."""
        gaz = self.gazetteer
        pool_key = region.code if region is not None else ""
        choices = ctx.fuzzy_pools.get(pool_key)
        if choices is None:  # one pool per article (and hinted region), not per toponym
            rows: set[int] = set()
            if region is not None:
                rows.update(gaz.rows_in_region(region.code))
            else:
                for code in ctx.regions:
                    rows.update(gaz.rows_in_region(code))
                for anchor in ctx.anchors:
                    rows.update(gaz.rows_near(anchor.lat, anchor.lon, 150.0))
            choices = ctx.fuzzy_pools[pool_key] = gaz.variant_keys(rows)
        if not choices:
            return None
        best = process.extractOne(
            variant_key(name), choices, scorer=fuzz.ratio, score_cutoff=self.settings["fuzzy_threshold"]
        )
        if best is None:
            return None
        return gaz.candidate(best[2], "fuzzy")

    def _homonym(self, name: str, toponym: str, ctx: PlaceContext) -> tuple[Location, str] | None:
        """A near-homonym of a region or place the article names (MT slips: Belgrade ~ Belgorod)."""
        gaz = self.gazetteer
        query = variant_key(name)
        threshold = self.settings["homonym_threshold"]
        best: tuple[float, Location, str] | None = None
        for region in ctx.regions.values():
            for stem in adjective_stems(name_key(parse_toponym(region.name).name))[:1]:
                score = fuzz.ratio(query, variant_key_of(stem))
                if score >= threshold and (best is None or score > best[0]):
                    loc = gaz.region_location(region, toponym)
                    best = (score, loc, f"near-homonym of {region.name}, which the article names")
        for anchor in ctx.anchors:
            if anchor.key == name_key(name):
                continue
            score = fuzz.ratio(query, variant_key(anchor.name))
            if score >= threshold and (best is None or score > best[0]):
                cands = [c for c in gaz.lookup(anchor.name) if c.region == anchor.region]
                if cands:
                    loc = gaz.location(cands[0], toponym)
                    best = (score, loc, f"near-homonym of {anchor.name}, which the article names")
        return (best[1], best[2]) if best else None
