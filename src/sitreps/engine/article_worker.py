"""The per-article pipeline as two callables over Arrow batches, for engines that ship work out.

`Cleaner` (raw documents → cleaned articles) and `MentionExtractor` (cleaned articles → their
mentions; rows that cleaning rejected pass through with none) are pure: no store, models loaded
once in the constructor. The Ray engine runs them as Ray Data actors; the benchmarks run them
in a process pool; tests call them inline.

Rows, one per document, in the run's input order (`seq`):
    INPUT_SCHEMA     seq, source, data (bytes; empty when metadata has the decoded text),
                     metadata (RawDocument.metadata as JSON), read_from
    CLEANED_SCHEMA   seq, source, article_id, article (sitreps/1 JSON), reason (why cleaning
                     rejected it; then article_id and article are null, and source is the
                     document's location: FILE, FILE:LINE or -)
    EXTRACTED_SCHEMA CLEANED_SCHEMA + mentions (JSON list of sitreps/1 Mentions)
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pyarrow as pa

from sitreps.clean import CleanError, clean_document
from sitreps.extract import Extractor
from sitreps.ingest import RawDocument
from sitreps.ingest.documents import failure_reason
from sitreps.model import Article, Mention

INPUT_SCHEMA = pa.schema(
    [
        ("seq", pa.int64()),
        ("source", pa.string()),
        ("data", pa.binary()),
        ("metadata", pa.string()),
        ("read_from", pa.string()),
    ]
)
CLEANED_SCHEMA = pa.schema(
    [
        ("seq", pa.int64()),
        ("source", pa.string()),
        ("article_id", pa.string()),
        ("article", pa.string()),
        ("reason", pa.string()),
    ]
)
EXTRACTED_SCHEMA = CLEANED_SCHEMA.append(pa.field("mentions", pa.string()))

ExtractorFactory = Callable[[], Extractor | None]


def configured_extractor(
    actor_files: Sequence[str | Path] = (), mode: str = "combined", config: str | None = None
) -> Extractor | None:
    """The default extractor with these extra actor registries, `--extractor` mode and `--config`
    file (what `sitreps ingest` uses)."""
    from sitreps.pipeline import load_default_extractor

    ctx = SimpleNamespace(
        actors_files=[Path(p) for p in actor_files], extractor=mode, config=Path(config) if config else None
    )
    return load_default_extractor(ctx)  # type: ignore[arg-type]


def default_extractor_factory(
    actor_files: Sequence[str | Path] = (), mode: str = "combined", config: str | Path | None = None
) -> ExtractorFactory:
    """A picklable factory for `configured_extractor`: each worker builds its own extractor."""
    return partial(configured_extractor, tuple(str(p) for p in actor_files), str(mode), str(config) if config else None)


def document_table(documents: Iterable[tuple[int, RawDocument]]) -> pa.Table:
    """INPUT_SCHEMA rows for (seq, RawDocument) pairs."""
    seqs, sources, datas, metas, read_froms = [], [], [], [], []
    for seq, doc in documents:
        seqs.append(seq)
        sources.append(doc.source)
        # Readers put the decoded text in metadata; then clean never reads the bytes again.
        datas.append(b"" if isinstance(doc.metadata.get("text"), str) else doc.data)
        metas.append(json.dumps(doc.metadata, ensure_ascii=False, default=str))
        read_froms.append(doc.read_from)
    return pa.table([seqs, sources, datas, metas, read_froms], schema=INPUT_SCHEMA)


def mentions_json(mentions: Sequence[Mention]) -> str:
    return "[" + ",".join(m.model_dump_json() for m in mentions) + "]"


def mentions_from_json(text: str | None) -> list[Mention]:
    return [Mention.model_validate(m) for m in json.loads(text)] if text else []


class Cleaner:
    """INPUT_SCHEMA batch → CLEANED_SCHEMA batch. Loads the gazetteer (MT-glue repair) once."""

    def __init__(self) -> None:
        from sitreps.pipeline import load_known_name

        self.known_name = load_known_name()

    def __call__(self, batch: pa.Table) -> pa.Table:
        columns = batch.select(INPUT_SCHEMA.names).to_pydict()
        rows: list[dict[str, Any]] = []
        for seq, source, data, meta, read_from in zip(*(columns[n] for n in INPUT_SCHEMA.names), strict=True):
            row: dict[str, Any] = {"seq": seq, "source": source, "article_id": None, "article": None, "reason": None}
            raw = RawDocument(source, data, json.loads(meta), read_from)
            try:
                article = clean_document(raw, self.known_name)
            except CleanError as exc:
                row["source"], row["reason"] = raw.location, str(exc)
            except Exception as exc:  # noqa: BLE001 - whatever one document does to cleaning, it costs only itself
                row["source"], row["reason"] = raw.location, f"cannot clean ({failure_reason(exc)})"
            else:
                row["article_id"], row["article"] = article.id, article.model_dump_json()
            rows.append(row)
        return pa.Table.from_pylist(rows, schema=CLEANED_SCHEMA)


class MentionExtractor:
    """CLEANED_SCHEMA batch of articles → EXTRACTED_SCHEMA. Builds the extractor (spaCy) once.

    `extractor_factory=None` finds no mentions (articles stored bare, as `extractor=None` does
    in the local engine).
    """

    def __init__(self, extractor_factory: ExtractorFactory | None = None) -> None:
        self.extractor = extractor_factory() if extractor_factory is not None else None

    def __call__(self, batch: pa.Table) -> pa.Table:
        rows = batch.select(CLEANED_SCHEMA.names).to_pylist()
        cleaned = [row for row in rows if row["article"] is not None]  # rejected rows pass through
        articles = [Article.model_validate_json(row["article"]) for row in cleaned]
        for row, mentions in zip(cleaned, self._extract_each_alone_on_failure(articles), strict=True):
            if isinstance(mentions, Exception):  # the local engine rejects such an article the same way
                row["article_id"] = row["article"] = None
                row["reason"] = f"cannot extract events ({failure_reason(mentions)})"
            else:
                row["mentions"] = mentions_json(mentions)
        return pa.Table.from_pylist(rows, schema=EXTRACTED_SCHEMA)

    def _extract_each_alone_on_failure(self, articles: list[Article]) -> list[list[Mention]] | list[Any]:
        """Mentions per article; when the batch fails, each article is tried alone and one that
        still fails gets its exception in place of its mentions."""
        try:
            return self.extract(articles)
        except Exception:  # noqa: BLE001 - which article failed is found by trying each alone, below
            pass
        found: list[Any] = []
        for article in articles:
            try:
                found.append(self.extract([article])[0])
            except Exception as exc:  # noqa: BLE001 - one article's failure is that article's rejection
                found.append(exc)
        return found

    def extract(self, articles: list[Article]) -> list[list[Mention]]:
        if self.extractor is None or not articles:
            return [[] for _ in articles]
        found = self.extractor.extract(articles)
        if len(found) != len(articles):
            raise RuntimeError(f"extractor {self.extractor.name!r} returned {len(found)} lists for {len(articles)}")
        return found


class CleanAndExtract:
    """INPUT_SCHEMA batch → EXTRACTED_SCHEMA: both steps in one worker (gazetteer and spaCy load
    once), for runs where no article needs skipping between them."""

    def __init__(self, extractor_factory: ExtractorFactory | None = None) -> None:
        self.cleaner = Cleaner()
        self.extractor = MentionExtractor(extractor_factory)

    def __call__(self, batch: pa.Table) -> pa.Table:
        return self.extractor(self.cleaner(batch))
