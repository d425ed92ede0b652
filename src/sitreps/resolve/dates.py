"""Time expressions in an article -> DateValue, anchored on the publication date.

`find_time_expressions(text)` spots the expressions; `resolve_time_expression(expr, published)`
turns one of them into a `DateValue`. Both read the same pattern table, so anything the finder
returns the resolver understands, and the resolver also accepts the bare expression without its
preposition ("Friday", "May 22").

Rules (the anchor is the publication day, `published.start`; columns: value, precision, inferred):

  "22 May 2023", "May 22, 2023"        that day                                       day    no
  "22.05.2023", "22.05.23"             that day (dotted dates are day.month.year)     day    no
  "05/22/2023"                         month/day/year, day/month if the first > 12    day    no
  "2023-05-22"                         that day (ISO)                                 day    no
  "May 22", "the 22nd of May"          the latest May 22 on or before the anchor      day    no
  "May 22 of this year"                May 22 of the anchor's year                    day    no
  "in May 2023", "May 2023"            1-31 May 2023                                  month  no
  "in May"                             the latest May on or before the anchor         month  no
  "at the end of May", "in late May"   21 May - month end (data/dates.yaml)           month  no
  "in early May", "in mid-May"         1-10 May / 11-20 May                           month  no
  "in 2022"                            the whole year                                 year   no
  "on Friday", "Friday morning"        the latest Friday on or before the anchor      day    yes
                                       (a report published on a Friday means that day)
  "last Friday"                        the latest Friday strictly before the anchor   day    yes
  "today", "tonight", "this morning"   the anchor                                     day    yes
  "yesterday", "last night"            anchor - 1                                     day    yes
  "the day before yesterday"           anchor - 2                                     day    yes
  "overnight", "during the night"      anchor - 1 .. anchor: the night spans both     day    yes
                                       days and the report does not say which; fusion
                                       narrows it with other articles
  "over the past 24 hours / day"       anchor - 1 .. anchor                           day    yes
  "over the past three days"           anchor - 3 .. anchor                           week   yes
  "last week"                          Monday-Sunday of the ISO week before the       week   yes
                                       anchor's week
  "this week", "earlier this week"     Monday of the anchor's week .. anchor          week   yes
  "over the weekend", "last weekend"   the latest Saturday-Sunday before the anchor   day    yes
  "last month"                         the calendar month before the anchor's         month  yes
  "this month", "earlier this month"   1st of the anchor's month .. anchor            month  yes
  "last year"                          the year before the anchor's                   year   yes
  "earlier this year", "this year"     1 January .. anchor                            year   yes
  "two days ago"                       anchor - 2                                     day    yes
  "a week ago", "three months ago"     the ISO week / calendar month that far back    week/month yes
  "since Monday", "since May 22"       the start of that date .. anchor               day    yes
  "since May", "since 2022"            the start of that month/year .. anchor         month/year yes
  "that same night", "the same day"    the story's day: the previous dated sentence's  day    yes
  "the following day", "two days       that day + 1 / + 2 (offsets in data/dates.yaml) day    yes
   later", "the day before"            (`story_date`; None without one)

Guards:
- No anchor (published is None, or only known to the month/year) -> None for every weekday or
  relative expression, and for a day or month written without a year: we never invent a day.
  A month-precision published date still supplies the year for "May 22" (latest on or before
  its end).
- Nothing after the anchor: ranges are clamped to end on the anchor, and an expression whose
  start falls after the anchor (a future date, or an announcement) resolves to None.
- A two-digit year is the latest year with those digits not after the anchor (today without
  one): "'23" is 2023, "'89" 1989.
- A document's date is no time of an event: `find_time_expressions` leaves out an expression
  right after "dated" or after a document noun and its verb ("a communique dated 12 March", "a
  statement issued on Monday", "the decree of 3 May"; cues in data/dates.yaml).
- Clock times ("at 13.24", "9:00am", "05:30") and numbers or years inside names are not time
  expressions: dates need a month name, three numeric parts, or a preposition before a year.
- "May" and "March" count as months only when capitalised (they are also English words).
- Absolute dates are parsed with dateparser (English, strict parts, past-preferring, relative
  base = the anchor); relative and weekday arithmetic is ours, since dateparser reads "Friday" as
  a future or past day depending on settings and has no notion of "the end of May".
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache
from typing import Any

import dateparser

from sitreps.lexicons import DatesFile, as_data, load_validated
from sitreps.model import DateValue, Precision


@dataclass(frozen=True)
class TimeExpression:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class _DateLexicon:
    month_parts: dict[str, tuple[int, int]]
    count_words: dict[str, int]
    # text ending right before a document's date: "...a communique dated ", "...statement issued "
    document_date_cue: re.Pattern[str]
    story_relative_days: dict[str, int]


def _words_alternation(words: list[str]) -> str:
    return "|".join(r"\s+".join(map(re.escape, str(w).split())) for w in sorted(words, key=len, reverse=True))


@cache
def _lexicon() -> _DateLexicon:
    raw: dict[str, Any] = as_data(load_validated("dates.yaml", DatesFile))
    cues = raw["document_date_cues"]
    dated = _words_alternation(cues["dated"])
    nouns, verbs = _words_alternation(cues["document_nouns"]), _words_alternation(cues["document_verbs"])
    return _DateLexicon(
        month_parts={k: (int(v[0]), int(v[1])) for k, v in raw["month_parts"].items()},
        count_words={k: int(v) for k, v in raw["count_words"].items()},
        document_date_cue=re.compile(rf"(?<![\w-])(?:{dated}|(?:{nouns})\s+(?:{verbs}))\s*$", re.IGNORECASE),
        story_relative_days={str(k): int(v) for k, v in raw["story_relative_days"].items()},
    )


_MONTH_NUMBERS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTH_NUMBERS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
_MONTH_NUMBERS["sept"] = 9
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}  # Monday == 0

_MONTH_FULL = "(?:" + "|".join(n for n in calendar.month_name if n) + ")"
_MONTH_ANY = (
    "(?:" + "|".join(n for n in calendar.month_name if n) + r"|(?:Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\.?)"
)
_WEEKDAY = "(?:" + "|".join(calendar.day_name) + ")"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?:(?:19|20)\d{2}(?![\d-])|'\d{2}\b)"
_PART_OF_DAY = r"(?:morning|afternoon|evening|night)"
_COUNT = r"(?:\d{1,2}|a\s+couple\s+of|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
# A preposition in front is part of the expression; "since"/"from" turn it into an open range.
_LEAD = r"(?:(?P<since>since|from)\s+|(?:on|in|during|early|late|by|overnight(?:\s+on)?)\s+)?"
_PART_OF = r"(?:the\s+" + _PART_OF_DAY + r"\s+of\s+)?"
_YEAR_TAIL = (
    r"(?:,?\s+(?P<year>" + _YEAR + r")"
    # a bare two-digit year only in a byline, before a clock time or the line end: "12th Mar 24 3:55 pm"
    r"|\s+(?P<byline_year>\d{2})(?=\s+\d{1,2}[:.]\d{2}|[ \t]*$)"
    r"|\s+of\s+(?P<yearword>this|the\s+current|last|the\s+previous|the\s+past)\s+year)?"
)

# (kind, pattern); every pattern is matched case-insensitively and as a whole word.
_PATTERN_SOURCES: tuple[tuple[str, str], ...] = (
    ("iso", _LEAD + r"(?P<date>(?:19|20)\d{2}-[01]\d-[0-3]\d)(?![\d-])"),
    ("dotted", _LEAD + r"(?<![\d.:/])(?P<date>[0-3]?\d\.[01]?\d\.(?:\d{4}|\d{2}))(?![\d]|[./:]\d)"),
    ("slashed", _LEAD + r"(?<![\d.:/])(?P<date>[01]?\d/[0-3]?\d/(?:\d{4}|\d{2}))(?![\d]|[./:]\d)"),
    (
        "day_month",
        _LEAD + _PART_OF + r"(?:" + _WEEKDAY + r",?\s+)?(?:the\s+)?(?P<day>" + _DAY + r")\s+(?:of\s+)?"
        r"(?P<month>" + _MONTH_ANY + r")" + _YEAR_TAIL,
    ),
    (
        "month_day",
        _LEAD + _PART_OF + r"(?:" + _WEEKDAY + r",?\s+)?(?P<month>" + _MONTH_ANY + r")\s+(?:the\s+)?"
        r"(?P<day>" + _DAY + r")" + _YEAR_TAIL,
    ),
    (
        "month_part",
        r"(?:(?P<since>since)\s+)?(?:(?:(?:at|by|towards?|around|in|from)\s+)?the\s+(?P<part>beginning|start|end|middle)"
        r"\s+of\s+|in\s+the\s+(?P<half>first|second)\s+half\s+of\s+|(?:in\s+)?(?P<third>early|mid|late)[-\s]+)"
        r"(?:(?P<rel>last|this)\s+)?(?P<month>" + _MONTH_FULL + r")(?:,?\s+(?P<year>" + _YEAR + r"))?",
    ),
    (
        "month_year",
        r"(?:(?P<since>since)\s+|(?:in|during|throughout)\s+)?(?P<month>"
        + _MONTH_FULL
        + r"),?\s+(?P<year>"
        + _YEAR
        + r")",
    ),
    (
        "month",
        r"(?:(?P<since>since)|in|during|throughout|(?P<rel>last|this))\s+(?P<month>" + _MONTH_FULL + r")(?![-\w])",
    ),
    ("year", r"(?:(?P<since>since)|in|during|throughout)\s+(?P<year>(?:19|20)\d{2})(?![\d-])"),
    (
        "weekday",
        r"(?:(?P<since>since)\s+|(?P<last>last)\s+|(?:on|this|early|late|overnight(?:\s+on)?)\s+)?"
        r"(?:(?:early|late)\s+on\s+)?" + _PART_OF + r"(?P<weekday>" + _WEEKDAY + r")(?:\s+" + _PART_OF_DAY + r")?",
    ),
    ("day_before_yesterday", r"(?:on\s+)?the\s+day\s+before\s+yesterday"),
    ("yesterday", r"yesterday(?:\s+" + _PART_OF_DAY + r")?|last\s+night"),
    ("today", r"(?:earlier\s+)?today|tonight|this\s+(?:morning|afternoon|evening)|earlier\s+in\s+the\s+day"),
    ("overnight", r"overnight|(?:during|in)\s+the\s+night"),
    (
        "past_day",
        r"(?:over|in|during|within)\s+the\s+(?:past|last|previous)\s+(?:24\s+hours|twenty-four\s+hours|day)",
    ),
    (
        "past_days",
        r"(?:over|in|during|within)\s+the\s+(?:past|last|previous)\s+(?P<count>" + _COUNT + r")\s+days",
    ),
    ("past_week", r"(?:over|in|during|within)\s+the\s+(?:past|last|previous)\s+week"),
    ("last_week", r"last\s+week"),
    ("this_week", r"(?:earlier\s+)?this\s+week"),
    ("weekend", r"(?:over|at|during)\s+the\s+weekend|last\s+weekend"),
    ("last_month", r"last\s+month"),
    ("this_month", r"(?:earlier\s+)?this\s+month"),
    ("last_year", r"last\s+year"),
    ("this_year", r"(?:earlier\s+)?this\s+year|since\s+the\s+(?:start|beginning)\s+of\s+(?:the|this)\s+year"),
    ("ago", r"(?P<count>" + _COUNT + r")\s+(?P<unit>day|week|month|year)s?\s+ago"),
    # told from the story's previous dated sentence: "that same night", "the following day"
    (
        "story",
        r"(?:(?:on|during|in|later|earlier|early|late)\s+)?(?:the\s+(?P<rel>same)|(?P<rel_that>that)(?:\s+same)?"
        r"|the\s+(?P<rel_next>following|next|previous|preceding))\s+(?:day|" + _PART_OF_DAY + r")"
        r"|the\s+(?:day|night)\s+(?P<rel_after>after|before)"
        r"|(?P<count>" + _COUNT + r")\s+days?\s+(?P<rel_count>later|earlier|after|before)",
    ),
)

_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(r"(?<![\w-])(?:" + source + r")(?![\w])", re.IGNORECASE | re.MULTILINE))
    for kind, source in _PATTERN_SOURCES
)
# Words that are months only when capitalised ("troops may", "a march on").
_LOWERCASE_WORD_MONTHS = {"may", "march", "mar"}


def _month_is_plausible(match: re.Match[str]) -> bool:
    month = match.groupdict().get("month")
    if month is None:
        return True
    return not (month.lower().rstrip(".") in _LOWERCASE_WORD_MONTHS and month[0].islower())


def dates_a_document(text: str, start: int) -> bool:
    """Is the expression at `start` the date of a document ("a communique dated 12 March")?"""
    return bool(_lexicon().document_date_cue.search(text, max(0, start - 80), start))


def find_time_expressions(text: str) -> list[TimeExpression]:
    """Every time expression in `text`, leftmost-longest, non-overlapping, in text order; a
    document's date ("a communique dated 12 March") is left out, as no event happened then."""
    found: list[tuple[int, int]] = []
    for _kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if match.end() > match.start() and _month_is_plausible(match) and not dates_a_document(text, match.start()):
                found.append((match.start(), match.end()))
    found.sort(key=lambda span: (span[0], -(span[1] - span[0])))
    chosen: list[tuple[int, int]] = []
    for start, end in sorted(found, key=lambda span: (-(span[1] - span[0]), span[0])):
        if all(end <= s or start >= e for s, e in chosen):
            chosen.append((start, end))
    return [TimeExpression(start, end, text[start:end]) for start, end in sorted(chosen)]


