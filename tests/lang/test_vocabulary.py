"""The packs' words beyond the twins: weapons, counter-attacks, violence against civilians,
relative days, number words of tolls, hedges and denials, each in a post written for the test."""

from __future__ import annotations

import pytest

pytest.importorskip("pymorphy3")

from sitreps.clean import clean_document  # noqa: E402
from sitreps.ingest import RawDocument  # noqa: E402
from sitreps.lang.cyrillic import CyrillicExtractor  # noqa: E402

POSTED = "2024-06-08"

# (post, event type, sub-event type, day, deaths, stance); None where the case does not check it
POSTS = [
    (
        "Накануне ВСУ обстреляли Горловку из HIMARS, погибли пятеро мирных жителей, сообщил мэр.",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        "2024-06-07",
        5,
        None,
    ),
    (
        "Над Белгородской областью ночью сбиты четыре «Герани», сообщило Минобороны России.",
        "Strategic developments",
        "Disrupted weapons use",
        "2024-06-07",
        None,
        "claimed",
    ),
    (
        "Боевики похитили двух волонтеров в Курской области, сообщила администрация.",
        "Violence against civilians",
        "Abduction/forced disappearance",
        None,
        None,
        None,
    ),
    (
        "Украинские военные контратаковали у Работино вечером, сообщило Минобороны России.",
        "Battles",
        "Armed clash",
        "2024-06-08",
        None,
        "claimed",
    ),
    (
        "В результате обстрела Донецка погибли тридцать человек, сообщила администрация.",
        "Explosions/Remote violence",
        None,
        None,
        30,
        None,
    ),
    (
        "Губернатор назвал дезинформацией сообщения об обстреле Белгорода.",
        "Explosions/Remote violence",
        None,
        None,
        None,
        "denied",
    ),
    (
        "По непроверенным данным, беспилотник атаковал Курск, сообщил губернатор.",
        "Explosions/Remote violence",
        "Air/drone strike",
        None,
        None,
        "alleged",
    ),
    (
        "Учора окупанти обстріляли Херсон, загинули п’ятнадцять людей, повідомила ОВА.",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        "2024-06-07",
        15,
        "claimed",
    ),
    (
        "Уночі ворог атакував Харків «Іскандером», повідомив голова ОВА.",
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        "2024-06-07",
        None,
        "claimed",
    ),
    (
        "Російські військові розстріляли трьох полонених біля Покровська, повідомив Генштаб.",
        "Violence against civilians",
        "Attack",
        None,
        None,
        "claimed",
    ),
    (
        "Бойовики викрали двох волонтерів у Херсонській області, повідомила ОВА.",
        "Violence against civilians",
        "Abduction/forced disappearance",
        None,
        None,
        None,
    ),
    ("Бійці РДК вночі штурмували село в Бєлгородській області.", "Battles", "Armed clash", "2024-06-07", None, None),
    ("ЗСУ контратакували під Вовчанськом, повідомив Генштаб.", "Battles", "Armed clash", None, None, "claimed"),
    (
        "Сили оборони назвали дезінформацією повідомлення про удар по Курську.",
        "Explosions/Remote violence",
        None,
        None,
        None,
        "denied",
    ),
    (
        "Ворожий дрон начебто атакував Суми вранці, повідомив голова ОВА.",
        "Explosions/Remote violence",
        "Air/drone strike",
        "2024-06-08",
        None,
        "alleged",
    ),
    (
        "Напередодні у Нікополі загинули чотирнадцять людей внаслідок обстрілу, повідомила ОВА.",
        "Explosions/Remote violence",
        None,
        "2024-06-07",
        14,
        None,
    ),
]


@pytest.fixture(scope="module")
def extractor() -> CyrillicExtractor:
    return CyrillicExtractor()


@pytest.mark.parametrize(("post", "event_type", "sub_event_type", "day", "deaths", "stance"), POSTS)
def test_the_pack_reads_the_post(
    extractor: CyrillicExtractor,
    post: str,
    event_type: str,
    sub_event_type: str | None,
    day: str | None,
    deaths: int | None,
    stance: str | None,
) -> None:
    raw = RawDocument("post-1", post.encode(), {"text": post, "published": POSTED, "outlet": "Канал"})
    [mention] = extractor.extract([clean_document(raw)])[0]
    assert mention.event_type == event_type
    if sub_event_type is not None:
        assert mention.sub_event_type == sub_event_type
    if day is not None:
        assert mention.date is not None and mention.date.start == day
    if deaths is not None:
        assert mention.fatalities is not None and mention.fatalities.best == deaths
    if stance is not None:
        assert mention.stance == stance
