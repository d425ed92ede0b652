"""`Store`: the DuckDB file behind every sitreps face (CLI, web, exporters).

Concurrency: DuckDB is single-writer. One process may open the file read-write, or any number
of processes may open it read-only, never both at once; inside one process a connection is
either read-only or read-write. So:

* `sitreps ingest` (the writer) holds the file for the length of the run; every batch is one
  transaction, so a reader that gets in between runs (or a crash) sees whole batches only.
* readers (`sitreps serve`, `sitreps events`, exporters) open `Store(path, read_only=True)`.
  While a writer holds the file, opening waits up to `lock_timeout` seconds for it, retrying
  (calling `on_wait` once after `WAIT_NOTICE_SECONDS`, so a CLI can say why it is waiting),
  and then raises `StoreLockedError`. A long-lived reader must not hold the file, or no ingest
  could start: `sitreps serve` reads a private snapshot copy instead (`web/store_access.py`),
  taking a new one whenever the file changed and no writer holds it.

Rows keep each record's full sitreps/1 JSON in `doc`; the other columns exist only for
filtering and sorting, and `export()` rebuilds the model from `doc` alone.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol, runtime_checkable

import duckdb

from sitreps.model import Article, Episode, Event, Export, Mention
from sitreps.store.filters import EventFilter, page_clause, where_clause
from sitreps.store.migrations import LATEST_VERSION, current_version, migrate

# DuckDB binds parameters per row in executemany, which is ~20x slower than one multi-row
# VALUES statement (measured: 2,000 rows of 2 kB JSON, 3.2 s vs 0.16 s, duckdb 2.0).
INSERT_CHUNK_ROWS = 400
# A wait for another process's lock longer than this is worth telling the user about.
WAIT_NOTICE_SECONDS = 1.0


class StoreError(RuntimeError):
    """The store cannot do what was asked (message is one line for the user)."""


class StoreLockedError(StoreError):
    """Another process holds the store's write lock."""


class AmbiguousIdError(StoreError):
    """An id prefix matches more than one record."""


class FusionLike(Protocol):
    events: list[Event]
    episodes: list[Episode]
    mentions: list[Mention]


@runtime_checkable
class FuseFunction(Protocol):
    """What the store calls to turn stored mentions into events and episodes (`sitreps.fuse.fuse`)."""

    def __call__(self, mentions: list[Mention], articles: dict[str, Article]) -> FusionLike: ...


@runtime_checkable
class BlockFuseFunction(FuseFunction, Protocol):
    """A fusion that can re-fuse only the blocks a batch touched (`sitreps.fuse.BlockFusion`): each
    mention's block, and episodes re-linked over all events."""

    def block_of(self, mention: Mention) -> str: ...

    def relink_episodes(self, events: list[Event]) -> list[Episode]: ...


@dataclass(frozen=True)
class BatchResult:
    new_articles: int
    new_mentions: int
    events: int
    episodes: int


def _doc(model: Any) -> str:
    return model.model_dump_json()


def _lower_lines(values: Iterable[str | None]) -> str:
    return "\n".join(v.lower() for v in values if v)


def _article_row(article: Article, ingested_at: datetime) -> tuple[Any, ...]:
    published = article.published.start if article.published else None
    return (
        article.id,
        article.source,
        article.outlet,
        article.title,
        published,
        article.language,
        ingested_at,
        _doc(article),
    )


def _mention_row(mention: Mention, extracted: str | None = None, block: str | None = None) -> tuple[Any, ...]:
    """A mentions row; `extracted` is the extractor's record (defaults to this mention's)."""
    doc = _doc(mention)
    return (
        mention.id,
        mention.article_id,
        mention.event_id,
        mention.episode_id,
        mention.event_type,
        mention.date.start if mention.date else None,
        doc,
        extracted if extracted is not None else doc,
        block,
    )


