"""Toponym spotting: names inside people and organisations, possessive capitals, region readings."""

from __future__ import annotations

from tests.extract.expectations import spotted_toponyms, toponym_list


def test_a_first_name_is_not_a_city() -> None:
    tops = spotted_toponyms("Russian President Vladimir Putin visited troops in Kursk on Monday.")
    assert "Vladimir" not in tops
    assert "Kursk" in tops


def test_a_newspaper_named_after_a_capital_is_not_the_capital() -> None:
    tops = spotted_toponyms("A commander told the Kyiv Post that fighting continued near Vovchansk.")
    assert "Kyiv" not in tops and "Kyiv Post" not in tops


def test_a_possessive_capital_is_its_government() -> None:
    tops = spotted_toponyms("Moscow's war effort depends on rail lines through Bryansk.")
    assert "Moscow" not in tops


def test_region_of_x_reads_the_region() -> None:
    tops = spotted_toponyms("Drones struck targets in the Russian region of Kursk overnight.")
    loc = tops["Kursk"].location
    assert loc is not None and loc.geonameid is None and loc.admin1_code == "41"


def test_coordinated_regions_read_as_regions() -> None:
    tops = spotted_toponyms("Shelling was reported in the Bryansk and Kursk regions on Friday.")
    assert tops["Bryansk"].location.geonameid is None
    assert tops["Bryansk"].location.admin1_code == "10"


def test_bare_name_after_the_region_is_named_reads_the_region() -> None:
    text = "Fighting continued in the Kharkiv region. Later, drones hit Kharkiv again, officials said."
    tops = [t for t in toponym_list(text, skip_actor_names=False) if t.text == "Kharkiv"]
    assert tops and all(t.location.geonameid is None for t in tops)


def test_a_designated_city_keeps_the_city() -> None:
    text = "Fighting continued in the Kharkiv region. Later, drones hit the city of Kharkiv."
    [city] = [t for t in toponym_list(text, skip_actor_names=False) if t.text == "Kharkiv" and t.designated]
    assert city.location.geonameid is not None


def test_a_capitalised_common_word_is_not_an_unlisted_village() -> None:
    tops = spotted_toponyms("Later in the Zaporizhzhia region, two drones were downed.")
    assert "Later" not in tops
