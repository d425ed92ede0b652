"""The sitreps/1 data model: the shared data classes every stage reads and writes.

Field names follow ../shared/spec/export-format.md exactly; fields may be added, none renamed.
Pydantic models give us validation, JSON round-trips and the shipped JSON Schema in one place.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "sitreps/1"

Precision = Literal["day", "week", "month", "year"]
Stance = Literal["asserted", "reported", "claimed", "alleged", "confirmed", "denied", "unverified"]
EventType = Literal[
    "Battles",
    "Explosions/Remote violence",
    "Violence against civilians",
    "Protests",
    "Riots",
    "Strategic developments",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class DateValue(_Model):
    """A date or date range with an honest precision."""

    start: str = Field(description="YYYY-MM-DD")
    end: str = Field(description="YYYY-MM-DD (== start for a single day)")
    precision: Precision = "day"
    inferred: bool = Field(False, description="true when the date was worked out rather than written")


class Location(_Model):
    name: str
    toponym: str | None = Field(None, description="the text as written in the article")
    geonameid: int | None = None
    country_code: str | None = None
    admin1_code: str | None = Field(None, description="GeoNames admin1 code, e.g. '09' for Belgorod Oblast")
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int = Field(1, ge=1, le=3, description="ACLED: 1 the place, 2 near it, 3 the region")


class Actor(_Model):
    id: str
    name: str


class Fatalities(_Model):
    best: int | None = None
    low: int | None = None
    high: int | None = None
    victims: str | None = None
    claimant: Actor | None = None


class Span(_Model):
    start: int
    end: int
    text: str


class Article(_Model):
    id: str
    source: str
    outlet: str | None = None
    title: str | None = None
    published: DateValue | None = None
    language: str = "en"
    text: str
    removed: list[str] = Field(default_factory=list)
    url: str | None = None
    dateline_place: str | None = Field(
        None,
        description="the place a wire dateline names (where the story was filed, cut from `text`): "
        "a weak hint for extraction, not where the events happened",
    )


class Mention(_Model):
    id: str
    article_id: str
    event_id: str | None = None
    episode_id: str | None = None
    event_type: EventType
    sub_event_type: str | None = None
    date: DateValue | None = None
    location: Location | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actor_1: list[Actor] = Field(default_factory=list)
    assoc_actor_2: list[Actor] = Field(default_factory=list)
    claimant: Actor | None = None
    stance: Stance = "asserted"
    fatalities: Fatalities | None = None
    evidence: list[Span] = Field(default_factory=list)
    outcome: str | None = Field(None, description="e.g. 'captured', 'repelled', when the text says so")


class FatalityEstimate(Fatalities):
    mention_id: str


class EventFatalities(_Model):
    best: int | None = None
    low: int | None = None
    high: int | None = None
    estimates: list[FatalityEstimate] = Field(default_factory=list)


class ContradictionValue(_Model):
    value: Any
    claimant: Actor | None = None
    mention_id: str


class Contradiction(_Model):
    field: str
    values: list[ContradictionValue]


class Event(_Model):
    id: str
    episode_id: str | None = None
    event_type: EventType
    sub_event_type: str | None = None
    date: DateValue | None = None
    location: Location | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    assoc_actor_1: list[Actor] = Field(default_factory=list)
    assoc_actor_2: list[Actor] = Field(default_factory=list)
    fatalities: EventFatalities = Field(default_factory=EventFatalities)
    mention_ids: list[str] = Field(default_factory=list)
    article_ids: list[str] = Field(default_factory=list)
    sources: int = 0
    independent_sources: int = 0
    contradictions: list[Contradiction] = Field(default_factory=list)


class Episode(_Model):
    """An operation spanning days and places (added to sitreps/1; the spec allows new fields)."""

    id: str
    name: str | None = None
    event_ids: list[str] = Field(default_factory=list)
    start: str | None = None
    end: str | None = None
    actor_ids: list[str] = Field(default_factory=list)
    admin1: list[str] = Field(default_factory=list)


class Export(_Model):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    schema_: Literal["sitreps/1"] = Field(SCHEMA_VERSION, alias="schema")
    articles: list[Article] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    episodes: list[Episode] = Field(default_factory=list)

    def to_json_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json", by_alias=True)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a sitreps/1 export, generated from the models above."""
    schema = Export.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://sitreps.invalid/schema/sitreps-1.json"
    return schema
