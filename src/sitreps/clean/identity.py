"""Article ids: a hash of the normalised text, so the same report ingested twice is one article."""

from __future__ import annotations

import hashlib
import unicodedata


def normalize_for_id(text: str) -> str:
    """NFKC, whitespace collapsed to single spaces, case folded."""
    return " ".join(unicodedata.normalize("NFKC", text).split()).casefold()


def article_id(text: str) -> str:
    """First 16 hex characters of the sha256 of the normalised text."""
    return hashlib.sha256(normalize_for_id(text).encode("utf-8")).hexdigest()[:16]
