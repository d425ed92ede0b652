"""Group events into episodes: one operation over days and places.

Two dated events are linked when one report tells both within `episode_days` and they share an
(allied) party, or when they share an initiating or associated actor (actor1,
assoc_actor_1 or assoc_actor_2; a shared target alone, like the state's army in every clash,
links nothing), lie in the same admin1 or within `episode_km`, and are at most
`episode_days` apart; an episode is a connected group (single linkage), so a raid that moves
village to village day by day stays one episode while a separate incursion months later by
the same groups is another. An event dated only to a week/month/year joins an episode when
its range overlaps the episode's days and it links to one of its events, and only if exactly
one episode qualifies. A day-dated event left out (no named actor, or a shared target only)
joins the one episode with an event near it within episode_days (none if two qualify).
Undated events and events linked to nothing get no episode (episode_id None): a one-event
episode would say nothing the event does not.
"""

from __future__ import annotations

import bisect
import hashlib
import math
from collections import Counter, defaultdict
from dataclasses import dataclass

from sitreps.fuse.facts import PRECISION_RANK, km_between, ordinal
from sitreps.fuse.settings import FusionSettings
from sitreps.model import Episode, Event
from sitreps.resolve.actors import get_registry

_CELL_DEG = 1.5  # grid cell in degrees of latitude, about 167 km: neighbours cover episode_km


@dataclass(frozen=True)
class _EventFacts:
    event: Event
    lo: int
    hi: int
    dated: bool  # day precision
    actors: frozenset[str]
    region: tuple[str, str] | None
    lat: float | None
    lon: float | None

    def cell(self) -> tuple[int, int] | None:
        if self.lat is None or self.lon is None:
            return None
        return (math.floor(self.lat / _CELL_DEG), math.floor(self.lon / _CELL_DEG))


def _allied_side(actor_id: str) -> str | None:
    """ "side:ukraine" for an armed non-state group the registry puts on a side, else None.

    Volunteer corps, legions and militias that fight one war on one side run joint
    operations (one raids a village while its ally takes the next), so for episodes they
    count as one party; states and their forces link only by their own id.
    """
    entry = get_registry().get(actor_id)
    if entry is None or not entry.side or not entry.armed_non_state:
        return None
    return f"side:{entry.side}"


def _facts(e: Event, s: FusionSettings) -> _EventFacts | None:
    if e.date is None:
        return None
    loc = e.location
    ids = [
        a.id for a in [e.actor1, *e.assoc_actor_1, *e.assoc_actor_2] if a is not None and not s.is_generic_actor(a.id)
    ]
    actors = frozenset(ids) | frozenset(side for side in map(_allied_side, ids) if side)
    region = ((loc.country_code or "").upper(), loc.admin1_code or loc.admin1 or "") if loc else None
    return _EventFacts(
        event=e,
        lo=ordinal(e.date.start),
        hi=ordinal(e.date.end or e.date.start),
        dated=PRECISION_RANK.get(e.date.precision, 3) == 0,
        actors=actors,
        region=region if region and region[1] else None,
        lat=loc.lat if loc else None,
        lon=loc.lon if loc else None,
    )


def _near(a: _EventFacts, b: _EventFacts, s: FusionSettings) -> bool:
    if a.region is not None and a.region == b.region:
        return True
    if None in (a.lat, a.lon, b.lat, b.lon):
        return False
    return km_between(a.lat, a.lon, b.lat, b.lon) <= s.episode_km  # type: ignore[arg-type]


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def _buckets(f: _EventFacts) -> list[tuple]:
    """Spatial keys to look an event up under: its region and its 3x3 grid neighbourhood."""
    keys: list[tuple] = []
    if f.region is not None:
        keys.append(("r", f.region))
    cell = f.cell()
    if cell is not None:
        keys += [("c", (cell[0] + dy, cell[1] + dx)) for dy in (-1, 0, 1) for dx in (-1, 0, 1)]
    return keys


def _home(f: _EventFacts) -> list[tuple]:
    keys: list[tuple] = []
    if f.region is not None:
        keys.append(("r", f.region))
    if f.cell() is not None:
        keys.append(("c", f.cell()))
    return keys


