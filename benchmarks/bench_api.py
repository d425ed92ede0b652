"""API latency at scale, run by hand:  python benchmarks/bench_api.py [--events 100000]

Builds a store of synthetic events (one event per synthetic mention, spread over a year and
over Ukraine/Russia/Sudan/Myanmar), serves it with `sitreps serve` in a child process, and
reports p50/p95 latency of /api/events with typical filters, of an event detail call and of
/api/stats, next to /api/health (no store access) measured in the same run as the baseline.
The first store read is timed on its own: it takes the server's snapshot of the store (a copy,
see sitreps/web/store_access.py), which every later read reuses until the store changes.
Target: p95 of /api/events under 100 ms.

Measured on 2 shared vCPUs (load average 3-6 from other jobs), 200 sequential requests per case,
two rounds each, old and new code run alternately on the same store; p95 in ms, before -> after
(reading a page's ids first, then their docs; serving from a held snapshot instead of opening
the store per request; stats counted in SQL):
  first page 73-176 -> 16-35      since+until+type 321-404 -> 26-38   country+min_sources 198-289 -> 31-44
  bbox 183-457 -> 31-37           actor+admin1 163-182 -> 40-60       q (text) 174-309 -> 24-62
  offset 50000 187-204 -> 36-68   event detail 152-167 -> 11-12       /api/stats 452-506 -> 25-28
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import httpx

from sitreps.model import Actor, Article, DateValue, Event, EventFatalities, Location, Mention, Span
from sitreps.store import EventFilter, Store

PLACES = [
    ("Kharkiv", "UA", "07", "Kharkiv Oblast", 49.99, 36.23),
    ("Bakhmut", "UA", "05", "Donetsk Oblast", 48.59, 38.0),
    ("Kherson", "UA", "08", "Kherson Oblast", 46.64, 32.61),
    ("Belgorod", "RU", "09", "Belgorod Oblast", 50.6, 36.6),
    ("Kursk", "RU", "41", "Kursk Oblast", 51.73, 36.19),
    ("El Fasher", "SD", "49", "North Darfur", 13.63, 25.35),
    ("Kadugli", "SD", "43", "Southern Kordofan", 11.01, 29.72),
    ("Sagaing", "MM", "10", "Sagaing Region", 21.88, 95.98),
]
TYPES = [
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
    ("Strategic developments", "Looting/property destruction"),
]
ACTORS = [
    Actor(id="RU_MIL", name="Military Forces of Russia (2000-)"),
    Actor(id="UA_MIL", name="Military Forces of Ukraine (2019-)"),
    Actor(id="RSF", name="Rapid Support Forces"),
    Actor(id="SD_MIL", name="Military Forces of Sudan (2019-)"),
    Actor(id="MM_MIL", name="Military Forces of Myanmar (2021-)"),
    Actor(id="PDF", name="People's Defence Force"),
]
MENTIONS_PER_ARTICLE = 5


@dataclass
class OneEventPerMention:
    """Synthetic fusion: each synthetic mention is its own event (the benchmark measures reads)."""

    events: list[Event]
    episodes: list[object]
    mentions: list[Mention]


def fuse_one_to_one(mentions: list[Mention], articles: dict[str, Article]) -> OneEventPerMention:
    events, fused = [], []
    for m in mentions:
        event_id = "ev-" + m.id[2:]
        fused.append(m.model_copy(update={"event_id": event_id}))
        events.append(
            Event(
                id=event_id,
                event_type=m.event_type,
                sub_event_type=m.sub_event_type,
                date=m.date,
                location=m.location,
                actor1=m.actor1,
                actor2=m.actor2,
                fatalities=EventFatalities(best=m.fatalities.best if m.fatalities else None),
                mention_ids=[m.id],
                article_ids=[m.article_id],
                sources=1 + (hash(m.id) % 3),
                independent_sources=1,
            )
        )
    return OneEventPerMention(events=events, episodes=[], mentions=fused)


def build(path: Path, n_events: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    first_day = date(2024, 1, 1)
    articles: list[Article] = []
    mentions: list[Mention] = []
    for i in range(n_events // MENTIONS_PER_ARTICLE):
        sentences = []
        for _ in range(MENTIONS_PER_ARTICLE):
            place = rng.choice(PLACES)
            sentences.append(f"Fighting was reported near {place[0]} as forces exchanged fire, officials said.")
        text = " ".join(sentences) + f" Report {i}."
        article_id = hashlib.sha256(text.encode()).hexdigest()[:16]
        day = first_day + timedelta(days=rng.randrange(366))
        articles.append(
            Article(
                id=article_id,
                source=f"synthetic/{i}.txt",
                outlet=f"Outlet {i % 40}",
                text=text,
                published=DateValue(start=day.isoformat(), end=day.isoformat()),
            )
        )
        offset = 0
        for j, sentence in enumerate(sentences):
            place = PLACES[[p[0] for p in PLACES].index(sentence.split("near ")[1].split(" as")[0])]
            event_type, sub_type = rng.choice(TYPES)
            when = (day - timedelta(days=rng.randrange(3))).isoformat()
            mentions.append(
                Mention(
                    id=f"m-{article_id}-{j}",
                    article_id=article_id,
                    event_type=event_type,  # type: ignore[arg-type]
                    sub_event_type=sub_type,
                    date=DateValue(start=when, end=when),
                    location=Location(
                        name=place[0],
                        toponym=place[0],
                        country_code=place[1],
                        admin1_code=place[2],
                        admin1=place[3],
                        lat=place[4] + rng.uniform(-0.3, 0.3),
                        lon=place[5] + rng.uniform(-0.3, 0.3),
                        geo_precision=rng.choice((1, 1, 2, 3)),
                    ),
                    actor1=rng.choice(ACTORS),
                    actor2=rng.choice(ACTORS),
                    evidence=[Span(start=offset, end=offset + len(sentence), text=sentence)],
                )
            )
            offset += len(sentence) + 1
    with Store(path) as store:
        store.ingest_batch(articles, mentions, fuse_one_to_one)  # type: ignore[arg-type]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def measure(http: httpx.Client, path: str, params: dict | None, runs: int) -> tuple[float, float, int]:
    http.get(path, params=params)  # warm-up
    timings = []
    status = 0
    for _ in range(runs):
        start = time.perf_counter()
        response = http.get(path, params=params)
        timings.append((time.perf_counter() - start) * 1000)
        status = response.status_code
    return statistics.median(timings), percentile(timings, 0.95), status


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--db", type=Path, help="reuse (or create) this store instead of a temporary one")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="sitreps-bench-"))
    db = args.db or workdir / "bench.duckdb"
    if not db.exists():
        started = time.perf_counter()
        build(db, args.events)
        print(f"built {args.events} synthetic events in {time.perf_counter() - started:.1f} s -> {db}")
    with Store(db, read_only=True) as store:
        total = store.count_events()
        some_id = store.events(EventFilter(limit=1, offset=total // 2))[0].id
    port = free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from sitreps.cli import main; main()",
            "--db",
            str(db),
            "serve",
            "--port",
            str(port),
        ],
        env={**os.environ},
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(base + "/api/health", timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        started = time.perf_counter()
        httpx.get(base + "/api/events", params={"limit": 1}, timeout=60).raise_for_status()
        print(f"first read (takes the snapshot): {(time.perf_counter() - started) * 1000:.0f} ms")
        cases = [
            ("baseline /api/health", "/api/health", None),
            ("/api/events (first page, no filter)", "/api/events", {"limit": 100}),
            (
                "/api/events since+until+type",
                "/api/events",
                {"since": "2024-03-01", "until": "2024-03-31", "type": "Battles", "limit": 100},
            ),
            (
                "/api/events country+min_sources",
                "/api/events",
                {"country": "UA", "min_sources": 2, "limit": 100},
            ),
            ("/api/events bbox", "/api/events", {"bbox": "35,48,39,51", "limit": 100}),
            ("/api/events actor+admin1", "/api/events", {"actor": "rapid support", "admin1": "North Darfur"}),
            ("/api/events q (text search)", "/api/events", {"q": "bakhmut", "limit": 100}),
            ("/api/events deep page (offset 50000)", "/api/events", {"limit": 100, "offset": 50_000}),
            ("/api/events/{id} (detail)", f"/api/events/{some_id}", None),
            ("/api/stats", "/api/stats", None),
        ]
        print(f"{total} events; {args.runs} sequential requests per case; times in ms")
        print(f"{'case':45s} {'p50':>8s} {'p95':>8s}  status")
        with httpx.Client(base_url=base, timeout=30) as http:
            for label, path, params in cases:
                p50, p95, status = measure(http, path, params, args.runs)
                print(f"{label:45s} {p50:8.1f} {p95:8.1f}  {status}")
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    main()
