"""Who published an article, read from the header lines cleaning cut, when metadata is silent.

Two shapes say it outright: the outlet in a wire dateline ("EL WAK, Kenya, April 3
(Highland Courier) -", read by `sitreps.clean.wire_dateline`) and a staff byline naming the
outlet ("By a Rift Daily correspondent").
"""

from __future__ import annotations

import re

from sitreps.clean.wire_dateline import parse_wire_dateline

_STAFF_BYLINE = re.compile(
    r"^(?:written |posted )?by (?:a|an|our|the) (?:own )?(?P<outlet>[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,4}) "
    r"(?:correspondent|reporter|staff(?: writer| reporter)?|bureau|newsroom|news desk|desk|team)\b",
    re.IGNORECASE,
)


def outlet_from_dateline(dateline: str | None) -> str | None:
    """The outlet a wire dateline names: "PLACE, Month Day (Outlet) -", "CITY, 14 марта — РИА Новости."."""
    parsed = parse_wire_dateline(dateline.strip()) if dateline else None
    return parsed[0].outlet if parsed else None


def outlet_from_byline(line: str) -> str | None:
    """ "By a Rift Daily correspondent" -> "Rift Daily"; "By our correspondent" -> None."""
    match = _STAFF_BYLINE.match(line.strip())
    if not match:
        return None
    outlet = match.group("outlet")
    # Case-insensitive match for "By"/"a"; the outlet itself must be written capitalised.
    return outlet if all(word[:1].isupper() for word in outlet.split()) else None


def outlet_from_header(dateline: str | None, removed: list[str]) -> str | None:
    """The outlet named by the dateline's tag, else by the first staff byline among `removed`."""
    return outlet_from_dateline(dateline) or next((name for name in map(outlet_from_byline, removed) if name), None)
