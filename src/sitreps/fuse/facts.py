"""What fusion compares about a mention: type family, day range, place key, named actors.

Computed once per mention so that blocking and pair scoring never re-parse dates or names.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz
from unidecode import unidecode

from sitreps.fuse.settings import FusionSettings
from sitreps.model import Actor, Location, Mention

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}

# Words that name an administrative level, not a place: "Kursk region" refers to "Kursk Oblast".
_ADMIN_WORDS = frozenset(
    "oblast region province krai kray republic governorate state district raion rayon county "
    "prefecture okrug the of".split()
)


@dataclass(frozen=True)
class PlaceKey:
    """`kind` is "place" (a gazetteer place), "toponym" (a named place the gazetteer lacks,
    kept at its region), or "region" (only the region is known)."""

    kind: str
    region: tuple[str, str]  # (country code, admin1 code); admin1 "" when unknown
    ident: str  # geonameid, normalized toponym, or "" for a region

    def label(self) -> str:
        return f"{self.kind}:{self.region[0]}.{self.region[1]}:{self.ident}"


@dataclass(frozen=True)
class MentionFacts:
    mention: Mention
    family: str
    day_lo: int | None  # proleptic ordinal of the first day the date covers
    day_hi: int | None
    precision_rank: int  # 0 day .. 3 year, 4 undated
    place: PlaceKey | None
    lat: float | None
    lon: float | None
    side1: frozenset[str]  # named (non-generic) actor ids on the initiator side
    side2: frozenset[str]
    symmetric: bool  # battles: who initiated is often told both ways

    @property
    def id(self) -> str:
        return self.mention.id

    @property
    def day(self) -> int | None:
        """The day, for day-precision mentions only."""
        return self.day_lo if self.precision_rank == 0 else None


def ordinal(iso: str) -> int:
    return date.fromisoformat(iso[:10]).toordinal()


def iso_day(day: int) -> str:
    return date.fromordinal(day).isoformat()


def _words(text: str | None) -> list[str]:
    if not text:
        return []
    return [w for w in re.split(r"[^a-z0-9]+", unidecode(text).lower()) if w and w not in _ADMIN_WORDS]


def normalize_toponym(text: str | None) -> str:
    return " ".join(_words(text))


def names_the_region(loc: Location) -> bool:
    """True when a location without a gazetteer id names its region ("Kursk region"), not an
    unresolved village in it ("Lozovaya Rudka", kept at region level by the resolver)."""
    top = _words(loc.toponym)
    if not top:
        return True
    region_words = set(_words(loc.admin1)) | set(_words(loc.name))
    if set(top) <= region_words:
        return True
    joined = " ".join(top)
    return any(fuzz.ratio(joined, " ".join(_words(n))) >= 85 for n in (loc.admin1, loc.name) if n)


def place_key(loc: Location | None) -> PlaceKey | None:
    if loc is None:
        return None
    region = ((loc.country_code or "").upper(), loc.admin1_code or "")
    if loc.geonameid is not None:
        return PlaceKey("place", region, str(loc.geonameid))
    if names_the_region(loc):
        if not region[1]:
            # no admin1 code: the region is known by name only
            return PlaceKey("region", (region[0], normalize_toponym(loc.admin1 or loc.name)), "")
        return PlaceKey("region", region, "")
    return PlaceKey("toponym", region, normalize_toponym(loc.toponym))


def _named(actors: list[Actor | None], settings: FusionSettings) -> frozenset[str]:
    return frozenset(a.id for a in actors if a is not None and not settings.is_generic_actor(a.id))


def mention_facts(m: Mention, settings: FusionSettings) -> MentionFacts:
    if m.date is not None:
        lo, hi = ordinal(m.date.start), ordinal(m.date.end or m.date.start)
        rank = PRECISION_RANK.get(m.date.precision, 3)
        if rank == 0 and hi != lo:
            rank = 1  # a multi-day range is not a day, whatever its label says
    else:
        lo = hi = None
        rank = 4
    loc = m.location
    family = settings.family(m.event_type)
    return MentionFacts(
        mention=m,
        family=family,
        day_lo=lo,
        day_hi=hi,
        precision_rank=rank,
        place=place_key(loc),
        lat=loc.lat if loc is not None else None,
        lon=loc.lon if loc is not None else None,
        side1=_named([m.actor1, *m.assoc_actor_1], settings),
        side2=_named([m.actor2, *m.assoc_actor_2], settings),
        symmetric=family == settings.family("Battles"),
    )


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine), in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))