def resolve_time_expression(
    expr: str, published: DateValue | None, story_date: DateValue | None = None
) -> DateValue | None:
    """The DateValue an expression stands for, or None when it cannot be known (see module rules).

    `story_date` is the day the story told last ("Two bombs exploded on 10 March."): the anchor
    of "that same night" and "the following day", which without it resolve to None.
    """
    text = " ".join(expr.split())
    for kind, pattern in _PATTERNS:
        match = pattern.fullmatch(text)
        if match and _month_is_plausible(match):
            if kind == "story":
                return _resolve_story(match, story_date, _Anchor.of(published))
            return _resolve(kind, match, _Anchor.of(published))
    return None


def is_story_relative(expr: str) -> bool:
    """ "that same night", "the following day": told from the story's last date, not a weekday."""
    text = " ".join(expr.split())
    return any(kind == "story" and pattern.fullmatch(text) for kind, pattern in _PATTERNS)


@dataclass(frozen=True)
class _Anchor:
    day: date | None  # the publication day, when known to the day
    latest: date | None  # the last day publication can be: bounds year inference

    @staticmethod
    def of(published: DateValue | None) -> _Anchor:
        if published is None:
            return _Anchor(None, None)
        start, end = date.fromisoformat(published.start[:10]), date.fromisoformat(published.end[:10])
        return _Anchor(start if published.precision == "day" else None, start if published.precision == "day" else end)


