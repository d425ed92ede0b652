"""Dating reports that carry no date, from the dated reports that tell the same events.

A scraped report often has no publication date, so "on Thursday" or "yesterday" in it cannot
be read on its own. But if it says the groups fought in a village "on Thursday", and another,
dated report puts a clash of the same type in the same village on a Thursday, that fixes the
undated report's week: its other weekdays, and "yesterday"/"today", can then be read too.

The rule is conservative: an anchor needs the same type family, the same place key and a
matching weekday, and every anchor of one article must agree on one week; a report whose
anchors disagree stays undated. Dates worked out this way are marked `inferred`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from sitreps.fuse.facts import MentionFacts, PlaceKey
from sitreps.model import Article, DateValue

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
# Relative days, as offsets from the (estimated) day of writing.
_RELATIVE = {
    "today": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "tonight": 0,
    "yesterday": -1,
    "last night": -1,
}
_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH = r"(" + "|".join(_MONTHS) + r")"
# "May 22" / "22 May" with no year: the year is the one that puts it closest before the writing
_MONTH_DAY = re.compile(
    rf"\b(?:{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?|(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH})\b(?!,?\s*\d{{4}})",
    re.IGNORECASE,
)
_RELATIVE_RE = re.compile(r"\b(" + "|".join(_RELATIVE) + r")\b", re.IGNORECASE)
# Anchors of one report must fall within one week to describe one news cycle.
WEEK = 6


def _first_weekday(text: str) -> int | None:
    m = _WEEKDAY.search(text)
    return WEEKDAYS.index(m.group(1).lower()) if m else None


def _first_relative(text: str) -> int | None:
    m = _RELATIVE_RE.search(text)
    return _RELATIVE[m.group(1).lower()] if m else None


def _month_day(text: str, written: date) -> date | None:
    m = _MONTH_DAY.search(text)
    if not m:
        return None
    month = _MONTHS.index((m.group(1) or m.group(4)).lower()) + 1
    day = int(m.group(2) or m.group(3))
    for year in (written.year, written.year - 1):
        try:
            d = date(year, month, day)
        except ValueError:
            return None
        if d <= written:
            return d
    return None


def _nearest_weekday(weekday: int, around: date) -> date:
    """The day with `weekday` nearest to `around` (ties go to the earlier day: news looks back)."""
    back = (around.weekday() - weekday) % 7
    forward = (weekday - around.weekday()) % 7
    return around - timedelta(days=back) if back <= forward else around + timedelta(days=forward)


def anchor_undated(facts: Sequence[MentionFacts], articles: Mapping[str, Article]) -> dict[str, DateValue]:
    """Inferred day dates for undated mentions of undated reports, keyed by mention id."""
    undated_articles = {aid for aid, a in articles.items() if a.published is None}
    if not undated_articles:
        return {}
    dated_days: dict[tuple[str, PlaceKey], set[int]] = defaultdict(set)
    pending: dict[str, list[MentionFacts]] = defaultdict(list)
    for f in facts:
        aid = f.mention.article_id
        if f.day is not None and aid not in undated_articles and f.place is not None:
            dated_days[(f.family, f.place)].add(f.day)
        elif f.day_lo is None and aid in undated_articles:
            pending[aid].append(f)
    out: dict[str, DateValue] = {}
    for aid in sorted(pending):
        members = sorted(pending[aid], key=lambda f: f.id)
        anchors: dict[int, set[int]] = defaultdict(set)  # weekday -> days it was matched to
        for f in members:
            if f.place is None:
                continue
            weekday = _first_weekday(" ".join(s.text for s in f.mention.evidence))
            if weekday is None:
                continue
            for day in dated_days.get((f.family, f.place), ()):
                if date.fromordinal(day).weekday() == weekday:
                    anchors[weekday].add(day)
        if not anchors or any(len(days) > 1 for days in anchors.values()):
            continue  # no anchor, or a weekday matched to two different days: stay undated
        days = sorted(d for ds in anchors.values() for d in ds)
        if days[-1] - days[0] > WEEK:
            continue
        centre = date.fromordinal(days[-1])
        resolved: dict[str, date] = {}
        for f in members:
            weekday = _first_weekday(" ".join(s.text for s in f.mention.evidence))
            if weekday is not None:
                resolved[f.id] = _nearest_weekday(weekday, centre)
        # the report was written on or after the latest day it names
        written = max(resolved.values(), default=centre)
        for f in members:
            if f.id in resolved:
                continue
            said = " ".join(s.text for s in f.mention.evidence)
            offset = _first_relative(said)
            if offset is not None:
                resolved[f.id] = written + timedelta(days=offset)
            elif (day := _month_day(said, written)) is not None:
                resolved[f.id] = day
        for mid, day in resolved.items():
            out[mid] = DateValue(start=day.isoformat(), end=day.isoformat(), precision="day", inferred=True)
    return out
