"""An event's fields from its mentions: date, place, actors, type, fatalities, contradictions,
source counts. Every choice is a rule over the mentions, never an average.

Fatalities follow UCDP: best is the most reliable figure credible reports give, low the most
conservative, high the highest; `FATALITY_RULE` says it in one paragraph (shown by `sitreps event`):
- A denial ("the group denied losing anyone", any mention whose stance is `denied`) is a
  contradiction, recorded as one, not an estimate of 0: it never sets best, low or high.
- A figure for one group of victims ("two of the dead were civilians") is part of the toll,
  not the toll: the toll is at least the sum, over the groups counted, of each group's figure,
  and at least the figure given for everyone.
- Within the figures for everyone, and within each group's: best is the lowest point figure
  (exact, or the lower bound of "more than 70") given in a neutral voice (the outlet's own
  reporting, or no claimant named), else the lowest given by a party; low the lowest lower
  bound ("up to 30" allows 0); high the highest figure ("more than 70" counts 71).

Independent sources: of the outlets carrying an event, how many can each be traced to an origin
of its own: an outlet's own reporting is an origin, a named claimant ("the interior ministry")
is one origin however many outlets quote it. It is the size of a largest matching of outlets to
distinct origins they carry, so it never exceeds `sources` nor the number of distinct origins:
five outlets repeating one ministry statement are one independent source.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from pathlib import PurePosixPath
from urllib.parse import urlparse

from sitreps.fuse.facts import PRECISION_RANK, MentionFacts
from sitreps.fuse.settings import FusionSettings
from sitreps.model import (
    Actor,
    Article,
    Contradiction,
    ContradictionValue,
    DateValue,
    EventFatalities,
    Fatalities,
    FatalityEstimate,
    Location,
    Mention,
)

REPORTER = "reporter"
DENIED = "denied"
FATALITY_RULE = (
    "best/low/high per UCDP: a denial is a contradiction, not a figure of 0; a count of one group of victims "
    "is part of the toll (groups add up, the figure for everyone is the least toll); best is the lowest "
    "figure given in a neutral voice, else the lowest a party gives; low the lowest bound; high the highest."
)


def choose_date(members: list[MentionFacts]) -> DateValue | None:
    """Most precise, then written over inferred, then the most mentions, then the earliest."""
    dates = [m.mention.date for m in members if m.mention.date is not None]
    if not dates:
        return None
    counts = Counter((d.start, d.end, d.precision) for d in dates)

    def key(d: DateValue) -> tuple:
        rank = PRECISION_RANK.get(d.precision, 3)
        return (rank, d.inferred, -counts[(d.start, d.end, d.precision)], d.start, d.end)

    return min(dates, key=key).model_copy()


def choose_location(members: list[MentionFacts]) -> Location | None:
    """The village beats the region: gazetteer id first, then geo_precision, then majority."""
    locs = [m.mention.location for m in members if m.mention.location is not None]
    if not locs:
        return None
    counts = Counter((loc.geonameid, loc.name) for loc in locs)

    def key(loc: Location) -> tuple:
        return (
            loc.geonameid is None,
            loc.geo_precision,
            -counts[(loc.geonameid, loc.name)],
            loc.name,
            loc.toponym or "",
        )

    return min(locs, key=key).model_copy()


def _majority_actor(actors: list[Actor], s: FusionSettings) -> Actor | None:
    """Named actors before generic ones, then the most mentions, then the id."""
    if not actors:
        return None
    counts = Counter(a.id for a in actors)
    by_id = {a.id: a for a in sorted(actors, key=lambda a: (a.id, a.name))}
    best = min(by_id, key=lambda i: (s.is_generic_actor(i), -counts[i], i))
    return by_id[best].model_copy()


def choose_actors(
    members: list[MentionFacts], s: FusionSettings
) -> tuple[Actor | None, Actor | None, list[Actor], list[Actor]]:
    ms = [m.mention for m in members]
    actor1 = _majority_actor([m.actor1 for m in ms if m.actor1], s)
    actor2 = _majority_actor([m.actor2 for m in ms if m.actor2], s)
    taken = {a.id for a in (actor1, actor2) if a}
    side2_ids = {a.id for m in ms for a in [m.actor2, *m.assoc_actor_2] if a}

    def assoc(candidates: list[Actor], exclude: set[str]) -> list[Actor]:
        out: dict[str, Actor] = {}
        for a in sorted(candidates, key=lambda a: (a.id, a.name)):
            if a.id not in taken and a.id not in exclude:
                out.setdefault(a.id, a.model_copy())
        return list(out.values())

    # another mention's actor1 that lost the majority is an ally on side 1, unless it is a target
    assoc1 = assoc(
        [a for m in ms for a in [m.actor1, *m.assoc_actor_1] if a], side2_ids - {a.id for a in [actor1] if a}
    )
    assoc2 = assoc([a for m in ms for a in [m.actor2, *m.assoc_actor_2] if a], {a.id for a in assoc1})
    return actor1, actor2, assoc1, assoc2


def choose_types(members: list[MentionFacts], s: FusionSettings) -> tuple[str, str | None]:
    """Majority; ties go to the more specific type / outcome claimed (precedence in fusion.yaml)."""
    types = Counter(m.mention.event_type for m in members)
    event_type = min(types, key=lambda t: (-types[t], s.event_type_rank.get(t, 99), t))
    subs = Counter(m.mention.sub_event_type for m in members if m.mention.sub_event_type)
    sub = min(subs, key=lambda t: (-subs[t], s.sub_event_type_rank.get(t, 99), t)) if subs else None
    return event_type, sub


def estimate_of(m: Mention) -> FatalityEstimate | None:
    f = m.fatalities
    if f is None or (f.best is None and f.low is None and f.high is None):
        return None
    return FatalityEstimate(
        best=f.best,
        low=f.low,
        high=f.high,
        victims=f.victims,
        claimant=(f.claimant or m.claimant),
        mention_id=m.id,
    )


def bounds(f: Fatalities) -> tuple[int, float]:
    """The range a figure allows: exact [b, b], "more than 70" [71, inf), "up to 30" [0, 30]."""
    lo = f.low if f.low is not None else f.best if f.best is not None else 0
    hi: float = f.high if f.high is not None else f.best if f.best is not None else math.inf
    return lo, hi


def _claimed(f: Fatalities) -> int:
    """The figure a claim states: best, else its bound ("more than 70" 71, "up to 30" 30)."""
    for v in (f.best, f.low, f.high):
        if v is not None:
            return v
    raise ValueError("empty estimate")


def _is_neutral(claimant: Actor | None) -> bool:
    return claimant is None or claimant.id == REPORTER


def _picks(estimates: list[FatalityEstimate]) -> tuple[int | None, int, int]:
    """(best, low, high) among figures that count the same victims."""
    points = [(e.best if e.best is not None else e.low, _is_neutral(e.claimant)) for e in estimates]
    neutral = [p for p, n in points if p is not None and n]
    party = [p for p, _ in points if p is not None]
    best = min(neutral) if neutral else (min(party) if party else None)
    low = min(bounds(e)[0] for e in estimates)
    high = max(e.high if e.high is not None else _claimed(e) for e in estimates)
    return best, low, high


def _estimates(members: list[MentionFacts]) -> list[FatalityEstimate]:
    """Every figure the mentions give, denials included, in mention-id order."""
    estimates = [e for e in (estimate_of(m.mention) for m in members) if e is not None]
    return sorted(estimates, key=lambda e: e.mention_id)


def event_fatalities(members: list[MentionFacts]) -> EventFatalities:
    """The toll by the rule in the module docstring (`FATALITY_RULE`); denials are left out."""
    denials = {m.mention.id for m in members if m.mention.stance == DENIED}
    estimates = [e for e in _estimates(members) if e.mention_id not in denials]
    if not estimates:
        return EventFatalities()
    by_victims: dict[str | None, list[FatalityEstimate]] = {}
    for e in estimates:
        by_victims.setdefault(e.victims, []).append(e)
    # two readings of the toll: the figures for everyone, and the groups' figures added up
    tolls = [_picks(by_victims.pop(None))] if None in by_victims else []
    groups = [_picks(group) for _, group in sorted(by_victims.items())]
    if groups:
        group_bests = [g[0] for g in groups if g[0] is not None]
        tolls.append((sum(group_bests) if group_bests else None, sum(g[1] for g in groups), sum(g[2] for g in groups)))
    bests = [t[0] for t in tolls if t[0] is not None]
    best = max(bests) if bests else None
    low, high = max(t[1] for t in tolls), max(t[2] for t in tolls)
    return EventFatalities(best=best, low=low, high=high, estimates=estimates)


def _value(m: Mention, field: str, value: object) -> ContradictionValue:
    return ContradictionValue(value=value, claimant=m.claimant.model_copy() if m.claimant else None, mention_id=m.id)


def _distinct(rows: list[ContradictionValue]) -> list[ContradictionValue]:
    """One row per (value, claimant); the lowest mention id stands for its echoes."""
    seen: dict[str, ContradictionValue] = {}
    for r in sorted(rows, key=lambda r: r.mention_id):
        key = repr((r.value, r.claimant.id if r.claimant else None))
        seen.setdefault(key, r)
    return list(seen.values())


def contradictions(members: list[MentionFacts], fat: EventFatalities) -> list[Contradiction]:
    """What the mentions disagree on. `fat` is the fused toll; the fatality check also reads the
    denials it leaves out, since a denial against a figure is the plainest contradiction."""
    out: list[Contradiction] = []
    ms = sorted((m.mention for m in members), key=lambda m: m.id)
    # fatalities: two claims whose ranges do not overlap, about the same victims (or unspecified)
    ests = _estimates(members) if fat.estimates or any(m.stance == DENIED for m in ms) else []
    clash = any(
        (a.victims is None or b.victims is None or a.victims == b.victims)
        and (bounds(a)[1] < bounds(b)[0] or bounds(b)[1] < bounds(a)[0])
        for i, a in enumerate(ests)
        for b in ests[i + 1 :]
    )
    if clash:
        rows = [
            ContradictionValue(
                value={"best": e.best, "low": e.low, "high": e.high, "victims": e.victims},
                claimant=e.claimant,
                mention_id=e.mention_id,
            )
            for e in ests
        ]
        out.append(Contradiction(field="fatalities", values=_distinct(rows)))
    # dates: day-precision mentions fused across the one-day window
    days = [m for m in ms if m.date is not None and m.date.precision == "day" and m.date.start == m.date.end]
    if len({m.date.start for m in days}) > 1:  # type: ignore[union-attr]
        out.append(Contradiction(field="date", values=_distinct([_value(m, "date", m.date.start) for m in days])))  # type: ignore[union-attr]
    # actors: named sides with nobody in common
    for role, assoc in (("actor1", "assoc_actor_1"), ("actor2", "assoc_actor_2")):
        with_actor = [m for m in ms if getattr(m, role) is not None]
        sides = [{a.id for a in [getattr(m, role), *getattr(m, assoc)]} for m in with_actor]
        if any(not (x & y) for i, x in enumerate(sides) for y in sides[i + 1 :]):
            rows = [_value(m, role, getattr(m, role).id) for m in with_actor]
            out.append(Contradiction(field=role, values=_distinct(rows)))
    # outcome: "captured" vs "repelled"
    outcomes = [m for m in ms if m.outcome]
    if len({m.outcome for m in outcomes}) > 1:
        out.append(
            Contradiction(field="outcome", values=_distinct([_value(m, "outcome", m.outcome) for m in outcomes]))
        )
    # occurrence: one side denies what another asserts
    stances = {m.stance == "denied" for m in ms}
    if stances == {True, False}:
        rows = [_value(m, "stance", m.stance) for m in ms]
        out.append(Contradiction(field="stance", values=_distinct(rows)))
    return out


def outlet_of(article: Article | None, article_id: str) -> str:
    """Article.outlet, else the source's domain, else its file name, else the article id."""
    if article is None:
        return article_id
    if article.outlet:
        return article.outlet.strip().lower()
    for src in (article.url, article.source):
        if src and "://" in src:
            try:
                host = urlparse(src).netloc.lower()
            except ValueError:  # "http://[::1": clean rejects these; a store from before kept some
                continue
            return host[4:] if host.startswith("www.") else host
    if article.source and article.source != "-":
        return PurePosixPath(article.source.replace("\\", "/")).name
    return article_id


def source_counts(members: list[MentionFacts], articles: Mapping[str, Article]) -> tuple[int, int]:
    """(distinct outlets, independent sources: the module docstring's matching of outlets to origins)."""
    origins_of: dict[str, set[tuple[str, str]]] = {}
    for f in members:
        m = f.mention
        outlet = outlet_of(articles.get(m.article_id), m.article_id)
        own = m.claimant is None or m.claimant.id == REPORTER
        origins_of.setdefault(outlet, set()).add((REPORTER, outlet) if own else ("claimant", m.claimant.id))  # type: ignore[union-attr]
    return len(origins_of), _largest_matching(origins_of)


def _largest_matching(options: Mapping[str, set[tuple[str, str]]]) -> int:
    """Size of a maximum matching of keys to distinct options (augmenting paths; events have few outlets)."""
    holder: dict[tuple[str, str], str] = {}

    def place(key: str, seen: set[tuple[str, str]]) -> bool:
        for option in sorted(options[key]):
            if option in seen:
                continue
            seen.add(option)
            if option not in holder or place(holder[option], seen):
                holder[option] = key
                return True
        return False

    return sum(place(key, set()) for key in sorted(options))