def _event_row(event: Event, evidence: Sequence[str]) -> tuple[Any, ...]:
    loc = event.location
    actors = [a for a in (event.actor1, event.actor2, *event.assoc_actor_1, *event.assoc_actor_2) if a]
    actor_names = _lower_lines(a.name for a in actors)
    place_text = _lower_lines([loc.name, loc.toponym, loc.admin1] if loc else [])
    search_text = "\n".join(
        part
        for part in (
            _lower_lines([event.event_type, event.sub_event_type]),
            place_text,
            actor_names,
            _lower_lines(evidence),
        )
        if part
    )
    return (
        event.id,
        event.episode_id,
        event.event_type,
        event.sub_event_type,
        event.date.start if event.date else None,
        event.date.end if event.date else None,
        loc.country_code if loc else None,
        loc.admin1_code if loc else None,
        loc.name if loc else None,
        loc.lat if loc else None,
        loc.lon if loc else None,
        event.sources,
        event.independent_sources,
        event.fatalities.best,
        event.actor1.id if event.actor1 else None,
        event.actor1.name if event.actor1 else None,
        event.actor2.id if event.actor2 else None,
        event.actor2.name if event.actor2 else None,
        _doc(event),
        actor_names,
        loc.admin1 if loc else None,
        place_text,
        search_text,
    )


ARTICLE_COLUMNS = ("id", "source", "outlet", "title", "published_start", "language", "ingested_at", "doc")
MENTION_COLUMNS = (
    "id",
    "article_id",
    "event_id",
    "episode_id",
    "event_type",
    "date_start",
    "doc",
    "extracted",
    "block",
)
EVENT_COLUMNS = (
    "id",
    "episode_id",
    "event_type",
    "sub_event_type",
    "date_start",
    "date_end",
    "country_code",
    "admin1_code",
    "location_name",
    "lat",
    "lon",
    "sources",
    "independent_sources",
    "fatalities_best",
    "actor1_id",
    "actor1_name",
    "actor2_id",
    "actor2_name",
    "doc",
    "actor_names",
    "admin1_name",
    "place_text",
    "search_text",
)
EVENT_ORDER = "ORDER BY date_start NULLS LAST, id"


