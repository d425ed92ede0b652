"""Each failure kind of issue 16, in sentences written for this test (none from any corpus).

Spotting cases run the real spaCy pipeline through `Geoparser` (what `sitreps places tag` and
ingest read); resolution cases run the resolver with the sentence as the article.
"""

from __future__ import annotations

import pytest

from sitreps.places import PlaceResolver
from sitreps.places.tagger import Geoparser


@pytest.fixture(scope="module")
def geoparser() -> Geoparser:
    return Geoparser()


def _tagged(geoparser: Geoparser, text: str) -> dict[str, dict]:
    return {t["text"]: t for t in geoparser.tag_text(text)}


# (sentence, a capitalised word in it that is no place here)
NOT_PLACES = [
    # ordinary words that are also towns somewhere
    ("Panic spread through the market after the second blast.", "Panic"),
    ("Hurricane winds tore the roofs off three schools.", "Hurricane"),
    ("THE MASSACRE was condemned by the regional council.", "MASSACRE"),
    ("Commissioner reports say the convoy turned back at dusk.", "Commissioner"),
    ("Democrat lawmakers asked for an inquiry into the shooting.", "Democrat"),
    ("Patrol boats searched the bay for the missing fishermen.", "Patrol"),
    ("Liberty and justice were the words on the banner the crowd carried.", "Liberty"),
    ("Mercury levels in the river rose after the mine collapsed.", "Mercury"),
    ("Union leaders said the strike would continue until Friday.", "Union"),
    # people whose names are also places
    ("Bishop Okafor led the funeral prayers for the victims.", "Bishop"),
    ("President Lincoln is remembered in a new exhibition.", "Lincoln"),
    ("Mr. Jackson said the water supply had been cut for two days.", "Jackson"),
    ("Patrick told reporters the bridge was closed to traffic.", "Patrick"),
    ("Kristina and her brother fled with their neighbours.", "Kristina"),
    ("Welch, a retired engineer, filmed the flooding from his roof.", "Welch"),
    ("Minister Webb said extra police would be sent.", "Webb"),
    ("Stevens was arrested after the protest turned violent.", "Stevens"),
    # names inside organisations and buildings
    ("The Kyiv Post reported the strike before dawn.", "Kyiv"),
    ("Staff at Lancaster General Hospital treated eleven people.", "Lancaster"),
    ("Texas Instruments closed its plant for a week.", "Texas"),
    ("Shoppers were evacuated from a Wal-Mart store.", "Wal"),
    ("The AP said the toll was likely to rise.", "AP"),
    ("A guard at Boston University was injured.", "Boston"),
    # streets
    ("Shells landed on Kirova Street overnight, the mayor said.", "Kirova"),
    ("A car bomb exploded on Main Street in the afternoon.", "Main"),
    ("Police closed Lenina Avenue after the blast.", "Lenina"),
    ("Protesters gathered on Pushkin Square at noon.", "Pushkin"),
    # demonyms
    ("The Malian army said it had repelled the attack.", "Malian"),
    ("Russian troops shelled the outskirts, the report said.", "Russian"),
]


@pytest.mark.parametrize(("text", "word"), NOT_PLACES)
def test_words_that_are_no_place_here_are_not_spotted(geoparser: Geoparser, text: str, word: str) -> None:
    tagged = geoparser.tag_text(text)
    assert all(word not in t["text"] for t in tagged), tagged


