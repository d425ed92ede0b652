"""read_paths: files, folders and stdin in; RawDocuments and Rejections out, never an exception."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, BinaryIO

from sitreps.ingest.decoding import UndecodableError, binary_signature, decode_bytes
from sitreps.ingest.documents import RawDocument, Rejection
from sitreps.ingest.html_reader import extract_html, looks_like_html
from sitreps.ingest.jsonl_reader import METADATA_KEYS, read_jsonl

FORMATS = ("auto", "txt", "html", "jsonl")
_EXTENSION_FORMATS = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".txt": "txt",
    ".text": "txt",
    ".md": "txt",
}
SIDECAR_SUFFIX = ".meta.json"
DEFAULT_MAX_BYTES = 20_000_000


def read_paths(
    paths: Sequence[str],
    fmt: str = "auto",
    recursive: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
) -> Iterator[RawDocument | Rejection]:
    """Read every path in order; "-" reads stdin. Each failure is a Rejection and reading goes on."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    for given in paths:
        if given == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _read_bytes(stream.read(max_bytes + 1), "-", fmt, max_bytes, {})
            continue
        path = Path(given)
        if path.is_dir():
            # A folder's own files are always read; --recursive adds its subfolders.
            for child in _files_under(path, recursive):
                yield from _read_file(child, str(child), fmt, max_bytes)
        else:
            yield from _read_file(path, given, fmt, max_bytes)


def _files_under(folder: Path, recursive: bool) -> Iterator[Path]:
    """Files in `folder` (and below it when recursive) in a stable order, skipping hidden files and sidecars."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".")) if recursive else []
        for name in sorted(files):
            if name.startswith(".") or name.endswith(SIDECAR_SUFFIX):
                continue
            yield Path(root) / name


def _read_file(path: Path, given: str, fmt: str, max_bytes: int) -> Iterator[RawDocument | Rejection]:
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
    yield from _read_bytes(data, given, fmt, max_bytes, sidecar)


def _sidecar_metadata(path: Path) -> tuple[dict[str, Any], str | None]:
    """Metadata from NAME.meta.json (or NAME.txt.meta.json) beside the file, if there is one."""
    for candidate in (path.with_suffix(SIDECAR_SUFFIX), path.with_name(path.name + SIDECAR_SUFFIX)):
        if candidate == path or not candidate.is_file():
            continue
        try:
            loaded = json.loads(candidate.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            return {}, f"bad sidecar {candidate.name}: {exc}"
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
            if isinstance(json.loads(first_line), dict):
                return "jsonl"
        except (json.JSONDecodeError, UnicodeDecodeError):
            pass
    return "txt"


def _read_bytes(
    data: bytes, given: str, fmt: str, max_bytes: int, sidecar: dict[str, Any]
) -> Iterator[RawDocument | Rejection]:
    if len(data) > max_bytes:
        yield Rejection(given, f"input too large (more than {max_bytes} bytes)")
        return
    if not data.strip():
        yield Rejection(given, "empty file")
        return
    signature = binary_signature(data)
    if signature:
        yield Rejection(given, f"binary file ({signature} signature)")
        return
    try:
        decoded = decode_bytes(data)
    except UndecodableError as exc:
        yield Rejection(given, str(exc))
        return
    if fmt == "auto":
        fmt = _sniff_format(decoded.text.encode("utf-8")[:4096])
    if fmt == "jsonl":
        yield from read_jsonl(decoded.text, given)
        return
    metadata: dict[str, Any]
    if fmt == "html":
        metadata = {**extract_html(decoded.text, url=sidecar.get("url")), **sidecar}
    else:
        metadata = {**sidecar, "format": "txt", "text": decoded.text}
    metadata["encoding"] = decoded.encoding
    if not metadata.get("text", "").strip():
        yield Rejection(given, "no text found")
        return
    yield RawDocument(metadata.get("url", given), data, metadata)
