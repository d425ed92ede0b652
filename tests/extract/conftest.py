"""The real extractor (spaCy model, registries, gazetteer), loaded once for the whole session."""

from __future__ import annotations

import pytest
from tests.extract.expectations import PUBLISHED, Extract, make_article

from sitreps.extract import Extractor, default_extractor
from sitreps.model import Mention


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return default_extractor()


@pytest.fixture(scope="session")
def extract(extractor: Extractor) -> Extract:
    """`extract(text, published="2024-06-14", outlet="Test Wire")` -> the article's mentions."""

    def run(text: str, published: str | None = PUBLISHED, outlet: str | None = "Test Wire") -> list[Mention]:
        [mentions] = extractor.extract([make_article(text, published, outlet)])
        return mentions

    return run
