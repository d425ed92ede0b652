"""Group mentions into events: blocking by (type family, admin1, day), then greedy scoring.

Mentions are processed most precise first and, within that, by mention id, so the result
does not depend on input order. Four passes:

1. day-dated mentions of a named place: a mention joins the best-scoring event in its block
   (same family and admin1, days within the window) when it scores at least the threshold
   against the event's members on average and conflicts with none of them;
2. day-dated region-level mentions cluster among themselves, then a region cluster joins a
   village-level event of that region and day only if exactly one such event accepts it
   (with two villages raided that day, "fighting in the region" cannot be placed);
3. mentions with a week/month/year date or none join the one dated event of the same place
   (or region) whose day they cover and with which they share an actor; that event's day is
   then the mention's inferred date; with several candidates they stay apart;
4. what is left clusters among mentions with the same place key and the same date range.

Mentions without a location never fuse (nothing places them). Two mentions of one article
may fuse (a village report and a region-level summary of the same day): the extractor
already merged same-article mentions of one (type, place, day), so what remains are
different wordings of one event at different precisions, and they fuse by the same rules.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from sitreps.fuse.facts import MentionFacts, PlaceKey
from sitreps.fuse.scoring import PairScore, pair_score, shares_actor
from sitreps.fuse.settings import FusionSettings


@dataclass
class Cluster:
    members: list[MentionFacts] = field(default_factory=list)
    inferred_from_cluster: set[str] = field(default_factory=set)  # mention ids dated by the event

    @property
    def seed(self) -> MentionFacts:
        return self.members[0]

    def days(self) -> set[int]:
        return {m.day for m in self.members if m.day is not None}


Block = tuple[str, tuple[str, str]]  # (family, region)


def _join_score(f: MentionFacts, c: Cluster, s: FusionSettings, dated: bool) -> tuple[float, PairScore] | None:
    """Mean pair score of f against the cluster's members; None if any member conflicts."""
    total = 0.0
    first: PairScore | None = None
    for member in c.members:
        score = pair_score(f, member, s, dated)
        if not score.ok:
            return None
        total += score.total
        if first is None:
            first = score
    assert first is not None
    return total / len(c.members), first


def _best(
    f: MentionFacts, candidates: Iterable[Cluster], s: FusionSettings, dated: bool
) -> tuple[Cluster, float, PairScore] | None:
    best: tuple[Cluster, float, PairScore] | None = None
    for c in candidates:
        scored = _join_score(f, c, s, dated)
        if scored is None or scored[0] < s.scoring.merge_threshold:
            continue
        # ties go to the event whose seed sorts first: deterministic whatever the input order
        if best is None or scored[0] > best[1] or (scored[0] == best[1] and c.seed.id < best[0].seed.id):
            best = (c, scored[0], scored[1])
    return best


def _sort_key(f: MentionFacts) -> tuple:
    return (f.precision_rank, f.day_lo if f.day_lo is not None else 0, f.id)


def _greedy_by_day(
    items: list[MentionFacts], s: FusionSettings, trace: list[str] | None, what: str
) -> tuple[list[Cluster], dict[tuple[Block, int], list[Cluster]]]:
    """Passes 1 and 2: greedy clustering of day-dated mentions within (family, region, day±window)."""
    index: dict[tuple[Block, int], list[Cluster]] = defaultdict(list)
    clusters: list[Cluster] = []
    w = s.scoring.day_window
    for f in sorted(items, key=_sort_key):
        assert f.place is not None and f.day is not None
        block = (f.family, f.place.region)
        seen: dict[int, Cluster] = {}
        for d in range(f.day - w, f.day + w + 1):
            for c in index.get((block, d), ()):
                seen.setdefault(id(c), c)
        best = _best(f, seen.values(), s, dated=True)
        if best is None:
            c = Cluster([f])
            clusters.append(c)
            if trace is not None:
                trace.append(f"{f.id}: new {what} event ({len(seen)} candidate(s) in its block did not score)")
        else:
            c, mean, first = best
            c.members.append(f)
            if trace is not None:
                trace.append(f"{f.id}: joins event of {c.seed.id}, mean {mean:.2f}; vs seed {first.describe()}")
        if c not in index[(block, f.day)]:
            index[(block, f.day)].append(c)
    return clusters, index


def _attach_regions(
    region_clusters: list[Cluster],
    index: dict[tuple[Block, int], list[Cluster]],
    s: FusionSettings,
    trace: list[str] | None,
) -> list[Cluster]:
    """Pass 2b: a region-level cluster merges into the single village event that accepts it."""
    kept: list[Cluster] = []
    for rc in region_clusters:
        block = (rc.seed.family, rc.seed.place.region)  # type: ignore[union-attr]
        cands: dict[int, Cluster] = {}
        for d in sorted(rc.days()):
            for c in index.get((block, d), ()):
                cands.setdefault(id(c), c)
        accepting = []
        for c in cands.values():
            scores = [_join_score(f, c, s, dated=True) for f in rc.members]
            if all(x is not None and x[0] >= s.scoring.merge_threshold for x in scores):
                accepting.append(c)
        if len(accepting) == 1:
            accepting[0].members.extend(rc.members)
            if trace is not None:
                trace.append(
                    f"{', '.join(f.id for f in rc.members)}: region-level, joins the only village event "
                    f"of that region and day that accepts it ({accepting[0].seed.id})"
                )
        else:
            kept.append(rc)
            if trace is not None:
                trace.append(
                    f"{', '.join(f.id for f in rc.members)}: region-level event kept apart "
                    f"({len(accepting)} village events of that region and day accept it)"
                )
    return kept


