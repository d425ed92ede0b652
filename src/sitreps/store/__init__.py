"""The store: the only code that talks to DuckDB (see `database.py` for the concurrency model)."""

from sitreps.store.database import (
    AmbiguousIdError,
    BatchResult,
    FuseFunction,
    Store,
    StoreError,
    StoreLockedError,
)
from sitreps.store.filters import EventFilter, FilterError, validated
from sitreps.store.migrations import LATEST_VERSION, MIGRATIONS

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
