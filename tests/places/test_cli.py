"""`sitreps places ...` through the real root app."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitreps.cli import app
from sitreps.places import Gazetteer


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("SITREPS_PLACES_DIR", str(tmp_path / "user-places"))
    return CliRunner()


def test_help_shows_examples(runner: CliRunner) -> None:
    result = runner.invoke(app, ["places", "resolve", "--help"])
    assert result.exit_code == 0
    assert "Examples" in result.output


def test_resolve_json_prints_a_location(runner: CliRunner) -> None:
    result = runner.invoke(app, ["places", "resolve", "Kupiansk", "--json"])
    assert result.exit_code == 0
    loc = json.loads(result.output)
    assert loc["geonameid"] == 703656 and loc["toponym"] == "Kupiansk" and loc["geo_precision"] == 1
    assert set(loc) == {
        "name",
        "toponym",
        "geonameid",
        "country_code",
        "admin1_code",
        "admin1",
        "lat",
        "lon",
        "geo_precision",
    }


def test_resolve_json_prints_null_when_nothing_fits(runner: CliRunner) -> None:
    result = runner.invoke(app, ["places", "resolve", "Qwzxplatz", "--json"])
    assert result.exit_code == 0 and result.output.strip() == "null"


def test_resolve_with_context_shows_candidates_and_rule(runner: CliRunner) -> None:
    result = runner.invoke(
        app,
        ["places", "resolve", "Zolochiv", "--context", "Shelling of Zolochiv in the Kharkiv region.", "--explain"],
    )
    assert result.exit_code == 0
    assert "686895" in result.output and "rule:" in result.output


def test_add_then_info(runner: CliRunner, tmp_path: Path) -> None:
    csv_file = tmp_path / "mine.csv"
    csv_file.write_text("Hill Two Zero Five,48.6,37.9,UA,05\n", encoding="utf-8")
    added = runner.invoke(app, ["places", "add", str(csv_file)])
    assert added.exit_code == 0, added.output
    assert "added 1 places" in added.output
    gaz = Gazetteer.load(places_dir=tmp_path / "user-places")
    assert gaz.lookup("Hill Two Zero Five")[0].country_code == "UA"
    info = runner.invoke(app, ["places", "info", "--json"])
    assert info.exit_code == 0 and json.loads(info.output)["places"] > 230_000


def test_add_refuses_a_file_of_another_kind(runner: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("nothing here\n", encoding="utf-8")
    result = runner.invoke(app, ["places", "add", str(bad)])
    assert result.exit_code == 2


def test_explain_json_gives_scores_and_reasons(runner: CliRunner) -> None:
    text = "Gunmen attacked a bus near Alexandria, Louisiana."
    result = runner.invoke(app, ["places", "resolve", "Alexandria", "--context", text, "--explain", "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["location"]["country_code"] == "US" and payload["location"]["admin1_code"] == "LA"
    assert payload["candidates"][0]["reasons"] and "score" in payload["candidates"][0]
    plain = runner.invoke(app, ["places", "resolve", "Alexandria", "--context", text])
    assert "rule:" in plain.output and "score" not in plain.output
