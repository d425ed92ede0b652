"""fuse(mentions, articles) -> events and episodes: the stage's one entry point.

Pure and deterministic: mentions are keyed by their ids, processed in a canonical order, and
ids are hashes of content keys, so the same mentions in any order give the same result.
"""

from __future__ import annotations

import gc
import hashlib
import logging
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sitreps.fuse.anchoring import anchor_undated
from sitreps.fuse.clustering import Cluster, cluster_mentions
from sitreps.fuse.episodes import group_episodes
from sitreps.fuse.event_fields import (
    choose_actors,
    choose_date,
    choose_location,
    choose_types,
    contradictions,
    event_fatalities,
    source_counts,
)
from sitreps.fuse.facts import MentionFacts, mention_facts
from sitreps.fuse.settings import FusionSettings, default_settings
from sitreps.model import Article, DateValue, Episode, Event, Mention

log = logging.getLogger(__name__)


@dataclass
class FusionResult:
    events: list[Event]
    episodes: list[Episode]
    mentions: list[Mention]  # the input mentions with event_id / episode_id set


def _event_key(c: Cluster) -> str:
    """What the event is: type family, day (or range), place. Stable as mentions arrive."""
    seed = c.seed
    day = f"{seed.day_lo}-{seed.day_hi}-{seed.precision_rank}" if seed.day_lo is not None else "undated"
    place = seed.place.label() if seed.place else f"noplace:{seed.id}"
    return f"{seed.family}|{day}|{place}"


def _event_ids(clusters: list[Cluster]) -> list[str]:
    keys = [_event_key(c) for c in clusters]
    counts = Counter(keys)
    ids = []
    for key, c in zip(keys, clusters, strict=True):
        # two events can share a key (split by actors): the seed mention tells them apart
        material = key if counts[key] == 1 else f"{key}|{c.seed.id}"
        ids.append("ev-" + hashlib.sha256(material.encode()).hexdigest()[:12])
    return ids


def build_event(event_id: str, c: Cluster, articles: Mapping[str, Article], s: FusionSettings) -> Event:
    members = sorted(c.members, key=lambda f: f.id)
    event_type, sub = choose_types(members, s)
    actor1, actor2, assoc1, assoc2 = choose_actors(members, s)
    fat = event_fatalities(members)
    sources, independent = source_counts(members, articles)
    return Event(
        id=event_id,
        event_type=event_type,  # type: ignore[arg-type]
        sub_event_type=sub,
        date=choose_date(members),
        location=choose_location(members),
        actor1=actor1,
        actor2=actor2,
        assoc_actor_1=assoc1,
        assoc_actor_2=assoc2,
        fatalities=fat,
        mention_ids=[f.id for f in members],
        article_ids=sorted({f.mention.article_id for f in members}),
        sources=sources,
        independent_sources=independent,
        contradictions=contradictions(members, fat),
    )


def _dedupe(mentions: Sequence[Mention]) -> list[Mention]:
    """One mention per id (the store may hand the same mention twice); the first by content wins."""
    by_id: dict[str, list[Mention]] = {}
    for m in mentions:
        by_id.setdefault(m.id, []).append(m)
    return [
        group[0] if len(group) == 1 else min(group, key=lambda m: m.model_dump_json())
        for _, group in sorted(by_id.items())
    ]


def fuse(
    mentions: Sequence[Mention],
    articles: Mapping[str, Article],
    settings: FusionSettings | None = None,
    trace: list[str] | None = None,
) -> FusionResult:
    """Fuse mentions into events and events into episodes; `trace` collects the merge reasons."""
    s = settings or default_settings()
    # The cyclic GC rescans every live object as ~10 objects per mention pile up, which made
    # the run superlinear (bench_fuse: x1.9 time per mention from 10k to 100k); nothing fusion
    # builds is cyclic garbage, so collection waits until it is done.
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _fuse(mentions, articles, s, trace)
    finally:
        if gc_was_enabled:
            gc.enable()


def _fuse(
    mentions: Sequence[Mention], articles: Mapping[str, Article], s: FusionSettings, trace: list[str] | None
) -> FusionResult:
    unique = _dedupe(mentions)
    facts = [mention_facts(m, s) for m in unique]
    # undated reports dated from the dated reports of the same events (see anchoring.py)
    inferred: dict[str, DateValue] = anchor_undated(facts, articles)
    if inferred:
        facts = [
            mention_facts(f.mention.model_copy(update={"date": inferred[f.id]}), s) if f.id in inferred else f
            for f in facts
        ]
        if trace is not None:
            trace.extend(f"{mid}: undated report, dated {dv.start} from other reports" for mid, dv in inferred.items())
    clusters = cluster_mentions(facts, s, trace)
    events = []
    event_of: dict[str, Event] = {}
    for event_id, c in zip(_event_ids(clusters), clusters, strict=True):
        event = build_event(event_id, c, articles, s)
        events.append(event)
        for f in c.members:
            event_of[f.id] = event
        if c.inferred_from_cluster and event.date is not None and event.date.precision == "day":
            for mid in c.inferred_from_cluster:
                inferred[mid] = DateValue(start=event.date.start, end=event.date.end, precision="day", inferred=True)
    episodes = group_episodes(events, s)
    out_mentions = []
    for m in unique:
        ev = event_of[m.id]
        update: dict = {"event_id": ev.id, "episode_id": ev.episode_id}
        if m.id in inferred:
            update["date"] = inferred[m.id]  # cross-article dating: the day another article gives
        out_mentions.append(m.model_copy(update=update))
    events.sort(key=lambda e: ((e.date.start if e.date else "9999"), e.id))
    if trace is not None:
        for line in trace:
            log.debug(line)
    return FusionResult(events=events, episodes=episodes, mentions=out_mentions)


def explain(
    mentions: Sequence[Mention],
    articles: Mapping[str, Article] | None = None,
    settings: FusionSettings | None = None,
) -> list[str]:
    """The merge decisions, one line each, for these mentions (e.g. one event's mentions)."""
    trace: list[str] = []
    fuse(mentions, articles or {}, settings, trace)
    return trace


def block_keys(facts: Iterable[MentionFacts]) -> set[tuple[str, tuple[str, str] | None]]:
    return {(f.family, f.place.region if f.place else None) for f in facts}


def affected_blocks(
    new_mentions: Sequence[Mention], settings: FusionSettings | None = None
) -> set[tuple[str, tuple[str, str] | None]]:
    """The (type family, (country, admin1)) blocks new mentions can change. Events outside them
    are untouched by a re-fusion, except episode links, which cross admin1 within episode_km."""
    s = settings or default_settings()
    return block_keys(mention_facts(m, s) for m in new_mentions)
