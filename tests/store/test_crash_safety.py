"""A `sitreps ingest` killed with SIGKILL mid-run leaves whole batches only; a re-run completes it."""

from __future__ import annotations

import signal
import subprocess
from pathlib import Path

import duckdb

from conftest import sitreps_process

CITIES = ["Mosul", "Kirkuk", "Aleppo", "Homs", "Sanaa", "Aden", "Benghazi", "Misrata", "Kassala", "Gao"]
VERBS = ["protested", "marched", "rallied", "gathered", "demonstrated"]
ARTICLES = 300
BATCH = 25


def write_reports(folder: Path) -> None:
    folder.mkdir()
    for i in range(ARTICLES):
        city, verb = CITIES[i % len(CITIES)], VERBS[i % len(VERBS)]
        (folder / f"report-{i:04d}.txt").write_text(
            f"Residents {verb} in {city}\n\nHundreds of residents {verb} in central {city} on Monday over "
            f"water shortages, local officials said in bulletin number {i}. "
            "Police watched but did not intervene.\n",
            encoding="utf-8",
        )


def consistency(db: Path) -> tuple[int, int, int]:
    """(articles, distinct article ids, mentions whose article is missing)."""
    con = duckdb.connect(str(db), read_only=True)
    articles, distinct = con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone()
    (orphans,) = con.execute(
        "SELECT count(*) FROM mentions m LEFT JOIN articles a ON a.id = m.article_id WHERE a.id IS NULL"
    ).fetchone()
    con.close()
    return articles, distinct, orphans


def test_sigkill_mid_ingest_leaves_whole_batches_and_a_rerun_completes(tmp_path: Path, db_path: Path) -> None:
    folder = tmp_path / "many"
    write_reports(folder)
    args = ["ingest", "--recursive", "--batch-size", str(BATCH), str(folder)]
    child = sitreps_process(args, db_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert child.stderr is not None
    # The CLI prints one line per committed transaction when stderr is not a terminal.
    for line in child.stderr:
        if line.startswith(b"batch 2 committed"):
            break
    assert child.poll() is None, "ingest finished before it could be killed: add articles"
    child.send_signal(signal.SIGKILL)
    child.wait()

    articles, distinct, orphans = consistency(db_path)
    assert articles == distinct and orphans == 0
    assert articles % BATCH == 0 and BATCH * 2 <= articles < ARTICLES

    rerun = sitreps_process(args, db_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert rerun.wait(timeout=600) == 0
    articles, distinct, orphans = consistency(db_path)
    assert (articles, distinct, orphans) == (ARTICLES, ARTICLES, 0)
