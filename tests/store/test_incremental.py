"""Ingesting in several batches gives the same store as one batch (issue: incremental = batch).

Fusion's cross-article dating writes inferred dates into stored mentions; if a later batch were
fused from those, an old inference would feed the next one. The store keeps each mention as the
extractor produced it and fuses from that, so the order and grouping of batches cannot matter.
"""

from __future__ import annotations

import json
from pathlib import Path

from fuse.builders import day, mention, outlets
from sitreps.fuse import BlockFusion, fuse
from sitreps.model import Span
from sitreps.store import Store


def _said(text: str) -> list[Span]:
    return [Span(start=0, end=len(text), text=text)]


def _corpus():
    arts = outlets()
    arts["nodate"] = arts["a1"].model_copy(update={"id": "nodate", "published": None})
    ms = [
        mention("m1", "a0", date=day("2024-05-10"), place="kutum"),
        mention("m2", "nodate", date=None, place="kutum", evidence=_said("Fighting broke out on Friday.")),
        mention("m3", "nodate", date=None, place="tawila", evidence=_said("On Saturday they shelled it.")),
        mention("m4", "a2", date=day("2024-05-11"), place="tawila"),
        mention("m5", "a3", date=day("2024-05-10"), place="kabkabiya"),
        # a second Friday clash in Kutum a week later: the undated report's "Friday" is now
        # ambiguous, so with all reports in, it must stay undated however the batches fell
        mention("m6", "a4", date=day("2024-05-17"), place="kutum"),
    ]
    return arts, ms


def _export(path: Path) -> str:
    with Store(path, read_only=True) as store:
        data = store.export().to_json_dict()
    data.pop("generated_at", None)
    return json.dumps(data, sort_keys=True)


def _ingest(path: Path, batches: list[list[str]], fuser=fuse) -> str:
    arts, ms = _corpus()
    with Store(path) as store:
        for ids in batches:
            store.ingest_batch([arts[a] for a in ids], [m for m in ms if m.article_id in ids], fuser)
    return _export(path)


def test_batches_in_any_grouping_give_the_batch_result(tmp_path: Path) -> None:
    all_ids = ["a0", "nodate", "a2", "a3", "a4"]
    once = _ingest(tmp_path / "once.duckdb", [all_ids])
    for i, grouping in enumerate(
        [
            [["nodate"], ["a0"], ["a2", "a3"], ["a4"]],  # the undated report first, its anchor later
            [["a0"], ["nodate"], ["a2"], ["a3"], ["a4"]],  # anchored, then the anchor turns ambiguous
            [["a3", "a2", "a4"], ["nodate", "a0"]],
        ]
    ):
        assert _ingest(tmp_path / f"inc{i}.duckdb", grouping) == once
        # and re-fusing only the blocks each batch touches gives the same store
        assert _ingest(tmp_path / f"blk{i}.duckdb", grouping, BlockFusion()) == once


def test_block_refusion_keeps_untouched_events_and_relinks_episodes(tmp_path: Path) -> None:
    arts, ms = _corpus()
    extra = mention("m7", "a5", date=day("2024-05-11"), place="nyala")  # another region
    arts_all = arts
    with Store(tmp_path / "b.duckdb") as store:
        store.ingest_batch(
            [arts_all[a] for a in ("a0", "a2", "a3")],
            [m for m in ms if m.article_id in ("a0", "a2", "a3")],
            BlockFusion(),
        )
        before = {e.id for e in store.events()}
        store.ingest_batch([arts_all["a5"]], [extra], BlockFusion())
        after = {e.id for e in store.events()}
    assert before < after and len(after - before) == 1


def test_stored_mentions_keep_the_extractors_date(tmp_path: Path) -> None:
    _ingest(tmp_path / "s.duckdb", [["a0", "nodate", "a2", "a3"]])
    with Store(tmp_path / "s.duckdb", read_only=True) as store:
        by_id = {m.id: m for m in store.mentions()}
        raw = dict(store._con.execute("SELECT id, extracted FROM mentions").fetchall())
    assert by_id["m2"].date is not None and by_id["m2"].date.inferred  # the export shows the inference
    assert json.loads(raw["m2"])["date"] is None  # the extractor's record does not
