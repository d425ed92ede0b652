"""SIGKILL an ingest at random points, 20 times over a growing corpus.

After every kill the store must be consistent: each article stored once, no mention without
its article, every mention in an event that exists, and the stored events, episodes and
mention links exactly what a from-scratch fusion of the stored mentions gives. Then a re-run
must finish the job: every report of the corpus stored, the store consistent again.

Most rounds run a minimal ingest with a regular-expression extractor (tests/robustness/
light_extractor.py) in a process forked from a server that has sitreps imported, so that 40
process starts stay cheap; every fifth round kills the real `sitreps ingest` CLI with the spaCy
extractor.
"""

from __future__ import annotations

import json
import multiprocessing
import random
import signal
import subprocess
import threading
import time
from pathlib import Path

import duckdb
import pytest

from conftest import sitreps_process
from sitreps.fuse import fuse
from sitreps.store import Store

from .light_extractor import main as light_main
from .light_extractor import reports

ROUNDS = 20
REAL_EXTRACTOR_ROUNDS = {2, 7, 12, 17}
FIRST_ROUND_REPORTS, REPORTS_PER_ROUND = 12, 9
BATCH = 3


def canonical(records: list) -> list[dict]:
    return sorted((r.model_dump(mode="json") for r in records), key=lambda r: r["id"])


