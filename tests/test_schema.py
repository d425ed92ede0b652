"""The shipped JSON Schema is the model's, and every export validates against it."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from sitreps.cli import app
from sitreps.export.sitreps_json import schema_text, shipped_schema_path

runner = CliRunner()


def shipped() -> dict:
    return json.loads(shipped_schema_path().read_text(encoding="utf-8"))


def test_the_shipped_schema_file_equals_the_one_generated_from_the_model() -> None:
    # After a model change, regenerate it:
    #   python -c "from sitreps.export.sitreps_json import regenerate_shipped_schema as r; r()"
    assert shipped_schema_path().read_text(encoding="utf-8") == schema_text()


def export_of(paths: list[str], db: Path) -> dict:
    runner.invoke(app, ["--db", str(db), "ingest", "--recursive", *paths])
    result = runner.invoke(app, ["--db", str(db), "export", "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_the_demo_export_validates(db_path: Path) -> None:
    data = export_of([str(files("sitreps") / "demo")], db_path)
    assert len(data["articles"]) >= 12
    jsonschema.validate(data, shipped(), cls=jsonschema.Draft202012Validator)


def test_the_seed_export_validates(db_path: Path, seeds_dir: Path) -> None:
    data = export_of([str(seeds_dir)], db_path)
    assert len(data["articles"]) == len(list(seeds_dir.iterdir()))
    jsonschema.validate(data, shipped(), cls=jsonschema.Draft202012Validator)


def test_an_invalid_export_is_rejected_by_the_schema() -> None:
    bad = {"schema": "sitreps/1", "articles": [{"id": "x", "source": "y"}], "mentions": [], "events": []}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, shipped(), cls=jsonschema.Draft202012Validator)
