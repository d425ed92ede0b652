"""The outlet read from the header when metadata does not give one."""

from __future__ import annotations

import pytest

from sitreps.clean.attribution import outlet_from_byline, outlet_from_dateline, outlet_from_header


@pytest.mark.parametrize(
    ("dateline", "outlet"),
    [
        ("BELET WEYNE, Somalia, March 9 (Shabelle Courier) -", "Shabelle Courier"),
        ("KYIV, June 2 (Reuters) -", "Reuters"),
        ("GARISSA, Friday 7 March 2025 -", None),
        (None, None),
    ],
)
def test_the_tag_of_a_dateline_names_the_outlet(dateline: str | None, outlet: str | None) -> None:
    assert outlet_from_dateline(dateline) == outlet


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("By a Lake Region Dispatch correspondent", "Lake Region Dispatch"),
        ("By an Ituri Voice reporter", "Ituri Voice"),
        ("By our correspondent", None),
        ("By a staff reporter", None),
        ("By Amina Yusuf", None),
    ],
)
def test_a_staff_byline_names_the_outlet(line: str, outlet: str | None) -> None:
    assert outlet_from_byline(line) == outlet


def test_the_dateline_wins_over_a_byline() -> None:
    removed = ["By a Coast Review correspondent", "MOMBASA (Harbour News) -"]
    assert outlet_from_header("MOMBASA (Harbour News) -", removed) == "Harbour News"
    assert outlet_from_header(None, removed) == "Coast Review"
