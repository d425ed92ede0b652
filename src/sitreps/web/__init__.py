"""The web face: a FastAPI JSON API over the store and an offline map page (`sitreps serve`)."""

from sitreps.web.app import WebSettings, create_app

__all__ = ["WebSettings", "create_app"]
