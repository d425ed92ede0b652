"""Ingest: read files, folders, JSONL and stdin into RawDocuments; anything unusable is a Rejection."""

from sitreps.ingest.decoding import DecodedText, UndecodableError, decode_bytes
from sitreps.ingest.documents import RawDocument, Rejection
from sitreps.ingest.limits import TooManyFilesError
from sitreps.ingest.paths import count_files, read_paths

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
