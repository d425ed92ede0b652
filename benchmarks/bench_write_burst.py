"""Do writers starve readers? Run by hand:  python benchmarks/bench_write_burst.py [--posts 200]

Serves a store of synthetic events with `sitreps serve` in a child process on loopback, then
measures the latency of `GET /api/events` twice in the same run:

  baseline  sequential reads with nothing else going on;
  burst     sequential reads while another process fires `--posts` small `POST /api/ingest`
            requests (synthetic reports from benchmarks/corpus.py) at once, each with the page's
            CSRF token, and waits for every answer (200 stored, or 503 + Retry-After when the
            server's write queue is full; the benchmark does not retry, so it stops by itself).

It prints p50/p95/max of both, the ratio of the p95s and what the writes got back. Target: p95
under 1 s during the burst. The model is loaded by one warm-up POST first, so the burst times
queueing and the writes themselves, not the one-off model load.

Measured on 2 shared vCPUs (load average 3-5 from other jobs), 10,000 events, two runs:
  baseline p95 39 / 21 ms; during the burst p95 294 / 283 ms (max 1.3 / 0.8 s), ratio 7.5 / 13.5;
  17 of 200 POSTs stored (one running + 16 queued at a time), 183 refused 503 + Retry-After.
Before writers had their own thread, queued writers filled the read pool: one GET waited for
the lock timeout (the issue measured 100 s; a 10 s client timeout expired here).
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import httpx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_api import build, free_port, percentile  # noqa: E402
from corpus import write_corpus  # noqa: E402

MAX_POSTS = 1000  # a bound, so no one turns this into a load generator by accident
READ = ("/api/events", {"limit": 100})


def fire_burst(base: str, csrf: str, bodies: list[bytes], results: multiprocessing.Queue) -> None:
    """In a process of its own: POST every body at once; report (first sent, last answered, statuses)."""

    async def burst() -> tuple[float, float, list[int]]:
        limits = httpx.Limits(max_connections=len(bodies), max_keepalive_connections=0)
        headers = {"X-CSRF-Token": csrf, "Content-Type": "text/plain"}
        async with httpx.AsyncClient(base_url=base, limits=limits, timeout=300) as http:

            async def post(body: bytes) -> int:
                try:
                    return (await http.post("/api/ingest", content=body, headers=headers)).status_code
                except httpx.HTTPError:
                    return 0

            started = time.time()
            statuses = await asyncio.gather(*(post(b) for b in bodies))
            return started, time.time(), list(statuses)

    results.put(asyncio.run(burst()))


def read_until(http: httpx.Client, stop: threading.Event, timings: list[tuple[float, float]]) -> None:
    """Sequential reads until `stop`; each noted as (wall-clock start, seconds taken)."""
    while not stop.is_set():
        started, t0 = time.time(), time.perf_counter()
        http.get(READ[0], params=READ[1]).raise_for_status()
        timings.append((started, time.perf_counter() - t0))


def summary(seconds: list[float]) -> str:
    ms = [s * 1000 for s in seconds]
    return (
        f"p50 {statistics.median(ms):7.1f} ms   p95 {percentile(ms, 0.95):7.1f} ms   "
        f"max {max(ms):7.1f} ms   ({len(ms)} reads)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--posts", type=int, default=200, help=f"concurrent POSTs in the burst (at most {MAX_POSTS})")
    parser.add_argument("--events", type=int, default=10_000, help="synthetic events in the served store")
    parser.add_argument("--baseline-reads", type=int, default=200)
    parser.add_argument("--serve-option", action="append", default=[], help="passed to sitreps serve (repeatable)")
    args = parser.parse_args()
    if not 1 <= args.posts <= MAX_POSTS:
        parser.error(f"--posts must be 1..{MAX_POSTS}")

    workdir = Path(tempfile.mkdtemp(prefix="sitreps-burst-"))
    db = workdir / "burst.duckdb"
    build(db, args.events)
    reports = write_corpus(workdir / "reports", args.posts + 1, with_seeds=False)
    bodies = [p.read_bytes() for p in reports]
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = [sys.executable, "-c", "from sitreps.cli import main; main()", "--db", str(db), "serve"]
    server = subprocess.Popen([*command, "--port", str(port), *args.serve_option], env={**os.environ})
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(base + "/api/health", timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("sitreps serve did not start") from None
                time.sleep(0.2)
        match = re.search(r'<meta name="sitreps-csrf" content="([^"]+)">', httpx.get(base + "/").text)
        assert match, "the page carries no CSRF token"
        csrf = match.group(1)
        with httpx.Client(base_url=base, timeout=300) as http:
            http.get(READ[0], params=READ[1]).raise_for_status()  # takes the snapshot
            started = time.perf_counter()
            warm = http.post(
                "/api/ingest", content=bodies[0], headers={"X-CSRF-Token": csrf, "Content-Type": "text/plain"}
            )
            warm.raise_for_status()
            print(f"warm-up POST (loads the model): {time.perf_counter() - started:.1f} s")

            baseline = []
            for _ in range(args.baseline_reads):
                t0 = time.perf_counter()
                http.get(READ[0], params=READ[1]).raise_for_status()
                baseline.append(time.perf_counter() - t0)

            results: multiprocessing.Queue = multiprocessing.get_context("spawn").Queue()
            stop = threading.Event()
            timings: list[tuple[float, float]] = []
            reader = threading.Thread(target=read_until, args=(http, stop, timings))
            reader.start()
            child = multiprocessing.get_context("spawn").Process(
                target=fire_burst, args=(base, csrf, bodies[1:], results)
            )
            child.start()
            first_sent, last_answered, statuses = results.get(timeout=900)
            child.join()
            stop.set()
            reader.join()
        during = [seconds for at, seconds in timings if first_sent <= at <= last_answered]
        if not during:
            raise SystemExit("no read fell inside the burst; raise --posts")
        print(f"store: {args.events:,} synthetic events; GET {READ[0]}?limit={READ[1]['limit']}")
        print(f"baseline (no writes):  {summary(baseline)}")
        print(f"during the burst:      {summary(during)}")
        p95_ratio = percentile(during, 0.95) / percentile(baseline, 0.95)
        print(f"p95 during ÷ p95 baseline: {p95_ratio:.2f}")
        outcome = ", ".join(f"{n} x {status or 'no answer'}" for status, n in sorted(Counter(statuses).items()))
        print(f"burst: {len(statuses)} POSTs answered in {last_answered - first_sent:.1f} s: {outcome}")
        print(f"load average (1 min) at the end: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
