"""ALL-CAPS copy reads as the same copy in mixed case: the case-agreement check on the reports in
tests/data/caps/ (benchmarks/caps_agreement.py runs it through the CLI and the store).

Here the reports go through what ingest does before the store - the JSONL reader, clean and the
real extractor (spaCy model, registries, gazetteer) - once as written and once upper-cased, and
the upper-cased mentions must agree with the as-written ones on type + place + day.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest
from benchmarks.caps_agreement import agreement, as_record, event_keys, load_reports

from sitreps.clean.document import clean_document
from sitreps.extract import default_extractor
from sitreps.ingest.documents import RawDocument
from sitreps.ingest.jsonl_reader import read_jsonl
from sitreps.model import Article, Mention
from sitreps.pipeline import load_known_name

MIN_F1 = 0.90  # the acceptance line of issue 14


def _articles(records: list[dict[str, str]]) -> list[Article]:
    known_name = load_known_name()
    docs = list(read_jsonl("".join(json.dumps(r) + "\n" for r in records), "caps.jsonl"))
    assert all(isinstance(d, RawDocument) for d in docs), docs
    return [clean_document(d, known_name) for d in docs if isinstance(d, RawDocument)]


def _keys(reports: list[dict], per_article: list[list[Mention]]) -> Counter[tuple[str, ...]]:
    return event_keys(
        {
            "report": report["id"],
            "type": m.event_type,
            "location": m.location.model_dump() if m.location else None,
            "date": m.date.model_dump() if m.date else None,
        }
        for report, mentions in zip(reports, per_article, strict=True)
        for m in mentions
    )


@pytest.fixture(scope="module")
def runs() -> tuple[list[dict], list[Article], list[list[Mention]], list[list[Mention]]]:
    reports = load_reports()
    extractor = default_extractor()
    written = extractor.extract(_articles([as_record(r, upper=False) for r in reports]))
    upper_articles = _articles([as_record(r, upper=True) for r in reports])
    upper = extractor.extract(upper_articles)
    return reports, upper_articles, written, upper


def test_at_least_40_reports_from_many_countries(runs) -> None:
    reports, _, written, _ = runs
    assert len(reports) >= 40
    countries = {m.location.country_code for mentions in written for m in mentions if m.location}
    assert len(countries) >= 20


def test_upper_cased_reports_give_the_events_of_the_as_written_ones(runs) -> None:
    reports, _, written, upper = runs
    scores = agreement(_keys(reports, upper), _keys(reports, written))
    assert scores["type+place+day"] >= MIN_F1, scores
    assert scores["type"] >= MIN_F1 and scores["place"] >= MIN_F1, scores


def test_evidence_and_toponyms_quote_the_caps_text_as_ingested(runs) -> None:
    _, articles, _, upper = runs
    checked = 0
    for article, mentions in zip(articles, upper, strict=True):
        for mention in mentions:
            for span in mention.evidence:
                assert span.text == article.text[span.start : span.end]
                assert span.text == span.text.upper()  # not the case-restored reading
                checked += 1
            if mention.location is not None and mention.location.toponym:
                assert mention.location.toponym in article.text
    assert checked >= 40
