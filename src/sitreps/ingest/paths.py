"""read_paths: files, folders and stdin in; RawDocuments and Rejections out, never an exception."""

from __future__ import annotations

import codecs
import json
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from sitreps.ingest.decoding import UndecodableError, binary_signature, decode_bytes
from sitreps.ingest.documents import RawDocument, Rejection, failure_reason
from sitreps.ingest.feed import looks_like_feed, read_feed
from sitreps.ingest.html_reader import extract_html, looks_like_html
from sitreps.ingest.jsonl_reader import METADATA_KEYS, read_jsonl, read_jsonl_lines, utf8_lines
from sitreps.ingest.limits import (
    DEFAULT_MAX_ARTICLE_BYTES,
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_FILES,
    DEFAULT_MAX_LINE_BYTES,
    TooManyFilesError,
    article_too_large,
    too_many_files,
)
from sitreps.ingest.telegram import telegram_reader

FORMATS = ("auto", "txt", "html", "jsonl", "feed")
_EXTENSION_FORMATS = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".txt": "txt",
    ".text": "txt",
    ".md": "txt",
    ".rss": "feed",
    ".atom": "feed",
}
SIDECAR_SUFFIX = ".meta.json"
# UTF-16/32 byte-order marks: such a file is decoded whole, not as UTF-8 lines.
_WIDE_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def read_paths(
    paths: Sequence[str],
    fmt: str = "auto",
    recursive: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    *,
    max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES,
    max_line_bytes: int = DEFAULT_MAX_LINE_BYTES,
    max_files: int = DEFAULT_MAX_FILES,
) -> Iterator[RawDocument | Rejection]:
    """Read every path in order; "-" reads stdin. Each failure is a Rejection and reading goes on.

    Raises at the call, before anything is read: ValueError for an unknown format,
    `TooManyFilesError` when the paths name more than `max_files` files (folders expanded).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    counted = count_files(paths, recursive, stop_after=max_files)
    if counted > max_files:
        raise TooManyFilesError(too_many_files(counted, max_files))
    caps = _Caps(max_bytes, max_article_bytes, max_line_bytes)
    return _read_all(list(paths), fmt, recursive, caps, stdin)


def count_files(paths: Sequence[str], recursive: bool = False, stop_after: int | None = None) -> int:
    """How many inputs `read_paths` would open (stdin and missing paths count one each).

    Stops counting once past `stop_after`, so a check on a huge tree costs only the cap.
    """
    count = 0
    for given in paths:
        path = Path(given)
        if given != "-" and path.is_dir():
            for _ in files_under(path, recursive):
                count += 1
                if stop_after is not None and count > stop_after:
                    return count
        else:
            count += 1
        if stop_after is not None and count > stop_after:
            return count
    return count


@dataclass(frozen=True)
class _Caps:
    max_bytes: int
    max_article_bytes: int
    max_line_bytes: int


def _read_all(
    paths: list[str], fmt: str, recursive: bool, caps: _Caps, stdin: BinaryIO | None
) -> Iterator[RawDocument | Rejection]:
    for given in paths:
        if given == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _guarded(_read_bytes(stream.read(caps.max_bytes + 1), "-", fmt, caps, {}), "-")
            continue
        path = Path(given)
        if path.is_dir():
            # A folder's own files are always read; --recursive adds its subfolders.
            for child in files_under(path, recursive):
                yield from _guarded(_read_file(child, str(child), fmt, caps), str(child))
        else:
            yield from _guarded(_read_file(path, given, fmt, caps), given)


def _guarded(items: Iterator[RawDocument | Rejection], given: str) -> Iterator[RawDocument | Rejection]:
    """The items one input gives, and a Rejection instead of any exception: whatever one file
    does to a reader, the inputs after it are still read."""
    try:
        yield from items
    except Exception as exc:  # noqa: BLE001 - see the docstring
        yield Rejection(given, f"cannot read ({failure_reason(exc)})")


def files_under(folder: Path, recursive: bool) -> Iterator[Path]:
    """Files in `folder` (and below it when recursive) in a stable order, skipping hidden files and sidecars."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")) if recursive else []
        for name in sorted(files):
            if name.startswith(".") or name.endswith(SIDECAR_SUFFIX):
                continue
            yield Path(root) / name


