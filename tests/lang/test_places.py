"""Inflected Cyrillic place phrases resolve to the gazetteer's places (the pack's place reading)."""

from __future__ import annotations

import pytest

pytest.importorskip("pymorphy3")

from sitreps.lang.cyrillic import CyrillicExtractor, _sentences, load_lexicon  # noqa: E402

# (language, sentence, the place's English name, its country, geo_precision)
PHRASES = [
    ("ru", "Беспилотник атаковал село в Белгородской области.", "Belgorod", "RU", 3),
    ("ru", "Обстрел под Покровском продолжался весь день.", "Pokrovsk", "UA", 1),
    ("ru", "Взрывы прогремели в Курске ночью.", "Kursk", "RU", 1),
    ("ru", "Дрон упал на окраине в Брянской области.", "Bryansk", "RU", 3),
    ("ru", "Сильный обстрел в Шебекино повредил дома.", "Shebekino", "RU", 1),
    ("ru", "Бои шли возле Часова Яра.", "Chasiv Yar", "UA", 1),
    ("ru", "Удар пришелся по Горловке.", "Horlivka", "UA", 1),
    ("ru", "В Донецке слышны взрывы.", "Donetsk", "UA", 1),
    ("ru", "Ракеты упали в Харьковской области.", "Kharkiv", "UA", 3),
    ("ru", "Пожар вспыхнул в Белгородчине после удара.", "Belgorod", "RU", 3),
    ("ru", "Атака на Новую Каховку длилась час.", "Nova Kakhovka", "UA", 1),
    ("ru", "Дроны атаковали Рыльск днем.", "Rylsk", "RU", 1),
    ("ru", "Снаряд попал в здание в Судже.", "Sudzha", "RU", 1),
    ("ru", "Взрыв в Запорожской области разрушил мост.", "Zaporizhzhia", "UA", 3),
    ("ru", "На улице Кирова в Белгороде повреждены окна.", "Belgorod", "RU", 1),
    ("uk", "Ворог обстріляв громаду у Харківській області.", "Kharkiv", "UA", 3),
    ("uk", "Бої тривають під Покровськом.", "Pokrovsk", "UA", 1),
    ("uk", "Шахеди атакували Сумщину вночі.", "Sumy", "UA", 3),
    ("uk", "Вибухи пролунали у Харкові.", "Kharkiv", "UA", 1),
    ("uk", "Окупанти обстріляли Нікополь з артилерії.", "Nikopol", "UA", 1),
    ("uk", "У Херсоні пошкоджено будинок.", "Kherson", "UA", 1),
    ("uk", "Ракета влучила в Дніпро.", "Dnipro", "UA", 1),
    ("uk", "Удар по Запоріжжю зруйнував склад.", "Zaporizhzhia", "UA", 1),
    ("uk", "Дрон атакував об'єкт у Сумах.", "Sumy", "UA", 1),
    ("uk", "Ворожі дрони збито над Чернігівщиною.", "Chernihiv", "UA", 3),
    ("uk", "Обстріл у Дніпропетровській області тривав годину.", "Dnipropetrovsk", "UA", 3),
    ("uk", "Бої точаться біля Часового Яру.", "Chasiv Yar", "UA", 1),
    ("uk", "Ракетний удар по Одесі пошкодив порт.", "Odesa", "UA", 1),
    ("uk", "Удар по Бєлгороду спричинив пожежу.", "Belgorod", "RU", 1),
    ("uk", "На вулиці Шевченка у Полтаві вибухнув снаряд.", "Poltava", "UA", 1),
]


@pytest.fixture(scope="module")
def extractor() -> CyrillicExtractor:
    return CyrillicExtractor()


def test_at_least_28_of_30_inflected_place_phrases_resolve(extractor: CyrillicExtractor) -> None:
    right = []
    for code, sentence, name, country, precision in PHRASES:
        [parsed] = _sentences(sentence)
        places = extractor._places(parsed, load_lexicon(code))
        got = places[0].location if places else None
        # the place the English name resolves to, as the store would hold it for an English report
        english = extractor._resolve(name + (" Oblast" if precision == 3 else ""))
        assert english is not None and english.country_code == country, name
        ok = got is not None and (got.geonameid, got.geo_precision) == (english.geonameid, precision)
        right.append(ok)
        print(f"{'ok ' if ok else 'MISS'} {code} {sentence} -> {got and (got.name, got.admin1, got.geo_precision)}")
    print(f"resolved {sum(right)}/{len(right)}")
    assert len(PHRASES) == 30
    assert sum(right) >= 28


@pytest.mark.parametrize(
    ("code", "sentence"),
    [
        ("ru", "Это сделал киевский режим, считают в Кремле."),
        ("uk", "Це зробив київський режим."),
        ("ru", "Пожар на улице Кирова потушили, а на улице Ленина ремонт."),
    ],
)
def test_metonymy_and_streets_are_not_places(extractor: CyrillicExtractor, code: str, sentence: str) -> None:
    [parsed] = _sentences(sentence)
    names = [p.location.name for p in extractor._places(parsed, load_lexicon(code))]
    assert "Kyiv" not in names and "Kirov" not in names and "Lenina" not in names


def test_a_sentence_opening_place_without_a_cue_is_found_through_the_russian_ner(extractor: CyrillicExtractor) -> None:
    """'Козинка' opens the sentence, after no preposition, and the dictionary does not tag it a
    place: only natasha's LOC label makes it a candidate."""
    pytest.importorskip("natasha")
    from sitreps.lang.cyrillic import _ner_places

    text = "Козинка подверглась обстрелу."
    [parsed] = _sentences(text)
    assert extractor._places(parsed, load_lexicon("ru")) == []
    [place] = extractor._places(parsed, load_lexicon("ru"), _ner_places(text, "ru"))
    assert (place.location.name, place.location.country_code) == ("Kozinka", "RU")