# (sentence, the place name as written, expected country, expected admin1 or None, kind)
PLACES = [
    # the same ordinary or person's names, with positive evidence
    ("Flooding cut off the town of Panic overnight.", "Panic", None, None, "place"),
    ("Floodwater reached Lincoln, Nebraska, on Tuesday.", "Lincoln", "US", "NE", "place"),
    ("Two people died in Jackson after the storm.", "Jackson", "US", None, "place"),
    # homonyms across countries, settled by the story's world
    ("Gunmen attacked a bus near Alexandria, Louisiana, late on Sunday.", "Alexandria", "US", "LA", "place"),
    ("Protesters marched in Alexandria, Egypt's second city.", "Alexandria", "EG", None, "place"),
    ("A shooting in Paris, Texas, left two dead.", "Paris", "US", "TX", "place"),
    ("Police in Santa Ana, El Salvador, arrested four gang members.", "Santa Ana", "SV", None, "place"),
    ("Troops entered San José, Costa Rica, to guard the ministries.", "San José", "CR", None, "place"),
    # a village the gazetteer lacks falls back to the region the text names, never abroad
    ("Fighting flared near Masisi, in North Kivu, on Monday.", "Masisi", "CD", None, "admin1"),
    ("Shelling hit Kupiansk in the Kharkiv region.", "Kupiansk", "UA", "07", "place"),
    ("A drone struck a depot in Springfield, Illinois.", "Springfield", "US", "IL", "place"),
    ("Rockets fell on Kharkiv overnight, Ukrainian officials said.", "Kharkiv", "UA", "07", "place"),
    ("Clashes in Birmingham, Alabama, left a man injured.", "Birmingham", "US", "AL", "place"),
    ("Riot police were deployed in Birmingham, England, after the march.", "Birmingham", "GB", None, "place"),
    ("A blast near London, Ontario, damaged a rail line.", "London", "CA", None, "place"),
    # every level: countries, first-level regions, second-level units, continents
    ("The United States sent two aid flights.", "United States", "US", None, "country"),
    ("Aid flights from the U.S. landed on Monday.", "U.S.", "US", None, "country"),
    ("Sudan and Chad closed their border after the raids.", "Sudan", "SD", None, "country"),
    ("Wildfires spread across California this week.", "California", "US", "CA", "admin1"),
    ("Storms hit Texas and Oklahoma overnight.", "Texas", "US", "TX", "admin1"),
    ("Officials in Georgia said the Atlanta rally was peaceful.", "Georgia", "US", "GA", "admin1"),
    ("Russian forces and Georgian troops clashed near Tbilisi, Georgia said.", "Georgia", "GE", None, "country"),
    ("Drones were shot down over the Belgorod region.", "Belgorod region", "RU", None, "admin1"),
    ("Shelling was reported across the Kharkiv oblast.", "Kharkiv oblast", "UA", "07", "admin1"),
    ("Flooding closed roads in Laurel County, Kentucky.", "Laurel County", "US", "KY", "admin2"),
    ("Two deputies were shot in Rapides Parish on Friday.", "Rapides Parish", "US", "LA", "admin2"),
    ("Violence spread across Africa and Europe, the report said.", "Africa", None, None, "continent"),
]


@pytest.mark.parametrize(("text", "name", "country", "admin1", "kind"), PLACES)
def test_places_are_found_and_resolved_in_their_world(
    geoparser: Geoparser, text: str, name: str, country: str | None, admin1: str | None, kind: str
) -> None:
    tagged = _tagged(geoparser, text)
    assert name in tagged, tagged
    top = tagged[name]
    assert text[top["start"] : top["end"]] == name
    assert top["kind"] == kind, top
    if country is not None:
        assert top["country_code"] == country, top
    assert top["lat"] is not None and top["lon"] is not None


def test_region_only_keeps_the_region_not_its_capital(resolver: PlaceResolver) -> None:
    result = resolver.resolve("the Sumy region", resolver.context_for("Shelling in the Sumy region killed two."))
    loc = result.location
    assert loc is not None and loc.geonameid is None and loc.geo_precision == 3 and loc.admin1_code == "21"


def test_levels_carry_acled_precision(resolver: PlaceResolver) -> None:
    text = "Clashes in Laurel County, Kentucky, and in Ohio; aid from the United States."
    ctx = resolver.context_for(text)
    expected = {"Laurel County": 2, "Ohio": 3, "United States": 3}
    for name, precision in expected.items():
        loc = resolver.resolve(name, ctx).location
        assert loc is not None and loc.geo_precision == precision, (name, loc)


def test_a_village_missing_from_the_gazetteer_falls_back_to_its_region(resolver: PlaceResolver) -> None:
    text = "Shelling hit the village of Zzyvoronka in the Kursk region."
    result = resolver.resolve("Zzyvoronka", resolver.context_for(text), region_hint="Kursk region")
    loc = result.location
    assert loc is not None and loc.geonameid is None and loc.country_code == "RU" and loc.geo_precision == 3


def test_explained_resolution_names_its_reasons(resolver: PlaceResolver) -> None:
    text = "Gunmen attacked a bus near Alexandria, Louisiana."
    result = resolver.resolve_in("Alexandria", resolver.document_context(text))
    assert result.candidates and result.candidates[0].reasons
    assert "Louisiana" in result.why


def test_a_known_place_missing_from_the_gazetteer_stands_in_as_the_nearest_named_region(
    resolver: PlaceResolver,
) -> None:
    text = "Officials in Ohio reopened the road. A barn burned near Qwzxburgh on Sunday, Kentucky police said."
    ctx = resolver.document_context(text)
    start = text.index("Qwzxburgh")
    result = resolver.resolve_in("Qwzxburgh", ctx, (start, start + 9))
    loc = result.location
    assert loc is not None and (loc.country_code, loc.admin1_code, loc.geo_precision) == ("US", "KY", 3), result.why
    assert resolver.resolve("Qwzxburgh", ctx).location is None  # in the pipeline an unknown name stays unknown
