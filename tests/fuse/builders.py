"""Builders for constructed mentions: wire-style reports about places far from the seeds.

Places are written out by hand (name, GeoNames-style id, admin1, coordinates) so each test
says exactly what the resolver would have handed to fusion.
"""

from __future__ import annotations

from typing import Any

from sitreps.model import Actor, Article, DateValue, Fatalities, Location, Mention

# Darfur (Sudan), admin1 codes as GeoNames has them; coordinates rounded.
PLACES = {
    "tawila": Location(
        name="Tawila",
        toponym="Tawila",
        geonameid=364706,
        country_code="SD",
        admin1_code="49",
        admin1="Northern Darfur",
        lat=13.50,
        lon=24.87,
    ),
    "kutum": Location(
        name="Kutum",
        toponym="Kutum",
        geonameid=371064,
        country_code="SD",
        admin1_code="49",
        admin1="Northern Darfur",
        lat=14.20,
        lon=24.66,
    ),
    "kabkabiya": Location(
        name="Kabkabiya",
        toponym="Kabkabiya",
        geonameid=372029,
        country_code="SD",
        admin1_code="49",
        admin1="Northern Darfur",
        lat=13.65,
        lon=24.09,
    ),
    "nyala": Location(
        name="Nyala",
        toponym="Nyala",
        geonameid=366847,
        country_code="SD",
        admin1_code="50",
        admin1="Southern Darfur",
        lat=12.05,
        lon=24.88,
    ),
    "north_darfur": Location(
        name="Northern Darfur",
        toponym="North Darfur state",
        geonameid=None,
        country_code="SD",
        admin1_code="49",
        admin1="Northern Darfur",
        lat=15.5,
        lon=24.8,
        geo_precision=3,
    ),
    "um_kadada_unresolved": Location(
        name="Northern Darfur",
        toponym="Um Hashaba",
        geonameid=None,
        country_code="SD",
        admin1_code="49",
        admin1="Northern Darfur",
        lat=15.5,
        lon=24.8,
        geo_precision=3,
    ),
}
# 40 km from Tawila, same state
PLACES["shangil"] = Location(
    name="Shangil Tobaya",
    toponym="Shangil Tobaya",
    geonameid=367544,
    country_code="SD",
    admin1_code="49",
    admin1="Northern Darfur",
    lat=13.20,
    lon=25.10,
)

ACTORS = {
    "RSF": Actor(id="RSF", name="Rapid Support Forces"),
    "SD_MIL": Actor(id="SD_MIL", name="Military Forces of Sudan (2019-)"),
    "SD_GOV": Actor(id="SD_GOV", name="Government of Sudan (2019-)"),
    "SLA": Actor(id="SLA-MM", name="Sudan Liberation Army-Minni Minawi"),
    "CIV": Actor(id="CIV_SD", name="Civilians (Sudan)"),
    "reporter": Actor(id="reporter", name="the outlet"),
}


def day(iso: str, precision: str = "day", end: str | None = None, inferred: bool = False) -> DateValue:
    return DateValue(start=iso, end=end or iso, precision=precision, inferred=inferred)


def mention(
    mid: str,
    article: str,
    *,
    date: DateValue | None,
    place: str | None,
    event_type: str = "Battles",
    sub: str | None = "Armed clash",
    actor1: str | None = "RSF",
    actor2: str | None = "SD_MIL",
    claimant: str | None = "reporter",
    fatalities: dict[str, Any] | None = None,
    **extra: Any,
) -> Mention:
    return Mention(
        id=mid,
        article_id=article,
        event_type=event_type,
        sub_event_type=sub,
        date=date,
        location=PLACES[place].model_copy() if place else None,
        actor1=ACTORS[actor1] if actor1 else None,
        actor2=ACTORS[actor2] if actor2 else None,
        claimant=ACTORS[claimant] if claimant else None,
        fatalities=Fatalities(**fatalities) if fatalities is not None else None,
        **extra,
    )


def article(aid: str, outlet: str | None = None, published: str | None = "2024-05-12") -> Article:
    return Article(
        id=aid,
        source=f"https://{outlet or 'example.org'}/news/{aid}",
        outlet=outlet,
        published=day(published) if published else None,
        text="(constructed report)",
    )


def outlets() -> dict[str, Article]:
    """Seven articles, one per outlet, all published 2024-05-12."""
    outlets = ["Sudan Tribune", "Radio Dabanga", "Reuters", "AFP", "Al Jazeera", "Darfur24", "BBC"]
    return {f"a{i}": article(f"a{i}", outlet) for i, outlet in enumerate(outlets)}
