"""Who speaks in a Russian or Ukrainian report, and two place readings the twins showed wrong.

A person named in the claim verb's clause is the claimant: their registry actor when the registry
knows the transliterated name, else an unregistered actor spelled in Latin letters, as an English
report of the same post would name them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pymorphy3")

from sitreps.clean import clean_document  # noqa: E402
from sitreps.ingest import RawDocument  # noqa: E402
from sitreps.lang.cyrillic import (  # noqa: E402
    CyrillicExtractor,
    TransliterationError,
    load_transliteration,
)
from sitreps.model import Mention  # noqa: E402


@pytest.fixture(scope="module")
def extractor() -> CyrillicExtractor:
    return CyrillicExtractor()


def _read(extractor: CyrillicExtractor, text: str, outlet: str = "Канал") -> list[Mention]:
    raw = RawDocument("post-1", text.encode(), {"text": text, "published": "2024-06-08", "outlet": outlet})
    return extractor.extract([clean_document(raw)])[0]


@pytest.mark.parametrize(
    ("code", "cyrillic", "latin"),
    [
        ("uk", "Сергій Лисак", "Serhii Lysak"),
        ("uk", "Олег Синєгубов", "Oleh Syniehubov"),
        ("uk", "Згурівка", "Zghurivka"),
        ("uk", "Юлія Ільїна", "Yuliia Ilina"),
        ("ru", "Вячеслав Гладков", "Vyacheslav Gladkov"),
        ("ru", "Ефим Щукин", "Yefim Shchukin"),
    ],
)
def test_names_are_spelled_by_the_packs_transliteration(code: str, cyrillic: str, latin: str) -> None:
    assert load_transliteration(code).spell(cyrillic) == latin


def test_a_registered_person_after_a_title_speaks_for_their_actor(extractor: CyrillicExtractor) -> None:
    [m] = _read(extractor, "Вранці окупанти обстріляли Харків, повідомив голова ОВА Олег Синєгубов.", "Харківська ОВА")
    assert (m.claimant.id, m.stance) == ("UA_GOV", "claimed")


def test_a_registered_surname_before_the_verb_speaks_for_its_actor(extractor: CyrillicExtractor) -> None:
    [m] = _read(extractor, "Губернатор Александр Богомаз сообщил, что беспилотник атаковал Климово.")
    assert (m.claimant.id, m.stance) == ("RU_GOV", "claimed")


def test_an_unknown_speaker_is_kept_by_name_in_latin_letters(extractor: CyrillicExtractor) -> None:
    [m] = _read(extractor, "Вчора ворожий дрон атакував Оріхів, загинула жінка, повідомив Федоров.")
    assert m.claimant.id == "unregistered:fedorov" and m.claimant.name == "Fedorov"


def test_an_unknown_person_with_a_title_speaks_for_the_titles_actor(extractor: CyrillicExtractor) -> None:
    [m] = _read(extractor, "Окупанти обстріляли Оріхів, повідомив голова ОВА Іван Федоров.", "Запорізька ОВА")
    assert (m.claimant.id, m.stance) == ("UA_GOV", "claimed")


def test_a_speaker_after_according_to_is_read_in_the_nominative(extractor: CyrillicExtractor) -> None:
    [m] = _read(extractor, "За словами Синєгубова, вночі ворожі дрони атакували Харків.")
    assert m.claimant.id == "UA_GOV"
    [m] = _read(extractor, "За словами Петренка, вранці окупанти обстріляли Херсон.")
    assert m.claimant.id == "unregistered:petrenko"


def test_a_surname_like_place_after_a_denial_is_not_its_speaker(extractor: CyrillicExtractor) -> None:
    [m] = _read(extractor, "ВСУ опровергли сообщения об ударе по Курчатову вчера.")
    assert (m.claimant.id, m.stance) == ("UA_MIL", "denied")


def test_a_town_in_the_genitive_is_read_as_the_town_not_a_surname(extractor: CyrillicExtractor) -> None:
    [m] = _read(extractor, "Генштаб повідомив, що біля Покровська тривали бої.")
    assert m.location is not None and m.location.geonameid == extractor._resolve("Pokrovsk").geonameid
    assert m.location.country_code == "UA"


def test_a_country_after_a_preposition_is_the_place(extractor: CyrillicExtractor) -> None:
    [m] = _read(extractor, "Повітряні сили повідомили, що над Україною збито 14 шахедів.")
    assert m.location is not None and (m.location.name, m.location.geonameid) == ("Ukraine", None)


def test_a_malformed_transliteration_is_refused_with_its_file(tmp_path: Path) -> None:
    (tmp_path / "uk").mkdir()
    (tmp_path / "uk" / "transliteration.yaml").write_text("pairs: {}\ninitial: {}\nletters: [а, б]\n", encoding="utf-8")
    with pytest.raises(TransliterationError, match=r"transliteration\.yaml: 'letters' must map"):
        load_transliteration("uk", tmp_path)
