"""How the server reads the store: from a snapshot copy, so it never keeps an ingest out and
answers while one runs; a new snapshot as soon as the store changed and no writer holds it."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import httpx
import pytest
from tests.store.builders import article, fuse_by_type_day_place, mention
from tests.web.conftest import running_server
from tests.web.sample_store import build_sample_store

from sitreps.store import Store, StoreLockedError
from sitreps.web import WebSettings
from sitreps.web.store_access import StoreAccess

# Holds the store read-write; on "add" it commits one event (and keeps holding), on "" it lets go.
HOLD_WRITE_LOCK = """
import sys
from sitreps.store import Store
from tests.store.builders import article, fuse_by_type_day_place, mention
store = Store(sys.argv[1])
print("held", flush=True)
for line in sys.stdin:
    if line.strip() != "add":
        break
    art = article("Shelling was reported near Uvira on Friday, residents said.")
    store.ingest_batch([art], [mention(art, place="Uvira")], fuse_by_type_day_place)
    print("added", flush=True)
store.close()
"""


def add_one_event(path: Path, place: str) -> None:
    """Ingest one article with one mention, as `sitreps ingest` would commit a batch."""
    art = article(f"Fighting was reported near {place} on Monday, the regional office said.")
    with Store(path) as store:
        store.ingest_batch([art], [mention(art, place=place)], fuse_by_type_day_place)


class WriteLockHolder:
    """Another process holding the store read-write until `release()`."""

    def __init__(self, path: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLD_WRITE_LOCK, str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None and self.process.stdout.readline().strip() == "held"

    def add_event(self) -> None:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write("add\n")
        self.process.stdin.flush()
        assert self.process.stdout.readline().strip() == "added"

    def release(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write("\n")
        self.process.stdin.flush()
        assert self.process.wait(30) == 0

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def test_the_server_holds_no_connection_between_requests(tmp_path: Path) -> None:
    sample = build_sample_store(tmp_path / "s.duckdb")
    with running_server(WebSettings(db_path=sample.path)) as url:
        assert httpx.get(url + "/api/events").status_code == 200
        # Between requests another process (an ingest) can take the write lock at once.
        writer = subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; from sitreps.store import Store; "
                "s = Store(sys.argv[1], lock_timeout=0.5); print(s.counts()['events']); s.close()",
                str(sample.path),
            ],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert writer.returncode == 0, writer.stderr
        assert writer.stdout.strip() == "4"


def test_reads_go_on_from_the_snapshot_while_another_process_holds_the_write_lock(tmp_path: Path) -> None:
    sample = build_sample_store(tmp_path / "s.duckdb")
    with running_server(WebSettings(db_path=sample.path, lock_timeout=0.3)) as url:
        assert httpx.get(url + "/api/events").json()["total"] == 4
        holder = WriteLockHolder(sample.path)
        try:
            for _ in range(5):
                response = httpx.get(url + "/api/events")
                assert response.status_code == 200
                assert response.json()["total"] == 4
        finally:
            holder.kill()


def test_the_first_read_after_a_write_sees_it(tmp_path: Path) -> None:
    sample = build_sample_store(tmp_path / "s.duckdb")
    with running_server(WebSettings(db_path=sample.path)) as url:
        assert httpx.get(url + "/api/events").json()["total"] == 4
        add_one_event(sample.path, "Goma")
        body = httpx.get(url + "/api/events", params={"place": "goma"}).json()
        assert body["total"] == 1


def test_a_write_committed_under_a_held_lock_is_seen_once_the_writer_lets_go(tmp_path: Path) -> None:
    sample = build_sample_store(tmp_path / "s.duckdb")
    access = StoreAccess(sample.path, lock_timeout=0.3, retry_interval=0.0)
    try:
        with access.read() as store:
            assert store.count_events() == 4
        holder = WriteLockHolder(sample.path)
        try:
            holder.add_event()  # committed, but the writer still holds the store
            for _ in range(3):
                with access.read() as store:  # the old snapshot answers, whole
                    assert store.count_events() == 4
        finally:
            holder.release()
        with access.read() as store:
            assert store.count_events() == 5
    finally:
        access.close()


def test_a_server_started_while_a_writer_holds_the_store_answers_503_with_retry_after(tmp_path: Path) -> None:
    sample = build_sample_store(tmp_path / "s.duckdb")
    holder = WriteLockHolder(sample.path)
    try:
        with running_server(WebSettings(db_path=sample.path, lock_timeout=0.3)) as url:
            response = httpx.get(url + "/api/events")
            assert response.status_code == 503
            assert response.headers["retry-after"] == "2"
            assert "locked" in response.json()["detail"]
            holder.release()
            assert httpx.get(url + "/api/events").json()["total"] == 4
    finally:
        holder.kill()


def test_a_read_is_read_only_and_a_replaced_snapshot_is_deleted_after_its_last_reader(tmp_path: Path) -> None:
    sample = build_sample_store(tmp_path / "s.duckdb")
    access = StoreAccess(sample.path, snapshot_dir=tmp_path)
    with access.read() as store:
        assert store.read_only
        first = access.snapshot
        assert first is not None and first.path.exists() and first.path.parent.parent == tmp_path
        add_one_event(sample.path, "Goma")
        with access.read() as newer:  # a new snapshot; the old one still has a reader
            assert newer.count_events() == 5
        assert first.path.exists()
        assert store.count_events() == 4  # the reader in flight keeps its consistent view
    assert not first.path.exists()
    folder = first.path.parent
    access.close()
    assert not folder.exists()


def test_an_in_process_write_does_not_stop_reads_and_is_visible_when_it_ends(tmp_path: Path) -> None:
    sample = build_sample_store(tmp_path / "s.duckdb")
    access = StoreAccess(sample.path)
    try:
        with access.read() as store:
            assert store.count_events() == 4
        art = article("Fighting was reported near Beni on Monday, the regional office said.")
        with access.write(timeout=5) as writer:
            writer.ingest_batch([art], [mention(art, place="Beni")], fuse_by_type_day_place)
            seen: list[int] = []

            def read() -> None:
                with access.read() as store:
                    seen.append(store.count_events())

            reader = threading.Thread(target=read)
            reader.start()
            reader.join(5)
            assert seen == [4]  # answered from the snapshot, not blocked by the writer
        with access.read() as store:
            assert store.count_events() == 5
    finally:
        access.close()


def test_a_read_on_a_closed_access_is_refused(tmp_path: Path) -> None:
    sample = build_sample_store(tmp_path / "s.duckdb")
    access = StoreAccess(sample.path)
    access.close()
    with pytest.raises(StoreLockedError), access.read():
        pass
