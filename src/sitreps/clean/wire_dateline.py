"""Wire datelines: the "PLACE, date (Agency) --" opening of a wire story, read into its parts.

A dateline says where the story was filed, when, and by whom; it is not part of the report.
`split_wire_dateline` cuts it (and the bracketed editorial notes right after it, "[Report]",
"[Excerpts]") off a lead paragraph and reads its place, date and outlet. The place is where
the correspondent sat, which is often not where the event happened (an agency report from
Madrid about Bolivia), so cleaning keeps it beside the text (`Article.dateline_place`) for
extraction to use as a weak hint, never as a toponym of the text.

The shapes, their separators, agency names and note words live in
`sitreps/data/clean/wire_dateline.yaml`; month names in `dateline.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

import yaml

from sitreps.clean.dateline import full_year, month_names

# A word of the place or region slot: letters of any script, inner apostrophes, dots, hyphens.
_WORD = r"[^\W\d_](?:[\w'’.]|-(?=[^\W\d_]))*"
_LEADING_NOTE_TEMPLATE = r"\s*\[[^\[\]]{{1,{max_chars}}}\]"


@dataclass(frozen=True)
class WireDateline:
    """A dateline as cut (`text`, verbatim) and what it says."""

    text: str
    place: str | None = None
    region: str | None = None
    # A date written with its year; a yearless "April 22" gives `day_month` only.
    date: date | None = None
    day_month: tuple[int, int] | None = None
    outlet: str | None = None


@dataclass(frozen=True)
class WireSplit:
    """A lead paragraph with its dateline and leading editorial notes cut off."""

    dateline: WireDateline
    notes: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class _Rules:
    dateline: re.Pattern[str]
    leading_note: re.Pattern[str]
    inline_note: re.Pattern[str]
    agencies: frozenset[str]
    not_places: frozenset[str]
    month_of: dict[str, int]


@cache
def _settings() -> dict[str, Any]:
    source = resources.files("sitreps.data").joinpath("clean/wire_dateline.yaml")
    return yaml.safe_load(source.read_text(encoding="utf-8"))


def _alternation(names: list[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


@cache
def _rules() -> _Rules:
    settings = _settings()
    month_of = month_names()
    months = _alternation(list(month_of))
    weekdays = _alternation([str(w) for w in settings["weekdays"]])
    agencies = [str(a) for a in settings["agencies"]]
    placeholders = _alternation([str(p) for p in settings["date_placeholders"]]).replace(r"\ ", r"\s")
    day = r"[0-3]?\d(?:st|nd|rd|th)?"
    date_pattern = (
        rf"(?:(?i:{weekdays}),?\s)?"
        rf"(?:(?P<day1>{day})\.?\s(?P<month1>(?i:{months}))\.?(?:,?\s(?P<year1>\d{{4}}|\d{{2}})(?!\d))?"
        rf"|(?P<month2>(?i:{months}))\.?\s(?P<day2>{day})(?:,?\s(?P<year2>\d{{4}})(?!\d))?)"
    )
    # " -" in the settings: the hyphen must follow a space ("(AP) - "), as "ACAN-EFE" shows why.
    separators = "|".join(
        re.escape(sep) if sep.strip() == sep else r"\s" + re.escape(sep.strip()) for sep in settings["separators"]
    )
    place_words = int(settings["place_max_words"]) - 1
    region_words = int(settings["region_max_words"]) - 1
    dateline = re.compile(
        rf"^(?P<place>{_WORD}(?:[ -]{_WORD}){{0,{place_words}}})"
        # "KINGSTON (JAMAICA), 3 JUN 91": a region in brackets is followed by the comma
        rf"(?:\s?\((?P<bracketed>{_WORD}(?:\s{_WORD}){{0,{region_words}}})\)(?=,))?"
        rf"(?:,\s?(?!(?i:{weekdays}|{months}|{placeholders})\b)(?P<region>{_WORD}(?:\s{_WORD}){{0,{region_words}}}))?"
        rf"(?:,?\s(?:{date_pattern}|(?P<no_date>(?i:{placeholders}))))?"
        r"(?:\s?\((?P<tag>[^\W\d_][^()\n]{1,59})\))?"
        rf"\s*(?P<sep>{separators})"
        rf"(?:\s*(?P<agency>{_alternation(agencies)})\.|\s*/(?P<slashed>[^/\n]{{2,30}})/\.)?"
        r"(?=\s|$)"
    )
    max_chars = int(settings["editorial_note_max_chars"])
    inline = _alternation([str(n) for n in settings["inline_editorial_notes"]]).replace(r"\ ", r"\s+")
    return _Rules(
        dateline=dateline,
        leading_note=re.compile(_LEADING_NOTE_TEMPLATE.format(max_chars=max_chars)),
        inline_note=re.compile(rf"[^\S\n]*\[\s*(?i:{inline})\b[^\[\]]{{0,{max_chars}}}\]", re.IGNORECASE),
        agencies=frozenset(a.casefold() for a in agencies),
        not_places=frozenset(str(p).casefold() for p in settings["not_places"]),
        month_of=month_of,
    )


def _is_capitals(words: str) -> bool:
    letters = [ch for ch in words if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)


def _is_title_case(words: str) -> bool:
    return all(word[:1].isupper() for word in re.split(r"[ -]", words) if word)


def _bare_place_dateline(paragraph: str, match: re.Match[str]) -> bool:
    """ "MANDERA - Fighters attacked...": a place alone in capitals before a dash is a dateline
    when the text after it is in ordinary case. In copy written all in capitals ("POLICE - TWO
    BOMBS...") the capitals say nothing, so there a dateline needs a date or an outlet."""
    place, sep = match.group("place"), match.group("sep").strip()
    if sep not in ("--", "—", "–", "-") or match.group("region") or match.group("bracketed"):
        return False
    if sum(ch.isalpha() for ch in place) < 3:
        return False
    after = paragraph[match.end() : match.end() + 200]
    return _is_capitals(place) and any(ch.islower() for ch in after)


def _date_of(
    match: re.Match[str], month_of: dict[str, int], today: date | None
) -> tuple[date | None, tuple[int, int] | None]:
    groups = match.groupdict()
    raw_day, raw_month, raw_year = (groups["day1"], groups["month1"], groups["year1"])
    if raw_month is None:
        raw_day, raw_month, raw_year = (groups["day2"], groups["month2"], groups["year2"])
    if raw_month is None:
        return None, None
    month = month_of[raw_month.casefold().rstrip(".")]
    day = int(re.sub(r"\D", "", raw_day))
    if not 1 <= day <= 31:
        return None, None
    if raw_year is None:
        return None, (day, month)
    try:
        return date(full_year(raw_year, today), month, day), (day, month)
    except ValueError:
        return None, None


def parse_wire_dateline(paragraph: str, today: date | None = None) -> tuple[WireDateline, int] | None:
    """The dateline opening `paragraph` and where it ends, or None when it opens with none.

    A dateline needs a date, an outlet tag "(Agency)" or a known agency after its separator. Its
    place is in capitals ("DONETSK, April 22."), or in ordinary case when a region, a date or a
    known agency's tag goes with it ("Kyiv, Ukraine (Reuters) -"), so that a sentence with a
    dash or an aside in brackets ("The Red Cross (ICRC) - which runs...") is not one.
    """
    rules = _rules()
    match = rules.dateline.match(paragraph)
    if match is None:
        return None
    place, tag = match.group("place"), match.group("tag")
    region = match.group("bracketed") or match.group("region")
    agency = match.group("agency") or match.group("slashed")
    found_date, day_month = _date_of(match, rules.month_of, today)
    dated = day_month is not None or match.group("no_date") is not None
    if not (dated or tag or agency) and not _bare_place_dateline(paragraph, match):
        return None
    known_agency = bool(agency) or (tag is not None and tag.strip().casefold() in rules.agencies)
    if not _is_capitals(place):
        if not (_is_title_case(place) and (region or dated or known_agency)):
            return None
        if region is not None and not _is_title_case(region):
            return None
    if match.group("sep") in (":", ".") and not (dated or tag or agency):
        return None
    outlet = (tag or agency or "").strip() or None
    dateline = WireDateline(
        text=paragraph[: match.end()].strip(),
        place=None if place.casefold() in rules.not_places else place,
        region=region,
        date=found_date,
        day_month=day_month,
        outlet=outlet,
    )
    return dateline, match.end()


def split_wire_dateline(paragraph: str, today: date | None = None) -> WireSplit | None:
    """`paragraph` without its opening dateline and the bracketed notes right after it."""
    parsed = parse_wire_dateline(paragraph, today)
    if parsed is None or not paragraph[parsed[1] :].strip():
        return None
    dateline, end = parsed
    notes: list[str] = []
    note_pattern = _rules().leading_note
    while (note := note_pattern.match(paragraph, end)) is not None and paragraph[note.end() :].strip():
        notes.append(" ".join(note.group(0).split()))
        end = note.end()
    return WireSplit(dateline, tuple(notes), paragraph[end:].lstrip())


def strip_inline_notes(text: str) -> tuple[str, list[str]]:
    """`text` without the editorial notes inside it ("[passage omitted]"), and the notes cut."""
    cut: list[str] = []

    def keep(match: re.Match[str]) -> str:
        cut.append(" ".join(match.group(0).split()))
        return ""

    return _rules().inline_note.sub(keep, text), cut
