"""Command start-up time, by hand (not a test): python benchmarks/bench_startup.py [--db STORE] [--runs 5]

Runs each command as a user does (the `sitreps` script beside this Python, in a fresh process)
`--runs` times and prints the median wall time, and its ratio to `python -c pass` measured the
same way in the same run (the interpreter's own start-up, so machines compare). Targets (issue
13): `--help` and `--version` under 0.3 s, `events` on a small store under 0.6 s.

Without --db, a small store is made first (untimed) in a temporary folder: the bundled demo
reports (`sitreps demo`), 13 articles. Each command's output is discarded; a command that exits
with an error is reported and stops the run, since its time would mean nothing.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGETS_S = {"--help": 0.3, "--version": 0.3, "events": 0.6}


def sitreps_command() -> list[str]:
    """The installed `sitreps` script of this environment, else the same entry point through Python."""
    script = Path(sys.executable).with_name("sitreps")
    return [str(script)] if script.is_file() else [sys.executable, "-c", "from sitreps.cli import main; main()"]


def median_wall(argv: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            last = done.stderr.strip().splitlines()[-1:] or ["(no message)"]
            raise SystemExit(f"{' '.join(argv)} exited {done.returncode}: {last[0]}")
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=None, help="store for `events` (default: a fresh demo store)")
    parser.add_argument("--runs", type=int, default=5, help="runs of each command; the median counts")
    args = parser.parse_args()

    sitreps = sitreps_command()
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "demo.duckdb"
            subprocess.run([*sitreps, "--db", str(db), "demo"], check=True, capture_output=True)
        commands = {
            "--help": [*sitreps, "--help"],
            "--version": [*sitreps, "--version"],
            "events": [*sitreps, "--db", str(db), "events"],
            "places resolve Kharkiv": [*sitreps, "places", "resolve", "Kharkiv"],
        }
        baseline = median_wall([sys.executable, "-c", "pass"], args.runs)
        print(f"python -c pass: {baseline:.3f} s (median of {args.runs})")
        print(f"{'command':<26} {'median s':>9} {'÷ python':>9} {'target s':>9}")
        for name, argv in commands.items():
            seconds = median_wall(argv, args.runs)
            target = TARGETS_S.get(name)
            verdict = "" if target is None else f"{target:>9.1f}  {'ok' if seconds < target else 'OVER'}"
            print(f"{name:<26} {seconds:>9.3f} {seconds / baseline:>9.1f} {verdict}")


if __name__ == "__main__":
    main()