def _read_file(path: Path, given: str, fmt: str, caps: _Caps) -> Iterator[RawDocument | Rejection]:
    max_bytes = caps.max_bytes
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        yield Rejection(given, "no such file or directory")
        return
    except OSError as exc:
        yield Rejection(given, f"cannot read: {exc.strerror or exc}")
        return
    if not path.is_file():
        yield Rejection(given, "not a regular file")
        return
    if size > max_bytes:
        # Checked before reading so an oversize file never lands in memory.
        yield Rejection(given, f"file too large ({size} bytes > limit of {max_bytes})")
        return
    try:
        data = path.read_bytes()
    except PermissionError:
        yield Rejection(given, "unreadable (permission denied)")
        return
    except OSError as exc:
        yield Rejection(given, f"cannot read: {exc.strerror or exc}")
        return
    sidecar, problem = _sidecar_metadata(path)
    if problem:
        yield Rejection(given, problem)
        return
    if fmt == "auto":
        fmt = _EXTENSION_FORMATS.get(path.suffix.lower(), "auto")
    yield from _read_bytes(data, given, fmt, caps, sidecar)


def _sidecar_metadata(path: Path) -> tuple[dict[str, Any], str | None]:
    """Metadata from NAME.meta.json (or NAME.txt.meta.json) beside the file, if there is one."""
    for candidate in (path.with_suffix(SIDECAR_SUFFIX), path.with_name(path.name + SIDECAR_SUFFIX)):
        if candidate == path or not candidate.is_file():
            continue
        try:
            loaded = json.loads(candidate.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            return {}, f"bad sidecar {candidate.name}: {exc}"
        except RecursionError:
            return {}, f"bad sidecar {candidate.name}: JSON nested too deeply"
        if not isinstance(loaded, dict):
            return {}, f"bad sidecar {candidate.name}: not a JSON object"
        return {k: v for k, v in loaded.items() if k in METADATA_KEYS and isinstance(v, str)}, None
    return {}, None


def _sniff_format(data: bytes) -> str:
    if looks_like_html(data):
        return "html"
    first = data.lstrip()[:1]
    if first == b"{":
        first_line = data.lstrip().split(b"\n", 1)[0]
        try:
            if isinstance(json.loads(first_line.decode("utf-8", "replace")), dict):
                return "jsonl"
        except RecursionError:
            return "jsonl"  # an object nested past any use: the JSON Lines reader rejects that line
        except json.JSONDecodeError:
            pass
    return "txt"


def _read_bytes(
    data: bytes, given: str, fmt: str, caps: _Caps, sidecar: dict[str, Any]
) -> Iterator[RawDocument | Rejection]:
    if len(data) > caps.max_bytes:
        yield Rejection(given, f"input too large (more than {caps.max_bytes} bytes)")
        return
    if not data.strip():
        yield Rejection(given, "empty file")
        return
    signature = binary_signature(data)
    if signature:
        yield Rejection(given, f"binary file ({signature} signature)")
        return
    if fmt == "feed" or (fmt == "auto" and looks_like_feed(data)):
        # Before the HTML sniff: a feed's items often carry <p> and <div> in CDATA.
        yield from read_feed(data, given, sidecar, caps.max_article_bytes)
        return
    telegram = telegram_reader(data, fmt)
    if telegram is not None:
        yield from telegram(data, given, sidecar, caps.max_article_bytes)
        return
    if fmt == "auto" and _sniff_format(data[:4096]) == "jsonl":
        fmt = "jsonl"
    # JSON Lines in UTF-8 (as JSON is) are decoded line by line: a bad byte rejects its line only.
    lines = utf8_lines(data) if fmt == "jsonl" and not data.startswith(_WIDE_BOMS) else None
    if lines is not None:
        records = read_jsonl_lines(
            lines, given, max_line_bytes=caps.max_line_bytes, max_article_bytes=caps.max_article_bytes
        )
    else:
        try:
            decoded = decode_bytes(data)
        except UndecodableError as exc:
            yield Rejection(given, str(exc))
            return
        if fmt == "auto":
            fmt = _sniff_format(decoded.text.encode("utf-8")[:4096])
        if fmt == "jsonl":
            records = read_jsonl(
                decoded.text, given, max_line_bytes=caps.max_line_bytes, max_article_bytes=caps.max_article_bytes
            )
    if fmt == "jsonl":
        empty = True
        for item in records:
            empty = False
            yield item
        if empty:  # e.g. only a byte-order mark or blank lines: say so rather than read nothing
            yield Rejection(given, "no JSON Lines records (only blank lines)")
        return
    metadata: dict[str, Any]
    if fmt == "html":
        metadata = {**extract_html(decoded.text, url=sidecar.get("url")), **sidecar}
    else:
        metadata = {**sidecar, "format": "txt", "text": decoded.text}
    metadata["encoding"] = decoded.encoding
    if decoded.replaced:
        metadata["replaced_characters"] = decoded.replaced
    if not metadata.get("text", "").strip():
        yield Rejection(given, "no text found")
        return
    size = len(metadata["text"].encode("utf-8", "surrogatepass"))
    if size > caps.max_article_bytes:
        yield Rejection(given, article_too_large(size, caps.max_article_bytes))
        return
    yield RawDocument(metadata.get("url", given), data, metadata, read_from=given)
