"""What a test expects of the mention an extractor reads from a text, and how it checks it.

An `Expect` names only the fields a case is about; the rest are `ANY`. The mention checked is
the first one of the expected event type (the only one when `count` is 1).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

from sitreps.clean import article_id
from sitreps.model import Article, DateValue, Mention

if TYPE_CHECKING:
    from sitreps.extract.toponyms import Toponym

PUBLISHED = "2024-06-14"  # a Friday: "on Tuesday" is 2024-06-11, "on Friday" the day itself
OUTLET = "Test Wire"

# the `extract` fixture: extract(text, published=PUBLISHED, outlet=OUTLET) -> the article's mentions
Extract = Callable[..., list[Mention]]


class _Any:
    def __repr__(self) -> str:
        return "ANY"


ANY: Any = _Any()


def make_article(text: str, published: str | None = PUBLISHED, outlet: str | None = OUTLET) -> Article:
    day = DateValue(start=published, end=published, precision="day") if published else None
    return Article(id=article_id(text), source="test", outlet=outlet, published=day, text=text)


@dataclass(frozen=True)
class Expect:
    type: str
    sub: Any = ANY
    actor1: Any = ANY  # canonical name, or the text as written for an unregistered actor; None: no actor
    actor2: Any = ANY
    toponym: Any = ANY  # the place as written in the text
    place: Any = ANY  # the gazetteer's name for it
    country: Any = ANY
    admin1: Any = ANY
    precision: Any = ANY  # geo_precision: 1 the place, 2 near it, 3 the region
    date: Any = ANY  # "YYYY-MM-DD" (start == end) or (start, end); None: no date
    date_precision: Any = ANY
    inferred: Any = ANY
    fatalities: Any = ANY  # (best, low, high); None: no figure
    claimant: Any = ANY
    stance: Any = ANY
    count: Any = ANY  # mentions the whole text gives


def pick(mentions: list[Mention], expect: Expect) -> Mention:
    if expect.count is not ANY:
        assert len(mentions) == expect.count, [(m.event_type, m.sub_event_type) for m in mentions]
    of_type = [m for m in mentions if m.event_type == expect.type]
    assert of_type, f"no {expect.type} mention in {[(m.event_type, m.sub_event_type) for m in mentions]}"
    return of_type[0]


def observed(m: Mention) -> dict[str, Any]:
    loc = m.location
    date: Any = None
    if m.date is not None:
        date = m.date.start if m.date.start == m.date.end else (m.date.start, m.date.end)
    fat = m.fatalities
    return {
        "type": m.event_type,
        "sub": m.sub_event_type,
        "actor1": m.actor1.name if m.actor1 else None,
        "actor2": m.actor2.name if m.actor2 else None,
        "toponym": loc.toponym if loc else None,
        "place": loc.name if loc else None,
        "country": loc.country_code if loc else None,
        "admin1": loc.admin1 if loc else None,
        "precision": loc.geo_precision if loc else None,
        "date": date,
        "date_precision": m.date.precision if m.date else None,
        "inferred": m.date.inferred if m.date else None,
        "fatalities": (fat.best, fat.low, fat.high) if fat else None,
        "claimant": m.claimant.name if m.claimant else None,
        "stance": m.stance,
    }


def check(mentions: list[Mention], expect: Expect) -> None:
    """Assert every field `expect` names, all at once (one message lists every difference)."""
    got = observed(pick(mentions, expect))
    wanted = {f.name: getattr(expect, f.name) for f in fields(expect) if f.name != "count"}
    diffs = {k: (v, got[k]) for k, v in wanted.items() if v is not ANY and got[k] != v}
    assert not diffs, "field: (expected, got) " + repr(diffs)


def toponym_list(text: str, skip_actor_names: bool = True) -> list[Toponym]:
    """The toponyms spotted in `text` and resolved as the extractor does (names inside an
    actor's name skipped, unless `skip_actor_names` is off), in text order."""
    from sitreps.extract.roles import actor_entities
    from sitreps.extract.toponyms import resolve_all, spot
    from sitreps.nlp import load_nlp
    from sitreps.places import PlaceResolver, get_gazetteer
    from sitreps.resolve.actors import get_registry

    doc = load_nlp()(text)
    gazetteer = get_gazetteer()
    actor_spans = [(e.start_char, e.end_char) for e in actor_entities(doc)] if skip_actor_names else []
    tops = spot(doc, gazetteer, actor_spans, get_registry().capital_country)
    resolve_all(tops, text, PlaceResolver(gazetteer))
    return tops


def spotted_toponyms(text: str) -> dict[str, Toponym]:
    """`toponym_list(text)` by each toponym's text."""
    return {t.text: t for t in toponym_list(text)}