def group_episodes(events: list[Event], s: FusionSettings) -> list[Episode]:
    """Episodes (two or more events each); sets episode_id on the events in place."""
    facts = [f for f in (_facts(e, s) for e in sorted(events, key=lambda e: e.id)) if f is not None]
    dated = sorted((f for f in facts if f.dated and f.actors), key=lambda f: (f.lo, f.event.id))
    index: dict[tuple, list[tuple[int, str, int]]] = defaultdict(list)
    for i, f in enumerate(dated):
        for actor in f.actors:
            for home in _home(f):
                index[(actor, home)].append((f.lo, f.event.id, i))
    for entries in index.values():
        entries.sort()
    uf = _UnionFind(len(dated))
    n = s.episode_days
    for i, f in enumerate(dated):
        for actor in f.actors:
            for key in _buckets(f):
                entries = index.get((actor, key), [])
                start = bisect.bisect_left(entries, (f.lo - n, ""))
                for lo, _, j in entries[start:]:
                    if lo > f.lo + n:
                        break
                    if j != i and uf.find(i) != uf.find(j) and _near(f, dated[j], s):
                        uf.union(i, j)
    _link_by_report(dated, uf, n)
    groups: dict[int, list[_EventFacts]] = defaultdict(list)
    for i, f in enumerate(dated):
        groups[uf.find(i)].append(f)
    multi = {root: g for root, g in groups.items() if len(g) > 1}
    # coarse-dated events: join the one episode whose days their range overlaps and that they link to
    for f in facts:
        if f.dated or not f.actors:
            continue
        found: set[int] = set()
        for actor in f.actors:
            for key in _buckets(f):
                entries = index.get((actor, key), [])
                start = bisect.bisect_left(entries, (f.lo, ""))
                for lo, _, j in entries[start:]:
                    if lo > f.hi:
                        break
                    root = uf.find(j)
                    if root in multi and _near(f, dated[j], s):
                        found.add(root)
        if len(found) == 1:
            multi[found.pop()].append(f)
    _join_actorless(facts, dated, uf, multi, s)
    episodes = [_episode(g) for g in multi.values()]
    return sorted(episodes, key=lambda ep: (ep.start or "", ep.id))


def _link_by_report(dated: list[_EventFacts], uf: _UnionFind, days: int) -> None:
    """One report telling of two events by the same (or allied) parties within `days` of each
    other presents them as one operation ("attacks in the Belgorod and Kursk regions"), however
    far apart the places: the report links them, not the map."""
    by_article: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(dated):
        for aid in f.event.article_ids:
            by_article[aid].append(i)
    for members in by_article.values():
        if len(members) > 50:
            continue  # a digest of a whole front is not one operation
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                a, b = dated[i], dated[j]
                if abs(a.lo - b.lo) <= days and a.actors & b.actors:
                    uf.union(i, j)


def _join_actorless(
    facts: list[_EventFacts],
    dated: list[_EventFacts],
    uf: _UnionFind,
    multi: dict[int, list[_EventFacts]],
    s: FusionSettings,
) -> None:
    """A day-dated event left out of every episode (no named actor, or only the state's forces,
    which link nothing on their own) joins the one episode that has an event near it within
    episode_days: it is part of that fighting. With two candidate episodes, it joins none."""
    by_place: dict[tuple, list[tuple[int, str, int]]] = defaultdict(list)
    for j, g in enumerate(dated):
        if uf.find(j) in multi:
            for home in _home(g):
                by_place[home].append((g.lo, g.event.id, j))
    for entries in by_place.values():
        entries.sort()
    n = s.episode_days
    grouped = {id(g) for members in multi.values() for g in members}
    for f in facts:
        if not f.dated or id(f) in grouped:
            continue
        found: set[int] = set()
        for key in _buckets(f):
            entries = by_place.get(key, [])
            start = bisect.bisect_left(entries, (f.lo - n, ""))
            for lo, _, j in entries[start:]:
                if lo > f.lo + n:
                    break
                if _near(f, dated[j], s):
                    found.add(uf.find(j))
        if len(found) == 1:
            multi[found.pop()].append(f)


def _episode(group: list[_EventFacts]) -> Episode:
    group = sorted(group, key=lambda f: (f.lo, f.event.id))
    first = group[0].event
    ep_id = "ep-" + hashlib.sha256(f"episode|{first.id}".encode()).hexdigest()[:12]
    actor_count = Counter(a for f in group for a in f.actors if not a.startswith("side:"))
    names = {}
    for f in group:
        for a in [f.event.actor1, *f.event.assoc_actor_1, *f.event.assoc_actor_2]:
            if a is not None:
                names.setdefault(a.id, a.name)
    regions = sorted(
        {(f.event.location.admin1 or f.event.location.admin1_code or "") for f in group if f.event.location is not None}
        - {""}
    )
    start = min(f.event.date.start for f in group)  # type: ignore[union-attr]
    end = max(f.event.date.end or f.event.date.start for f in group)  # type: ignore[union-attr]
    lead = [names[a] for a, _ in sorted(actor_count.items(), key=lambda kv: (-kv[1], kv[0]))[:2]]
    where = ", ".join(regions[:3]) or "unknown region"
    name = f"{' and '.join(lead)} in {where}, {start}" + (f" to {end}" if end != start else "")
    for f in group:
        f.event.episode_id = ep_id
    return Episode(
        id=ep_id,
        name=name,
        event_ids=[f.event.id for f in group],
        start=start,
        end=end,
        actor_ids=sorted(actor_count),
        admin1=regions,
    )
