"""Fuse mentions into events (one type, place and day) and events into episodes.

Public API: `fuse(mentions, articles) -> FusionResult`, `explain(mentions)` for the merge
reasons, `affected_blocks(new_mentions)` for the blocks a batch can touch.
"""

from sitreps.fuse.fusion import FusionResult, affected_blocks, explain, fuse

__all__ = ["FusionResult", "affected_blocks", "explain", "fuse"]
