"""Places that fit the story: a compass bearing from a town is no region of that name.
Reports written for these tests in the style of field notes and wire copy."""

from __future__ import annotations

import pytest

from sitreps.extract.roles import actor_entities
from sitreps.extract.toponyms import resolve_all, spot
from sitreps.nlp import load_nlp
from sitreps.places import PlaceResolver, get_gazetteer
from sitreps.resolve.actors import get_registry


def _toponyms(text: str):
    doc = load_nlp()(text)
    gazetteer = get_gazetteer()
    tops = spot(
        doc, gazetteer, [(e.start_char, e.end_char) for e in actor_entities(doc)], get_registry().capital_country
    )
    resolve_all(tops, text, PlaceResolver(gazetteer))
    return {t.text: t for t in tops}


# (report, the bearing, the town it is measured from, that town's country)
BEARINGS = [
    ("Gunmen ambushed a bus at a well (c. 40 km North East of Garissa) on Friday.", "North East", "Garissa", "KE"),
    ("Two herders were shot at a water point about 30 km South West of Baidoa.", "South West", "Baidoa", "SO"),
    ("The convoy was stopped 12 km north-west of Kitgum by armed men.", "north-west", "Kitgum", "UG"),
]


@pytest.mark.parametrize(("text", "bearing", "town", "country"), BEARINGS)
def test_a_bearing_is_not_a_place(text: str, bearing: str, town: str, country: str) -> None:
    tops = _toponyms(text)
    assert bearing not in tops
    assert tops[town].location is not None and tops[town].location.country_code == country
