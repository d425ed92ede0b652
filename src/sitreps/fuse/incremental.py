"""What the store needs to re-fuse only the part of the database a batch can change.

Clustering never crosses a block (type family x admin1 region): a mention can only join events
of its own block, event ids are hashes of block-local keys, and cross-article dating
(anchoring.py) reads only same-block dated mentions -- except that an undated report's anchors
must agree across all of its mentions, which ties together every block that report touches.
So after a batch the store re-fuses the blocks its new mentions fall in, closed over undated
reports, and leaves every other event as it was. Episodes cross blocks (neighbouring regions
within days), so they are re-linked over all events, which is cheap next to clustering.

`BlockFusion()` is the default fuse the pipeline hands the store; it is also a plain
`fuse(mentions, articles)` callable, so a from-scratch fusion is the same code.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sitreps.fuse.episodes import group_episodes
from sitreps.fuse.facts import mention_facts
from sitreps.fuse.fusion import FusionResult, fuse
from sitreps.fuse.settings import FusionSettings, default_settings
from sitreps.model import Article, Episode, Event, Mention


class BlockFusion:
    """`fuse` plus the block of a mention and a global episode pass, for incremental stores."""

    def __init__(self, settings: FusionSettings | None = None) -> None:
        self.settings = settings or default_settings()

    def __call__(self, mentions: Sequence[Mention], articles: Mapping[str, Article]) -> FusionResult:
        return fuse(mentions, articles, self.settings)

    def block_of(self, mention: Mention) -> str:
        """ "family|country|admin1" ("family|" when the mention has no place)."""
        f = mention_facts(mention, self.settings)
        if f.place is None:
            return f"{f.family}|"
        return f"{f.family}|{f.place.region[0]}|{f.place.region[1]}"

    def relink_episodes(self, events: list[Event]) -> list[Episode]:
        """Episodes over all events; sets each event's `episode_id` in place."""
        for e in events:
            e.episode_id = None
        return group_episodes(events, self.settings)
