"""Toponym spotting: names inside people and organisations, possessive capitals, region readings."""

from __future__ import annotations

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


def test_a_first_name_is_not_a_city() -> None:
    tops = _toponyms("Russian President Vladimir Putin visited troops in Kursk on Monday.")
    assert "Vladimir" not in tops
    assert "Kursk" in tops


def test_a_newspaper_named_after_a_capital_is_not_the_capital() -> None:
    tops = _toponyms("A commander told the Kyiv Post that fighting continued near Vovchansk.")
    assert "Kyiv" not in tops and "Kyiv Post" not in tops


def test_a_possessive_capital_is_its_government() -> None:
    tops = _toponyms("Moscow's war effort depends on rail lines through Bryansk.")
    assert "Moscow" not in tops


def test_region_of_x_reads_the_region() -> None:
    tops = _toponyms("Drones struck targets in the Russian region of Kursk overnight.")
    loc = tops["Kursk"].location
    assert loc is not None and loc.geonameid is None and loc.admin1_code == "41"


def test_coordinated_regions_read_as_regions() -> None:
    tops = _toponyms("Shelling was reported in the Bryansk and Kursk regions on Friday.")
    assert tops["Bryansk"].location.geonameid is None
    assert tops["Bryansk"].location.admin1_code == "10"


def test_bare_name_after_the_region_is_named_reads_the_region() -> None:
    text = "Fighting continued in the Kharkiv region. Later, drones hit Kharkiv again, officials said."
    tops = [t for t in spot_all(text) if t.text == "Kharkiv"]
    assert tops and all(t.location.geonameid is None for t in tops)


def test_a_designated_city_keeps_the_city() -> None:
    text = "Fighting continued in the Kharkiv region. Later, drones hit the city of Kharkiv."
    [city] = [t for t in spot_all(text) if t.text == "Kharkiv" and t.designated]
    assert city.location.geonameid is not None


def spot_all(text: str):
    doc = load_nlp()(text)
    gazetteer = get_gazetteer()
    tops = spot(doc, gazetteer, [], get_registry().capital_country)
    resolve_all(tops, text, PlaceResolver(gazetteer))
    return tops


def test_a_capitalised_common_word_is_not_an_unlisted_village() -> None:
    tops = _toponyms("Later in the Zaporizhzhia region, two drones were downed.")
    assert "Later" not in tops
