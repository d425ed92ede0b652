"""Background is not news: mentions dated long before their report open no event.

A report recalls as well as reports: "the 1984 massacre", "since the war began in 1980". The
sitreps/1 format has no background flag, so a mention whose own date ends more than the span of
data/background.yaml (365 days) before the article's publication day is dropped by the extractor,
with the reason logged and shown by `sitreps mentions --explain`.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache
from typing import Any

from sitreps.lexicons import BackgroundFile, as_data, load_validated
from sitreps.model import DateValue


@cache
def _settings() -> dict[str, Any]:
    return as_data(load_validated("background.yaml", BackgroundFile))


def background_span_days() -> int:
    """How far before its report's publication a mention's date may end and still be news."""
    return int(_settings()["background_span_days"])


def background_reason(when: DateValue | None, published: DateValue | None) -> str | None:
    """Why a mention dated `when` in a report published `published` is background, else None.

    Undated reports and undated mentions are never background: nothing says how old they are.
    """
    if when is None or published is None:
        return None
    span = background_span_days()
    ends, reported = date.fromisoformat(when.end), date.fromisoformat(published.start)
    if ends >= reported - timedelta(days=span):
        return None
    return f"background: dated {when.start}..{when.end}, over {span} days before publication ({published.start})"
