"""Extract mentions: each event an article reports, as it reports it.

`Extractor` is the seam for other backends (an LLM, a trained model): anything with a `name` and
`extract(articles) -> mentions per article` can be plugged in and scored on the same gold.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol, runtime_checkable

from sitreps.model import Article, Mention


@runtime_checkable
class Extractor(Protocol):
    name: str

    def extract(self, articles: Sequence[Article]) -> list[list[Mention]]:
        """One list of mentions per article, in the order given."""
        ...


def default_extractor(ctx: object | None = None) -> Extractor:
    """The spaCy extractor (rules, the learned event model, or both: the context's `extractor`
    mode, default combined), with the user's extra actor registries from the CLI context;
    Russian and Ukrainian articles go to their language packs (`sitreps.lang`)."""
    from sitreps.extract.event_step import ExtractorMode
    from sitreps.extract.mentions import RuleExtractor
    from sitreps.lang.dispatch import LanguageDispatch

    actor_files = tuple(getattr(ctx, "actors_files", ()) or ())
    english = RuleExtractor(actor_files, ExtractorMode(getattr(ctx, "extractor", None) or ExtractorMode.COMBINED))
    return LanguageDispatch(english)
