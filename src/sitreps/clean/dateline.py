"""The publication date: from metadata, else from a date line in the article's header.

Only dates written in full (day, month, year) count. A two-digit year is the latest year with
those digits that is not in the future (`full_year`): "12th Mar 24" is 2024, never 1924, and
"14 Mar 89" is 1989, since 2089 cannot be a publication date. No date found means None, never
the current day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from importlib import resources
from typing import Any

import yaml

from sitreps.model import DateValue


@dataclass(frozen=True)
class HeaderDate:
    published: DateValue | None
    text: str
    removed: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Patterns:
    month_of: dict[str, int]
    dates: tuple[re.Pattern[str], ...]
    time: re.Pattern[str]
    filler_words: frozenset[str]
    header_paragraphs: int
    header_line_max_words: int


@cache
def _settings() -> dict[str, Any]:
    source = resources.files("sitreps.data").joinpath("clean/dateline.yaml")
    return yaml.safe_load(source.read_text(encoding="utf-8"))


@cache
def _patterns() -> _Patterns:
    settings = _settings()
    month_of = {name: int(number) for number, names in settings["months"].items() for name in names}
    month = "|".join(sorted((re.escape(m) for m in month_of), key=len, reverse=True))
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<year>\d{4}|\d{2})(?!\d)"
    dates = (
        re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<month>[01]?\d)-(?P<day>[0-3]?\d)(?!\d)"),
        re.compile(r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.(?P<year>\d{4}|\d{2})(?![\d.]\d)"),
        re.compile(r"(?<![\d/])(?P<first>[0-3]?\d)/(?P<second>[0-3]?\d)/(?P<year>\d{4}|\d{2})(?![\d/])"),
        re.compile(rf"(?<!\w){day}(?: of)? (?P<month>{month})\.?,? {year}", re.IGNORECASE),
        re.compile(rf"(?<!\w)(?P<month>{month})\.? {day},? {year}", re.IGNORECASE),
    )
    time = re.compile(r"\b\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?", re.IGNORECASE)
    return _Patterns(
        month_of=month_of,
        dates=dates,
        time=time,
        filler_words=frozenset(str(w).casefold() for w in settings["date_line_words"]),
        header_paragraphs=int(settings["header_paragraphs"]),
        header_line_max_words=int(settings["header_line_max_words"]),
    )


def month_names() -> dict[str, int]:
    """Every month name dateline.yaml lists (lower case, any language) -> the month's number."""
    return dict(_patterns().month_of)


def full_year(text: str, today: date | None = None) -> int:
    """The year a date's year digits name: four digits as written; two digits the latest year
    ending in them that is not after `today` ("24" -> 2024, "89" -> 1989 in 2025).

    Reporting is read after it is written, so a year ahead of today is never meant; between the
    two past readings the nearer one is (a wire "12 Mar 24" is not from 1924)."""
    value = int(text)
    if len(text) != 2:
        return value
    this_year = (today or date.today()).year
    return 2000 + value if 2000 + value <= this_year else 1900 + value


def _to_date(match: re.Match[str], month_of: dict[str, int]) -> date | None:
    groups = match.groupdict()
    year = full_year(groups["year"])
    if groups.get("first"):
        # Slashed dates: only unambiguous ones. 03/04/2023 could be either order; abstain.
        first, second = int(groups["first"]), int(groups["second"])
        if first > 12 >= second:
            day_, month_ = first, second
        elif second > 12 >= first:
            day_, month_ = second, first
        else:
            return None
    else:
        raw_month = groups["month"]
        month_ = int(raw_month) if raw_month.isdigit() else month_of[raw_month.casefold().rstrip(".")]
        day_ = int(groups["day"])
    try:
        found = date(year, month_, day_)
    except ValueError:
        return None
    # A date after today cannot be a publication date; it is a typo or an event announcement.
    return found if 1990 <= found.year and found <= date.today() else None


def find_date(text: str) -> tuple[date, re.Match[str]] | None:
    """The first full calendar date written in `text`, with the match that holds it."""
    patterns = _patterns()
    best: tuple[date, re.Match[str]] | None = None
    for pattern in patterns.dates:
        for match in pattern.finditer(text):
            found = _to_date(match, patterns.month_of)
            if found and (best is None or match.start() < best[1].start()):
                best = (found, match)
                break
    return best


def parse_published(value: str) -> DateValue | None:
    """A metadata `published` string ("2023-06-01T10:00:00Z", "June 2, 2023") as a day."""
    value = value.strip()
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00")).date()
        if parsed <= date.today():
            return _day(parsed)
    except ValueError:
        pass
    found = find_date(value)
    return _day(found[0]) if found else None


def day_value(found: date) -> DateValue:
    """A date written in full, as a day-precision DateValue."""
    iso = found.isoformat()
    return DateValue(start=iso, end=iso, precision="day", inferred=False)


_day = day_value


def _only_a_date(line: str, match: re.Match[str]) -> bool:
    """True when nothing but the date, a time and filler words ("Published", "GMT") is left."""
    patterns = _patterns()
    rest = line[: match.start()] + " " + line[match.end() :]
    rest = patterns.time.sub(" ", rest)
    tokens = [t.strip(",|:;()").casefold() for t in rest.split()]
    return all(not t or t in patterns.filler_words for t in tokens)


def is_date_line(line: str) -> bool:
    """A line that holds a full date and nothing else but filler ("Published", a time, "GMT")."""
    found = find_date(line)
    return found is not None and _only_a_date(line, found[1])


def extract_header_date(text: str) -> HeaderDate:
    """The publication date stated in the header (the first few paragraphs).

    A line holding only the date is removed from the text; a short header line with other
    words (an outlet or byline beside the date) gives the date but stays for the boilerplate
    stage to judge.
    """
    patterns = _patterns()
    paragraphs = text.split("\n\n")
    for p_index, paragraph in enumerate(paragraphs[: patterns.header_paragraphs]):
        lines = paragraph.split("\n")
        for l_index, line in enumerate(lines):
            if len(line.split()) > patterns.header_line_max_words:
                continue
            found = find_date(line)
            if not found:
                continue
            published, match = found
            if not _only_a_date(line, match):
                if re.search(r"[.!?]['\"’”]?$", line.strip()):
                    continue  # a sentence: its date is when something happened, not publication
                return HeaderDate(_day(published), text)
            rest = lines[:l_index] + lines[l_index + 1 :]
            new_paragraphs = paragraphs[:p_index] + (["\n".join(rest)] if rest else []) + paragraphs[p_index + 1 :]
            return HeaderDate(_day(published), "\n\n".join(new_paragraphs), [line.strip()])
    return HeaderDate(None, text)
