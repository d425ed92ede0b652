"""Start-up: what a command imports before it answers (each check in a fresh Python process).

Reading commands must not load spaCy, Ray, pyarrow or pandas (seconds of start-up and hundreds
of MB for nothing they use); `--help` and `--version` must not even load DuckDB, pydantic or
numpy, which is what kept them over 0.3 s (issue 13; timed by benchmarks/bench_startup.py, since
a timed test would fail on a busy machine).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitreps.cli import app

NEVER_FOR_READING = ("spacy", "ray", "pyarrow", "pandas")
NOT_FOR_HELP = (*NEVER_FOR_READING, "duckdb", "pydantic", "numpy")

# Runs each argument list through the CLI as `sitreps` would, in this one process, then prints
# the exit codes and which of the named modules got imported along the way.
RUNNER = """
import json, sys
from sitreps.cli import app

watched, runs = json.loads(sys.argv[1]), json.loads(sys.argv[2])
codes = []
for args in runs:
    try:
        app(args, prog_name="sitreps")
    except SystemExit as exc:
        codes.append(exc.code or 0)
print(json.dumps({"codes": codes, "loaded": [m for m in watched if m in sys.modules]}), file=sys.stderr)
"""


def imported_by(runs: list[list[str]], watched: tuple[str, ...]) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", RUNNER, json.dumps(watched), json.dumps(runs)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stderr.strip().splitlines()[-1])


@pytest.mark.parametrize("flag", ["--help", "--version"])
def test_help_and_version_import_neither_the_store_nor_the_models_nor_nlp(flag: str) -> None:
    answer = imported_by([[flag]], NOT_FOR_HELP)
    assert answer == {"codes": [0], "loaded": []}


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("startup") / "demo.duckdb"
    result = CliRunner().invoke(app, ["--db", str(db), "demo"])
    assert result.exit_code == 0, result.output
    return db


def test_reading_commands_never_import_nlp_ray_or_dataframes(demo_store: Path) -> None:
    db = ["--db", str(demo_store)]
    runs = [
        [*db, "events"],
        [*db, "events", "--json"],
        [*db, "episodes"],
        [*db, "articles"],
        [*db, "mentions"],
        [*db, "stats"],
        [*db, "show", "no-such-article"],  # exits 1: an unknown id is reported, not a crash
        ["places", "resolve", "Kharkiv"],
    ]
    answer = imported_by(runs, NEVER_FOR_READING)
    assert answer["codes"] == [0, 0, 0, 0, 0, 0, 1, 0]
    assert answer["loaded"] == []


def test_the_check_sees_an_import_when_there_is_one() -> None:
    # modules the command does import are reported: the probe is not blind
    answer = imported_by([["--version"]], ("typer", "sitreps.cli"))
    assert answer["loaded"] == ["typer", "sitreps.cli"]
