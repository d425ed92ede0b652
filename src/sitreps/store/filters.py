"""Event filters: what the CLI, the web API and the exporters may ask the store for."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


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
