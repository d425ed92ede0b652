"""Small, shared judgements about the shape of a line: is it a headline, is it quoted."""

from __future__ import annotations

import re
import unicodedata

_QUOTE_FOLD = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "…": "..."})
_OPENING_QUOTES = "\"'“‘«„"
# "[REPORT]", "[LATEST]": section tags some sites append to linked headlines.
_TRAILING_TAG = re.compile(r"\s*\[[A-Z][A-Z ]{1,20}\]$")
_SENTENCE_END = re.compile(r"[.!?;,:]$|[.!?,]['\"’”»)]$")
_BULLET = re.compile(r"^([-•*▪·]|\d+[.)])\s")


def fold(line: str) -> str:
    """A line reduced for matching: NFKC, straight quotes, lower case, single spaces."""
    line = unicodedata.normalize("NFKC", line).translate(_QUOTE_FOLD)
    return " ".join(line.split()).casefold()


def starts_quoted(line: str) -> bool:
    return line.lstrip()[:1] in _OPENING_QUOTES


def without_trailing_tag(line: str) -> str:
    return _TRAILING_TAG.sub("", line.strip())


def is_bullet(line: str) -> bool:
    return bool(_BULLET.match(line.strip()))


def is_headline_like(line: str, max_words: int, min_words: int = 3) -> bool:
    """A title-shaped line: a few words, no sentence-final punctuation, not a quotation.

    Quoted lines are speech ("“Free all Russia”"), which is article text however short.
    """
    core = without_trailing_tag(line)
    if not core or starts_quoted(core) or is_bullet(core):
        return False
    words = core.split()
    if not min_words <= len(words) <= max_words:
        return False
    return not _SENTENCE_END.search(core)
