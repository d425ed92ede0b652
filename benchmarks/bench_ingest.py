"""Ingest throughput, by hand (not a test): python benchmarks/bench_ingest.py [N]

Generates N short reports in a temp folder, then measures, in the same process and run:
  1. baseline: read_paths + clean_document only (no models, no store);
  2. full pipeline: read, clean, extract (spaCy), store with re-fusion, batch size 50.
and prints articles/second for each, so numbers from different machines compare as a ratio.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from sitreps.clean import CleanError, clean_document
from sitreps.context import AppContext
from sitreps.ingest import Rejection, read_paths
from sitreps.pipeline import load_default_extractor, load_default_fuse, load_known_name, run_ingest
from sitreps.store import Store

PLACES = ["Mosul", "Aleppo", "Sanaa", "Benghazi", "Kassala", "Gao", "Goma", "Bunia", "Marawi", "Kidal"]
ACTORS = ["government forces", "rebel fighters", "police", "an armed group", "militiamen"]


def write_reports(folder: Path, n: int) -> None:
    for i in range(n):
        place, actor = PLACES[i % len(PLACES)], ACTORS[i % len(ACTORS)]
        (folder / f"r{i:05d}.txt").write_text(
            f"Fighting reported near {place}\n\n{place.upper()}, May {1 + i % 28} - Clashes broke out "
            f"between {actor} and local defence units near {place} on Tuesday, officials said, and "
            f"{i % 9} people were killed. Report {i}: residents said shops stayed closed for a second day.\n",
            encoding="utf-8",
        )


def main(n: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "reports"
        folder.mkdir()
        write_reports(folder, n)
        known_name = load_known_name()

        start = time.perf_counter()
        cleaned = 0
        for item in read_paths([str(folder)], recursive=True):
            if isinstance(item, Rejection):
                continue
            try:
                clean_document(item, known_name)
                cleaned += 1
            except CleanError:
                pass
        baseline = time.perf_counter() - start

        db = Path(tmp) / "bench.duckdb"
        extractor = load_default_extractor(AppContext(db_path=db))
        fuse = load_default_fuse()
        with Store(db) as store:
            start = time.perf_counter()
            report = run_ingest(store, [str(folder)], recursive=True, extractor=extractor, fuse=fuse)
            full = time.perf_counter() - start
    print(f"articles: {n} (cleaned {cleaned}, stored {report.new}, mentions {report.mentions}, events {report.events})")
    print(f"baseline read+clean: {cleaned / baseline:8.1f} articles/s ({baseline:.2f} s)")
    print(
        f"full ingest:         {report.new / full:8.1f} articles/s ({full:.2f} s)  "
        f"extractor={extractor and extractor.name}"
    )
    print(f"full / baseline:     {full / baseline:8.1f}x the time")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
