"""Store.ingest_batch is one transaction; queries read back exactly what was stored."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import duckdb
import pytest

from sitreps.model import Article, Mention
from sitreps.store import AmbiguousIdError, Store, StoreError
from store.builders import Fused, article, fuse_by_type_day_place, mention

GOMA = article("M23 rebels clashed with the army north of Goma on Monday. Residents fled toward the lake.")
SAKE = article(
    "Fighting between M23 and government troops reached Sake on Monday, the army said.",
    outlet="Great Lakes Wire",
)


def _counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "mentions", "events")}
    con.close()
    return counts


def test_a_batch_stores_articles_mentions_and_the_fused_events(store: Store) -> None:
    result = store.ingest_batch(
        [GOMA, SAKE],
        [mention(GOMA), mention(SAKE, place="Sake", lat=-1.57, lon=29.04)],
        fuse_by_type_day_place,
    )
    assert (result.new_articles, result.new_mentions, result.events, result.episodes) == (2, 2, 2, 1)
    assert {a.id for a in store.articles()} == {GOMA.id, SAKE.id}
    stored = store.mentions(article_id=GOMA.id)
    assert len(stored) == 1 and stored[0].event_id is not None and stored[0].episode_id == "ep-1"
    assert store.mentions(event_id=stored[0].event_id) == stored
    assert store.article(GOMA.id) == GOMA


def test_mentions_from_two_outlets_fuse_into_one_event_with_two_sources(store: Store) -> None:
    store.ingest_batch([GOMA], [mention(GOMA)], fuse_by_type_day_place)
    store.ingest_batch([SAKE], [mention(SAKE)], fuse_by_type_day_place)  # same place and day: re-fused
    (event,) = store.events()
    assert event.sources == 2
    assert sorted(event.article_ids) == sorted([GOMA.id, SAKE.id])


def test_reingesting_the_same_articles_is_a_no_op(store: Store, db_path: Path) -> None:
    store.ingest_batch([GOMA], [mention(GOMA)], fuse_by_type_day_place)
    before = store.export()
    again = store.ingest_batch([GOMA, GOMA], [mention(GOMA), mention(GOMA, day="2024-07-07")], fuse_by_type_day_place)
    assert (again.new_articles, again.new_mentions) == (0, 0)
    assert store.export() == before


def test_an_exception_during_fusion_leaves_the_store_unchanged(store: Store) -> None:
    store.ingest_batch([GOMA], [mention(GOMA)], fuse_by_type_day_place)
    before = store.export()

    def failing_fuse(mentions: Sequence[Mention], articles: Mapping[str, Article]) -> Fused:
        raise RuntimeError("fusion crashed half-way")

    with pytest.raises(RuntimeError, match="half-way"):
        store.ingest_batch([SAKE], [mention(SAKE)], failing_fuse)
    assert store.export() == before
    assert store.existing_article_ids([SAKE.id]) == set()


def test_a_fuse_that_loses_mentions_is_refused_and_rolled_back(store: Store) -> None:
    def lossy_fuse(mentions: Sequence[Mention], articles: Mapping[str, Article]) -> Fused:
        return Fused([], [], list(mentions)[1:])

    with pytest.raises(StoreError, match="different set of mentions"):
        store.ingest_batch([GOMA, SAKE], [mention(GOMA), mention(SAKE)], lossy_fuse)
    assert store.counts() == {"articles": 0, "mentions": 0, "events": 0, "episodes": 0}


def test_without_a_fuse_function_articles_and_mentions_are_stored_but_no_events(store: Store) -> None:
    result = store.ingest_batch([GOMA], [mention(GOMA)], None)
    assert (result.new_articles, result.new_mentions, result.events) == (1, 1, 0)


def test_mentions_of_articles_not_in_the_batch_are_ignored(store: Store) -> None:
    result = store.ingest_batch([GOMA], [mention(GOMA), mention(SAKE)], None)
    assert result.new_mentions == 1
    assert store.mentions(article_id=SAKE.id) == []


def test_ids_may_be_given_by_unique_prefix(store: Store) -> None:
    twin = article("A second report from Goma: the airport road was closed on Monday.")
    store.ingest_batch([GOMA, SAKE, twin], [mention(GOMA)], fuse_by_type_day_place)
    assert store.article(GOMA.id[:6]) == GOMA
    assert store.article("zzzz") is None
    event = store.events()[0]
    assert store.event(event.id[:5]) == event
    assert store.episode("ep-1") is not None and store.episodes()[0].event_ids == [event.id]
    with pytest.raises(AmbiguousIdError):
        store.article("")


def test_export_rebuilds_the_sitreps_1_document_and_a_filter_narrows_it(store: Store) -> None:
    store.ingest_batch(
        [GOMA, SAKE], [mention(GOMA), mention(SAKE, place="Sake", day="2024-07-01")], fuse_by_type_day_place
    )
    full = store.export()
    assert full.to_json_dict()["schema"] == "sitreps/1"
    assert len(full.articles) == 2 and len(full.mentions) == 2 and len(full.events) == 2
    from sitreps.store import EventFilter

    narrow = store.export(EventFilter(since="2024-07-05"))
    assert [a.id for a in narrow.articles] == [GOMA.id]
    assert [m.article_id for m in narrow.mentions] == [GOMA.id]


def test_stats_count_events_by_day_type_and_actor(store: Store) -> None:
    store.ingest_batch(
        [GOMA, SAKE],
        [
            mention(GOMA),
            mention(SAKE, place="Sake", event_type="Explosions/Remote violence", sub_event_type=None),
        ],
        fuse_by_type_day_place,
    )
    stats = store.stats()
    assert stats["events"] == 2 and stats["articles"] == 2
    assert stats["by_day"] == {"2024-07-08": 2}
    assert stats["by_type"] == {"Battles": 1, "Explosions/Remote violence": 1}
    assert stats["by_actor"]["M23"] == 2


def test_a_reader_can_open_the_store_once_the_writer_has_closed_it(db_path: Path) -> None:
    with Store(db_path) as writer:
        writer.ingest_batch([GOMA], [], None)
    with Store(db_path, read_only=True) as reader:
        assert [a.id for a in reader.articles()] == [GOMA.id]
        with pytest.raises(StoreError, match="read-only"):
            reader.ingest_batch([SAKE], [], None)
    assert _counts(db_path)["articles"] == 1


def test_a_wait_for_the_store_lock_is_announced_once_after_a_second(db_path) -> None:  # noqa: ANN001
    import time

    from sitreps.store import StoreLockedError
    from sitreps.store.database import WAIT_NOTICE_SECONDS

    calls: list[float] = []
    started = time.monotonic()
    with Store(db_path):
        with pytest.raises(StoreLockedError):
            Store(db_path, read_only=True, lock_timeout=2.0, on_wait=lambda: calls.append(time.monotonic() - started))
    assert len(calls) == 1 and calls[0] >= WAIT_NOTICE_SECONDS