def _value(start: date, end: date, precision: Precision, inferred: bool, anchor: _Anchor) -> DateValue | None:
    """A DateValue that never reaches past the anchor; None when it starts after it."""
    if anchor.latest is not None:
        if start > anchor.latest:
            return None
        end = min(end, anchor.latest)
    return DateValue(start=start.isoformat(), end=end.isoformat(), precision=precision, inferred=inferred)


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _year_of(raw: str, anchor: _Anchor | None = None) -> int:
    """A written year; two digits are the latest such year not after the anchor (or today)."""
    digits = raw.lstrip("'")
    if len(digits) != 2:
        return int(digits)
    latest = (anchor.latest if anchor is not None and anchor.latest is not None else date.today()).year
    return 2000 + int(digits) if 2000 + int(digits) <= latest else 1900 + int(digits)


def _resolve_story(match: re.Match[str], story_date: DateValue | None, anchor: _Anchor) -> DateValue | None:
    """ "that same night" = the story's day; "the following day" = +1; "two days earlier" = -2."""
    if story_date is None or story_date.precision != "day":
        return None
    groups = {k: v for k, v in match.groupdict().items() if v is not None}
    word = next(groups[k] for k in ("rel", "rel_that", "rel_next", "rel_after", "rel_count") if k in groups)
    offset = _lexicon().story_relative_days[word.lower()] * (_count(groups["count"]) if "count" in groups else 1)
    day = date.fromisoformat(story_date.start[:10]) + timedelta(days=offset)
    return _value(day, day, "day", True, anchor)


