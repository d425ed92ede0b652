"""Writes cannot hold the server hostage: stalled uploads are cut, a client that leaves is one log
line, writers wait behind one write thread (a bounded queue, then 503) and reads go on meanwhile."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

import httpx
from tests.web.conftest import csrf_headers, running_server, serve_process

from sitreps.web import WebSettings


def _raw_post_head(url: str, length: int, csrf: dict[str, str]) -> bytes:
    netloc = urlparse(url).netloc
    return (
        f"POST /api/ingest HTTP/1.1\r\nHost: {netloc}\r\nContent-Type: text/plain\r\n"
        f"X-CSRF-Token: {csrf['X-CSRF-Token']}\r\nContent-Length: {length}\r\n\r\n"
    ).encode()


def _connect(url: str) -> socket.socket:
    parts = urlparse(url)
    return socket.create_connection((parts.hostname, parts.port), timeout=10)


def _read_all(sock: socket.socket) -> bytes:
    data = b""
    while chunk := sock.recv(65536):
        data += chunk
    return data


def test_a_stalled_upload_is_cut_after_the_body_timeout_and_logged_in_one_line(tmp_path: Path) -> None:
    log = tmp_path / "serve.log"
    with serve_process(tmp_path / "s.duckdb", log, "--body-timeout", "1") as url:
        with _connect(url) as sock:
            sock.sendall(_raw_post_head(url, 1000, csrf_headers(url)) + b"Gunmen attacked")
            started = time.monotonic()
            answer = _read_all(sock)  # returns once the server closes the connection
            waited = time.monotonic() - started
        assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
        assert b"--body-timeout" in answer
        assert 0.9 <= waited < 10
        assert httpx.get(url + "/api/stats").json()["articles"] == 0
    lines = log.read_text().splitlines()
    cut = [line for line in lines if "sent no data for 1 s after 15 bytes" in line]
    assert len(cut) == 1, lines
    assert "Traceback" not in log.read_text()


def test_a_slow_upload_that_keeps_sending_is_not_cut(tmp_path: Path) -> None:
    with running_server(WebSettings(db_path=tmp_path / "s.duckdb", body_timeout=1.0)) as url:
        with _connect(url) as sock:
            sock.sendall(_raw_post_head(url, 6, csrf_headers(url)))
            for _ in range(6):  # 2.4 s in all, never more than 0.4 s between bytes
                time.sleep(0.4)
                sock.sendall(b" ")
            answer = _read_all_until_body(sock)
    # A whitespace body reaches the route (422), so the upload was read to its end.
    assert answer.startswith(b"HTTP/1.1 422"), answer[:200]


def _read_all_until_body(sock: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data or not data.rstrip().endswith(b"}"):
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    return data


def test_a_client_that_disconnects_mid_upload_is_one_log_line_not_a_traceback(tmp_path: Path) -> None:
    log = tmp_path / "serve.log"
    with serve_process(tmp_path / "s.duckdb", log) as url:
        with _connect(url) as sock:
            sock.sendall(_raw_post_head(url, 5000, csrf_headers(url)) + b"x" * 100)
            time.sleep(0.3)
        deadline = time.monotonic() + 10
        while "disconnected" not in log.read_text() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert httpx.get(url + "/api/health").status_code == 200  # the server goes on
    text = log.read_text()
    assert [line for line in text.splitlines() if "disconnected" in line] == [
        line for line in text.splitlines() if "disconnected after sending 100 bytes; nothing stored" in line
    ]
    assert text.count("disconnected") == 1, text
    assert "Traceback" not in text


def test_a_full_write_queue_answers_503_with_retry_after_and_frees_places_when_writers_leave(tmp_path: Path) -> None:
    with running_server(WebSettings(db_path=tmp_path / "s.duckdb", max_queued_writes=1)) as url:
        csrf = csrf_headers(url)
        headers = {**csrf, "Content-Type": "text/plain"}
        # Two uploads that stall hold both places: the one running and the one queued behind it.
        holders = [_connect(url), _connect(url)]
        for sock in holders:
            sock.sendall(_raw_post_head(url, 1000, csrf) + b"partial")
        deadline = time.monotonic() + 10
        while True:
            refused = httpx.post(url + "/api/ingest", content=b" ", headers=headers)
            if refused.status_code == 503 or time.monotonic() > deadline:
                break
            assert refused.status_code == 422  # a place was free: the probe went through
            time.sleep(0.05)
        assert refused.status_code == 503, refused.text
        assert int(refused.headers["retry-after"]) >= 1
        assert "--write-queue" in refused.json()["detail"]
        assert httpx.get(url + "/api/health").status_code == 200  # reads are not queued
        for sock in holders:
            sock.close()
        deadline = time.monotonic() + 10
        while (after := httpx.post(url + "/api/ingest", content=b" ", headers=headers)).status_code == 503:
            assert time.monotonic() < deadline, "the places of departed writers were never freed"
            time.sleep(0.1)
        assert after.status_code == 422


def test_reads_are_answered_while_a_burst_of_writers_waits_for_the_store(tmp_path: Path) -> None:
    db = tmp_path / "held.duckdb"
    burst = 40  # as many as the read pool has threads: queued writers in that pool would starve reads
    settings = WebSettings(db_path=db, ingest_lock_timeout=60, max_queued_writes=4)
    with running_server(settings) as url:
        assert httpx.get(url + "/api/events").status_code == 200  # the snapshot reads are served from
        headers = {**csrf_headers(url), "Content-Type": "text/plain"}
        holder = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "import duckdb, sys; c = duckdb.connect(sys.argv[1]); print(1, flush=True); sys.stdin.read()",
                str(db),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        try:
            assert holder.stdout is not None and holder.stdout.readline().strip() == b"1"
            statuses: list[int] = []

            def post(i: int) -> None:
                text = f"Report {i}: shelling was reported near a village on Monday, residents said."
                response = httpx.post(url + "/api/ingest", content=text.encode(), headers=headers, timeout=120)
                statuses.append(response.status_code)

            writers = [threading.Thread(target=post, args=(i,)) for i in range(burst)]
            for writer in writers:
                writer.start()
            deadline = time.monotonic() + 30
            while statuses.count(503) < burst - 5 and time.monotonic() < deadline:
                time.sleep(0.05)
            assert statuses.count(503) == burst - 5  # one running (waiting for the lock), four queued
            # Before writers had a thread of their own, this read waited for the lock timeout (60 s).
            assert httpx.get(url + "/api/events", timeout=10).status_code == 200
        finally:
            assert holder.stdin is not None
            holder.stdin.close()
            holder.wait(10)
        for writer in writers:
            writer.join(120)
        assert sorted(set(statuses)) == [200, 503] and statuses.count(200) == 5
