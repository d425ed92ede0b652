"""A Russian, a Ukrainian and an English report of one event fuse into one event with three sources."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("pymorphy3")

from sitreps.context import AppContext  # noqa: E402
from sitreps.pipeline import load_default_extractor, run_ingest  # noqa: E402
from sitreps.store import Store  # noqa: E402

REPORTS = {
    "ru.txt": "9 мая беспилотник атаковал Белгород, повреждены два дома, сообщил губернатор Гладков.",
    "uk.txt": "9 травня безпілотник атакував Бєлгород, пошкоджено два будинки, пишуть російські медіа.",
    "en.txt": "A drone attacked Belgorod on 9 May, damaging two houses, the regional governor said.",
}


@pytest.mark.slow
def test_three_languages_one_event(tmp_path: Path) -> None:
    for name, text in REPORTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        (tmp_path / (name + ".meta.json")).write_text(
            f'{{"published": "2024-05-09", "outlet": "outlet-{name[:2]}"}}', encoding="utf-8"
        )
    db = tmp_path / "store.duckdb"
    with Store(db) as store:
        report = run_ingest(store, [str(tmp_path)], extractor=load_default_extractor(AppContext(db_path=db)))
        assert report.new == 3
        assert {a.language for a in store.articles()} == {"ru", "uk", "en"}
        events = store.events()
        assert len(events) == 1
        [event] = events
        assert event.location is not None and event.location.name == "Belgorod"
        assert event.sources == 3
        # each outlet keeps its evidence in its own language
        assert {m.evidence[0].text for m in store.mentions(event_id=event.id)} == set(REPORTS.values())
