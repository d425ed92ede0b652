"""Extract mentions: each event an article reports, as it reports it.

`Extractor` is the seam for other backends (an LLM, a trained model): anything with a `name` and
`extract(articles) -> mentions per article` can be plugged in and scored on the same gold.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:  # the models (pydantic) are not needed to import the seam: CLI start-up
    from sitreps.model import Article, Mention


@runtime_checkable
class Extractor(Protocol):
    name: str

    def extract(self, articles: Sequence[Article]) -> list[list[Mention]]:
        """One list of mentions per article, in the order given."""
        ...


def default_extractor(ctx: object | None = None) -> Extractor:
    """The extractor the context's `extractor` names: a mode of the spaCy extractor (rules, the
    learned event model, or both: `combined`, the default), with the user's extra actor
    registries and the configuration's steps (`sitreps.extract.steps`) from the CLI context,
    Russian and Ukrainian articles going to their language packs
    (`sitreps.lang`); or an installed plug-in's (`sitreps.extractors`, see `sitreps.hookspecs`)."""
    from sitreps.extract.event_step import ExtractorMode

    name = getattr(ctx, "extractor", None) or ExtractorMode.COMBINED
    if name not in set(ExtractorMode):
        return plugin_extractor(str(name), ctx)
    from sitreps.config import config_path, load_steps_config
    from sitreps.extract.mentions import RuleExtractor
    from sitreps.lang.dispatch import LanguageDispatch

    actor_files = tuple(getattr(ctx, "actors_files", ()) or ())
    steps = load_steps_config(config_path(getattr(ctx, "config", None)))
    return LanguageDispatch(RuleExtractor(actor_files, ExtractorMode(name), steps))


def plugin_extractor(name: str, ctx: object | None) -> Extractor:
    """The extractor an installed `sitreps.extractors` entry point `name` builds for `ctx`."""
    from sitreps.hookspecs import EXTRACTORS, PluginError, load_plugin, plugins

    point = plugins(EXTRACTORS).get(name)
    if point is None:
        raise PluginError(f"no extractor {name!r}: not a built-in mode and no installed plug-in has that name")
    extractor = load_plugin(point)(ctx)
    if not isinstance(extractor, Extractor):
        raise PluginError(f"plug-in extractor {name!r} built a {type(extractor).__name__}, not an Extractor")
    return extractor
