"""The ingest pipeline, in order, in one place:

    ingest.read_paths ─► clean.clean_document ─► (skip ids already stored) ─► extractor.extract(batch)
      ─► store.ingest_batch (one transaction: articles + mentions + re-fusion)

Articles travel in batches so the extractor can stream them through spaCy's `nlp.pipe`, and so
each store transaction (and its re-fusion) is amortised over many articles.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import import_module
from typing import BinaryIO

from sitreps.clean import CleanError, clean_document
from sitreps.context import AppContext
from sitreps.extract import Extractor
from sitreps.ingest import Rejection, read_paths
from sitreps.model import Article, Mention
from sitreps.store import FuseFunction, Store


@dataclass
class IngestReport:
    """What one ingest run did. `read` counts every input: read == new + duplicate + len(rejected)."""

    read: int = 0
    new: int = 0
    duplicate: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    mentions: int = 0
    events: int = 0
    episodes: int = 0
    batches_committed: int = 0


ProgressCallback = Callable[[IngestReport], None]


def _optional_attribute(module: str, name: str) -> object | None:
    # TRANSITIONAL guard while the extract / fuse / places stages land: a missing stage means
    # "no mentions" / "no fusion" / "no glue repair", not a crash. Remove once all stages exist.
    try:
        return getattr(import_module(module), name, None)
    except ModuleNotFoundError as exc:
        if exc.name is not None and module.startswith(exc.name):
            return None
        raise


def load_default_extractor(ctx: AppContext) -> Extractor | None:
    """The configured extractor (`sitreps.extract.default_extractor`), or None if not available."""
    factory = _optional_attribute("sitreps.extract", "default_extractor")
    return factory(ctx) if callable(factory) else None  # type: ignore[no-any-return]


def load_default_fuse() -> FuseFunction | None:
    """`sitreps.fuse.fuse`, or None if not available (events stay empty)."""
    fuse = _optional_attribute("sitreps.fuse", "fuse")
    return fuse if callable(fuse) else None  # type: ignore[return-value]


def load_known_name() -> Callable[[str], bool] | None:
    """The gazetteer's name test, used by clean to repair machine-translation glue."""
    get_gazetteer = _optional_attribute("sitreps.places", "get_gazetteer")
    return get_gazetteer().is_name if callable(get_gazetteer) else None  # type: ignore[attr-defined]


def _extract(extractor: Extractor | None, articles: Sequence[Article]) -> list[Mention]:
    if extractor is None or not articles:
        return []
    per_article = extractor.extract(articles)
    if len(per_article) != len(articles):
        raise RuntimeError(
            f"extractor {extractor.name!r} returned {len(per_article)} lists for {len(articles)}"
        )
    return [m for mentions in per_article for m in mentions]


def run_ingest(
    store: Store,
    paths: Sequence[str],
    *,
    fmt: str = "auto",
    recursive: bool = False,
    max_bytes: int = 20_000_000,
    extractor: Extractor | None,
    fuse: FuseFunction | None = None,
    known_name: Callable[[str], bool] | None = None,
    batch_size: int = 50,
    progress: ProgressCallback | None = None,
    stdin: BinaryIO | None = None,
) -> IngestReport:
    """Read, clean, extract and store `paths` ("-" is stdin); return counts and rejections.

    `extractor=None` stores articles without mentions; `fuse=None` uses `sitreps.fuse.fuse`
    when installed. Each batch of `batch_size` new articles is one store transaction.
    """
    fuse = fuse or load_default_fuse()
    report = IngestReport()
    seen: set[str] = set()
    pending: list[Article] = []

    def flush() -> None:
        if not pending:
            return
        already = store.existing_article_ids(a.id for a in pending)
        fresh = [a for a in pending if a.id not in already]
        report.duplicate += len(pending) - len(fresh)
        mentions = _extract(extractor, fresh)
        result = store.ingest_batch(fresh, mentions, fuse)
        report.new += result.new_articles
        report.duplicate += len(fresh) - result.new_articles
        report.mentions += result.new_mentions
        report.events, report.episodes = result.events, result.episodes
        report.batches_committed += 1
        pending.clear()
        if progress:
            progress(report)

    for item in read_paths(list(paths), fmt=fmt, recursive=recursive, max_bytes=max_bytes, stdin=stdin):
        report.read += 1
        if isinstance(item, Rejection):
            report.rejected.append(item)
        else:
            try:
                article = clean_document(item, known_name)
            except CleanError as exc:
                report.rejected.append(Rejection(item.source, str(exc)))
            else:
                if article.id in seen:
                    report.duplicate += 1
                else:
                    seen.add(article.id)
                    pending.append(article)
        if len(pending) >= batch_size:
            flush()
        elif progress:
            progress(report)
    flush()
    counts = store.counts()
    report.events, report.episodes = counts["events"], counts["episodes"]
    return report
