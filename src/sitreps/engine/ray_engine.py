"""The Ray engine: the per-article pipeline as Ray Data jobs, the store loaded on the driver.

    driver: read_paths ─► Arrow blocks in the object store
    Ray:    map_batches(CleanAndExtract)   clean → NLP → extract → resolve
                                           (gazetteer and spaCy load once per actor)
    driver: results stream back in input order ─► Parquet parts (PARQUET_DIR/part-NNNNN.parquet)
            and, as they arrive, BatchLoader ─► store.ingest_batch per batch (one transaction
            each, with fusion), so loading overlaps extraction

That is the whole job into an empty store. Into a store that already holds articles, cleaning
runs first as its own job, map_batches(Cleaner) (an article's id is the hash of its cleaned
text); the driver drops ids stored or seen earlier in the run, and map_batches(MentionExtractor)
extracts only the rest, as the local engine skips stored articles too. Results come back to
the driver, so the cluster needs no filesystem shared with it, and the store is written by one
process only (DuckDB is single-writer). Loading goes through `sitreps.pipeline.BatchLoader`, the
local engine's loader, with the first copy of each article winning, so a Ray run stores what a
local run stores.

Needs the `ray` extra: `pip install 'sitreps[ray]'`, on the driver and every node.
"""

from __future__ import annotations

import heapq
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

from sitreps.engine import EngineError
from sitreps.engine.article_worker import (
    CLEANED_SCHEMA,
    EXTRACTED_SCHEMA,
    CleanAndExtract,
    Cleaner,
    ExtractorFactory,
    MentionExtractor,
    document_table,
    mentions_from_json,
)
from sitreps.ingest import RawDocument, Rejection, read_paths
from sitreps.ingest.limits import (
    DEFAULT_MAX_ARTICLE_BYTES,
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_FILES,
    DEFAULT_MAX_LINE_BYTES,
)
from sitreps.model import Article, Mention
from sitreps.pipeline import BatchLoader, IngestReport, ProgressCallback, load_default_fuse
from sitreps.store import FuseFunction, Store

# Documents per Arrow block and per map_batches call: small enough that a few hundred
# articles spread over every worker, large enough for nlp.pipe's batching (32).
DEFAULT_BLOCK_ROWS = 32
# Ids asked of the store per query while filtering cleaned articles.
_ID_CHECK_ROWS = 2_000

RAY_MISSING = "the ray engine needs the ray extra: pip install 'sitreps[ray]'"


class RayEngineError(EngineError):
    """The Ray engine cannot run (missing extra, unreachable cluster); one line for the user."""


def import_ray() -> Any:
    try:
        import ray
        import ray.data  # noqa: F401
    except ImportError as exc:
        raise RayEngineError(RAY_MISSING) from exc
    return ray


@dataclass(frozen=True)
class _Skipped:
    """An input that will not be extracted: a rejection, or a copy of an article seen before."""

    seq: int
    rejection: Rejection | None  # None: a duplicate


@contextmanager
def ray_session(address: str | None = None, num_cpus: int | None = None) -> Iterator[Any]:
    """Ray, connected: an existing session is reused; else `address`, else $RAY_ADDRESS, else a new
    local cluster (shut down again on exit)."""
    ray = import_ray()
    if ray.is_initialized():
        yield ray
        return
    kwargs: dict[str, Any] = {"logging_level": logging.WARNING}
    if address is None and not os.environ.get("RAY_ADDRESS"):
        # A new local cluster: size it to the workers asked for, no dashboard.
        kwargs.update(num_cpus=num_cpus, include_dashboard=False)
    try:
        ray.init(address=address, **kwargs)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        raise RayEngineError(f"cannot connect to Ray at {address or 'a new local cluster'}: {exc}") from exc
    try:
        yield ray
    finally:
        ray.shutdown()


