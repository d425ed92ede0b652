"""Fuse mentions into events (one type, place and day) and events into episodes.

Public API: `fuse(mentions, articles) -> FusionResult`, `explain(mentions)` for the merge
reasons, `affected_blocks(new_mentions)` for the blocks a batch can touch, and `BlockFusion`,
the fuse the store uses to re-fuse only those blocks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sitreps.lazy import lazy_exports

if TYPE_CHECKING:
    from sitreps.fuse.fusion import FusionResult, affected_blocks, explain, fuse
    from sitreps.fuse.incremental import BlockFusion

# imported on first use (sitreps.lazy): the CLI starts without what this package's modules import
__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "sitreps.fuse.fusion": (
            "FusionResult",
            "affected_blocks",
            "explain",
            "fuse",
        ),
        "sitreps.fuse.incremental": ("BlockFusion",),
    },
)

__all__ = ["BlockFusion", "FusionResult", "affected_blocks", "explain", "fuse"]
