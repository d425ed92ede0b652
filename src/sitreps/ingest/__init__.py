"""Ingest: read files, folders, JSONL and stdin into RawDocuments; anything unusable is a Rejection."""

from sitreps.ingest.decoding import DecodedText, UndecodableError, decode_bytes
from sitreps.ingest.documents import RawDocument, Rejection
from sitreps.ingest.paths import read_paths

__all__ = ["DecodedText", "RawDocument", "Rejection", "UndecodableError", "decode_bytes", "read_paths"]
