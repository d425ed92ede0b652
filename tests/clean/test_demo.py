"""The bundled demo reports (written for this project) clean as an editor would clean them:
no date line or masthead as a title, datelines cut and read, outlets named where the text says."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest

from sitreps.clean import clean_document
from sitreps.ingest import RawDocument, read_paths


@pytest.fixture(scope="module")
def demo() -> dict:
    docs = read_paths([str(files("sitreps") / "demo")], recursive=True)
    return {Path(d.source).name: clean_document(d) for d in docs if isinstance(d, RawDocument)}


def test_every_demo_report_is_read(demo: dict) -> None:
    assert len(demo) == 13  # twelve files, one of them a JSONL feed of two reports


@pytest.mark.parametrize(
    ("name", "title", "outlet", "published"),
    [
        (
            "02_rift_daily.txt",
            "Mandera governor says mortar shells hit town as border raid spreads",
            "Rift Daily",
            "2025-04-03",
        ),
        ("05_county_bulletin.txt", "Mandera County Government - Press Statement", None, "2025-04-02"),
        ("07_frontline_brief_newsletter.txt", "Kenya: border villages attacked", "Frontline Brief", "2025-04-02"),
        ("12_elwak_residents.txt", "El Wak residents count the cost of Tuesday's raid", "Highland Courier", None),
    ],
)
def test_titles_outlets_and_dates(demo: dict, name: str, title: str, outlet: str | None, published: str | None) -> None:
    article = demo[name]
    assert article.title == title
    assert article.outlet == outlet
    assert (article.published.start if article.published else None) == published


def test_no_title_is_a_date_line_or_a_masthead_and_no_text_starts_with_a_dateline(demo: dict) -> None:
    for name, article in demo.items():
        assert article.title and "|" not in article.title and not article.title.startswith("Published"), name
        first_words = article.text.split(" - ")[0]
        assert not first_words.isupper(), (name, first_words)
        assert "View this email" not in article.text and "Unsubscribe" not in article.text, name
