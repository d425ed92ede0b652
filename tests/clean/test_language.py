"""Language detection, offline."""

from __future__ import annotations

import pytest

from sitreps.clean.language import detect_language


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Drones attacked the port overnight, the governor said.", "en"),
        ("Ночью беспилотники атаковали порт, сообщил губернатор.", "ru"),
        ("Вночі безпілотники атакували порт, повідомив губернатор області.", "uk"),
        ("Des drones ont attaqué le port pendant la nuit, a indiqué le gouverneur.", "fr"),
    ],
)
def test_iso_639_1_code(text: str, code: str) -> None:
    assert detect_language(text) == code
