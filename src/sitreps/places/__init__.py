"""Places: an offline GeoNames gazetteer and context-aware toponym resolution.

Usage: `resolver = PlaceResolver(get_gazetteer())` (the gazetteer is cached on disk and loaded
once per process), then once per article `ctx = resolver.context_for(text, toponyms)`, then per
toponym `resolver.resolve(toponym, ctx, near=..., region_hint=...)`, whose `.location` is a
sitreps Location or None and whose `.why` names the rule that decided.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitreps.lazy import lazy_exports

if TYPE_CHECKING:
    from sitreps.places.gazetteer import Candidate, Gazetteer, Region, get_gazetteer
    from sitreps.places.resolver import PlaceContext, PlaceResolver, Resolution

# imported on first use (sitreps.lazy): the CLI starts without what this package's modules import
__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "sitreps.places.gazetteer": (
            "Candidate",
            "Gazetteer",
            "Region",
            "get_gazetteer",
        ),
        "sitreps.places.resolver": (
            "PlaceContext",
            "PlaceResolver",
            "Resolution",
        ),
    },
)

__all__ = ["Candidate", "Gazetteer", "PlaceContext", "PlaceResolver", "Region", "Resolution", "get_gazetteer"]
