"""`sitreps actors lookup` and `sitreps actors unknown`, through the real CLI and a real store."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from sitreps.cli import app

runner = CliRunner()


def test_lookup_shows_the_entry_and_why_it_matched() -> None:
    result = runner.invoke(app, ["actors", "lookup", "SSPDF"])
    assert result.exit_code == 0, result.output
    assert "Military Forces of South Sudan (2011-)" in result.output
    assert "abbreviation 'SSPDF'" in result.output


def test_lookup_lists_an_organisations_branches() -> None:
    result = runner.invoke(app, ["actors", "lookup", "Islamic State"])
    assert result.exit_code == 0, result.output
    assert "IS_MZ" in result.output and "ISWAP" in result.output


def test_lookup_of_an_unknown_name_says_so_and_fails() -> None:
    result = runner.invoke(app, ["actors", "lookup", "Quirinal Lantern Society"])
    assert result.exit_code == 1
    assert "no registry entry" in result.output


def test_unknown_lists_unregistered_names_most_frequent_first(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(
        "MANDERA, Kenya, 3 May 2025 - Fighters of the Dawa River Sentinels attacked a police post in "
        "Mandera on Saturday, killing two officers, county officials said.\n",
        encoding="utf-8",
    )
    db = tmp_path / "s.duckdb"
    ingest = runner.invoke(app, ["--db", str(db), "ingest", str(report)])
    assert ingest.exit_code == 0, ingest.output
    result = runner.invoke(app, ["--db", str(db), "actors", "unknown"])
    assert result.exit_code == 0, result.output
    assert "Dawa River Sentinels" in result.output
