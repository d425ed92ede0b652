"""Places that fit the story: a compass bearing from a town is no region of that name.
Reports written for these tests in the style of field notes and wire copy."""

from __future__ import annotations

import pytest
from tests.extract.expectations import spotted_toponyms

# (report, the bearing, the town it is measured from, that town's country)
BEARINGS = [
    ("Gunmen ambushed a bus at a well (c. 40 km North East of Garissa) on Friday.", "North East", "Garissa", "KE"),
    ("Two herders were shot at a water point about 30 km South West of Baidoa.", "South West", "Baidoa", "SO"),
    ("The convoy was stopped 12 km north-west of Kitgum by armed men.", "north-west", "Kitgum", "UG"),
]


@pytest.mark.parametrize(("text", "bearing", "town", "country"), BEARINGS)
def test_a_bearing_is_not_a_place(text: str, bearing: str, town: str, country: str) -> None:
    tops = spotted_toponyms(text)
    assert bearing not in tops
    assert tops[town].location is not None and tops[town].location.country_code == country


# ACLED-note brackets after a name list the units that hold it, narrowest first.
# (report, the name, its kind, country, geo_precision, the name the location carries)
BRACKETED = [
    # a village the gazetteer lacks falls back to the county the bracket names, not Belgium's Soy
    (
        "Traders were beaten by a mob at a market in Soy (Likuyani, Kakamega county).",
        "Soy",
        "admin1",
        "KE",
        3,
        "Kakamega",
    ),
    # the NER runs the town on into its bracket ("Kisumu (Kisumu Central, Kisumu" as one ORG)
    (
        "On 4 June 2021, a mob lynched a suspected thief in Kisumu (Kisumu Central, Kisumu).",
        "Kisumu",
        "place",
        "KE",
        1,
        "Kisumu",
    ),
    # an unlisted town takes the region of its bracket
    (
        "On 2 March 2021, soldiers detained two traders in Humera (Western Tigray, Tigray).",
        "Humera",
        "admin1",
        "ET",
        3,
        "Tigray",
    ),
    # a settlement word may stand between the name and its bracket; the village is unlisted,
    # so the county the bracket names holds it
    (
        "On 9 May 2021, gunmen robbed a shop in Kaloleni village (Kisauni, Mombasa).",
        "Kaloleni",
        "admin1",
        "KE",
        3,
        "Mombasa",
    ),
    # the bracket's county picks the town among its namesakes (Angola's capital among them)
    (
        "Two groups clashed over a church in Luanda (Emuhaya, Vihiga county).",
        "Luanda",
        "place",
        "KE",
        1,
        "Luanda",
    ),
]


@pytest.mark.parametrize(("text", "name", "kind", "country", "precision", "resolved"), BRACKETED)
def test_a_bracket_names_the_region_that_holds_the_place(
    text: str, name: str, kind: str, country: str, precision: int, resolved: str
) -> None:
    top = spotted_toponyms(text)[name]
    loc = top.location
    assert loc is not None
    assert (top.kind, loc.country_code, loc.geo_precision, loc.name) == (
        kind,
        country,
        precision,
        resolved,
    )


def test_a_region_name_many_countries_use_does_not_move_the_town() -> None:
    # "Eastern" is a region of many countries: read alone it is not where Busia lies, so the town
    # keeps its own reading instead of falling back to some other country's Eastern region
    text = "Youths burned tyres on the highway through Busia (Eastern) after a shooting on Friday."
    top = spotted_toponyms(text)["Busia"]
    assert top.kind == "place"
    assert top.location is not None and top.location.country_code in {"KE", "UG"}
    assert top.location.name == "Busia"


def test_a_spelling_variant_the_ner_calls_a_place_is_spotted() -> None:
    # "Kismaayo" is not GeoNames' spelling (Kismayo); the NER's place label lets the variant in
    text = "Gunmen shot a money changer near the market of Kismaayo on Monday, police said."
    top = spotted_toponyms(text)["Kismaayo"]
    assert top.location is not None
    assert (top.location.country_code, top.location.name, top.location.geo_precision) == ("SO", "Kismayo", 1)


def test_compass_words_alone_are_no_region_of_another_country() -> None:
    # "South West forces" are a Somali state's; read alone, "South" and "South West" would be
    # Cameroon's regions and pull the towns of the story there
    tops = spotted_toponyms("South West forces fired on a crowd in Berdale district (c. 45 km North West of Baidoa).")
    assert "South" not in tops and "South West" not in tops
    baidoa = tops["Baidoa"].location
    assert baidoa is not None and (baidoa.country_code, baidoa.name, baidoa.geo_precision) == ("SO", "Baidoa", 1)


def test_a_compass_named_state_of_an_unnamed_country_leaves_the_towns_alone() -> None:
    # "the South West State" read as Cameroon's South-West region would reject Baidoa as "not in it"
    text = (
        "Gunmen shot two farmers at a market in Berdale district (c. 45 km North West of Baidoa). "
        "The market was run by the South West State Water Board."
    )
    baidoa = spotted_toponyms(text)["Baidoa"].location
    assert baidoa is not None and (baidoa.country_code, baidoa.name, baidoa.geo_precision) == ("SO", "Baidoa", 1)


def test_the_first_word_of_a_named_village_is_no_place_of_its_own() -> None:
    # "Bali" read alone is an Indonesian province; before "village" the run is one Somali village's name
    tops = spotted_toponyms("On 3 May 2022, gunmen killed two herders near Bali Cadde village near Adado (Galgaduud).")
    assert "Bali" not in tops
    adado = tops["Adado"].location
    assert adado is not None and (adado.country_code, adado.name) == ("SO", "Adado")


def test_a_qualified_village_name_keeps_its_last_word() -> None:
    # a district adjective before the village's name: the name nearest "village" is the place
    tops = spotted_toponyms("Artillery shelled the Graivoronsky Kozinka village overnight, the governor said.")
    kozinka = tops["Kozinka"].location
    assert kozinka is not None and (kozinka.country_code, kozinka.name) == ("RU", "Kozinka")


# (report, the place an institution's or a bracket's name holds, country, GeoNames name)
SITED = [
    ("Police dispersed students protesting at the University of Khartoum on Sunday.", "Khartoum", "SD", "Khartoum"),
    # a spelling variant (GeoNames: Bosaso) inside an institution's name the NER calls an ORG
    ("A trader was shot in front of the District Council Office of Kismaayo on Monday.", "Kismaayo", "SO", "Kismayo"),
    # "(Vurra, Arua)" tagged ORG by the NER: the units that hold the unlisted village
    ("On 2 May 2021, a crowd stormed the house of a priest in Oluko (Vurra, Arua).", "Arua", "UG", "Arua"),
]


@pytest.mark.parametrize(("text", "name", "country", "resolved"), SITED)
def test_an_institution_or_a_bracket_list_names_its_place(text: str, name: str, country: str, resolved: str) -> None:
    loc = spotted_toponyms(text)[name].location
    assert loc is not None and (loc.country_code, loc.name, loc.geo_precision) == (country, resolved, 1)


def test_a_paper_named_after_a_capital_still_is_not_its_place() -> None:
    # papers and banks are not sited institutions: the Post is no event in Kyiv
    tops = spotted_toponyms("A commander told the Kyiv Post that shelling continued near Vovchansk.")
    assert "Kyiv" not in tops and "Kyiv Post" not in tops