def run_ingest_ray(
    store: Store,
    paths: Sequence[str],
    *,
    fmt: str = "auto",
    recursive: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES,
    max_line_bytes: int = DEFAULT_MAX_LINE_BYTES,
    max_files: int = DEFAULT_MAX_FILES,
    extractor_factory: ExtractorFactory | None,
    fuse: FuseFunction | None = None,
    batch_size: int = 50,
    progress: ProgressCallback | None = None,
    stdin: BinaryIO | None = None,
    address: str | None = None,
    workers: int | None = None,
    block_rows: int = DEFAULT_BLOCK_ROWS,
    parquet_dir: str | Path | None = None,
) -> IngestReport:
    """`run_ingest` on Ray: same arguments and report, the same stored result.

    `extractor_factory` builds the extractor inside each worker (it must be picklable, e.g.
    `article_worker.default_extractor_factory(actor_files)`); None stores no mentions.
    `address`: None reuses a running `ray.init()` session or starts a local cluster, "auto" joins
    the cluster this machine belongs to, "ray://HOST:10001" connects as a Ray client.
    `workers`: actors per stage (default: the cluster's CPUs). `parquet_dir` keeps the
    extracted articles and mentions as Parquet (default: a temporary folder, removed after).
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
    keep = Path(parquet_dir) if parquet_dir is not None else None
    out = keep or Path(tempfile.mkdtemp(prefix=".sitreps-ray-", dir=store.path.parent))
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob("part-*.parquet"):  # a kept folder holds this run's parts only
        stale.unlink()
    try:
        with ray_session(address, num_cpus=workers) as ray:
            data_context = ray.data.DataContext.get_current()
            saved = (data_context.execution_options.preserve_order, data_context.enable_progress_bars)
            data_context.execution_options.preserve_order = True
            data_context.enable_progress_bars = sys.stderr.isatty()
            # Ray Data logs each execution at INFO on stderr; keep stderr for sitreps' own lines.
            data_logger = logging.getLogger("ray.data")
            saved_level = data_logger.level
            data_logger.setLevel(logging.WARNING)
            # ... and its notice that progress bars are off (off because stderr is not a terminal).
            logging.getLogger("ray.data._internal.progress").setLevel(logging.ERROR)
            try:
                n_workers = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
                refs, skipped = _input_blocks(ray, documents, report, block_rows)
                worker: type[MentionExtractor | CleanAndExtract] = CleanAndExtract
                if store.counts()["articles"]:
                    # Clean first, then extract only what the store does not have yet.
                    refs, skipped = _clean_stage(ray, refs, skipped, store, n_workers, block_rows, report, progress)
                    worker = MentionExtractor
                extracted = _extract_stage(ray, refs, worker, extractor_factory, n_workers, block_rows, out)
                # The store loads while the cluster is still extracting: results arrive in input order.
                return _load(store, report, extracted, skipped, fuse or load_default_fuse(), batch_size, progress)
            finally:
                data_context.execution_options.preserve_order, data_context.enable_progress_bars = saved
                data_logger.setLevel(saved_level)
    finally:
        if keep is None:
            shutil.rmtree(out, ignore_errors=True)


def _input_blocks(
    ray: Any, documents: Iterator[RawDocument | Rejection], report: IngestReport, block_rows: int
) -> tuple[list[Any], list[_Skipped]]:
    """Put the documents into the object store as Arrow blocks; rejections stay on the driver."""
    refs: list[Any] = []
    rejected: list[_Skipped] = []
    chunk: list[tuple[int, RawDocument]] = []
    for seq, item in enumerate(documents):
        report.read += 1
        if isinstance(item, Rejection):
            rejected.append(_Skipped(seq, item))
            continue
        chunk.append((seq, item))
        if len(chunk) >= block_rows:
            refs.append(ray.put(document_table(chunk)))
            chunk = []
    if chunk:
        refs.append(ray.put(document_table(chunk)))
    return refs, rejected


def _actor_pool(ray: Any, workers: int, blocks: list[Any]) -> Any:
    """Up to `workers` actors, never more than there are blocks to give them."""
    size = max(1, min(workers, len(blocks)))
    return ray.data.ActorPoolStrategy(size=size)


def _clean_stage(
    ray: Any,
    refs: list[Any],
    skipped: list[_Skipped],
    store: Store,
    workers: int,
    block_rows: int,
    report: IngestReport,
    progress: ProgressCallback | None = None,
) -> tuple[list[Any], list[_Skipped]]:
    """Clean on the cluster; return blocks of the articles to extract (first copies the store
    lacks, in input order) and every input that will not be extracted, sorted by seq."""
    if not refs:
        return [], skipped
    cleaned = ray.data.from_arrow_refs(refs).map_batches(
        Cleaner, batch_format="pyarrow", batch_size=block_rows, compute=_actor_pool(ray, workers, refs), num_cpus=1
    )
    seen: set[str] = set()
    fresh_refs: list[Any] = []
    pending: list[dict[str, Any]] = []

    def check_pending() -> None:
        stored = store.existing_article_ids(r["article_id"] for r in pending)
        skipped.extend(_Skipped(r["seq"], None) for r in pending if r["article_id"] in stored)
        rows = [r for r in pending if r["article_id"] not in stored]
        for i in range(0, len(rows), block_rows):
            fresh_refs.append(ray.put(pa.Table.from_pylist(rows[i : i + block_rows], schema=CLEANED_SCHEMA)))
        pending.clear()

    for batch in cleaned.iter_batches(batch_format="pyarrow", batch_size=None):
        for row in batch.to_pylist():
            if row["reason"] is not None:
                skipped.append(_Skipped(row["seq"], Rejection(row["source"], row["reason"])))
            elif row["article_id"] in seen:
                skipped.append(_Skipped(row["seq"], None))
            else:
                seen.add(row["article_id"])
                pending.append(row)
                if len(pending) >= _ID_CHECK_ROWS:
                    check_pending()
        if progress:
            progress(report)
    check_pending()
    skipped.sort(key=lambda s: s.seq)
    return fresh_refs, skipped


def _extract_stage(
    ray: Any,
    refs: list[Any],
    worker: type[MentionExtractor | CleanAndExtract],
    extractor_factory: ExtractorFactory | None,
    workers: int,
    block_rows: int,
    out: Path,
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Extract on the cluster (`CleanAndExtract` cleans too); yield (seq, row) in input order as
    results arrive, and keep each arriving batch as a Parquet part under `out`."""
    if not refs:
        return
    extracted = ray.data.from_arrow_refs(refs).map_batches(
        worker,
        batch_format="pyarrow",
        batch_size=block_rows,
        fn_constructor_kwargs={"extractor_factory": extractor_factory},
        compute=_actor_pool(ray, workers, refs),
        num_cpus=1,
    )
    parts = 0
    for batch in extracted.iter_batches(batch_format="pyarrow", batch_size=None):
        if batch.num_rows == 0:
            continue
        batch = batch.cast(EXTRACTED_SCHEMA)
        pq.write_table(batch, out / f"part-{parts:05d}.parquet")
        parts += 1
        for row in batch.to_pylist():
            yield row["seq"], row


def _load(
    store: Store,
    report: IngestReport,
    extracted: Iterator[tuple[int, dict[str, Any]]],
    skipped: list[_Skipped],
    fuse: FuseFunction | None,
    batch_size: int,
    progress: ProgressCallback | None,
) -> IngestReport:
    """Replay the run in input order through the local engine's loader (one transaction per batch)."""
    found: dict[str, list[Mention]] = {}

    def mentions_for(fresh: list[Article]) -> list[Mention]:
        return [m for a in fresh for m in found.pop(a.id, [])]

    loader = BatchLoader(store, report, mentions_for, fuse, batch_size, progress)
    merged: Iterator[tuple[int, Any]] = heapq.merge(extracted, ((s.seq, s) for s in skipped), key=lambda pair: pair[0])
    for _, item in merged:
        if isinstance(item, _Skipped):
            if item.rejection is not None:
                loader.reject(item.rejection)
            else:
                report.duplicate += 1
        elif item["article"] is None:
            loader.reject(Rejection(item["source"], item["reason"]))
        else:
            article = Article.model_validate_json(item["article"])
            if article.id not in loader.seen:  # a later copy of an article counts as a duplicate
                found[article.id] = mentions_from_json(item["mentions"])
            loader.add(article)
    return loader.finish()
