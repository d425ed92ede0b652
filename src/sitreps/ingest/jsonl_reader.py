"""JSON Lines: one record per line with `text` or `html`; a bad line rejects only itself."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from sitreps.ingest.documents import RawDocument, Rejection, failure_reason
from sitreps.ingest.html_reader import extract_html
from sitreps.ingest.limits import (
    DEFAULT_MAX_ARTICLE_BYTES,
    DEFAULT_MAX_LINE_BYTES,
    article_too_large,
    line_too_long,
)

METADATA_KEYS = ("url", "title", "published", "outlet", "language")


def read_jsonl(
    text: str,
    source: str,
    *,
    max_line_bytes: int = DEFAULT_MAX_LINE_BYTES,
    max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES,
) -> Iterator[RawDocument | Rejection]:
    """One RawDocument per usable record; a Rejection "FILE:LINE: why" for every other line."""
    for number, line in enumerate(text.splitlines(), start=1):
        yield from _read_line(line, source, number, max_line_bytes, max_article_bytes)


def utf8_lines(data: bytes) -> list[tuple[int, str | None]] | None:
    """(line number, text or None when that line is not UTF-8) for JSON Lines bytes, decoded line
    by line so that one bad byte costs one record; None when most lines are not UTF-8 (a file in
    a legacy encoding, left to charset detection)."""
    lines: list[tuple[int, str | None]] = []
    bad = 0
    for number, raw in enumerate(data.removeprefix(b"\xef\xbb\xbf").split(b"\n"), start=1):
        try:
            lines.append((number, raw.decode("utf-8")))
        except UnicodeDecodeError:
            lines.append((number, None))
            bad += 1
    return None if 2 * bad > sum(1 for _, line in lines if line is None or line.strip()) else lines


def read_jsonl_lines(
    lines: list[tuple[int, str | None]],
    source: str,
    *,
    max_line_bytes: int = DEFAULT_MAX_LINE_BYTES,
    max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES,
) -> Iterator[RawDocument | Rejection]:
    """As `read_jsonl`, over `utf8_lines` output: an undecodable line rejects itself only."""
    for number, line in lines:
        if line is None:
            where = f"{source}:{number}"
            yield Rejection(where, f"{where}: line is not valid UTF-8")
            continue
        yield from _read_line(line.rstrip("\r"), source, number, max_line_bytes, max_article_bytes)


def _read_line(
    line: str, source: str, number: int, max_line_bytes: int, max_article_bytes: int
) -> Iterator[RawDocument | Rejection]:
    if not line.strip():
        return
    where = f"{source}:{number}"
    # Cheap bound first: a line of n characters holds at most 4n UTF-8 bytes.
    size = len(line) if 4 * len(line) <= max_line_bytes else len(line.encode("utf-8", "surrogatepass"))
    if size > max_line_bytes:
        yield Rejection(where, line_too_long(where, size, max_line_bytes))
        return
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        yield Rejection(where, f"{where}: invalid JSON ({exc.msg} at column {exc.colno})")
        return
    except RecursionError:
        yield Rejection(where, f"{where}: invalid JSON (nested too deeply)")
        return
    if not isinstance(record, dict):
        yield Rejection(where, f"{where}: record is not a JSON object")
        return
    try:
        found = list(_record_document(_without_lone_surrogates(record), source, number, where, max_article_bytes))
    except Exception as exc:  # noqa: BLE001 - whatever a record does (a page trafilatura chokes on), it costs only itself
        found = [Rejection(where, f"{where}: cannot read record ({failure_reason(exc)})")]
    yield from found


def _without_lone_surrogates(record: dict[str, Any]) -> dict[str, Any]:
    """JSON may escape half a surrogate pair ("\\ud800"), which no UTF-8 text can hold: make each
    such half U+FFFD in the string values we read, as a decoder does with a bad byte."""
    return {key: _text_or_repaired(value) if isinstance(value, str) else value for key, value in record.items()}


def _text_or_repaired(value: str) -> str:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return value


def _record_document(
    record: dict[str, Any], source: str, number: int, where: str, max_article_bytes: int
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
    size = len(metadata["text"].encode("utf-8", "surrogatepass"))
    if size > max_article_bytes:
        yield Rejection(where, f"{where}: {article_too_large(size, max_article_bytes)}")
        return
    yield RawDocument(metadata.get("url", source), data, metadata, read_from=where)
