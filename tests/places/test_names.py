"""Name keys: the spellings of one place meet; designators and proximity words come off."""

from __future__ import annotations

import pytest

from sitreps.places.names import adjective_stems, is_indexable_name, name_key, parse_toponym, variant_key


@pytest.mark.parametrize(
    ("written", "key"),
    [
        ("Kharkiv", "kharkiv"),
        ("Харків", "kharkiv"),
        ("Khar’kov", "kharkov"),
        ("Tëtkino", "tetkino"),
        ("Nova  Kakhovka", "nova kakhovka"),
        ("Velykyi-Burluk", "velykyi burluk"),
        ("Mar'yinka", "maryinka"),
    ],
)
def test_name_key_ignores_case_diacritics_apostrophes_and_hyphens(written: str, key: str) -> None:
    assert name_key(written) == key


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Kharkiv", "Kharkov"),  # Ukrainian -iv, Russian -ov
        ("Horlivka", "Gorlovka"),  # Ukrainian h, Russian g
        ("Kropyvnytskyi", "Kropivnitskiy"),  # y/i, -skyi/-skiy
        ("Tyotkino", "Tetkino"),  # ё as yo or e
        ("Тёткино", "Tjotkino"),
        ("Txernihiv", "Chernihiv"),  # Catalan Tx for Ch
        ("Xostka", "Shostka"),  # Catalan/Portuguese X for Sh
        ("Novaya Kakhovka", "Nova Kakhovka"),
        ("Hulyaypole", "Gulyaipole"),
        ("Valuiki", "Valuyki"),
    ],
)
def test_romanization_variants_share_a_variant_key(one: str, other: str) -> None:
    assert variant_key(one) == variant_key(other)


@pytest.mark.parametrize("different", [("Kursk", "Kirsk"), ("Sumy", "Sambir"), ("Lviv", "Kyiv")])
def test_different_names_keep_different_variant_keys(different: tuple[str, str]) -> None:
    assert variant_key(different[0]) != variant_key(different[1])


@pytest.mark.parametrize(
    ("phrase", "name", "kind", "near"),
    [
        ("the village of Kozacha Lopan", "Kozacha Lopan", "place", False),
        ("near the town of Vovchansk", "Vovchansk", "place", True),
        ("the outskirts of Kupiansk", "Kupiansk", "place", True),
        ("Kupiansk direction", "Kupiansk", "place", True),
        ("Sumy region", "Sumy", "region", False),
        ("the region of Sumy", "Sumy", "region", False),
        ("Kharkivska oblast", "Kharkivska", "region", False),
        ("Курская область", "Курская", "region", False),
        ("Shebekinsky district", "Shebekinsky", "district", False),
        ("Kupiansk raion", "Kupiansk", "district", False),
    ],
)
def test_parse_toponym_strips_designators(phrase: str, name: str, kind: str, near: bool) -> None:
    parsed = parse_toponym(phrase)
    assert (parsed.name, parsed.kind, parsed.near) == (name, kind, near)


def test_adjective_stems_reach_the_noun() -> None:
    assert "belgorod" in adjective_stems("belgorodskaia")
    assert "kursk" in adjective_stems("kurskaia")
    assert "kharkiv" in adjective_stems("kharkivska")


@pytest.mark.parametrize(
    ("name", "kept"),
    [("Kharkiv", True), ("Харків", True), ("HRK", False), ("ha er ke fu", False), ("ハリコフ", False)],
)
def test_only_latin_or_cyrillic_proper_names_are_indexed(name: str, kept: bool) -> None:
    assert is_indexable_name(name) is kept
