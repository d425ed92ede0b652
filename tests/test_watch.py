"""`sitreps watch DIR`: settled files only, one line per batch, restart reads nothing twice, Ctrl-C exits 130."""

from __future__ import annotations

import json
import os
import queue
import re
import signal
import subprocess
import threading
import time
from pathlib import Path

import pytest
from tests.conftest import sitreps_process

from sitreps.watch import FolderWatcher, WatchState, load_watch_settings, state_path

# Reports and a feed written for these tests (invented events in real places).
RAID = (
    "Militants raid village near Menaka\n\n"
    "MENAKA, Mali, May 2 - Militants on motorbikes raided a village near Menaka on Thursday, burning "
    "granaries and killing three herders, residents said.\n"
)
SLOW_FIRST_HALF = (
    "Army shells rebel positions near Kidal\n\n"
    "KIDAL, Mali, May 3 - The army shelled rebel positions in the hills north of Kidal on Friday, "
)
SLOW_SECOND_HALF = "a rebel spokesman said, adding that two fighters were wounded and a truck destroyed.\n"
FEED_ITEM = (
    "<item><title>{title}</title><link>https://sahel-monitor.example/{slug}</link>"
    "<pubDate>{day}, 0{n} May 2024 07:00:00 GMT</pubDate><description><![CDATA[<p>{text}</p>]]></description></item>"
)
ITEMS = [
    ("Drone strike on fuel depot in Gao", "gao", "Sat", 4, "A drone struck a fuel depot in Gao on Saturday, "
     "witnesses said."),
    ("Clashes at Timbuktu checkpoint", "timbuktu", "Sun", 5, "Gunmen clashed with soldiers at a checkpoint outside "
     "Timbuktu on Sunday, the army said."),
    ("Bomb hits bus near Mopti", "mopti", "Mon", 6, "A roadside bomb hit a bus near Mopti on Monday, killing two "
     "passengers, a hospital source said."),
]  # fmt: skip


