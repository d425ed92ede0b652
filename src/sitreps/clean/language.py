"""The article's language as an ISO 639-1 code, detected offline with py3langid."""

from __future__ import annotations

import py3langid


def detect_language(text: str) -> str:
    """Two-letter language code of `text` (py3langid's best guess over its 97 languages)."""
    code, _score = py3langid.classify(text)
    return str(code)
