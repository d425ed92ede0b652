"""Extraction time per KB against article length, by hand (not a test):
python benchmarks/bench_article_length.py [--sizes 10000,100000,999000] [--profile FILE]

One long article (a live page of updates) is built for each size by joining distinct reports
from benchmarks/corpus.py (different places, actors, days, tolls and claimants, each with its
own report number), so no step can shortcut on repeated text. Each article is cleaned and
extracted alone, as `sitreps ingest` does with one big file: clean_document, then
RuleExtractor.extract (spaCy, triggers, roles, claims, fatalities, toponyms, dates, mention
assembly). Models, gazetteer and registries load before the clock starts.

Prints seconds per KB for each size and the ratio largest / smallest per KB: 1.0 is linear
time, the target is <= 1.5. The ratio is taken on the process's CPU time (the work done), which
other jobs on a shared machine do not inflate as they do wall time; both are printed. The
largest default stays under the 1,000,000-byte article cap
(`sitreps.ingest.limits.DEFAULT_MAX_ARTICLE_BYTES`, which is also spaCy's `nlp.max_length`).
Small sizes run several times and the fastest run counts (the machine is shared and noisy).
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from corpus import write_corpus

from sitreps.clean import clean_document
from sitreps.extract.mentions import RuleExtractor
from sitreps.ingest.documents import RawDocument
from sitreps.ingest.limits import DEFAULT_MAX_ARTICLE_BYTES
from sitreps.pipeline import load_known_name

DEFAULT_SIZES = (10_000, 100_000, 999_000)
# runs of an article of at most this many bytes; the fastest counts (larger ones run once)
REPEATS_BY_SIZE = ((20_000, 5), (200_000, 2))
PUBLISHED = date(2024, 7, 1)
# a report's paragraphs from corpus.py: [headline, "Published ...", dateline + body, follow-up,
# boilerplate]; an update of a live page keeps the body and the follow-up
UPDATE_PARAGRAPHS = slice(2, 4)


def report_updates(count: int) -> list[str]:
    """`count` distinct updates (two paragraphs each) from the synthetic report generator."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = write_corpus(Path(tmp), count, with_seeds=False)
        updates = []
        for path in paths:
            paragraphs = path.read_text(encoding="utf-8").split("\n\n")
            updates.append("\n\n".join(p.strip() for p in paragraphs[UPDATE_PARAGRAPHS]))
    return updates


def live_page(updates: list[str], size: int) -> str:
    """A live page of at most `size` bytes: a title, then updates until the next would not fit."""
    parts = [f"Live: fighting across the region, day {size // 1000}"]
    used = len(parts[0].encode("utf-8"))
    for update in updates:
        cost = len(update.encode("utf-8")) + 2
        if used + cost > size:
            break
        parts.append(update)
        used += cost
    else:
        raise ValueError(f"{len(updates)} updates fill only {used} of {size} bytes")
    return "\n\n".join(parts) + "\n"


def repeats_for(size: int) -> int:
    return next((runs for limit, runs in REPEATS_BY_SIZE if size <= limit), 1)


def time_article(text: str, extractor: RuleExtractor, known_name, runs: int) -> tuple[float, float, int]:
    """Fastest CPU and wall times of clean + extract over `runs` runs, and the mentions found."""
    raw = RawDocument(
        source="live-page.txt",
        data=text.encode("utf-8"),
        metadata={"published": PUBLISHED.isoformat(), "outlet": "Bench Live"},
    )
    best_cpu, best_wall, mentions = float("inf"), float("inf"), 0
    for _ in range(runs):
        cpu, wall = time.process_time(), time.perf_counter()
        article = clean_document(raw, known_name)
        mentions = len(extractor.extract([article])[0])
        best_cpu, best_wall = min(best_cpu, time.process_time() - cpu), min(best_wall, time.perf_counter() - wall)
    return best_cpu, best_wall, mentions


def parse_sizes(value: str) -> tuple[int, ...]:
    sizes = tuple(sorted(int(v) for v in value.split(",") if v.strip()))
    if not sizes or sizes[0] <= 0 or sizes[-1] > DEFAULT_MAX_ARTICLE_BYTES:
        raise argparse.ArgumentTypeError(f"sizes must be between 1 and {DEFAULT_MAX_ARTICLE_BYTES} bytes")
    return sizes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sizes", type=parse_sizes, default=DEFAULT_SIZES, help="article sizes in bytes, comma-separated"
    )
    parser.add_argument("--profile", type=Path, default=None, help="write a cProfile of the largest article here")
    args = parser.parse_args()

    sizes: tuple[int, ...] = args.sizes
    # an update is about 350 bytes: generate enough for the largest page, with a margin
    updates = report_updates(sizes[-1] // 250 + 10)
    known_name = load_known_name()
    extractor = RuleExtractor()  # loads the model with the actor ruler, gazetteer, registries
    time_article(live_page(updates, 5_000), extractor, known_name, 1)  # warm-up: lexicon caches

    print(f"{'size':>10} {'bytes':>9} {'runs':>4} {'cpu s':>8} {'cpu s/KB':>9} {'wall s':>8} {'mentions':>8}")
    per_kb: list[float] = []
    for size in sizes:
        text = live_page(updates, size)
        runs = repeats_for(size)
        cpu, wall, mentions = time_article(text, extractor, known_name, runs)
        kb = len(text.encode("utf-8")) / 1000
        per_kb.append(cpu / kb)
        print(f"{size:>10,} {len(text):>9,} {runs:>4} {cpu:>8.2f} {cpu / kb:>9.4f} {wall:>8.2f} {mentions:>8}")
        sys.stdout.flush()
    print(f"ratio CPU s/KB largest / smallest: {per_kb[-1] / per_kb[0]:.2f}  (1.0 = linear; target <= 1.5)")

    if args.profile is not None:
        profiler = cProfile.Profile()
        profiler.enable()
        time_article(live_page(updates, sizes[-1]), extractor, known_name, 1)
        profiler.disable()
        profiler.dump_stats(str(args.profile))
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


if __name__ == "__main__":
    main()
