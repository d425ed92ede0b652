"""Every reading command opens the store one way (`sitreps.commands.read_store`): a fresh path
answers "nothing yet" with exit 0, a file that is not a sitreps store is one error line, exit 1."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitreps.cli import app

READING_COMMANDS = [
    ["events"],
    ["episodes"],
    ["mentions"],
    ["actors", "unknown"],
    ["articles"],
    ["stats"],
    ["export", "--format", "csv"],
]


@pytest.mark.parametrize("command", READING_COMMANDS, ids=" ".join)
def test_a_reading_command_on_a_new_path_answers_nothing_yet(tmp_path: Path, command: list[str]) -> None:
    result = CliRunner().invoke(app, ["--db", str(tmp_path / "new.duckdb"), *command])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("command", READING_COMMANDS, ids=" ".join)
def test_a_reading_command_on_a_file_that_is_no_store_is_one_error_line(tmp_path: Path, command: list[str]) -> None:
    bad = tmp_path / "notes.duckdb"
    bad.write_text("these are my notes, not a database\n")
    result = CliRunner().invoke(app, ["--db", str(bad), *command])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: cannot open store") and str(bad) in lines[0]
