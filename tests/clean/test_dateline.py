"""Publication dates from header lines: full dates only, 20xx for two-digit years, else None."""

from __future__ import annotations

import pytest

from sitreps.clean.dateline import extract_header_date, parse_published
from sitreps.model import DateValue


def day(iso: str) -> DateValue:
    return DateValue(start=iso, end=iso, precision="day", inferred=False)


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Published 12th Mar 24", "2024-03-12"),
        ("June 2, 2023 4:13 PM", "2023-06-02"),
        ("22.05.2023", "2023-05-22"),
        ("2023-06-01 11:05:38", "2023-06-01"),
        ("12th Mar 24 3:55 pm", "2024-03-12"),
        ("Updated: Friday, June 2, 2023 4:13 PM GMT", "2023-06-02"),
        ("22 мая 2023 г., 14:05", "2023-05-22"),
        ("25/12/2022", "2022-12-25"),
    ],
)
def test_date_only_header_line_gives_the_date_and_is_removed(line: str, iso: str) -> None:
    found = extract_header_date(f"{line}\n\nShelling was reported in the district overnight.")
    assert found.published == day(iso)
    assert found.text == "Shelling was reported in the district overnight."
    assert found.removed == [line]


def test_date_beside_an_outlet_name_is_read_but_the_line_stays() -> None:
    text = "Kyiv Bureau | 4 July 2023\n\nShelling was reported overnight."
    found = extract_header_date(text)
    assert (found.published, found.text, found.removed) == (day("2023-07-04"), text, [])


@pytest.mark.parametrize(
    "text",
    [
        "03/04/2023\n\nAmbiguous day and month.",
        "The raid took place on 22 May 2023.\n\nIt was the first of three.",
        "In May 2023 the group launched a raid.",
        "KYIV, June 2 (Reuters) - Drones attacked the city.",
        "Published 31st Feb 23\n\nNo such day.",
    ],
)
def test_no_full_header_date_means_none(text: str) -> None:
    assert extract_header_date(text).published is None


def test_metadata_dates() -> None:
    assert parse_published("2023-08-02T06:15:00Z") == day("2023-08-02")
    assert parse_published("Mon, 2 Oct 2023") == day("2023-10-02")
    assert parse_published("sometime last week") is None
