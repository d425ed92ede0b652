"""The store: the only code that talks to DuckDB (see `database.py` for the concurrency model)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitreps.lazy import lazy_exports

if TYPE_CHECKING:
    from sitreps.store.database import AmbiguousIdError, BatchResult, FuseFunction, Store, StoreError, StoreLockedError
    from sitreps.store.filters import EventFilter, FilterError, validated
    from sitreps.store.migrations import LATEST_VERSION, MIGRATIONS

# imported on first use (sitreps.lazy): the CLI starts without what this package's modules import
__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "sitreps.store.database": (
            "AmbiguousIdError",
            "BatchResult",
            "FuseFunction",
            "Store",
            "StoreError",
            "StoreLockedError",
        ),
        "sitreps.store.filters": (
            "EventFilter",
            "FilterError",
            "validated",
        ),
        "sitreps.store.migrations": (
            "LATEST_VERSION",
            "MIGRATIONS",
        ),
    },
)

__all__ = [
    "LATEST_VERSION",
    "MIGRATIONS",
    "AmbiguousIdError",
    "BatchResult",
    "EventFilter",
    "FilterError",
    "FuseFunction",
    "Store",
    "StoreError",
    "StoreLockedError",
    "validated",
]
