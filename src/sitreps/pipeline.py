"""The ingest pipeline, in order, in one place:

    ingest.read_paths ─► clean.clean_document ─► (skip ids already stored) ─► extractor.extract(batch)
      ─► store.ingest_batch (one transaction: articles + mentions + re-fusion)

`run_ingest` is the local engine (one process). `sitreps.engine.ray_engine` runs the same
clean → extract step on a Ray cluster and loads its results through the same `BatchLoader`.

Articles travel in batches so the extractor can stream them through spaCy's `nlp.pipe`, and so
each store transaction (and its re-fusion) is amortised over many articles.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO

from sitreps.clean import CleanError, clean_document
from sitreps.context import AppContext
from sitreps.extract import Extractor
from sitreps.ingest import RawDocument, Rejection, read_paths
from sitreps.ingest.documents import failure_reason
from sitreps.ingest.limits import (
    DEFAULT_MAX_ARTICLE_BYTES,
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_FILES,
    DEFAULT_MAX_LINE_BYTES,
)
from sitreps.model import Article, Mention
from sitreps.store import BatchResult, FuseFunction, Store


@dataclass
class IngestReport:
    """What one ingest run did. `read` counts every input: read == new + duplicate + len(rejected)."""

    read: int = 0
    new: int = 0
    duplicate: int = 0
    rejected: list[Rejection] = field(default_factory=list)
    # Stored, but with something repaired or dropped (undecodable bytes, an implausible date): one line each.
    notes: list[Rejection] = field(default_factory=list)
    mentions: int = 0
    events: int = 0
    episodes: int = 0
    batches_committed: int = 0


ProgressCallback = Callable[[IngestReport], None]


def load_default_extractor(ctx: AppContext) -> Extractor:
    """The configured extractor (`sitreps.extract.default_extractor`), imported on first use
    so that commands which never extract do not load spaCy."""
    from sitreps.extract import default_extractor

    return default_extractor(ctx)


def load_default_fuse() -> FuseFunction:
    """`sitreps.fuse.BlockFusion()`: fuse, re-fusing only the blocks each batch touches."""
    from sitreps.fuse import BlockFusion

    return BlockFusion()


def load_known_name() -> Callable[[str], bool]:
    """The gazetteer's name test, used by clean to repair machine-translation glue."""
    from sitreps.places import get_gazetteer

    return get_gazetteer().is_name


def _extract(extractor: Extractor | None, articles: Sequence[Article]) -> list[Mention]:
    if extractor is None or not articles:
        return []
    per_article = extractor.extract(articles)
    if len(per_article) != len(articles):
        raise RuntimeError(f"extractor {extractor.name!r} returned {len(per_article)} lists for {len(articles)}")
    return [m for mentions in per_article for m in mentions]


