"""The core commands, run against a real DuckDB file: ingest, articles, show, export, schema, demo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitreps.cli import app
from sitreps.export.sitreps_json import shipped_schema_path
from sitreps.store import Store

runner = CliRunner()


def sitreps(db: Path, *args: str, stdin: bytes | None = None):  # noqa: ANN201 - click's Result
    return runner.invoke(app, ["--db", str(db), *args], input=stdin)


def test_ingest_stores_the_good_files_and_lists_each_bad_one_and_exits_1(db_path: Path, reports_dir: Path) -> None:
    result = sitreps(db_path, "ingest", "--recursive", str(reports_dir))
    assert result.exit_code == 1, result.output
    bad_lines = [line for line in result.stderr.splitlines() if line.startswith(str(reports_dir))]
    assert sorted(Path(line.split(":")[0]).name for line in bad_lines) == ["empty.txt", "photo.png"]
    assert "empty file" in result.stderr and "PNG" in result.stderr
    summary = result.stdout
    for header in ("read", "new", "duplicate", "rejected"):
        assert header in summary
    assert "│    6 │   3 │         1 │        2 │" in summary.replace("┃", "│")
    with Store(db_path, read_only=True) as store:
        assert len(store.articles()) == 3


def test_ingest_of_only_good_files_exits_0_and_a_rerun_adds_nothing(db_path: Path, reports_dir: Path) -> None:
    good = [str(reports_dir / name) for name in ("darfur.txt", "sagaing.txt")]
    assert sitreps(db_path, "ingest", *good).exit_code == 0
    again = sitreps(db_path, "ingest", *good)
    assert again.exit_code == 0
    with Store(db_path, read_only=True) as store:
        assert len(store.articles()) == 2


def test_ingest_reads_stdin_for_dash(db_path: Path) -> None:
    text = (
        "Drone strike on Odesa port\n\nODESA, Ukraine, Aug 2 - A drone struck grain silos in the port of "
        "Odesa overnight, the regional governor said on Saturday. No one was hurt.\n"
    )
    result = sitreps(db_path, "ingest", "-", stdin=text.encode("utf-8"))
    assert result.exit_code == 0, result.output
    with Store(db_path, read_only=True) as store:
        (article,) = store.articles()
    assert article.source == "-" and "grain silos" in article.text


def test_articles_show_and_export_read_back_what_was_ingested(db_path: Path, reports_dir: Path, tmp_path: Path) -> None:
    sitreps(db_path, "ingest", "-r", str(reports_dir))
    with Store(db_path, read_only=True) as store:
        darfur = next(a for a in store.articles() if a.source.endswith("darfur.txt"))

    listing = sitreps(db_path, "articles")
    assert listing.exit_code == 0 and darfur.id[:12] in listing.stdout and "3 articles" in listing.stdout

    shown = sitreps(db_path, "show", darfur.id[:8])
    assert shown.exit_code == 0, shown.output
    assert "El Fasher" in shown.stdout and darfur.id in shown.stdout and "removed by cleaning" in shown.stdout

    out = tmp_path / "out" / "export.json"
    exported = sitreps(db_path, "export", "--format", "json", "-o", str(out))
    assert exported.exit_code == 0, exported.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == "sitreps/1" and len(data["articles"]) == 3

    to_stdout = sitreps(db_path, "export", "--format", "json")
    assert json.loads(to_stdout.stdout) == data


def test_show_of_an_unknown_id_exits_1(db_path: Path, reports_dir: Path) -> None:
    sitreps(db_path, "ingest", str(reports_dir / "haiti.txt"))
    result = sitreps(db_path, "show", "ffffffffffff")
    assert result.exit_code == 1 and "no article" in result.stderr


def test_schema_prints_the_shipped_json_schema(db_path: Path) -> None:
    result = sitreps(db_path, "schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json.loads(shipped_schema_path().read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "args",
    [
        ["ingest"],  # no PATH
        ["ingest", "--format", "pdf", "x.txt"],
        ["export", "--format", "xml"],
        ["export", "--format", "parquet"],  # parquet needs -o FILE
        ["articles", "--limit", "0"],
        ["no-such-command"],
        ["show"],
    ],
)
def test_usage_errors_exit_2(db_path: Path, args: list[str]) -> None:
    result = sitreps(db_path, *args)
    assert result.exit_code == 2, result.output


def test_every_command_has_help_with_an_example(db_path: Path) -> None:
    # every command the root app registers, sub-apps' commands included
    commands: list[list[str]] = []
    for info in app.registered_commands:
        commands.append([info.name or info.callback.__name__.replace("_command", "")])
    for group in app.registered_groups:
        for info in group.typer_instance.registered_commands:
            commands.append([group.name, info.name or info.callback.__name__.replace("_command", "")])
    assert len(commands) >= 12
    for command in commands:
        result = runner.invoke(app, [*command, "--help"])
        assert result.exit_code == 0 and "Example" in result.stdout, command


def test_demo_ingests_the_sample_reports_and_a_second_run_adds_nothing(db_path: Path) -> None:
    first = sitreps(db_path, "demo")
    assert first.exit_code == 0, first.output
    with Store(db_path, read_only=True) as store:
        counts = store.counts()
        shown_ids = [a.id[:12] for a in store.articles()]
    assert counts["articles"] >= 12
    assert all(article_id in first.stdout for article_id in shown_ids)
    assert f"{counts['events']} events" in first.stdout and f"{counts['mentions']} mentions" in first.stdout
    second = sitreps(db_path, "demo")
    assert second.exit_code == 0
    with Store(db_path, read_only=True) as store:
        assert store.counts() == counts
