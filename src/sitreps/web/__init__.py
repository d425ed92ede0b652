"""The web face: a FastAPI JSON API over the store and an offline map page (`sitreps serve`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitreps.lazy import lazy_exports

if TYPE_CHECKING:
    from sitreps.web.app import WebSettings, create_app

# imported on first use (sitreps.lazy): the CLI starts without what this package's modules import
__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "sitreps.web.app": (
            "WebSettings",
            "create_app",
        ),
    },
)

__all__ = ["WebSettings", "create_app"]
