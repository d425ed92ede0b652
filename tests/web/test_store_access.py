"""Reads and writes through the web server: short read-only connections, one writer at a time."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from tests.web.conftest import running_server
from tests.web.sample_store import build_sample_store

from sitreps.store import StoreLockedError
from sitreps.web import WebSettings
from sitreps.web.store_access import ReadWriteGate, StoreAccess


def test_readers_share_the_gate_and_a_writer_waits_for_them() -> None:
    gate = ReadWriteGate()
    order: list[str] = []
    with gate.reading(1), gate.reading(1):
        writer = threading.Thread(target=lambda: (gate.writing(5).__enter__(), order.append("write")))
        writer.start()
        time.sleep(0.1)
        order.append("reads done")
    writer.join(2)
    assert order == ["reads done", "write"]


def test_a_reader_gives_up_while_a_writer_holds_the_gate() -> None:
    gate = ReadWriteGate()
    with gate.writing(1), pytest.raises(StoreLockedError), gate.reading(0.1):
        pass


def test_the_server_holds_no_connection_between_requests(tmp_path: Path) -> None:
    sample = build_sample_store(tmp_path / "s.duckdb")
    with running_server(WebSettings(db_path=sample.path)) as url:
        assert httpx.get(url + "/api/events").status_code == 200
        # Between requests another process (an ingest) can take the write lock.
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


def test_a_read_while_another_process_writes_is_a_503_with_retry_after(tmp_path: Path) -> None:
    sample = build_sample_store(tmp_path / "s.duckdb")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from sitreps.store import Store; "
            "s = Store(sys.argv[1]); print('held', flush=True); time.sleep(30)",
            str(sample.path),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with running_server(WebSettings(db_path=sample.path, lock_timeout=0.3)) as url:
            response = httpx.get(url + "/api/events")
        assert response.status_code == 503
        assert response.headers["retry-after"] == "2"
        assert "locked" in response.json()["detail"]
    finally:
        holder.kill()
        holder.wait()


def test_a_store_access_read_is_read_only(tmp_path: Path) -> None:
    sample = build_sample_store(tmp_path / "s.duckdb")
    access = StoreAccess(sample.path)
    with access.read() as store:
        assert store.read_only
