"""Russian and Ukrainian dates: written days, nights, relative days, numeric dates."""

from __future__ import annotations

from datetime import date

import pytest

pytest.importorskip("pymorphy3")

from sitreps.lang.cyrillic import CyrillicExtractor, load_lexicon  # noqa: E402

POSTED = date(2024, 5, 9)


@pytest.mark.parametrize(
    ("code", "text", "posted", "day"),
    [
        ("ru", "в ночь на 9 мая беспилотники атаковали город", POSTED, "2024-05-09"),
        ("uk", "у ніч на 17 квітня ворог атакував місто", date(2024, 4, 17), "2024-04-17"),
        ("ru", "минувшей ночью город обстреляли", POSTED, "2024-05-08"),
        ("ru", "вчера вечером прогремели взрывы", POSTED, "2024-05-08"),
        ("uk", "вчора ввечері пролунали вибухи", POSTED, "2024-05-08"),
        ("uk", "позавчора дрон влучив у будинок", POSTED, "2024-05-07"),
        ("ru", "обстрел 28 декабря повредил школу", date(2025, 1, 3), "2024-12-28"),
        ("uk", "обстріл 07.05.2024 пошкодив школу", POSTED, "2024-05-07"),
        ("ru", "в 10.05 начался обстрел", POSTED, None),  # a time of day, not 10 May
        ("ru", "повреждены 5 машин", POSTED, None),  # "машин" is no month
    ],
)
def test_the_day_a_phrase_names(code: str, text: str, posted: date, day: str | None) -> None:
    found = CyrillicExtractor._date(text, load_lexicon(code), posted)
    assert (found.start if found else None) == day
