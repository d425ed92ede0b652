"""The engine workers reject one bad article, never their batch (what the local loader does)."""

from __future__ import annotations

import json
from collections.abc import Sequence

import pyarrow as pa
import pytest

from sitreps.engine.article_worker import CLEANED_SCHEMA, Cleaner, MentionExtractor, document_table
from sitreps.ingest import RawDocument
from sitreps.model import Article, Mention


class FailsOnMarker:
    name = "fails-on-marker"

    def extract(self, articles: Sequence[Article]) -> list[list[Mention]]:
        if any("POISON" in a.text for a in articles):
            raise RuntimeError("the extractor broke on this text")
        return [[] for _ in articles]


BODY = (
    "Residents of the valley town said the market opened as usual on Monday morning and that traders "
    "from the nearby villages came in larger numbers than in the previous weeks."
)


def _table(texts: list[str]) -> pa.Table:
    docs = [
        (n, RawDocument(f"r{n}.txt", f"Report {n}\n\n{text}\n".encode(), {}, f"r{n}.txt"))
        for n, text in enumerate(texts)
    ]
    return document_table(docs)


def test_an_article_the_extractor_fails_on_is_rejected_alone() -> None:
    cleaned = Cleaner()(_table([BODY, BODY + " The POISON marker sits in this one.", BODY + " Again."]))
    assert cleaned.schema.names == CLEANED_SCHEMA.names and all(r is None for r in cleaned["reason"].to_pylist())
    rows = MentionExtractor(lambda: FailsOnMarker())(cleaned).to_pylist()
    assert [row["article"] is not None for row in rows] == [True, False, True]
    assert rows[1]["reason"] == "cannot extract events (RuntimeError: the extractor broke on this text)"
    assert [json.loads(rows[i]["mentions"]) for i in (0, 2)] == [[], []]


def test_a_document_cleaning_crashes_on_is_rejected_with_its_location(monkeypatch: pytest.MonkeyPatch) -> None:
    from sitreps.engine import article_worker

    real_clean = article_worker.clean_document

    def clean_or_crash(raw: RawDocument, known_name):  # noqa: ANN001, ANN202 - clean_document's shape
        if b"POISON" in raw.data:
            raise KeyError("a cleaning bug")
        return real_clean(raw, known_name)

    monkeypatch.setattr(article_worker, "clean_document", clean_or_crash)
    rows = Cleaner()(_table([BODY, BODY + " POISON."])).to_pylist()
    assert rows[0]["reason"] is None and rows[0]["article"] is not None
    assert rows[1]["article"] is None and rows[1]["source"] == "r1.txt"
    assert rows[1]["reason"].startswith("cannot clean (KeyError")
