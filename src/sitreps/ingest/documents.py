"""The two things ingest yields: a document to clean, or a rejection saying why not."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class RawDocument:
    """One input document, not yet cleaned.

    `source` is the URL when known, else the path as given ("-" for stdin). `data` holds the
    raw bytes; readers that already decoded or extracted the text put it in `metadata["text"]`
    so that clean never has to guess an encoding twice.
    """

    source: str
    data: bytes
    metadata: dict[str, Any] = field(default_factory=dict)
    # Where it was read: the path as given, "FILE:LINE" for a JSON Lines record, "-" for stdin.
    # Differs from `source` when the input names its URL; rejections point here.
    read_from: str | None = None

    @property
    def location(self) -> str:
        """What to name in a one-line rejection of this document."""
        return self.read_from or self.source


@dataclass(frozen=True)
class Rejection:
    """An input that could not be read, with one line saying why."""

    source: str
    reason: str


def failure_reason(exc: BaseException) -> str:
    """One line for an unexpected per-record failure: the exception's kind and the first line of
    its message (spaCy's, for one, run to a paragraph)."""
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    first_sentence = message.find(". ")
    if 0 < first_sentence < 160:
        message = message[: first_sentence + 1]
    elif len(message) > 160:
        message = message[:157] + "..."
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__
