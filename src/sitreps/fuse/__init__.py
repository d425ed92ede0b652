"""Fuse mentions into events (one type, place and day) and events into episodes.

Public API: `fuse(mentions, articles) -> FusionResult`, `explain(mentions)` for the merge
reasons, `affected_blocks(new_mentions)` for the blocks a batch can touch, and `BlockFusion`,
the fuse the store uses to re-fuse only those blocks.
"""

from sitreps.fuse.fusion import FusionResult, affected_blocks, explain, fuse
from sitreps.fuse.incremental import BlockFusion

__all__ = ["BlockFusion", "FusionResult", "affected_blocks", "explain", "fuse"]
