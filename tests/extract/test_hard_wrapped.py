"""Hard-wrapped wire copy parses whole (clean.parse_view): the toll split over a line break is read."""

from __future__ import annotations

from tests.clean.test_parse_view import WIRE
from tests.extract.expectations import make_article


def test_hard_wrapped_caps_copy_keeps_its_toll(extractor) -> None:  # noqa: ANN001 - tests/conftest fixture
    [mentions] = extractor.extract([make_article(WIRE, "1990-03-02", "Test Wire")])
    assert [(m.event_type, m.fatalities.low if m.fatalities else None) for m in mentions][:1] == [
        ("Explosions/Remote violence", 5)
    ]