def _count(raw: str) -> int:
    words = " ".join(raw.lower().split())
    return int(words) if words.isdigit() else _lexicon().count_words[words]


def _latest_year_for(month: int, day: int, anchor: _Anchor) -> int | None:
    """The year that puts (month, day) on or before the anchor; None without an anchor."""
    if anchor.latest is None:
        return None
    year = anchor.latest.year
    if (month, day) > (anchor.latest.month, anchor.latest.day):
        year -= 1
    return year


def _parse_absolute(text: str, date_order: str, anchor: _Anchor, year_written: bool) -> date | None:
    settings: dict[str, Any] = {
        "DATE_ORDER": date_order,
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month", "year"] if year_written else ["day", "month"],
        "STRICT_PARSING": year_written,
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    if anchor.latest is not None:
        settings["RELATIVE_BASE"] = datetime.combine(anchor.latest, datetime.min.time())
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None
    result = parsed.date()
    if not year_written:
        # dateparser's past preference is relative to "now" in some versions; make the rule ours.
        year = _latest_year_for(result.month, result.day, anchor)
        if year is None:
            return None
        try:
            result = result.replace(year=year)
        except ValueError:  # 29 February in a common year
            return None
    return result


def _since(value: DateValue | None, anchor: _Anchor) -> DateValue | None:
    """ "since X": from the start of X to the anchor; the end is worked out, so inferred."""
    if value is None or anchor.day is None:
        return None
    precision: Precision = "day" if value.precision in ("day", "week") else value.precision
    return _value(date.fromisoformat(value.start), anchor.day, precision, True, anchor)


def _resolve(kind: str, match: re.Match[str], anchor: _Anchor) -> DateValue | None:
    groups = {k: v for k, v in match.groupdict().items() if v is not None}
    value = _resolve_plain(kind, groups, anchor)
    return _since(value, anchor) if "since" in groups else value


def _resolve_plain(kind: str, groups: dict[str, str], anchor: _Anchor) -> DateValue | None:
    if kind in ("iso", "dotted", "slashed"):
        return _resolve_numeric(kind, groups["date"], anchor)
    if kind in ("day_month", "month_day"):
        return _resolve_day_month(groups, anchor)
    if kind in ("month_part", "month_year", "month"):
        return _resolve_month(groups, anchor)
    if kind == "year":
        year = int(groups["year"])
        return _value(date(year, 1, 1), date(year, 12, 31), "year", False, anchor)
    if kind == "weekday":
        return _resolve_weekday(groups, anchor)
    return _resolve_relative(kind, groups, anchor)


def _resolve_numeric(kind: str, raw: str, anchor: _Anchor) -> DateValue | None:
    if kind == "iso":
        order = "YMD"
    elif kind == "dotted":
        order = "DMY"
    else:
        first = int(raw.split("/")[0])
        order = "DMY" if first > 12 else "MDY"
    day = _parse_absolute(raw, order, anchor, year_written=True)
    written_year = re.split(r"[./-]", raw)[0 if kind == "iso" else -1]
    if day is not None and len(written_year) == 2:
        day = day.replace(year=_year_of(written_year, anchor))  # dateparser's pivot year is not ours
    return None if day is None else _value(day, day, "day", False, anchor)


def _resolve_day_month(groups: dict[str, str], anchor: _Anchor) -> DateValue | None:
    day_number = int(re.sub(r"\D", "", groups["day"]))
    month = _MONTH_NUMBERS[groups["month"].lower().rstrip(".")]
    if "year" in groups or "byline_year" in groups:
        written_year = _year_of(groups.get("year") or groups["byline_year"], anchor)
        text = f"{day_number} {calendar.month_name[month]} {written_year}"
        parsed = _parse_absolute(text, "DMY", anchor, year_written=True)
    elif "yearword" in groups:
        if anchor.latest is None:
            return None
        year = anchor.latest.year - (0 if groups["yearword"].lower() in ("this", "the current") else 1)
        parsed = _parse_absolute(f"{day_number} {calendar.month_name[month]} {year}", "DMY", anchor, True)
    else:
        parsed = _parse_absolute(f"{day_number} {calendar.month_name[month]}", "DMY", anchor, year_written=False)
    return None if parsed is None else _value(parsed, parsed, "day", False, anchor)


def _resolve_month(groups: dict[str, str], anchor: _Anchor) -> DateValue | None:
    month = _MONTH_NUMBERS[groups["month"].lower()]
    part = groups.get("part") or groups.get("third") or (groups["half"] + " half" if "half" in groups else None)
    first, last_of_part = _lexicon().month_parts[part.lower()] if part is not None else (1, 31)
    if "year" in groups:
        year: int | None = _year_of(groups["year"], anchor)
    else:
        # the year that puts the start of the (part of the) month on or before the anchor
        year = _latest_year_for(month, first, anchor)
        if year is not None and groups.get("rel", "").lower() == "last" and anchor.latest is not None:
            # "last May" said in May means a year ago
            year = year - 1 if (year, month) == (anchor.latest.year, anchor.latest.month) else year
    if year is None:
        return None
    last = min(calendar.monthrange(year, month)[1], last_of_part)
    return _value(date(year, month, first), date(year, month, last), "month", False, anchor)


def _resolve_weekday(groups: dict[str, str], anchor: _Anchor) -> DateValue | None:
    if anchor.day is None:
        return None
    back = (anchor.day.weekday() - _WEEKDAYS[groups["weekday"].lower()]) % 7
    if back == 0 and "last" in groups:
        back = 7
    day = anchor.day - timedelta(days=back)
    return _value(day, day, "day", True, anchor)


def _iso_week(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _resolve_relative(kind: str, groups: dict[str, str], anchor: _Anchor) -> DateValue | None:
    if anchor.day is None:
        return None
    today = anchor.day
    one_day = timedelta(days=1)
    if kind == "today":
        return _value(today, today, "day", True, anchor)
    if kind == "yesterday":
        return _value(today - one_day, today - one_day, "day", True, anchor)
    if kind == "day_before_yesterday":
        return _value(today - 2 * one_day, today - 2 * one_day, "day", True, anchor)
    if kind in ("overnight", "past_day"):
        return _value(today - one_day, today, "day", True, anchor)
    if kind == "past_days":
        days = _count(groups["count"])
        return _value(today - days * one_day, today, "week" if days <= 7 else "month", True, anchor)
    if kind == "past_week":
        return _value(today - 7 * one_day, today, "week", True, anchor)
    if kind == "last_week":
        monday, sunday = _iso_week(today - 7 * one_day)
        return _value(monday, sunday, "week", True, anchor)
    if kind == "this_week":
        return _value(_iso_week(today)[0], today, "week", True, anchor)
    if kind == "weekend":
        sunday = today - ((today.weekday() - 6) % 7 or 7) * one_day
        return _value(sunday - one_day, sunday, "day", True, anchor)
    if kind == "last_month":
        last_month_end = today.replace(day=1) - one_day
        return _value(last_month_end.replace(day=1), last_month_end, "month", True, anchor)
    if kind == "this_month":
        return _value(today.replace(day=1), today, "month", True, anchor)
    if kind == "last_year":
        return _value(date(today.year - 1, 1, 1), date(today.year - 1, 12, 31), "year", True, anchor)
    if kind == "this_year":
        return _value(date(today.year, 1, 1), today, "year", True, anchor)
    if kind == "ago":
        return _resolve_ago(_count(groups["count"]), groups["unit"].lower(), anchor)
    raise ValueError(f"unhandled time expression kind {kind!r}")


def _resolve_ago(count: int, unit: str, anchor: _Anchor) -> DateValue | None:
    assert anchor.day is not None
    today = anchor.day
    if unit == "day":
        day = today - timedelta(days=count)
        return _value(day, day, "day", True, anchor)
    if unit == "week":
        monday, sunday = _iso_week(today - timedelta(days=7 * count))
        return _value(monday, sunday, "week", True, anchor)
    if unit == "month":
        month_index = today.year * 12 + today.month - 1 - count
        year, month = divmod(month_index, 12)
        return _value(date(year, month + 1, 1), _month_end(year, month + 1), "month", True, anchor)
    return _value(date(today.year - count, 1, 1), date(today.year - count, 12, 31), "year", True, anchor)
