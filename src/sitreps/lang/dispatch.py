"""LanguageDispatch: each article to the extractor of its language (an `Extractor` itself)."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from sitreps.extract import Extractor
from sitreps.lang import PACKS
from sitreps.model import Article, Mention


class LanguageDispatch:
    """English (and any language without a pack) to `default`; ru/uk to the Cyrillic extractor
    when its pack is installed, else no mentions and, once per process and language, a one-line
    hint on stderr naming the extra to install."""

    def __init__(self, default: Extractor) -> None:
        self.default = default
        self.name = default.name
        self._packs: dict[str, Extractor | None] = {}
        self._hinted: set[str] = set()

    def __getattr__(self, attribute: str) -> object:
        # what callers read off the default extractor (its spaCy pipeline, its resources) stays there
        return getattr(self.default, attribute)

    def _pack_extractor(self, code: str) -> Extractor | None:
        if code not in self._packs:
            if PACKS[code].installed():
                from sitreps.lang.cyrillic import CyrillicExtractor

                self._packs[code] = CyrillicExtractor()
            else:
                self._packs[code] = None
        return self._packs[code]

    def extract(self, articles: Sequence[Article]) -> list[list[Mention]]:
        routes: dict[str, list[int]] = {}
        for index, article in enumerate(articles):
            routes.setdefault(article.language if article.language in PACKS else "", []).append(index)
        out: list[list[Mention]] = [[] for _ in articles]
        for code, indexes in routes.items():
            extractor = self.default if not code else self._pack_extractor(code)
            if extractor is None:
                if code not in self._hinted:
                    self._hinted.add(code)
                    print(f"sitreps: {PACKS[code].hint()}", file=sys.stderr)
                continue
            for index, mentions in zip(indexes, extractor.extract([articles[i] for i in indexes]), strict=True):
                out[index] = mentions
        return out