def _place_tier(f: MentionFacts, c: Cluster) -> int:
    """0: the event has a member at exactly f's place key; 1: it is only contained/near."""
    return 0 if any(m.place == f.place for m in c.members) else 1


def _attach_coarse(
    items: list[MentionFacts], clusters: list[Cluster], s: FusionSettings, trace: list[str] | None
) -> list[MentionFacts]:
    """Pass 3: coarse or undated mentions join the one day event they cover; return the rest."""
    by_actor: dict[tuple[str, tuple[str, str], str], list[tuple[int, str, Cluster]]] = defaultdict(list)
    for c in clusters:
        for d in c.days():
            for region in {m.place.region for m in c.members if m.place is not None}:
                for actor in set().union(*(m.side1 | m.side2 for m in c.members)):
                    by_actor[(c.seed.family, region, actor)].append((d, c.seed.id, c))
    for entries in by_actor.values():
        entries.sort(key=lambda e: (e[0], e[1]))
    rest: list[MentionFacts] = []
    for f in sorted(items, key=_sort_key):
        if f.place is None or f.day_lo is None:
            # an undated mention fits every day of every year: sharing a place and an actor
            # with a dated event is no evidence that it is that event (anchoring.py dates
            # undated reports where the evidence allows)
            rest.append(f)
            continue
        cands: dict[int, Cluster] = {}
        for actor in sorted(f.side1 | f.side2):
            entries = by_actor.get((f.family, f.place.region, actor), [])
            if f.day_lo is None:
                window = entries
            else:
                lo = bisect.bisect_left(entries, (f.day_lo, ""))
                hi = bisect.bisect_right(entries, (f.day_hi, "\uffff"))
                window = entries[lo:hi]
            for _, _, c in window:
                cands.setdefault(id(c), c)
        tiers: dict[int, list[Cluster]] = defaultdict(list)
        for c in cands.values():
            scored = _join_score(f, c, s, dated=False)
            if (
                scored is not None
                and scored[0] >= s.scoring.merge_threshold
                and any(shares_actor(f, m) for m in c.members)
            ):
                tiers[_place_tier(f, c)].append(c)
        chosen = tiers[0] if tiers.get(0) else tiers.get(1, [])
        if len(chosen) == 1:
            chosen[0].members.append(f)
            chosen[0].inferred_from_cluster.add(f.id)
            if trace is not None:
                trace.append(
                    f"{f.id}: {'undated' if f.day_lo is None else 'coarse date'}, joins the only "
                    f"dated event it covers ({chosen[0].seed.id}) and takes its day as inferred"
                )
        else:
            rest.append(f)
            if trace is not None and chosen:
                trace.append(f"{f.id}: covers {len(chosen)} dated events; kept apart (ambiguous)")
    return rest


def _cluster_rest(items: list[MentionFacts], s: FusionSettings, trace: list[str] | None) -> list[Cluster]:
    """Pass 4: coarse/undated leftovers fuse only with the same place key and date range."""
    blocks: dict[tuple[str, PlaceKey | None, int, int | None, int | None], list[Cluster]] = defaultdict(list)
    out: list[Cluster] = []
    for f in sorted(items, key=_sort_key):
        key = (f.family, f.place, f.precision_rank, f.day_lo, f.day_hi)
        best = _best(f, blocks[key], s, dated=False) if f.place is not None else None
        if best is None:
            c = Cluster([f])
            blocks[key].append(c)
            out.append(c)
            if trace is not None:
                trace.append(f"{f.id}: new event (coarse, undated or unplaced; no match with the same range)")
        else:
            best[0].members.append(f)
            if trace is not None:
                trace.append(f"{f.id}: joins event of {best[0].seed.id} (same place and range), {best[2].describe()}")
    return out


def cluster_mentions(facts: list[MentionFacts], s: FusionSettings, trace: list[str] | None = None) -> list[Cluster]:
    """All four passes; clusters come back sorted by their seed mention id."""
    day_specific, day_region, loose = [], [], []
    for f in facts:
        if f.day is not None and f.place is not None:
            (day_region if f.place.kind == "region" else day_specific).append(f)
        else:
            loose.append(f)
    clusters, index = _greedy_by_day(day_specific, s, trace, "place")
    region_clusters, _ = _greedy_by_day(day_region, s, trace, "region-level")
    clusters += _attach_regions(region_clusters, index, s, trace)
    rest = _attach_coarse(loose, clusters, s, trace)
    clusters += _cluster_rest(rest, s, trace)
    return sorted(clusters, key=lambda c: c.seed.id)
