"""The seams in `sitreps.hookspecs`, proven with a real installed plug-in: a package on the path
with a dist-info declaring `sitreps.exporters`, `sitreps.extractors` and `sitreps.commands` entry
points, driven through the real `sitreps` command line in a subprocess."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PLUGIN_MODULE = '''
from sitreps.hookspecs import Exporter
from sitreps.model import Mention


def write_lines(store, out, f=None):
    for event in store.export(f).events:
        out.write(f"{event.id}\\t{event.event_type}\\n".encode())


EXPORTER = Exporter("lines", write_lines, "stream", "one line per event")


class CountingExtractor:
    """Finds no events; writes one line per article it saw, to prove it ran."""

    name = "counting"

    def __init__(self, ctx):
        self.log = ctx.db_path.with_suffix(".seen")

    def extract(self, articles):
        with self.log.open("a") as log:
            for article in articles:
                log.write(article.id + "\\n")
        return [[] for _ in articles]


def make_extractor(ctx):
    return CountingExtractor(ctx)


def register(app):
    @app.command()
    def hello() -> None:
        """Say hello from a plug-in."""
        print("hello from the plug-in")
'''

ENTRY_POINTS = """[sitreps.exporters]
lines = sitreps_seamplug:EXPORTER
json = sitreps_seamplug:EXPORTER

[sitreps.extractors]
counting = sitreps_seamplug:make_extractor

[sitreps.commands]
hello = sitreps_seamplug:register
"""

REPORT = (
    "Market reopens in river town\n\nTraders in the river town of Keloma said on Monday that the main "
    "market had reopened after three weeks of repairs, and that prices of grain had fallen.\n"
)


@pytest.fixture
def plugin_path(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    root.mkdir()
    (root / "sitreps_seamplug.py").write_text(PLUGIN_MODULE, encoding="utf-8")
    dist = root / "sitreps_seamplug-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: sitreps-seamplug\nVersion: 0.1\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text(ENTRY_POINTS, encoding="utf-8")
    return root


def sitreps(plugin_path: Path | None, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, COLUMNS="300")  # Rich wraps error boxes at the terminal width
    if plugin_path is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(plugin_path), env.get("PYTHONPATH")]))
    code = "import sys; from sitreps.cli import main; sys.argv[0] = 'sitreps'; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=300, check=False
    )


def test_a_plugin_extractor_exporter_and_command_work_end_to_end(plugin_path: Path, tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")

    ingest = sitreps(plugin_path, "--db", str(db), "--extractor", "counting", "ingest", str(report))
    assert ingest.returncode == 0, ingest.stderr
    (seen,) = db.with_suffix(".seen").read_text().split()
    exported = json.loads(sitreps(plugin_path, "--db", str(db), "export", "--format", "json").stdout)
    assert [a["id"] for a in exported["articles"]] == [seen]  # the plug-in's extractor saw the stored article
    assert exported["mentions"] == []

    lines = sitreps(plugin_path, "--db", str(db), "export", "--format", "lines", "-o", str(tmp_path / "out.tsv"))
    assert lines.returncode == 0, lines.stderr
    assert (tmp_path / "out.tsv").read_text() == ""  # no events: the counting extractor finds none

    hello = sitreps(plugin_path, "hello")
    assert (hello.returncode, hello.stdout.strip()) == (0, "hello from the plug-in")


def test_a_plugin_cannot_replace_a_builtin_format(plugin_path: Path, tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    assert sitreps(plugin_path, "--db", str(db), "--extractor", "counting", "ingest", str(report)).returncode == 0
    result = sitreps(plugin_path, "--db", str(db), "export", "--format", "json")
    assert json.loads(result.stdout)["schema"] == "sitreps/1"
    assert "has a built-in's name; the built-in is used" in result.stderr


def test_without_the_plugin_its_names_are_refused_with_the_choices(tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    bad_format = sitreps(None, "--db", str(db), "export", "--format", "lnes")
    assert bad_format.returncode == 2 and "unknown format 'lnes'" in bad_format.stderr
    assert "json, csv, geojson, parquet" in bad_format.stderr
    bad_extractor = sitreps(None, "--db", str(db), "--extractor", "counting", "ingest", "-")
    assert bad_extractor.returncode == 2 and "unknown extractor 'counting'" in bad_extractor.stderr
