"""Extraction is an ordered list of named steps (`sitreps.extract.steps`): `sitreps pipeline`
lists them, and the `events` step is replaced by name through sitreps.toml and through an
installed `sitreps.steps` entry point; the replacement's mentions reach the store and the export."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitreps.cli import app
from sitreps.extract.steps import DEFAULT_STEPS, pipeline_specs

# A tiny event detector of our own: every sentence with the word "blast" is one IED event,
# told by the outlet; the steps after it (places, merge, mentions) do the rest.
BLAST_STEP = """
from sitreps.extract.claims import Claim, reporter
from sitreps.extract.mentions import Candidate


class BlastOnly:
    name = "events"
    reads = ("doc",)
    writes = ("candidates",)
    data = ()

    def __init__(self, resources):
        self.resources = resources

    def __call__(self, record):
        for sent in record.doc.sents:
            if any(token.lower_ == "blast" for token in sent):
                record.candidates.append(
                    Candidate(
                        event_type="Explosions/Remote violence",
                        sub_event_type="Remote explosive/landmine/IED",
                        outcome=None,
                        sent_start=sent.start_char,
                        sent_end=sent.end_char,
                        actor1=None,
                        actor2=None,
                        assoc1=[],
                        claim=Claim(reporter(record.article.outlet), "asserted"),
                        date=record.article.published,
                        own_date=False,
                        place=None,
                        evidence=[(sent.start_char, sent.end_char)],
                    )
                )
        return record


def make_step(resources):
    return BlastOnly(resources)
"""

REPORT = (
    "Blast hits market in Kismayo\n\n"
    "KISMAYO, Somalia, 14 March 2025 - A blast tore through the main market of Kismayo on Friday "
    "morning, residents said. Police later clashed with a crowd that gathered near the port.\n"
)


@pytest.fixture
def plugin_dir(tmp_path: Path) -> Path:
    root = tmp_path / "plug"
    root.mkdir()
    (root / "blast_step.py").write_text(BLAST_STEP, encoding="utf-8")
    return root


def _event_types(export: dict) -> list[tuple[str, str]]:
    return sorted((m["event_type"], m["sub_event_type"]) for m in export["mentions"])


def test_pipeline_lists_the_steps_in_order_with_what_they_read_and_write() -> None:
    result = CliRunner().invoke(app, ["pipeline", "--json"])
    assert result.exit_code == 0, result.output
    steps = json.loads(result.output)
    assert [s["name"] for s in steps] == [name for name, _ in DEFAULT_STEPS]
    events = next(s for s in steps if s["name"] == "events")
    assert "candidates" in events["writes"] and "toponyms" in events["reads"]
    assert "models/event_model.npz" in events["data"] and events["origin"] == "built-in"
    table = CliRunner().invoke(app, ["pipeline"], env={"COLUMNS": "250"})
    assert "toponyms" in table.output and "background.yaml" in table.output


def test_every_built_in_step_is_a_step_that_declares_its_record_fields() -> None:
    record_fields = {"doc", "paragraph_starts", "toponyms", "registered", "tracker", "candidates"}
    record_fields |= {"orphan_figures", "story_placed", "mentions"}
    for spec in pipeline_specs():
        declared = spec.describe()
        assert declared["name"] == spec.name and declared["writes"]
        for name in declared["reads"] + declared["writes"]:
            assert name.startswith("article.") or name in record_fields, (spec.name, name)
        assert all(hasattr(spec.factory, attr) for attr in ("name", "reads", "writes", "data"))
        assert spec.factory.name == spec.name and callable(spec.factory)


def test_the_events_step_is_replaced_by_name_through_sitreps_toml(
    plugin_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(plugin_dir))
    config = tmp_path / "sitreps.toml"
    config.write_text('[steps]\nevents = "blast_step:make_step"\n', encoding="utf-8")
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    db = str(tmp_path / "store.duckdb")
    runner = CliRunner()

    listed = json.loads(runner.invoke(app, ["--config", str(config), "pipeline", "--json"]).output)
    assert [s["origin"] for s in listed if s["name"] == "events"] == [f"config ({config})"]
    ingest = runner.invoke(app, ["--db", db, "--config", str(config), "ingest", str(report)])
    assert ingest.exit_code == 0, ingest.output
    export = json.loads(runner.invoke(app, ["--db", db, "export"]).output)
    # only the blast: the built-in events step would also have read the clash with the crowd
    assert _event_types(export) == [("Explosions/Remote violence", "Remote explosive/landmine/IED")]
    (mention,) = export["mentions"]
    assert mention["location"]["name"] == "Kismayo"
    assert "blast tore through" in mention["evidence"][0]["text"]


def test_the_events_step_is_replaced_through_an_installed_entry_point(plugin_dir: Path, tmp_path: Path) -> None:
    dist = plugin_dir / "blast_step-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: blast-step\nVersion: 0.1\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[sitreps.steps]\nblast-only = blast_step:make_step\n", encoding="utf-8")
    config = tmp_path / "sitreps.toml"
    config.write_text('[steps]\nevents = "blast-only"\n', encoding="utf-8")
    report = tmp_path / "report.txt"
    report.write_text(REPORT, encoding="utf-8")
    db = tmp_path / "store.duckdb"
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(plugin_dir), os.environ.get("PYTHONPATH")])))
    env["SITREPS_CONFIG"] = str(config)
    code = "import sys; from sitreps.cli import main; sys.argv[0] = 'sitreps'; main()"

    def sitreps(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", code, "--db", str(db), *args], capture_output=True, text=True, env=env, timeout=300
        )

    listed = json.loads(sitreps("pipeline", "--json").stdout)
    assert [s["origin"] for s in listed if s["name"] == "events"] == ["plug-in blast-step"]
    assert sitreps("ingest", str(report)).returncode == 0
    export = json.loads(sitreps("export").stdout)
    assert _event_types(export) == [("Explosions/Remote violence", "Remote explosive/landmine/IED")]


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[step]\nevents = "x:y"\n', "unknown table 'step'"),
        ('[steps]\nevent = "blast_step:make_step"\n', "no step named 'event' to replace"),
        ('[steps]\nevents = "no_such_module:make"\n', "step 'no_such_module:make' cannot load"),
        ("[steps]\nevents = 3\n", "steps.events must be a string"),
        ('[[steps.add]]\nafter = "events"\n', "steps.add #1 needs exactly 'after' and 'step'"),
        ("[steps\n", "not TOML"),
    ],
)
def test_a_bad_configuration_is_one_error_naming_the_file(tmp_path: Path, toml: str, message: str) -> None:
    config = tmp_path / "sitreps.toml"
    config.write_text(toml, encoding="utf-8")
    result = CliRunner().invoke(app, ["--config", str(config), "pipeline"])
    assert result.exit_code == 2
    assert message in result.output and str(config) in result.output
