"""Names read together: a town beside the county, the towns and the state the story names is the
one there, not its larger namesake abroad; a street or a country name that holds a region's name
does not put the story in that region. Sentences written for these tests (invented local news).
"""

from __future__ import annotations

import pytest

from sitreps.places import PlaceResolver

# (toponym, text, country, admin1): the namesake the story's other names point to.
STORY_HOMONYMS = [
    # a second-level unit named with its designator, with one reading, anchors the town
    ("Alexandria", "A warehouse fire in Alexandria drew crews from across Rapides Parish on Tuesday.", "US", "LA"),
    # no name alone is sure, but only one reading of each lies near the others
    (
        "Dublin",
        "New sirens go up in Columbus, Grove City and Dublin this spring, Franklin County emergency staff said.",
        "US",
        "OH",
    ),
    (
        "Athens",
        "Road crews closed two lanes in Athens for a week while Clarke County replaced a culvert.",
        "US",
        "GA",
    ),
]


@pytest.mark.parametrize(("toponym", "text", "country", "admin1"), STORY_HOMONYMS)
def test_a_namesake_in_the_story_world_wins(
    resolver: PlaceResolver, toponym: str, text: str, country: str, admin1: str
) -> None:
    ctx = resolver.document_context(text)
    loc = resolver.resolve_in(toponym, ctx).location
    assert loc is not None
    assert (loc.country_code, loc.admin1_code) == (country, admin1)


def test_a_lone_name_keeps_its_largest_reading(resolver: PlaceResolver) -> None:
    # nothing else in the story: the capital, not a small namesake
    ctx = resolver.document_context("Transit workers in Dublin walked out on Monday.")
    loc = resolver.resolve_in("Dublin", ctx).location
    assert loc is not None and loc.country_code == "IE"


def test_a_county_is_not_a_town_of_its_name(resolver: PlaceResolver) -> None:
    spotted = resolver.spot_toponyms("The Trigg County sheriff closed the lake road near Cadiz.")
    assert "Trigg" not in spotted


def test_a_street_named_after_a_region_names_no_region(resolver: PlaceResolver) -> None:
    ctx = resolver.document_context("A water main broke under Ontario Street in Cleveland overnight.")
    assert "CA.08" not in ctx.regions  # Ontario, Canada


def test_an_agency_named_after_a_state_still_names_it(resolver: PlaceResolver) -> None:
    ctx = resolver.document_context("The Florida Highway Patrol closed the interstate near Williston.")
    assert "US.FL" in ctx.regions


def test_a_country_name_holds_no_region(resolver: PlaceResolver) -> None:
    ctx = resolver.document_context("Dairy prices in New Zealand fell for a third month.")
    assert not any(code.startswith("DK.") for code in ctx.regions)  # Zealand, Denmark
    assert "NZ" in ctx.countries
