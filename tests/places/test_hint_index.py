"""Region hints found by bisection answer as reading every region mention of the article would.

The oracle below is the plain reading: for each occurrence of the toponym, every mention of the
article, nearest valid gap wins ("X, a village in the Y region" after it beats "in the Y region,
X" before it). The index must give the same region on long texts with many mentions.
"""

from __future__ import annotations

import random
import re

from sitreps.places.gazetteer import Region
from sitreps.places.resolver import (
    _HINT_AFTER,
    _HINT_BEFORE,
    _HINT_WINDOW,
    _LIST_TAIL,
    PlaceContext,
    RegionMention,
    _Spans,
)

REGIONS = [Region(f"XX.{k:02d}", name, None, 50.0 + k, 30.0 + k) for k, name in enumerate(["Kursk", "Sumy", "Oryol"])]
VILLAGES = ["Tyotkino", "Glushkovo", "Popovka", "Korenevo"]
# sentence pieces: villages, region phrases and the gaps between them, as reports put them
PIECES = [
    "{v}, a village in the {r} region.",
    "In the {r} region, {v} was shelled.",
    "Drones hit {v} and {w}, in the {r} region.",
    "Shelling of {v} continued.",
    "{v} (the {r} region) lost power; officials said.",
    "Fighting near {v}.",
]


def oracle(ctx: PlaceContext, toponym: str) -> Region | None:
    best: tuple[int, Region] | None = None
    for match in re.finditer(re.escape(toponym), ctx.text):
        start, end = match.start(), match.end()
        spans: dict[int, list[int]] = {}
        inside = False
        for m in ctx.region_mentions:
            if m.start < end and start < m.end:
                inside = True
            if m.group >= 0:
                span = spans.setdefault(m.group, [m.start, m.end])
                span[0], span[1] = min(span[0], m.start), max(span[1], m.end)
        if inside or any(lo <= start and end <= hi for lo, hi in spans.values()):
            continue
        for m in ctx.region_mentions:
            if m.start >= end:
                gap = ctx.text[end : m.start]
                if not _HINT_AFTER.match(_LIST_TAIL.sub("", gap, count=1)):
                    continue
                distance = len(gap)
            elif m.end <= start:
                gap = ctx.text[m.end : start]
                if not _HINT_BEFORE.match(gap):
                    continue
                distance = len(gap) + _HINT_WINDOW
            else:
                continue
            if best is None or distance < best[0]:
                best = (distance, m.region)
    return best[1] if best else None


def long_report(rnd: random.Random, sentences: int) -> PlaceContext:
    text, mentions = "", []
    for _ in range(sentences):
        v, w = rnd.sample(VILLAGES, 2)
        region = rnd.choice(REGIONS)
        piece = rnd.choice(PIECES).format(v=v, w=w, r=region.name)
        at = piece.find(f"{region.name} region")
        if at >= 0:
            start = len(text) + at
            mentions.append(RegionMention(start, start + len(region.name) + len(" region"), region))
        text += piece + " "
    return PlaceContext(text=text, region_mentions=mentions)


def test_hints_on_long_reports_match_reading_every_mention() -> None:
    rnd = random.Random(5)
    for sentences in (1, 5, 40, 200):
        ctx = long_report(rnd, sentences)
        for village in VILLAGES:
            assert ctx.hint_for(village) == oracle(ctx, village), (sentences, village)


def test_a_hint_is_rebuilt_when_the_mentions_change() -> None:
    ctx = PlaceContext(text="Popovka, a village in the Kursk region.", region_mentions=[])
    assert ctx.hint_for("Popovka") is None
    ctx.region_mentions = [RegionMention(26, 38, REGIONS[0])]
    assert ctx.hint_for("Popovka") == REGIONS[0]


def test_span_overlap_matches_a_scan_of_every_span() -> None:
    rnd = random.Random(9)
    spans, index = [], _Spans()
    for _ in range(300):
        start = rnd.randrange(5000)
        end = start + rnd.choice([0, 1, 5, 40, 200])
        spans.append((start, end))
        index.add(start, end)
    for _ in range(3000):
        start = rnd.randrange(5200)
        end = start + rnd.choice([0, 1, 3, 70, 300])
        assert index.overlaps(start, end) == any(a < end and start < b for a, b in spans), (start, end)
