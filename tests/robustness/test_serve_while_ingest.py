"""Serving while ingesting: the API keeps answering, whole and consistent, while `sitreps ingest`
writes 1,000 articles from another process, and shows them all once it is done. Also the cap on
request bodies, set on the command line, answered with a 413 that names the limit.

Real pieces only: uvicorn on a loopback port, `sitreps ingest` and `sitreps serve` as child
processes with the real extractor and fusion, a DuckDB file on disk.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import httpx
from tests.web.conftest import csrf_headers, free_port, running_server

from conftest import sitreps_process
from sitreps.store import Store
from sitreps.web import WebSettings

ARTICLES = 1000
BATCH = 50
READERS = 3
PLACES = ["Mosul", "Kirkuk", "Aleppo", "Homs", "Sanaa", "Aden", "Benghazi", "Kassala", "Gao", "Goma"]
ACTORS = ["government forces", "rebel fighters", "police", "an armed group", "militiamen"]


def write_reports(folder: Path) -> None:
    """Short invented reports: clashes in ten cities over a month, told by many bulletins."""
    folder.mkdir()
    for i in range(ARTICLES):
        place, actor = PLACES[i % len(PLACES)], ACTORS[i % len(ACTORS)]
        (folder / f"bulletin-{i:04d}.txt").write_text(
            f"Clashes near {place}\n\n{place.upper()}, May {1 + i % 28}, 2024 - Fighting broke out between "
            f"{actor} and local defence units near {place} on Tuesday, officials said, and {i % 7} people "
            f"were killed. Bulletin {i}: shops stayed closed for a second day.\n",
            encoding="utf-8",
        )


class Reader(threading.Thread):
    """Reads the API in a loop and checks every answer is whole; records what it saw."""

    def __init__(self, base: str, stop: threading.Event) -> None:
        super().__init__(daemon=True)
        self.base, self.stop = base, stop
        self.statuses: Counter[int] = Counter()
        self.problems: list[str] = []
        self.article_counts: set[int] = set()
        self.requests_while_ingesting = 0
        self.ingesting = threading.Event()

    def get(self, http: httpx.Client, path: str, **params: object) -> dict | None:
        response = http.get(path, params=params)
        self.statuses[response.status_code] += 1
        if self.ingesting.is_set():
            self.requests_while_ingesting += 1
        if response.status_code != 200:
            self.problems.append(f"{path}: {response.status_code} {response.text[:200]}")
            return None
        return response.json()

    def check_once(self, http: httpx.Client) -> None:
        stats = self.get(http, "/api/stats")
        page = self.get(http, "/api/events", limit=5000)
        if stats is None or page is None:
            return
        # One snapshot per response: its parts agree with each other.
        if sum(stats["by_type"].values()) != stats["events"]:
            self.problems.append(f"stats by type {stats['by_type']} do not add up to {stats['events']}")
        if page["total"] != len(page["events"]):
            self.problems.append(f"events total {page['total']} but {len(page['events'])} listed")
        # Whole batches only: an ingest commits BATCH articles per transaction.
        self.article_counts.add(stats["articles"])
        if stats["articles"] % BATCH:
            self.problems.append(f"{stats['articles']} articles is not a whole number of batches")
        for event in page["events"][:3]:
            detail = self.get(http, f"/api/events/{event['id']}")
            if detail is None:
                continue
            mention_ids = sorted(m["id"] for m in detail["mentions"])
            if mention_ids != sorted(detail["mention_ids"]):
                self.problems.append(f"event {event['id']}: mentions do not match mention_ids")
            if any(m["event_id"] != detail["id"] for m in detail["mentions"]):
                self.problems.append(f"event {event['id']}: a mention of another event")

    def run(self) -> None:
        with httpx.Client(base_url=self.base, timeout=30) as http:
            while not self.stop.is_set():
                try:
                    self.check_once(http)
                except httpx.HTTPError as exc:
                    self.problems.append(f"transport error: {exc!r}")


def test_the_api_answers_whole_while_another_process_ingests_1000_articles(tmp_path: Path) -> None:
    reports = tmp_path / "reports"
    write_reports(reports)
    db = tmp_path / "store.duckdb"
    stop = threading.Event()
    # The server starts first, on a store it creates empty; the ingest must still get in.
    with running_server(WebSettings(db_path=db, lock_timeout=5)) as base:
        readers = [Reader(base, stop) for _ in range(READERS)]
        for reader in readers:
            reader.start()
        time.sleep(0.5)
        for reader in readers:
            reader.ingesting.set()
        started = time.monotonic()
        ingest = sitreps_process(
            ["ingest", str(reports), "--batch-size", str(BATCH)],
            db,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            _, err = ingest.communicate(timeout=300)
        finally:
            if ingest.poll() is None:
                ingest.kill()
        took = time.monotonic() - started
        for reader in readers:
            reader.ingesting.clear()
        assert ingest.returncode == 0, err.decode(errors="replace")[-2000:]
        # The first read after the ingest ends sees all of it.
        after = httpx.get(base + "/api/stats", timeout=30).json()
        stop.set()
        for reader in readers:
            reader.join(60)

    problems = [p for reader in readers for p in reader.problems]
    statuses = sum((reader.statuses for reader in readers), Counter())
    during = sum(reader.requests_while_ingesting for reader in readers)
    print(f"{during} requests answered while a {took:.0f} s ingest ran; statuses {dict(statuses)}")
    assert problems == [], problems[:10]
    assert set(statuses) == {200}, statuses
    assert during >= 30, f"only {during} requests were answered during a {took:.0f} s ingest"
    with Store(db, read_only=True) as store:
        counts = store.counts()
    assert counts["articles"] == ARTICLES
    assert after["articles"] == ARTICLES and after["events"] == counts["events"] > 0


def test_a_request_body_over_the_configured_cap_is_a_413_that_names_the_limit(tmp_path: Path) -> None:
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from sitreps.cli import main; main()",
            "--db",
            str(tmp_path / "s.duckdb"),
            "serve",
            "--port",
            str(port),
            "--max-ingest-bytes",
            "1000",
        ],
        env={**os.environ},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(base + "/api/health", timeout=1)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "sitreps serve did not start"
                time.sleep(0.2)
        report = "Clashes near Gao\n\n" + "Fighting broke out near Gao on Tuesday, officials said. " * 40
        headers = {"content-type": "text/plain", **csrf_headers(base)}
        response = httpx.post(base + "/api/ingest", content=report.encode(), headers=headers)
        assert response.status_code == 413
        assert response.json()["detail"] == (
            "request body larger than the limit of 1000 bytes (sitreps serve --max-ingest-bytes)"
        )
        # Under the cap the same route runs the pipeline.
        small = httpx.post(base + "/api/ingest", content=report[:900].encode(), headers=headers, timeout=120)
        assert small.status_code == 200 and small.json()["new"] == 1
    finally:
        server.terminate()
        server.wait(10)
