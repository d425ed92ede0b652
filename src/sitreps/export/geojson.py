"""Events as a GeoJSON FeatureCollection (RFC 7946), for GIS tools and web maps.

Every event with coordinates is a Point feature. Precision travels as a property, never as fake
accuracy: `geo_precision` 3 marks a point that stands for a whole region (its centroid), so a
map should draw it as an area, not a pin. Events without coordinates are left out, and counted
in the collection's `sitreps:skipped_without_coordinates` foreign member.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from sitreps.model import SCHEMA_VERSION, Event

if TYPE_CHECKING:
    from sitreps.store import EventFilter, Store


def event_properties(event: Event) -> dict[str, Any]:
    """Flat, map-friendly properties of one event (nested lists stay in the sitreps/1 export)."""
    location = event.location
    return {
        "id": event.id,
        "episode_id": event.episode_id,
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "date_start": event.date.start if event.date else None,
        "date_end": event.date.end if event.date else None,
        "date_precision": event.date.precision if event.date else None,
        "date_inferred": event.date.inferred if event.date else None,
        "location": location.name if location else None,
        "toponym": location.toponym if location else None,
        "geonameid": location.geonameid if location else None,
        "country_code": location.country_code if location else None,
        "admin1": location.admin1 if location else None,
        "admin1_code": location.admin1_code if location else None,
        "geo_precision": location.geo_precision if location else None,
        "actor1": event.actor1.name if event.actor1 else None,
        "actor2": event.actor2.name if event.actor2 else None,
        "assoc_actor_1": [a.name for a in event.assoc_actor_1],
        "assoc_actor_2": [a.name for a in event.assoc_actor_2],
        "fatalities_best": event.fatalities.best,
        "fatalities_low": event.fatalities.low,
        "fatalities_high": event.fatalities.high,
        "sources": event.sources,
        "independent_sources": event.independent_sources,
        "contradictions": [c.field for c in event.contradictions],
    }


def event_feature(event: Event) -> dict[str, Any] | None:
    """One Point feature, or None when the event has no coordinates."""
    location = event.location
    if location is None or location.lat is None or location.lon is None:
        return None
    return {
        "type": "Feature",
        "id": event.id,
        # RFC 7946 order: longitude, latitude.
        "geometry": {"type": "Point", "coordinates": [location.lon, location.lat]},
        "properties": event_properties(event),
    }


def feature_collection(events: Iterable[Event]) -> dict[str, Any]:
    features: list[dict[str, Any]] = []
    skipped = 0
    for event in events:
        feature = event_feature(event)
        if feature is None:
            skipped += 1
        else:
            features.append(feature)
    return {
        "type": "FeatureCollection",
        "sitreps:schema": SCHEMA_VERSION,
        "sitreps:skipped_without_coordinates": skipped,
        "features": features,
    }


def write(store: Store, out: IO[str] | IO[bytes] | str | Path, f: EventFilter | None = None) -> None:
    """Write the events matching `f` as a GeoJSON FeatureCollection to a path or stream."""
    text = json.dumps(feature_collection(store.events(f)), ensure_ascii=False, indent=1)
    if isinstance(out, str | Path):
        Path(out).write_text(text + "\n", encoding="utf-8")
    elif isinstance(out, io.TextIOBase):
        out.write(text + "\n")
    else:
        out.write((text + "\n").encode("utf-8"))  # type: ignore[arg-type]
