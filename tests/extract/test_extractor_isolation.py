"""One report the extractor chokes on costs that report's mentions, not the run."""

from __future__ import annotations

import logging

import pytest

import sitreps.extract.mentions as mentions_module
from sitreps.extract.mentions import RuleExtractor
from sitreps.model import Article, DateValue


def _article(aid: str, text: str) -> Article:
    return Article(
        id=aid,
        source=f"{aid}.txt",
        text=text,
        published=DateValue(start="2024-05-12", end="2024-05-12", precision="day"),
    )


def test_an_extractor_error_is_logged_and_the_other_reports_are_read(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    real = mentions_module.extract_article

    def flaky(article, doc, res):
        if article.id == "bad":
            raise RuntimeError("unexpected parse")
        return real(article, doc, res)

    monkeypatch.setattr(mentions_module, "extract_article", flaky)
    good = _article("good", "Gunmen attacked the village of Tawila in North Darfur on Saturday, killing five people.")
    bad = _article("bad", "Militants shelled Kutum on Friday.")
    with caplog.at_level(logging.WARNING):
        out = RuleExtractor().extract([bad, good])
    assert out[0] == []
    assert out[1] and out[1][0].event_type in ("Violence against civilians", "Battles")
    assert "bad.txt: no mentions read (extractor error: RuntimeError: unexpected parse)" in caplog.text
