"""Ingest: read files, folders, JSONL and stdin into RawDocuments; anything unusable is a Rejection."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitreps.lazy import lazy_exports

if TYPE_CHECKING:
    from sitreps.ingest.decoding import DecodedText, UndecodableError, decode_bytes
    from sitreps.ingest.documents import RawDocument, Rejection
    from sitreps.ingest.limits import TooManyFilesError
    from sitreps.ingest.paths import count_files, read_paths

# imported on first use (sitreps.lazy): the CLI starts without what this package's modules import
__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "sitreps.ingest.decoding": (
            "DecodedText",
            "UndecodableError",
            "decode_bytes",
        ),
        "sitreps.ingest.documents": (
            "RawDocument",
            "Rejection",
        ),
        "sitreps.ingest.limits": ("TooManyFilesError",),
        "sitreps.ingest.paths": (
            "count_files",
            "read_paths",
        ),
    },
)

__all__ = [
    "DecodedText",
    "RawDocument",
    "Rejection",
    "TooManyFilesError",
    "UndecodableError",
    "count_files",
    "decode_bytes",
    "read_paths",
]
