"""The gazetteer: fast normalised lookups, regions, countries, cached loading, user places."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from sitreps.places import Gazetteer, sources


def test_holds_cities500_and_the_admin1_regions(gazetteer: Gazetteer) -> None:
    info = gazetteer.info()
    assert info["places"] > 230_000
    assert info["regions"] > 3_000
    assert info["sources"]["cities500"] == info["places"]


def test_lookup_is_normalised_and_largest_first(gazetteer: Gazetteer) -> None:
    for spelling in ("Kharkiv", "KHARKOV", "Харків", "Khar’kov"):
        assert gazetteer.lookup(spelling)[0].geonameid == 706483
    zolochivs = gazetteer.lookup("Zolochiv")
    assert [c.geonameid for c in zolochivs] == [686896, 686895]


def test_lookup_variants_finds_other_romanizations_only(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Xostka") == []
    assert [c.geonameid for c in gazetteer.lookup_variants("Xostka")] == [693942]


@pytest.mark.parametrize(
    ("token", "known"),
    [("Izium", True), ("Kursk", True), ("Ukraine", True), ("Qwzxplatz", False), ("in", False), ("of", False)],
)
def test_is_name(gazetteer: Gazetteer, token: str, known: bool) -> None:
    assert gazetteer.is_name(token) is known


def test_find_region_by_english_ukrainian_and_russian_forms(gazetteer: Gazetteer) -> None:
    for phrase in ("Belgorod region", "Belgorod Oblast", "Белгородская область", "Belgorodskaya oblast"):
        region = gazetteer.find_region(phrase)
        assert region is not None and region.code == "RU.09", phrase
    kharkiv = gazetteer.find_region("Kharkivska oblast")
    assert kharkiv is not None and kharkiv.code == "UA.07"
    assert gazetteer.find_region("Qwzxplatz oblast") is None


def test_region_gives_an_admin1_location(gazetteer: Gazetteer) -> None:
    loc = gazetteer.region("Kursk Oblast")
    assert loc is not None
    assert (loc.country_code, loc.admin1_code, loc.admin1) == ("RU", "41", "Kursk Oblast")
    assert (loc.geonameid, loc.geo_precision, loc.toponym) == (None, 3, "Kursk Oblast")
    assert gazetteer.region("Sumy region", country="RU") is None  # Sumy Oblast is in Ukraine


def test_region_centroid_lies_inside_its_region(gazetteer: Gazetteer) -> None:
    kursk = gazetteer.find_region("Kursk Oblast")
    assert kursk is not None
    assert 50.8 < kursk.lat < 52.5 and 34.0 < kursk.lon < 38.5


def test_place_by_geonameid(gazetteer: Gazetteer) -> None:
    place = gazetteer.place(704508)
    assert place is not None and place.name == "Kramatorsk" and place.admin1_code == "05"
    assert gazetteer.place(1) is None


def test_country_names_and_adjectives(gazetteer: Gazetteer) -> None:
    assert gazetteer.country_code("Ukraine") == "UA"
    assert gazetteer.country_code("Russian") == "RU"
    assert gazetteer.country_code("Kharkiv") is None


def test_loading_from_the_cache_is_fast(gazetteer: Gazetteer, tmp_path: Path) -> None:
    # About 0.3 s on an idle core; the bound leaves room for a machine shared with other jobs.
    start = time.perf_counter()
    loaded = Gazetteer.load(places_dir=tmp_path)
    assert time.perf_counter() - start < 2.0
    assert len(loaded) == len(gazetteer)


def _dump_row(geonameid: str, name: str, alternates: str, feature_class: str, population: str) -> str:
    # GeoNames dump columns: id, name, ascii name, alternate names, lat, lon, feature class,
    # feature code, country, cc2, admin1..admin4, population, elevation, dem, timezone, date.
    cols = [geonameid, name, name, alternates, "51.3", "34.6", feature_class, "PPL", "RU", "", "41"]
    cols += ["", "", "", population, "", "170", "Europe/Moscow", "2024-01-01"]
    return "\t".join(cols)


def _write_dump(path: Path) -> None:
    # A populated place, a mountain, and a row repeating a cities500 place with a new name.
    rows = [
        _dump_row("90000001", "Pogrebki", "Pogrebki,Погребки", "P", "0"),
        _dump_row("90000002", "Gora Test", "", "T", "0"),
        _dump_row("486816", "Sudzha", "Sudzhaville", "P", "5683"),
    ]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")


def test_user_geonames_dump_adds_populated_places(tmp_path: Path) -> None:
    places_dir = tmp_path / "places"
    dump = tmp_path / "RU.txt"
    _write_dump(dump)
    stored, count = sources.add_user_file(dump, places_dir)
    assert (stored.parent, count) == (places_dir, 2)
    gaz = Gazetteer.load(places_dir=places_dir)
    assert [c.geonameid for c in gaz.lookup("Погребки")] == [90000001]
    assert gaz.lookup("Gora Test") == []  # a mountain, not a populated place
    assert [c.geonameid for c in gaz.lookup("Sudzhaville")] == [486816]  # names merge, no duplicate
    assert [c.geonameid for c in gaz.lookup("Sudzha")] == [486816]
    assert gaz.info()["sources"]["RU.txt"] == 1


def test_user_csv_adds_own_places(tmp_path: Path) -> None:
    places_dir = tmp_path / "places"
    csv_file = tmp_path / "mine.csv"
    csv_file.write_text(
        "name,lat,lon,country_code,admin1_code,alternatenames,population\n"
        "Checkpoint Nine,50.41,36.90,RU,09,Blokpost 9|Блокпост 9,0\n",
        encoding="utf-8",
    )
    sources.add_user_file(csv_file, places_dir)
    gaz = Gazetteer.load(places_dir=places_dir)
    found = gaz.lookup("Блокпост 9")
    assert len(found) == 1 and found[0].name == "Checkpoint Nine" and found[0].geonameid is None
    assert found[0].region == "RU.09"


def test_a_file_that_is_neither_format_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("just some notes\n", encoding="utf-8")
    with pytest.raises(ValueError):
        sources.add_user_file(bad, tmp_path / "places")