class BatchLoader:
    """The load half of every engine: cleaned articles in, one store transaction per batch.

    `add` takes articles in input order; the first copy of an id in a run wins, later copies
    count as duplicates. When `batch_size` articles are pending, ids already stored are
    dropped, `mentions_for(fresh)` gives the mentions of the rest (the local engine extracts
    them there; the Ray engine looks up what its workers found) and `store.ingest_batch`
    commits them with re-fusion. Both engines load through this class, so they store the same.
    When `mentions_for` fails on a batch, each article is tried alone and the ones that still
    fail are rejected (naming where they were read), so one article never costs its batch.
    """

    def __init__(
        self,
        store: Store,
        report: IngestReport,
        mentions_for: Callable[[list[Article]], list[Mention]],
        fuse: FuseFunction | None,
        batch_size: int = 50,
        progress: ProgressCallback | None = None,
    ) -> None:
        self.store, self.report, self.mentions_for = store, report, mentions_for
        self.fuse, self.batch_size, self.progress = fuse, batch_size, progress
        self.seen: set[str] = set()
        self.pending: list[Article] = []
        self.read_from: dict[str, str] = {}

    def reject(self, rejection: Rejection) -> None:
        self.report.rejected.append(rejection)
        self._tick()

    def add(self, article: Article, read_from: str | None = None) -> None:
        """Queue `article`; `read_from` is where it was read (FILE or FILE:LINE), for a rejection."""
        if article.id in self.seen:
            self.report.duplicate += 1
        else:
            self.seen.add(article.id)
            self.pending.append(article)
            self.read_from[article.id] = read_from or article.source
        self._tick()

    def _tick(self) -> None:
        if len(self.pending) >= self.batch_size:
            self.flush()
        elif self.progress:
            self.progress(self.report)

    def flush(self) -> None:
        if not self.pending:
            return
        report = self.report
        already = self.store.existing_article_ids(a.id for a in self.pending)
        fresh = [a for a in self.pending if a.id not in already]
        report.duplicate += len(self.pending) - len(fresh)
        if not fresh:  # nothing new: no transaction (re-reading a stored folder commits nothing)
            self.pending.clear()
            if self.progress:
                self.progress(report)
            return
        fresh, mentions = self._extract_each_alone_on_failure(fresh)
        if not fresh:
            self.pending.clear()
            if self.progress:
                self.progress(report)
            return
        result = self._store_each_alone_on_failure(fresh, mentions)
        report.new += result.new_articles
        report.duplicate += len(fresh) - result.new_articles
        report.mentions += result.new_mentions
        report.events, report.episodes = result.events, result.episodes
        report.batches_committed += 1
        self.pending.clear()
        if self.progress:
            self.progress(report)

    def _extract_each_alone_on_failure(self, fresh: list[Article]) -> tuple[list[Article], list[Mention]]:
        try:
            return fresh, self.mentions_for(fresh)
        except Exception:  # noqa: BLE001 - which article failed is found by trying each alone, below
            pass
        kept: list[Article] = []
        mentions: list[Mention] = []
        for article in fresh:
            try:
                mentions += self.mentions_for([article])
            except Exception as exc:  # noqa: BLE001 - one article's failure is that article's rejection
                where = self.read_from.get(article.id, article.source)
                self.report.rejected.append(Rejection(where, f"cannot extract events ({failure_reason(exc)})"))
                continue
            kept.append(article)
        return kept, mentions

    def _store_each_alone_on_failure(self, fresh: list[Article], mentions: list[Mention]) -> BatchResult:
        """Commit the batch; if that fails, commit each article alone (its own transaction) and
        reject the ones that still fail, so one article the store or fusion chokes on costs only
        itself. When every article fails alike the store itself is broken: that error stops the run."""
        try:
            return self.store.ingest_batch(fresh, mentions, self.fuse)
        except Exception:  # noqa: BLE001 - which article failed is found by storing each alone, below
            if len(fresh) == 1:
                raise
        by_article: dict[str, list[Mention]] = {}
        for mention in mentions:
            by_article.setdefault(mention.article_id, []).append(mention)
        totals = BatchResult(0, 0, 0, 0)
        failures: list[tuple[Article, Exception]] = []
        for article in fresh:
            try:
                result = self.store.ingest_batch([article], by_article.get(article.id, []), self.fuse)
            except Exception as exc:  # noqa: BLE001 - one article's failure is that article's rejection
                failures.append((article, exc))
                continue
            totals = BatchResult(
                totals.new_articles + result.new_articles,
                totals.new_mentions + result.new_mentions,
                result.events,
                result.episodes,
            )
        if len(failures) == len(fresh):
            raise failures[-1][1]
        for article, exc in failures:
            where = self.read_from.get(article.id, article.source)
            self.report.rejected.append(Rejection(where, f"cannot store ({failure_reason(exc)})"))
        return totals

    def finish(self) -> IngestReport:
        """Commit what is pending and return the report with the store's final counts."""
        self.flush()
        counts = self.store.counts()
        self.report.events, self.report.episodes = counts["events"], counts["episodes"]
        return self.report


def run_ingest(
    store: Store,
    paths: Sequence[str],
    *,
    fmt: str = "auto",
    recursive: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES,
    max_line_bytes: int = DEFAULT_MAX_LINE_BYTES,
    max_files: int = DEFAULT_MAX_FILES,
    extractor: Extractor | None,
    fuse: FuseFunction | None = None,
    known_name: Callable[[str], bool] | None = None,
    batch_size: int = 50,
    progress: ProgressCallback | None = None,
    stdin: BinaryIO | None = None,
) -> IngestReport:
    """Read, clean, extract and store `paths` ("-" is stdin); return counts and rejections.

    `extractor=None` stores articles without mentions; `fuse=None` uses `sitreps.fuse.fuse`
    when installed. Each batch of `batch_size` new articles is one store transaction. The
    `max_*` caps are those of `sitreps.ingest.read_paths` (see `sitreps/ingest/limits.py`);
    too many files raises `TooManyFilesError` before anything is read.
    """
    documents = read_paths(
        list(paths),
        fmt=fmt,
        recursive=recursive,
        max_bytes=max_bytes,
        stdin=stdin,
        max_article_bytes=max_article_bytes,
        max_line_bytes=max_line_bytes,
        max_files=max_files,
    )
    report = IngestReport()
    loader = BatchLoader(
        store, report, lambda fresh: _extract(extractor, fresh), fuse or load_default_fuse(), batch_size, progress
    )
    for item in documents:
        report.read += 1
        if isinstance(item, Rejection):
            loader.reject(item)
            continue
        notes = notes_of(item)
        try:
            article = clean_document(item, known_name, notes)
        except CleanError as exc:
            loader.reject(Rejection(item.location, str(exc)))
        except Exception as exc:  # noqa: BLE001 - whatever one document does to cleaning, it costs only itself
            loader.reject(Rejection(item.location, f"cannot clean ({failure_reason(exc)})"))
        else:
            report.notes += [Rejection(item.location, note) for note in notes]
            loader.add(article, item.location)
    return loader.finish()


def notes_of(raw: RawDocument) -> list[str]:
    """What reading repaired in a document, as note lines (cleaning appends its own)."""
    replaced = raw.metadata.get("replaced_characters")
    if not replaced:
        return []
    return [f"{replaced} undecodable or control character(s) replaced or dropped; the rest was read"]
