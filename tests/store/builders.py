"""Builders for store tests: articles, mentions, and a small fuse function to hand the store.

`fuse_by_type_day_place` stands in for `sitreps.fuse.fuse` only where a test is about the
store's bookkeeping (the store accepts any function with fuse's signature); it groups mentions
of one type, day and place into one event, which is ACLED's unit.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sitreps.model import Actor, Article, DateValue, Episode, Event, Location, Mention, Span


def article(text: str, outlet: str = "Lakeside Herald", published: str | None = "2024-07-09") -> Article:
    return Article(
        id=hashlib.sha256(text.encode()).hexdigest()[:16],
        source=f"{outlet.lower().replace(' ', '-')}.txt",
        outlet=outlet,
        title=text.split(".")[0],
        published=DateValue(start=published, end=published) if published else None,
        text=text,
    )


def mention(
    art: Article,
    *,
    event_type: str = "Battles",
    sub_event_type: str = "Armed clash",
    day: str = "2024-07-08",
    place: str = "Goma",
    country: str = "CD",
    admin1_code: str = "12",
    admin1: str = "North Kivu",
    lat: float = -1.68,
    lon: float = 29.22,
    actor1: str = "M23",
    actor2: str = "Military Forces of the Democratic Republic of Congo",
    evidence: str | None = None,
) -> Mention:
    sentence = evidence or art.text.split(".")[0]
    start = art.text.find(sentence)
    return Mention(
        id=f"m-{art.id[:8]}-{event_type[:3]}-{place}-{day}",
        article_id=art.id,
        event_type=event_type,  # type: ignore[arg-type]
        sub_event_type=sub_event_type,
        date=DateValue(start=day, end=day),
        location=Location(
            name=place,
            toponym=place,
            country_code=country,
            admin1_code=admin1_code,
            admin1=admin1,
            lat=lat,
            lon=lon,
        ),
        actor1=Actor(id=actor1.lower().replace(" ", "-"), name=actor1),
        actor2=Actor(id=actor2.lower().replace(" ", "-"), name=actor2),
        evidence=[Span(start=max(start, 0), end=max(start, 0) + len(sentence), text=sentence)],
    )


@dataclass
class Fused:
    events: list[Event]
    episodes: list[Episode]
    mentions: list[Mention]


def fuse_by_type_day_place(mentions: Sequence[Mention], articles: Mapping[str, Article]) -> Fused:
    groups: dict[tuple[str, str, str], list[Mention]] = {}
    for m in mentions:
        key = (m.event_type, m.date.start if m.date else "", m.location.name if m.location else "")
        groups.setdefault(key, []).append(m)
    events: list[Event] = []
    fused: list[Mention] = []
    for key in sorted(groups):
        members = sorted(groups[key], key=lambda m: m.id)
        event_id = "e-" + hashlib.sha256("|".join(key).encode()).hexdigest()[:12]
        first = members[0]
        outlets = {articles[m.article_id].outlet for m in members}
        events.append(
            Event(
                id=event_id,
                episode_id="ep-1",
                event_type=first.event_type,
                sub_event_type=first.sub_event_type,
                date=first.date,
                location=first.location,
                actor1=first.actor1,
                actor2=first.actor2,
                mention_ids=[m.id for m in members],
                article_ids=sorted({m.article_id for m in members}),
                sources=len(outlets),
                independent_sources=len(outlets),
            )
        )
        fused.extend(m.model_copy(update={"event_id": event_id, "episode_id": "ep-1"}) for m in members)
    episodes = [Episode(id="ep-1", event_ids=[e.id for e in events])] if events else []
    return Fused(events, episodes, fused)