def feed(items: list[tuple[str, str, str, int, str]]) -> str:
    body = "\n".join(FEED_ITEM.format(title=t, slug=s, day=d, n=n, text=x) for t, s, d, n, x in items)
    return (
        f'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Sahel Monitor</title>\n{body}\n</channel></rss>\n'
    )


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_file_is_ready_only_once_its_stamp_has_held_for_the_settle_interval(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    clock = FakeClock()
    watcher = FolderWatcher(folder, WatchState(tmp_path / "state.json", folder), settle_seconds=1.0, clock=clock)
    report = folder / "raid.txt"
    report.write_text(SLOW_FIRST_HALF, encoding="utf-8")
    (folder / ".raid.txt.part").write_text("hidden: being downloaded", encoding="utf-8")
    assert watcher.poll() == [] and watcher.pending == 1  # first sighting
    clock.now = 0.6
    with report.open("a", encoding="utf-8") as handle:
        handle.write(SLOW_SECOND_HALF)
    assert watcher.poll() == []  # grew: the interval starts again
    clock.now = 1.5
    assert watcher.poll() == []  # only 0.9 s since it last changed
    clock.now = 1.7
    assert watcher.poll() == [report]
    changed, recorded = watcher.split_by_content([report])
    assert changed == [report] and set(recorded) == {"raid.txt"} and watcher.pending == 0
    watcher.state.ingested.update(recorded)
    assert watcher.poll() == [] and watcher.pending == 0  # ingested and unchanged


def test_a_touched_but_unchanged_file_is_recorded_not_read_again(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    clock = FakeClock()
    watcher = FolderWatcher(folder, WatchState(tmp_path / "state.json", folder), settle_seconds=0.5, clock=clock)
    report = folder / "raid.txt"
    report.write_text(RAID, encoding="utf-8")
    watcher.poll()
    clock.now = 1.0
    _, recorded = watcher.split_by_content(watcher.poll())
    watcher.state.ingested.update(recorded)
    later = time.time() + 5
    os.utime(report, (later, later))
    watcher.poll()
    clock.now = 2.0
    changed, recorded = watcher.split_by_content(watcher.poll())
    assert changed == [] and recorded["raid.txt"].stamp.mtime_ns == report.stat().st_mtime_ns
    report.unlink()
    watcher.poll()
    assert watcher.state.ingested == {}  # a file of that name later is a new file


def test_the_state_survives_a_restart_and_a_broken_state_file_is_one_warning(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "raid.txt").write_text(RAID, encoding="utf-8")
    path = state_path(tmp_path / "store.duckdb")
    assert path == tmp_path / "store.duckdb.watch.json"
    clock = FakeClock()
    watcher = FolderWatcher(folder, WatchState.load(path, folder, print), settle_seconds=0.0, clock=clock)
    watcher.poll()
    _, recorded = watcher.split_by_content(watcher.poll())
    watcher.state.ingested.update(recorded)
    watcher.state.save()
    warnings: list[str] = []
    again = FolderWatcher(folder, WatchState.load(path, folder, warnings.append), settle_seconds=0.0, clock=clock)
    assert again.poll() == [] and again.poll() == [] and warnings == []
    path.write_text("{not json", encoding="utf-8")
    assert WatchState.load(path, folder, warnings.append).ingested == {}
    assert warnings == [f"{path}: unreadable watch state (JSONDecodeError); every file in the folder is read again"]


def test_a_bad_setting_names_the_file_and_the_key(tmp_path: Path) -> None:
    settings = tmp_path / "watch.yaml"
    settings.write_text("poll_interval_seconds: 1\nsettle_seconds: -2\nmax_files_per_batch: 10\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"watch.yaml: settle_seconds must be a number of seconds >= 0"):
        load_watch_settings(settings)
    assert load_watch_settings().settle_seconds > 0


def _lines(stream: object) -> queue.Queue[str]:
    found: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        for raw in stream:  # type: ignore[attr-defined]
            found.put(raw.decode("utf-8", "replace").rstrip("\n"))
        found.put("")  # end of output

    threading.Thread(target=pump, daemon=True).start()
    return found


def _until(lines: queue.Queue[str], seen: list[str], done: object, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not done(seen):  # type: ignore[operator]
        line = lines.get(timeout=max(deadline - time.monotonic(), 0.01))
        assert line, f"watch ended early; output so far: {seen}"
        seen.append(line)


def _files_in_batches(seen: list[str]) -> int:
    return sum(int(line.split(": ")[1].split()[0]) for line in seen if line.startswith("batch "))


def test_watch_ingests_files_written_while_it_runs_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    db = tmp_path / "store.duckdb"
    (folder / "raid.txt").write_text(RAID, encoding="utf-8")
    process = sitreps_process(
        ["watch", str(folder), "--interval", "0.2", "--settle", "1.5"],
        db,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert process.stdout is not None and process.stderr is not None
        lines, errors = _lines(process.stdout), _lines(process.stderr)
        seen: list[str] = []
        _until(lines, seen, lambda s: _files_in_batches(s) == 1, timeout=40)  # the file there before it started
        assert len(seen) == 1 and re.fullmatch(
            r"batch 1: 1 files, 1 new articles \(0 duplicate\), \d+ mentions, 0 rejected", seen[0]
        )
        (folder / "sahel.xml").write_text(feed(ITEMS[:2]), encoding="utf-8")
        slow = folder / "kidal.txt"
        with slow.open("w", encoding="utf-8") as handle:  # written in two halves, 0.8 s apart
            handle.write(SLOW_FIRST_HALF)
            handle.flush()
            time.sleep(0.8)
            handle.write(SLOW_SECOND_HALF)
        _until(lines, seen, lambda s: _files_in_batches(s) == 3, timeout=15)
        # the feed grows by one item: only that one is new
        (folder / "sahel.xml").write_text(feed(ITEMS), encoding="utf-8")
        _until(lines, seen, lambda s: _files_in_batches(s) == 4, timeout=15)
        assert re.fullmatch(
            rf"batch {len(seen)}: 1 files, 1 new articles \(2 duplicate\), \d+ mentions, 0 rejected", seen[-1]
        )
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=20) == 130
        _until(lines, seen, lambda s: s[-1].startswith("watch interrupted"), timeout=5)
        summary = rf"watch interrupted: {len(seen) - 1} batches, 4 files, 5 new articles \(2 duplicate\), \d+ mentions"
        assert re.fullmatch(summary + ", 0 rejected", seen[-1])
        stderr = []
        while (line := errors.get(timeout=5)) != "":
            stderr.append(line)
        assert not any("Traceback" in line for line in stderr), stderr
    finally:
        if process.poll() is None:
            process.kill()
    exported = subprocess.run(
        [*_cli(db), "export", "--format", "json"], capture_output=True, check=True, env=_env(db)
    ).stdout
    articles = json.loads(exported)["articles"]
    titles = sorted(a["title"] for a in articles)
    assert titles == sorted(["Militants raid village near Menaka", "Army shells rebel positions near Kidal"] + [
        t for t, *_ in ITEMS
    ])  # fmt: skip
    kidal = next(a for a in articles if a["title"].startswith("Army shells"))
    assert kidal["text"].endswith("a truck destroyed.")  # read whole, never the first half alone
    # a restart reads nothing: every file is recorded with its stamp and hash
    rerun = subprocess.run(
        [*_cli(db), "watch", str(folder), "--once", "--interval", "0.1", "--settle", "0.2"],
        capture_output=True,
        env=_env(db),
        timeout=60,
    )
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stdout.decode().splitlines() == [
        "watch done: 0 batches, 0 files, 0 new articles (0 duplicate), 0 mentions, 0 rejected"
    ]


def _cli(db: Path) -> list[str]:
    import sys

    return [sys.executable, "-c", "from sitreps.cli import main; main()", "--db", str(db)]


def _env(db: Path) -> dict[str, str]:
    return {**os.environ, "SITREPS_DB": str(db)}


def test_watch_once_reads_the_folder_once_and_exits_1_naming_a_malformed_feed(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from sitreps.cli import app

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "raid.txt").write_text(RAID, encoding="utf-8")
    (folder / "cut.xml").write_text('<?xml version="1.0"?>\n<rss version="2.0">\n<channel>\n<title>Cut', "utf-8")
    db = tmp_path / "store.duckdb"
    result = CliRunner().invoke(app, ["--db", str(db), "watch", str(folder), "--once", "--settle", "0.1"])
    assert result.exit_code == 1, result.output
    assert re.fullmatch(
        r"batch 1: 2 files, 1 new articles \(0 duplicate\), \d+ mentions, 1 rejected", result.stdout.splitlines()[0]
    )
    assert f"{folder / 'cut.xml'}: not well-formed XML at line 4 (" in result.stderr
    missing = CliRunner().invoke(app, ["--db", str(db), "watch", str(tmp_path / "nowhere")])
    assert missing.exit_code == 2
