"""`sitreps ingest --engine ray` stores exactly what the local engine stores.

A local Ray cluster (2 CPUs) runs the per-article pipeline; exports of both stores must be
byte-identical once their records are sorted. The corpus mixes the shared seeds, the bundled
demo (plain text, HTML, JSONL, sidecar metadata), a duplicate copy and two rejects.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import REPORTS, SEEDS_DIR
from sitreps.cli import app
from sitreps.store import Store

runner = CliRunner()


def sitreps(db: Path, *args: str):  # noqa: ANN201 - click's Result
    return runner.invoke(app, ["--db", str(db), *args])


@pytest.fixture(scope="module")
def ray_cluster() -> Iterator[object]:
    ray = pytest.importorskip("ray", reason="the ray extra is not installed (pip install 'sitreps[ray]')")
    pytest.importorskip("ray.data")
    ray.init(num_cpus=2, include_dashboard=False, logging_level="WARNING")
    try:
        yield ray
    finally:
        ray.shutdown()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    shutil.copytree(Path(str(files("sitreps") / "demo")), folder / "demo")
    if SEEDS_DIR.is_dir():
        shutil.copytree(SEEDS_DIR, folder / "seeds")
    synthetic = folder / "synthetic"
    synthetic.mkdir()
    for name, text in REPORTS.items():
        (synthetic / name).write_text(text, encoding="utf-8")
    (synthetic / "zz-haiti-again.txt").write_text(REPORTS["haiti.txt"], encoding="utf-8")
    (synthetic / "empty.txt").write_bytes(b"")
    (synthetic / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    return folder


def sorted_json_export(db: Path) -> bytes:
    with Store(db, read_only=True) as store:
        doc = store.export().to_json_dict()
    for key in ("articles", "mentions", "events", "episodes"):
        doc[key] = sorted(doc[key], key=lambda record: record["id"])
    return json.dumps(doc, ensure_ascii=False, indent=2).encode("utf-8")


def sorted_csv_export(db: Path, tmp_path: Path) -> list[list[str]]:
    """The ACLED CSV rows, sorted, without `timestamp` (when the export ran)."""
    out = tmp_path / f"{db.stem}.csv"
    result = sitreps(db, "export", "--format", "csv", "-o", str(out))
    assert result.exit_code == 0, result.output
    header, *rows = csv.reader(io.StringIO(out.read_text(encoding="utf-8")))
    keep = [i for i, name in enumerate(header) if name != "timestamp"]
    return [[header[i] for i in keep], *sorted([row[i] for i in keep] for row in rows)]


def counts(result_stdout: str) -> str:
    """The numbers row of the ingest summary table."""
    return next(line for line in result_stdout.splitlines() if any(ch.isdigit() for ch in line))


@pytest.mark.ray
@pytest.mark.slow
def test_the_ray_engine_stores_byte_for_byte_what_the_local_engine_stores(
    ray_cluster: object, corpus: Path, tmp_path: Path
) -> None:
    from sitreps.engine.article_worker import default_extractor_factory
    from sitreps.engine.ray_engine import run_ingest_ray
    from sitreps.pipeline import load_default_extractor, load_known_name, run_ingest

    extractor, known_name = load_default_extractor(None), load_known_name()  # type: ignore[arg-type]
    local_db, ray_db = tmp_path / "local.duckdb", tmp_path / "ray.duckdb"
    # Both stores already hold part of the corpus, so the Ray run cleans first and extracts only
    # what is new (the path of a re-run over a growing archive).
    for db in (local_db, ray_db):
        with Store(db) as store:
            run_ingest(store, [str(corpus / "synthetic")], extractor=extractor, known_name=known_name, batch_size=4)

    with Store(local_db) as store:
        local = run_ingest(
            store, [str(corpus)], recursive=True, extractor=extractor, known_name=known_name, batch_size=4
        )
    # Small blocks over 2 actors: results would come back out of order unless the engine kept order.
    with Store(ray_db) as store:
        remote = run_ingest_ray(
            store,
            [str(corpus)],
            recursive=True,
            batch_size=4,
            extractor_factory=default_extractor_factory(),
            workers=2,
            block_rows=3,
        )
    assert (remote.read, remote.new, remote.duplicate, remote.mentions, remote.events, remote.episodes) == (
        local.read,
        local.new,
        local.duplicate,
        local.mentions,
        local.events,
        local.episodes,
    )
    assert remote.rejected == local.rejected and len(local.rejected) == 2
    assert local.new > 10 and local.mentions > 0 and local.events > 0

    assert sorted_json_export(ray_db) == sorted_json_export(local_db)
    assert sorted_csv_export(ray_db, tmp_path) == sorted_csv_export(local_db, tmp_path)


@pytest.mark.ray
@pytest.mark.slow
def test_the_cli_runs_the_ray_engine_and_keeps_its_parquet(ray_cluster: object, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    reports = tmp_path / "reports"
    reports.mkdir()
    for name, text in REPORTS.items():
        (reports / name).write_text(text, encoding="utf-8")
    (reports / "zz-darfur-again.txt").write_text(REPORTS["darfur.txt"], encoding="utf-8")
    (reports / "empty.txt").write_bytes(b"")
    local_db, ray_db, parquet = tmp_path / "local.duckdb", tmp_path / "ray.duckdb", tmp_path / "parquet"

    local = sitreps(local_db, "ingest", "--batch-size", "2", str(reports))
    # An empty store: cleaning and extraction run as one streaming Ray Data job.
    result = sitreps(
        ray_db, "ingest", "--engine", "ray", "--batch-size", "2", "--parquet-dir", str(parquet), str(reports)
    )
    assert result.exit_code == local.exit_code == 1, result.output  # the empty file
    assert counts(result.stdout) == counts(local.stdout)
    assert result.stderr.splitlines()[-1] == local.stderr.splitlines()[-1] == f"{reports / 'empty.txt'}: empty file"
    assert sorted_json_export(ray_db) == sorted_json_export(local_db)

    table = pq.read_table(parquet)
    assert table.num_rows == len(REPORTS) + 1  # every readable report, the duplicate copy too
    assert sum(len(json.loads(m)) for m in table.column("mentions").to_pylist()) > 0


def test_asking_for_ray_without_the_extra_is_a_one_line_usage_error(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray -> ImportError
    (tmp_path / "a.txt").write_text(REPORTS["haiti.txt"], encoding="utf-8")
    result = sitreps(db_path, "ingest", "--engine", "ray", str(tmp_path / "a.txt"))
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: the ray engine needs the ray extra: pip install 'sitreps[ray]'"


def test_ray_options_without_the_ray_engine_are_a_usage_error(db_path: Path, tmp_path: Path) -> None:
    result = sitreps(db_path, "ingest", "--workers", "2", str(tmp_path))
    assert result.exit_code == 2
    assert "--workers only apply with --engine ray" in result.stderr


def test_the_local_engine_never_imports_ray(db_path: Path, tmp_path: Path) -> None:
    report = tmp_path / "a.txt"
    report.write_text(REPORTS["darfur.txt"], encoding="utf-8")
    script = (
        "import sys\n"
        "from sitreps.cli import app\n"
        f"try:\n    app(['--db', {str(db_path)!r}, 'ingest', {str(report)!r}])\n"
        "except SystemExit as exit:\n    assert exit.code in (0, None), exit.code\n"
        "print(sorted(m for m in sys.modules if m == 'ray' or m.startswith('ray.')))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"