class Store:
    """One sitreps DuckDB file. Use as a context manager, or call `close()`."""

    def __init__(
        self,
        path: str | Path,
        read_only: bool = False,
        lock_timeout: float = 10.0,
        on_wait: Callable[[], None] | None = None,
    ) -> None:
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise StoreError(f"no store at {self.path} (ingest something first)")
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._con = self._connect(lock_timeout, on_wait)
        if read_only:
            version = current_version(self._con)
            if version < LATEST_VERSION:
                self._con.close()
                raise StoreError(
                    f"store {self.path} has schema version {version}, this sitreps needs {LATEST_VERSION}: "
                    "open it once read-write (e.g. `sitreps ingest`) to upgrade it"
                )
        else:
            migrate(self._con)

    def _connect(self, lock_timeout: float, on_wait: Callable[[], None] | None) -> duckdb.DuckDBPyConnection:
        started = time.monotonic()
        deadline = started + lock_timeout
        while True:
            try:
                return duckdb.connect(str(self.path), read_only=self.read_only)
            except (duckdb.IOException, duckdb.ConnectionException) as exc:
                # IOException: another process holds the lock. ConnectionException: this process
                # has the file open the other way (read-only vs read-write), which DuckDB refuses.
                message = str(exc).lower()
                if "lock" not in message and "different configuration" not in message:
                    raise StoreError(f"cannot open store {self.path}: {exc}") from exc
                now = time.monotonic()
                if now >= deadline:
                    raise StoreLockedError(
                        f"store {self.path} is locked by another sitreps process (DuckDB allows one writer)"
                    ) from exc
                if on_wait is not None and now - started >= WAIT_NOTICE_SECONDS:
                    on_wait()
                    on_wait = None
                time.sleep(0.2)

    def close(self) -> None:
        self._con.close()

    def cursor(self) -> Store:
        """Another handle on this open store, for another thread: same database, own DuckDB cursor.

        Opening a store costs tens of milliseconds and starts with a cold cache; a cursor costs
        microseconds and shares the open database's cache. Closing it leaves this store open.
        """
        handle = object.__new__(Store)
        handle.path, handle.read_only, handle._con = self.path, self.read_only, self._con.cursor()
        return handle

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------------

    def _insert(self, table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]) -> None:
        placeholders = "(" + ", ".join("?" * len(columns)) + ")"
        head = f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
        for i in range(0, len(rows), INSERT_CHUNK_ROWS):
            chunk = rows[i : i + INSERT_CHUNK_ROWS]
            self._con.execute(head + ", ".join([placeholders] * len(chunk)), [v for row in chunk for v in row])

    def existing_article_ids(self, ids: Iterable[str]) -> set[str]:
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return set()
        rows = self._con.execute("SELECT id FROM articles WHERE list_contains(?, id)", [wanted]).fetchall()
        return {r[0] for r in rows}

    def ingest_batch(self, articles: list[Article], mentions: list[Mention], fuse: FuseFunction | None) -> BatchResult:
        """Add articles (skipping ids already stored) and their mentions, then re-fuse: one transaction.

        Mentions are only taken for articles this batch adds. `fuse` sees every stored mention and
        article and its result replaces all events and episodes; `fuse=None` leaves them empty.
        Any exception (or a killed process) leaves the store as it was before the call.
        """
        if self.read_only:
            raise StoreError("store opened read-only")
        self._con.begin()
        try:
            existing = self.existing_article_ids(a.id for a in articles)
            new_articles: dict[str, Article] = {}
            for article in articles:
                if article.id not in existing:
                    new_articles.setdefault(article.id, article)
            new_mentions: dict[str, Mention] = {}
            for mention in mentions:
                if mention.article_id in new_articles:
                    new_mentions.setdefault(mention.id, mention)
            clashing = self._con.execute(
                "SELECT id FROM mentions WHERE list_contains(?, id)", [list(new_mentions)]
            ).fetchall()
            for (mention_id,) in clashing:
                del new_mentions[mention_id]
            now = datetime.now(UTC).replace(tzinfo=None)
            self._insert("articles", ARTICLE_COLUMNS, [_article_row(a, now) for a in new_articles.values()])
            blocks = fuse if isinstance(fuse, BlockFuseFunction) else None
            self._insert(
                "mentions",
                MENTION_COLUMNS,
                [_mention_row(m, block=blocks.block_of(m) if blocks else None) for m in new_mentions.values()],
            )
            events = episodes = 0
            if fuse is not None and (new_mentions or new_articles):
                if blocks is not None:
                    events, episodes = self._refuse_blocks(blocks, {blocks.block_of(m) for m in new_mentions.values()})
                else:
                    events, episodes = self._refuse(fuse)
            else:
                events, episodes = self._count("events"), self._count("episodes")
            self._con.commit()
        except BaseException:
            self._con.rollback()
            raise
        return BatchResult(len(new_articles), len(new_mentions), events, episodes)

    def delete_articles(self, article_ids: Sequence[str], fuse: FuseFunction | None) -> BatchResult:
        """Remove articles (full ids) with their mentions and re-fuse what they touched: one transaction.

        The events their mentions were in are dropped and their blocks re-fused (or everything,
        for a fuse without blocks), so the store is what ingesting the other articles would give.
        Returns how many articles and mentions went, and the event and episode counts after.
        """
        if self.read_only:
            raise StoreError("store opened read-only")
        ids = sorted(set(article_ids))
        self._con.begin()
        try:
            rows = self._con.execute(
                "SELECT id, event_id, block FROM mentions WHERE list_contains(?, article_id)", [ids]
            ).fetchall()
            gone = self._con.execute("SELECT count(*) FROM articles WHERE list_contains(?, id)", [ids]).fetchone()
            touched = {block for _, _, block in rows if block is not None}
            events = sorted({event_id for _, event_id, _ in rows if event_id})
            self._con.execute("DELETE FROM events WHERE list_contains(?, id)", [events])
            self._con.execute("DELETE FROM mentions WHERE list_contains(?, article_id)", [ids])
            self._con.execute("DELETE FROM articles WHERE list_contains(?, id)", [ids])
            if fuse is None:
                counts = (self._count("events"), self._count("episodes"))
            elif isinstance(fuse, BlockFuseFunction) and all(b for *_, b in rows):
                counts = self._refuse_blocks(fuse, touched)
            else:
                counts = self._refuse(fuse)
            self._con.commit()
        except BaseException:
            self._con.rollback()
            raise
        return BatchResult(int(gone[0]) if gone else 0, len(rows), *counts)

    def _refuse(self, fuse: FuseFunction) -> tuple[int, int]:
        # fusion starts from what the extractor read, never from an earlier fusion's output
        extracted = {r[0]: r[1] for r in self._con.execute("SELECT id, extracted FROM mentions ORDER BY id").fetchall()}
        stored_mentions = [Mention.model_validate_json(doc) for doc in extracted.values()]
        stored_articles = {a.id: a for a in self._articles_where("", [])}
        result = fuse(stored_mentions, stored_articles)
        if {m.id for m in result.mentions} != {m.id for m in stored_mentions}:
            raise StoreError("fuse returned a different set of mentions than it was given")
        evidence: dict[str, list[str]] = {}
        for mention in result.mentions:
            if mention.event_id:
                evidence.setdefault(mention.event_id, []).extend(s.text for s in mention.evidence)
        self._con.execute("DELETE FROM events")
        self._con.execute("DELETE FROM episodes")
        self._con.execute("DELETE FROM mentions")
        blocks = fuse if isinstance(fuse, BlockFuseFunction) else None
        self._insert(
            "mentions",
            MENTION_COLUMNS,
            [_mention_row(m, extracted[m.id], blocks.block_of(m) if blocks else None) for m in result.mentions],
        )
        self._insert("events", EVENT_COLUMNS, [_event_row(e, evidence.get(e.id, [])) for e in result.events])
        self._insert("episodes", ("id", "doc"), [(e.id, _doc(e)) for e in result.episodes])
        return len(result.events), len(result.episodes)

    def _refuse_blocks(self, fuse: BlockFuseFunction, touched: set[str]) -> tuple[int, int]:
        """Re-fuse only the blocks a batch touched (see fuse/incremental.py); same result as `_refuse`."""
        con = self._con
        stale = con.execute("SELECT id, extracted FROM mentions WHERE block IS NULL").fetchall()
        if stale:  # rows stored before blocks were recorded
            con.executemany(
                "UPDATE mentions SET block = ? WHERE id = ?",
                [[fuse.block_of(Mention.model_validate_json(doc)), mid] for mid, doc in stale],
            )
        affected = set(touched)
        while True:  # an undated report's anchors tie together every block it has mentions in
            rows = con.execute(
                """SELECT DISTINCT other.block FROM mentions m
                   JOIN articles a ON a.id = m.article_id AND a.published_start IS NULL
                   JOIN mentions other ON other.article_id = m.article_id
                   WHERE list_contains(?, m.block)""",
                [sorted(affected)],
            ).fetchall()
            more = {r[0] for r in rows} - affected
            if not more:
                break
            affected |= more
        blocks = sorted(affected)
        extracted = dict(
            con.execute(
                "SELECT id, extracted FROM mentions WHERE list_contains(?, block) ORDER BY id", [blocks]
            ).fetchall()
        )
        mentions = [Mention.model_validate_json(doc) for doc in extracted.values()]
        article_ids = sorted({m.article_id for m in mentions})
        articles = {a.id: a for a in self._articles_where("WHERE list_contains(?, id)", [article_ids])}
        result = fuse(mentions, articles)
        if {m.id for m in result.mentions} != set(extracted):
            raise StoreError("fuse returned a different set of mentions than it was given")
        old_ids = [
            r[0]
            for r in con.execute(
                "SELECT DISTINCT event_id FROM mentions WHERE list_contains(?, block) AND event_id IS NOT NULL",
                [blocks],
            ).fetchall()
        ]
        con.execute("DELETE FROM events WHERE list_contains(?, id)", [old_ids])
        con.execute("DELETE FROM mentions WHERE list_contains(?, block)", [blocks])
        # episodes cross blocks: re-link over every event, then write back what changed
        kept = [Event.model_validate_json(r[0]) for r in con.execute("SELECT doc FROM events").fetchall()]
        before = {e.id: e.episode_id for e in kept}
        episodes = fuse.relink_episodes(kept + result.events)
        episode_of = {e.id: e.episode_id for e in result.events}
        evidence: dict[str, list[str]] = {}
        out_mentions = []
        for m in result.mentions:
            m = m.model_copy(update={"episode_id": episode_of.get(m.event_id or "")})
            out_mentions.append(m)
            if m.event_id:
                evidence.setdefault(m.event_id, []).extend(s.text for s in m.evidence)
        self._insert(
            "mentions",
            MENTION_COLUMNS,
            [_mention_row(m, extracted[m.id], fuse.block_of(m)) for m in out_mentions],
        )
        self._insert("events", EVENT_COLUMNS, [_event_row(e, evidence.get(e.id, [])) for e in result.events])
        moved = [e for e in kept if e.episode_id != before[e.id]]
        if moved:
            con.executemany(
                "UPDATE events SET episode_id = ?, doc = ? WHERE id = ?", [[e.episode_id, _doc(e), e.id] for e in moved]
            )
            new_episode = {e.id: e.episode_id for e in moved}
            rows = con.execute(
                "SELECT id, doc FROM mentions WHERE list_contains(?, event_id)", [sorted(new_episode)]
            ).fetchall()
            updates = []
            for mid, doc in rows:
                m = Mention.model_validate_json(doc)
                m = m.model_copy(update={"episode_id": new_episode[m.event_id or ""]})
                updates.append([m.episode_id, _doc(m), mid])
            con.executemany("UPDATE mentions SET episode_id = ?, doc = ? WHERE id = ?", updates)
        con.execute("DELETE FROM episodes")
        self._insert("episodes", ("id", "doc"), [(e.id, _doc(e)) for e in episodes])
        return self._count("events"), len(episodes)

    # -- reading -------------------------------------------------------------------------------

    def _count(self, table: str) -> int:
        row = self._con.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(row[0]) if row else 0

    def _articles_where(self, where: str, params: list[Any], tail: str = "") -> list[Article]:
        sql = f"SELECT doc FROM articles {where} ORDER BY published_start NULLS LAST, id {tail}"
        return [Article.model_validate_json(r[0]) for r in self._con.execute(sql, params).fetchall()]

    def _mentions_where(self, where: str, params: list[Any]) -> list[Mention]:
        sql = f"SELECT doc FROM mentions {where} ORDER BY date_start NULLS LAST, article_id, id"
        return [Mention.model_validate_json(r[0]) for r in self._con.execute(sql, params).fetchall()]

    def _one_by_prefix(self, table: str, id_or_prefix: str) -> str | None:
        row = self._con.execute(f"SELECT doc FROM {table} WHERE id = ?", [id_or_prefix]).fetchone()
        if row:
            return str(row[0])
        rows = self._con.execute(
            f"SELECT doc FROM {table} WHERE starts_with(id, ?) ORDER BY id LIMIT 2", [id_or_prefix]
        ).fetchall()
        if len(rows) > 1:
            raise AmbiguousIdError(f"{id_or_prefix!r} matches more than one {table[:-1]}; give more characters")
        return str(rows[0][0]) if rows else None

    def counts(self) -> dict[str, int]:
        return {t: self._count(t) for t in ("articles", "mentions", "events", "episodes")}

    def articles(self, limit: int | None = None, offset: int = 0) -> list[Article]:
        tail, params = page_clause(EventFilter(limit=limit, offset=offset))
        return self._articles_where("", params, tail)

    def article(self, id_or_prefix: str) -> Article | None:
        doc = self._one_by_prefix("articles", id_or_prefix)
        return Article.model_validate_json(doc) if doc else None

    def mentions(self, article_id: str | None = None, event_id: str | None = None) -> list[Mention]:
        conditions, params = [], []
        if article_id is not None:
            conditions.append("article_id = ?")
            params.append(article_id)
        if event_id is not None:
            conditions.append("event_id = ?")
            params.append(event_id)
        where = "WHERE " + " AND ".join(conditions) if conditions else ""
        return self._mentions_where(where, params)

    def events(self, f: EventFilter | None = None) -> list[Event]:
        return [Event.model_validate_json(doc) for doc in self.event_docs(f)]

    def event_docs(self, f: EventFilter | None = None) -> list[str]:
        """The sitreps/1 JSON of the matching events, in `events()` order, unparsed (for fast paths)."""
        where, params = where_clause(f)
        page, page_params = page_clause(f)
        if not page:
            sql = f"SELECT doc FROM events {where} {EVENT_ORDER}"
            return [str(r[0]) for r in self._con.execute(sql, params).fetchall()]
        # A page: pick its ids first, then read `doc` (the wide column) for those rows only.
        # On 100,000 events, sorting whole rows to keep 100 costs ~40 ms; ids, then the docs of
        # those ids, ~7 ms (benchmarks/bench_api.py). Fetching by rowid instead is faster when
        # the rows are adjacent but ~40 ms when they are spread out (a text filter): by id it is.
        ids_sql = f"SELECT id FROM events {where} {EVENT_ORDER} {page}"
        ids = [r[0] for r in self._con.execute(ids_sql, params + page_params).fetchall()]
        if not ids:
            return []
        rows = self._con.execute("SELECT id, doc FROM events WHERE list_contains(?, id)", [ids]).fetchall()
        docs = {event_id: str(doc) for event_id, doc in rows}
        return [docs[i] for i in ids if i in docs]

    def count_events(self, f: EventFilter | None = None) -> int:
        where, params = where_clause(f)
        row = self._con.execute(f"SELECT count(*) FROM events {where}", params).fetchone()
        return int(row[0]) if row else 0

    def event(self, id_or_prefix: str) -> Event | None:
        doc = self._one_by_prefix("events", id_or_prefix)
        return Event.model_validate_json(doc) if doc else None

    def episodes(self) -> list[Episode]:
        rows = self._con.execute("SELECT doc FROM episodes ORDER BY id").fetchall()
        return [Episode.model_validate_json(r[0]) for r in rows]

    def episode(self, id: str) -> Episode | None:
        row = self._con.execute("SELECT doc FROM episodes WHERE id = ?", [id]).fetchone()
        return Episode.model_validate_json(row[0]) if row else None

    def stats(self) -> dict[str, Any]:
        """Counts of everything, and events by day, by type and by actor (for the UI's charts)."""
        by_day = self._con.execute(
            "SELECT date_start, count(*) FROM events WHERE date_start IS NOT NULL GROUP BY 1 ORDER BY 1"
        ).fetchall()
        by_type = self._con.execute("SELECT event_type, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1").fetchall()
        # Events per actor, an event counted once per actor whichever side it is on.
        by_actor = self._con.execute(
            "SELECT name, count(*) FROM ("
            " SELECT actor1_name AS name FROM events WHERE actor1_name IS NOT NULL"
            " UNION ALL SELECT actor2_name FROM events"
            " WHERE actor2_name IS NOT NULL AND actor2_name IS DISTINCT FROM actor1_name"
            ") GROUP BY 1 ORDER BY 2 DESC, 1"
        ).fetchall()
        return {
            **self.counts(),
            "by_day": {day: n for day, n in by_day},
            "by_type": {t: n for t, n in by_type},
            "by_actor": {name: n for name, n in by_actor},
        }

    def export(self, f: EventFilter | None = None) -> Export:
        """The sitreps/1 export; filtered: its events and the mentions, articles, episodes behind them."""
        if f is None:
            return Export(
                articles=self._articles_where("", []),
                mentions=self._mentions_where("", []),
                events=self.events(),
                episodes=self.episodes(),
            )
        events = self.events(f)
        event_ids = [e.id for e in events]
        mentions = self._mentions_where("WHERE list_contains(?, event_id)", [event_ids])
        article_ids = sorted({m.article_id for m in mentions})
        episode_ids = sorted({e.episode_id for e in events if e.episode_id})
        episodes = [
            Episode.model_validate_json(r[0])
            for r in self._con.execute(
                "SELECT doc FROM episodes WHERE list_contains(?, id) ORDER BY id", [episode_ids]
            ).fetchall()
        ]
        return Export(
            articles=self._articles_where("WHERE list_contains(?, id)", [article_ids]),
            mentions=mentions,
            events=events,
            episodes=episodes,
        )