def assert_consistent(db: Path) -> int:
    """Check the store after a crash; return how many articles it holds."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        articles, distinct = con.execute("SELECT count(*), count(DISTINCT id) FROM articles").fetchone()
        mentions, distinct_mentions = con.execute("SELECT count(*), count(DISTINCT id) FROM mentions").fetchone()
        (orphans,) = con.execute(
            "SELECT count(*) FROM mentions m LEFT JOIN articles a ON a.id = m.article_id WHERE a.id IS NULL"
        ).fetchone()
        (dangling,) = con.execute(
            "SELECT count(*) FROM mentions m LEFT JOIN events e ON e.id = m.event_id "
            "WHERE m.event_id IS NOT NULL AND e.id IS NULL"
        ).fetchone()
    finally:
        con.close()
    assert articles == distinct, "duplicate articles"
    assert mentions == distinct_mentions, "duplicate mentions"
    assert orphans == 0, "mentions without their article"
    assert dangling == 0, "mentions pointing at a missing event"

    with Store(db, read_only=True) as store:
        stored = store.export()
    bare = [m.model_copy(update={"event_id": None, "episode_id": None}) for m in stored.mentions]
    scratch = fuse(bare, {a.id: a for a in stored.articles})
    assert canonical(stored.events) == canonical(scratch.events), "stored events differ from a fresh fusion"
    assert canonical(stored.episodes) == canonical(scratch.episodes), "stored episodes differ from a fresh fusion"
    assert canonical(stored.mentions) == canonical(scratch.mentions), "mention links differ from a fresh fusion"
    for event in stored.events:
        assert set(event.mention_ids) <= {m.id for m in stored.mentions}
    return articles


class Child:
    """An ingest process and the progress lines it has written so far (with when they came)."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.times: list[float] = []

    def poll(self) -> int | None:
        """The exit code, or None while running."""
        raise NotImplementedError

    def _sigkill(self) -> None:
        raise NotImplementedError

    def _collect(self) -> None:
        """Take in lines written since the last call."""

    def _note(self, line: str) -> None:
        self.times.append(time.monotonic())
        self.lines.append(line.strip())

    def wait_for(self, prefix: str, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            self._collect()
            if any(line.startswith(prefix) for line in self.lines):
                return True
            if self.poll() is not None:
                self.finish()
                return any(line.startswith(prefix) for line in self.lines)
            time.sleep(0.005)
        return False

    def finish(self, timeout: float = 600) -> int:
        deadline = time.monotonic() + timeout
        while self.poll() is None and time.monotonic() < deadline:
            self._collect()
            time.sleep(0.01)
        code = self.poll()
        assert code is not None, f"ingest still running after {timeout} s"
        self._collect()
        return code

    def kill(self) -> bool:
        """SIGKILL; True when the process was still running."""
        alive = self.poll() is None
        if alive:
            self._sigkill()
        self.finish(30)
        return alive

    def seconds_per_batch(self) -> float | None:
        commits = [t for t, line in zip(self.times, self.lines, strict=True) if line.startswith("batch ")]
        return (commits[-1] - commits[0]) / (len(commits) - 1) if len(commits) >= 2 else None


class CliChild(Child):
    """The real `sitreps ingest`; it prints "batch N committed: ..." on stderr (not a terminal)."""

    def __init__(self, db: Path, corpus: Path) -> None:
        super().__init__()
        args = ["ingest", "--recursive", "--batch-size", str(BATCH), str(corpus)]
        self.process = sitreps_process(args, db, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for raw in self.process.stderr:
            self._note(raw.decode("utf-8", "replace"))

    def poll(self) -> int | None:
        return self.process.poll()

    def _sigkill(self) -> None:
        self.process.send_signal(signal.SIGKILL)

    def _collect(self) -> None:
        if self.process.poll() is not None:
            self._reader.join(5)


class LightChild(Child):
    """light_extractor.main in a process forked from a server that has sitreps imported, so a
    start costs milliseconds instead of the 1-2 s of a fresh interpreter."""

    _context = multiprocessing.get_context("forkserver")
    _context.set_forkserver_preload(["sitreps.pipeline", "sitreps.fuse", "sitreps.store", "sitreps.clean"])

    def __init__(self, db: Path, corpus: Path, log: Path) -> None:
        super().__init__()
        log.write_text("", encoding="utf-8")
        self.log, self._offset = log, 0
        self.process = self._context.Process(target=light_main, args=(str(db), str(corpus), BATCH, str(log)))
        self.process.start()

    def poll(self) -> int | None:
        return self.process.exitcode

    def _sigkill(self) -> None:
        self.process.kill()  # SIGKILL
        self.process.join(30)

    def _collect(self) -> None:
        with self.log.open("rb") as stream:
            stream.seek(self._offset)
            chunk = stream.read()
        complete = chunk[: chunk.rfind(b"\n") + 1]
        self._offset += len(complete)
        for line in complete.decode("utf-8").splitlines():
            self._note(line)


def start_ingest(real: bool, db: Path, corpus: Path) -> Child:
    return CliChild(db, corpus) if real else LightChild(db, corpus, corpus.parent / "light-child.log")


def kill_somewhere(child: Child, rnd: random.Random, real: bool, batches: int, batch_seconds: float) -> str:
    """SIGKILL after a random number of committed batches plus a random part of the next one
    (reading, cleaning, extracting, or inside its transaction); say where, for failure messages."""
    if real and rnd.random() < 0.25:
        time.sleep(rnd.uniform(0.5, 4.0))  # while Python, spaCy and the gazetteer load
    else:
        if not real:
            assert child.wait_for("ready", timeout=60), child.lines
        after = rnd.randint(1, max(1, batches - 1)) if real else rnd.randint(0, max(0, batches - 1))
        if after and not child.wait_for(f"batch {after} committed", timeout=300):
            return f"finished (exit {child.poll()}) before batch {after}: {child.lines[-3:]}"
        # Before the first commit the run is still reading and cleaning the stored reports.
        time.sleep(rnd.uniform(0, batch_seconds if after else max(batch_seconds, 0.4)))
    was_running = child.kill()
    commits = sum(line.startswith("batch ") for line in child.lines)
    state = "killed while running" if was_running else f"killed after it exited ({child.poll()})"
    return f"{state}, {commits} batches committed"


@pytest.mark.slow
def test_twenty_sigkills_over_a_growing_corpus_leave_a_consistent_store_and_a_rerun_finishes(
    tmp_path: Path, db_path: Path
) -> None:
    rnd = random.Random(20240512)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    total = 0
    killed_while_running = 0
    batch_seconds = {False: 0.05, True: 0.5}  # one batch's time, re-measured on every re-run
    for round_ in range(ROUNDS):
        added = FIRST_ROUND_REPORTS if round_ == 0 else REPORTS_PER_ROUND
        for name, text in reports(total, added, seed=round_).items():
            (corpus / name).write_text(text, encoding="utf-8")
        total += added
        real = round_ in REAL_EXTRACTOR_ROUNDS
        batches = -(-added // BATCH)  # stored reports are skipped without a transaction

        child = start_ingest(real, db_path, corpus)
        where = kill_somewhere(child, rnd, real, batches, batch_seconds[real])
        killed_while_running += where.startswith("killed while")
        try:
            stored = assert_consistent(db_path) if db_path.exists() else 0
        except AssertionError as exc:
            raise AssertionError(f"round {round_} ({'real' if real else 'light'} extractor, {where}): {exc}") from exc
        assert stored <= total

        rerun = start_ingest(real, db_path, corpus)
        assert rerun.finish() == 0, rerun.lines[-5:]
        batch_seconds[real] = rerun.seconds_per_batch() or batch_seconds[real]
        assert assert_consistent(db_path) == total, f"round {round_}: the re-run did not finish the job"

    assert killed_while_running >= ROUNDS // 2, "most kills should land mid-run: adjust the timings"
    with Store(db_path, read_only=True) as store:
        counts = store.counts()
        export = store.export()
    assert counts["articles"] == total
    # Fusion had work to do: reports of one place and day merged, their tolls disagreeing.
    assert counts["events"] < counts["mentions"]
    assert any(e.contradictions for e in export.events), json.dumps(counts)
