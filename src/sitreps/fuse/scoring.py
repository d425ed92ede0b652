"""Pair scoring: how strongly two mentions look like one event, with the reasons why.

A pair is either in hard conflict (different places, different regions, opposite actors,
different type families, days too far apart) or gets a score summed from the weights in
data/fusion.yaml. The parts are kept so `explain` can show why a merge happened.
"""

from __future__ import annotations

from dataclasses import dataclass

from sitreps.fuse.facts import MentionFacts, km_between
from sitreps.fuse.settings import FusionSettings


@dataclass(frozen=True)
class PairScore:
    total: float
    parts: tuple[tuple[str, float, str], ...]  # (term, weight, why)
    conflict: str | None = None  # set when the pair may never fuse

    @property
    def ok(self) -> bool:
        return self.conflict is None

    def describe(self) -> str:
        if self.conflict:
            return f"conflict: {self.conflict}"
        terms = " + ".join(f"{name} {value:+.2f} ({why})" for name, value, why in self.parts)
        return f"{self.total:.2f} = {terms}"


def _conflict(why: str) -> PairScore:
    return PairScore(0.0, (), why)


def place_term(a: MentionFacts, b: MentionFacts, s: FusionSettings) -> tuple[float, str] | str:
    """(weight, why) or the reason the places cannot be one."""
    pa, pb = a.place, b.place
    if pa is None or pb is None:
        return (0.0, "no location") if pa is None and pb is None else "one mention has no location"
    if pa.region != pb.region:
        return f"different regions {pa.region} / {pb.region}"
    if pa.kind == "region" and pb.kind == "region":
        return s.scoring.same_place, "same region"
    if pa.kind == "region" or pb.kind == "region":
        return s.scoring.region_contains, "region-level mention, place inside that region"
    if pa == pb:
        return s.scoring.same_place, f"same {pa.kind} {pa.ident}"
    if (
        pa.kind == pb.kind == "place"
        and None not in (a.lat, a.lon, b.lat, b.lon)
        and km_between(a.lat, a.lon, b.lat, b.lon) <= s.scoring.near_place_km  # type: ignore[arg-type]
    ):
        return s.scoring.near_place, f"places {pa.ident}/{pb.ident} within {s.scoring.near_place_km} km"
    return f"different places {pa.ident} / {pb.ident}"


def actor_term(a: MentionFacts, b: MentionFacts, s: FusionSettings) -> tuple[float, str] | str:
    """Best alignment of the two mentions' sides; battles may tell the initiator either way."""
    alignments = [((a.side1, b.side1), (a.side2, b.side2), "same roles")]
    if a.symmetric and b.symmetric:
        alignments.append(((a.side1, b.side2), (a.side2, b.side1), "roles swapped"))
    parties_a, parties_b = a.side1 | a.side2, b.side1 | b.side2
    shared = parties_a & parties_b
    overlap = len(shared) / min(len(parties_a), len(parties_b)) if parties_a and parties_b else 0.0
    best: tuple[float, str] | None = None
    for (x1, y1), (x2, y2), label in alignments:
        disjoint = sum(1 for x, y in ((x1, y1), (x2, y2)) if x and y and not (x & y))
        if disjoint == 2:
            continue
        # the same actor on opposite sides, not shared on its own side: roles contradict
        if (x1 & y2) - y1 or (x2 & y1) - y2:
            continue
        value = s.scoring.actor_overlap * overlap + s.scoring.disjoint_side * disjoint
        why = f"{label}, shared {sorted(shared)}" + (f", {disjoint} side(s) disjoint" if disjoint else "")
        if best is None or value > best[0]:
            best = (value, why)
    if best is None:
        return f"actors conflict {sorted(a.side1)}/{sorted(a.side2)} vs {sorted(b.side1)}/{sorted(b.side2)}"
    return best


def pair_score(a: MentionFacts, b: MentionFacts, s: FusionSettings, dated: bool = True) -> PairScore:
    """Score two mentions; `dated` compares their days (day-precision mentions only)."""
    if a.family != b.family:
        return _conflict(f"type families {a.family} / {b.family}")
    parts: list[tuple[str, float, str]] = []
    place = place_term(a, b, s)
    if isinstance(place, str):
        return _conflict(place)
    parts.append(("place", *place))
    actors = actor_term(a, b, s)
    if isinstance(actors, str):
        return _conflict(actors)
    parts.append(("actors", *actors))
    sa, sb = a.mention.sub_event_type, b.mention.sub_event_type
    if sa and sa == sb:
        parts.append(("sub_event_type", s.scoring.same_sub_event_type, sa))
    if dated and a.day is not None and b.day is not None and a.day != b.day:
        gap = abs(a.day - b.day)
        if gap > s.scoring.day_window:
            return _conflict(f"{gap} days apart")
        parts.append(("date", s.scoring.day_offset * gap, f"{gap} day(s) apart"))
    return PairScore(round(sum(p[1] for p in parts), 6), tuple(parts))


def shares_actor(a: MentionFacts, b: MentionFacts) -> bool:
    return bool((a.side1 | a.side2) & (b.side1 | b.side2))
