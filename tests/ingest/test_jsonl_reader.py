"""JSONL input: a malformed line is rejected with its file and line number; the rest is read."""

from __future__ import annotations

import json
from pathlib import Path

from sitreps.ingest import RawDocument, Rejection, read_paths


def test_malformed_line_is_rejected_with_its_number_and_other_lines_are_ingested(tmp_path: Path) -> None:
    path = tmp_path / "reports.jsonl"
    good = {
        "text": "Shelling damaged a school in Nikopol overnight, the regional governor said.",
        "url": "https://wire.example/nikopol",
        "title": "School damaged in Nikopol",
        "published": "2023-09-14",
        "outlet": "Wire Example",
        "language": "en",
    }
    lines = [json.dumps(good), '{"text": "Kramatorsk siren" "url": 3}', "", json.dumps({"text": "Second."})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = list(read_paths([str(path)]))
    assert len(result) == 3
    first, bad, last = result
    assert isinstance(first, RawDocument)
    assert first.source == "https://wire.example/nikopol"
    assert first.metadata == {**{k: v for k, v in good.items()}, "line": 1, "format": "txt"}
    assert bad == Rejection(
        f"{path}:2",
        f"{path}:2: invalid JSON (Expecting ',' delimiter at column 29)",
    )
    assert isinstance(last, RawDocument)
    assert last.source == str(path)
    assert last.metadata["line"] == 4


def test_record_without_text_or_html_and_non_object_lines_are_rejected(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text('{"url": "https://x.example/a"}\n[1, 2]\n', encoding="utf-8")
    assert list(read_paths([str(path)])) == [
        Rejection(f"{path}:1", f"{path}:1: record has no 'text' or 'html'"),
        Rejection(f"{path}:2", f"{path}:2: record is not a JSON object"),
    ]


def test_html_record_is_extracted_and_its_own_fields_win(tmp_path: Path) -> None:
    html = (
        "<html><head><title>Page title</title><script>var tracker = 'SCRIPT';</script></head><body>"
        "<article><p>Air defence units shot down two drones over the Bryansk region on Tuesday night, "
        "the regional governor wrote, adding that nobody was hurt in the attack.</p></article>"
        "</body></html>"
    )
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"html": html, "title": "Drones downed over Bryansk"}) + "\n", encoding="utf-8")
    [doc] = list(read_paths([str(path)]))
    assert doc.metadata["title"] == "Drones downed over Bryansk"
    assert doc.metadata["format"] == "html"
    assert doc.metadata["text"].startswith("Air defence units shot down two drones")
    assert "SCRIPT" not in doc.metadata["text"]
