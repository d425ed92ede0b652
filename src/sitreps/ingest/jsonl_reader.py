"""JSON Lines: one record per line with `text` or `html`; a bad line rejects only itself."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sitreps.ingest.documents import RawDocument, Rejection
from sitreps.ingest.html_reader import extract_html

METADATA_KEYS = ("url", "title", "published", "outlet", "language")


def read_jsonl(text: str, source: str) -> Iterator[RawDocument | Rejection]:
    """One RawDocument per usable record; a Rejection "FILE:LINE: why" for every other line."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejection(where, f"{where}: invalid JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(record, dict):
            yield Rejection(where, f"{where}: record is not a JSON object")
            continue
        yield from _record_document(record, source, number, where)


def _record_document(
    record: dict[str, Any], source: str, number: int, where: str
) -> Iterator[RawDocument | Rejection]:
    metadata: dict[str, Any] = {"line": number}
    for key in METADATA_KEYS:
        value = record.get(key)
        if isinstance(value, str) and value.strip():
            metadata[key] = value.strip()
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip():
        metadata.update(format="txt", text=text)
        data = text.encode("utf-8")
    elif isinstance(html, str) and html.strip():
        extracted = extract_html(html, url=metadata.get("url"))
        metadata = {**extracted, **metadata, "text": extracted["text"]}
        data = html.encode("utf-8")
    else:
        yield Rejection(where, f"{where}: record has no 'text' or 'html'")
        return
    yield RawDocument(metadata.get("url", source), data, metadata)
