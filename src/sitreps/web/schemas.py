"""Response bodies of the web API: the sitreps/1 model classes, plus what a page needs around them.

Each detail view extends a model class rather than wrapping it, so a client that knows sitreps/1
reads `/api/events/{id}` as an Event with extra fields (the spec allows added fields).
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from sitreps.model import Article, Episode, Event, Mention, Span


class Health(BaseModel):
    status: str = "ok"
    version: str
    schema_version: str = Field(description="the export format this server speaks, e.g. sitreps/1")


class EventPage(BaseModel):
    total: int = Field(description="events matching the filters, before paging")
    limit: int
    offset: int
    events: list[Event]


class EvidenceContext(Span):
    """An evidence span with the article text around it, so a page can show it highlighted in place."""

    before: str = Field(description="article text just before the span (up to a sentence or so)")
    after: str = Field(description="article text just after the span")


class MentionDetail(Mention):
    """A mention with the article it comes from, and its evidence in context."""

    outlet: str | None = None
    article_title: str | None = None
    article_source: str | None = None
    article_url: str | None = None
    article_published: str | None = None
    contexts: list[EvidenceContext] = Field(default_factory=list)


class EventDetail(Event):
    mentions: list[MentionDetail] = Field(default_factory=list)


class ArticleSpan(Span):
    """An evidence span in an article, with the mention and event it supports."""

    mention_id: str
    event_id: str | None = None
    event_type: str


class ArticleDetail(Article):
    spans: list[ArticleSpan] = Field(default_factory=list)


class EpisodeDetail(Episode):
    events: list[Event] = Field(default_factory=list)


class Stats(BaseModel):
    articles: int
    mentions: int
    events: int
    episodes: int
    by_day: dict[str, int]
    by_type: dict[str, int]
    by_actor: dict[str, int]


class IngestRejection(BaseModel):
    source: str
    reason: str


class IngestResult(BaseModel):
    read: int
    new: int
    duplicate: int
    rejected: list[IngestRejection]
    mentions: int
    events: int
    episodes: int


class ErrorBody(BaseModel):
    detail: str
