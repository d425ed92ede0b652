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


# Two more invented reports, so that a folder holds five good ones beside the bad records.
MORE_REPORTS = {
    "kharkiv.txt": (
        "Missile strike damages Kharkiv power station\n\n"
        "KHARKIV, Ukraine, Oct 5 - A missile struck a thermal power station in Kharkiv on Saturday "
        "morning, wounding two workers and cutting electricity to several districts, the regional "
        "governor said.\n"
    ),
    "goma.txt": (
        "Rebels clash with army north of Goma\n\n"
        "GOMA, Congo, Feb 9 - M23 rebels fought the Congolese army near the town of Sake on Sunday, "
        "killing at least seven soldiers, a local official said. Thousands of residents fled toward Goma.\n"
    ),
}
DEEP_JSON = "[" * 200_000 + "]" * 200_000


def test_every_kind_of_bad_record_is_rejected_alone_and_the_five_good_reports_are_stored(
    db_path: Path, tmp_path: Path
) -> None:
    from tests.conftest import REPORTS

    folder = tmp_path / "mixed"
    folder.mkdir()
    good = {**REPORTS, **MORE_REPORTS}
    for name, text in good.items():
        (folder / name).write_text(text, encoding="utf-8")
    darfur, sagaing = REPORTS["darfur.txt"], REPORTS["sagaing.txt"]
    bad_url = json.dumps({"text": darfur.replace("12 civilians", "13 civilians"), "url": "http://[::1"})
    (folder / "feed.jsonl").write_bytes(
        (bad_url + "\n" + '{"text": ' + DEEP_JSON + "}\n").encode() + b'{"text": "\xff broken"}\n'
    )
    (folder / "sidecar.txt").write_text(sagaing.replace("nine", "ten"), encoding="utf-8")
    (folder / "sidecar.meta.json").write_text('{"title": ' + DEEP_JSON + "}", encoding="utf-8")
    (folder / "sniffed").write_text('{"a": ' + DEEP_JSON + "}\n", encoding="utf-8")
    paragraph = "Traders said the market reopened after weeks of closure, with goods brought from the coast.\n\n"
    (folder / "long.txt").write_text("Market reopens\n\n" + paragraph * (1_050_000 // len(paragraph)))
    (folder / "dated.jsonl").write_text(
        json.dumps({"text": REPORTS["haiti.txt"].replace("hundreds", "dozens"), "published": "0001-01-01"}) + "\n"
    )

    result = sitreps(db_path, "ingest", "--max-article-bytes", "5000000", str(folder))

    assert result.exit_code == 1, result.output
    reasons = {line.split(": ", 1)[0]: line for line in result.stderr.splitlines() if line.startswith(str(folder))}
    expected = {
        f"{folder / 'feed.jsonl'}:1": "invalid url 'http://[::1'",
        f"{folder / 'feed.jsonl'}:2": "nested too deeply",
        f"{folder / 'feed.jsonl'}:3": "not valid UTF-8",
        str(folder / "sidecar.txt"): "bad sidecar sidecar.meta.json: JSON nested too deeply",
        f"{folder / 'sniffed'}:1": "nested too deeply",
        str(folder / "long.txt"): "exceeds maximum of 1000000",
        f"{folder / 'dated.jsonl'}:1": "note: implausible publication date 0001-01-01 ignored",
    }
    for where, reason in expected.items():
        assert reason in reasons.get(where, ""), (where, result.stderr)
    with Store(db_path, read_only=True) as store:
        articles = store.articles()
    stored = {Path(a.source).name for a in articles}
    assert set(good) <= stored and len(articles) == 6  # the five good ones and the undated one
    undated = next(a for a in articles if "dated.jsonl" in a.source)
    assert undated.published is None


def test_sigint_during_an_ingest_exits_130_with_one_line_and_keeps_committed_batches(
    db_path: Path, tmp_path: Path
) -> None:
    import signal
    import subprocess
    import time

    from tests.conftest import REPORTS, sitreps_process

    folder = tmp_path / "many"
    folder.mkdir()
    base = REPORTS["darfur.txt"]
    for n in range(400):
        (folder / f"r{n:03}.txt").write_text(base.replace("12 civilians", f"{n + 12} civilians"), encoding="utf-8")
    process = sitreps_process(
        ["ingest", "--batch-size", "5", str(folder)], db_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    assert process.stderr is not None
    lines: list[bytes] = []
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # wait for the first committed batch
        line = process.stderr.readline()
        lines.append(line)
        if line.startswith(b"batch 1 committed") or not line:
            break
    process.send_signal(signal.SIGINT)
    rest = process.stderr.read().decode()
    assert process.wait(timeout=60) == 130
    assert "Traceback" not in rest
    (last,) = [line for line in rest.splitlines() if line.startswith("interrupted")]
    committed = int(last.split("; ")[1].split()[0])
    assert committed >= 1 and last.endswith("batches committed, the rest can be re-run")
    with Store(db_path, read_only=True) as store:
        assert len(store.articles()) == 5 * committed


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--since", "foo"], "is not a date"),
        (["--since", "2025-13-45"], "is not a date"),
        (["--since", "01/06/2025"], "is not a date"),
        (["--until", "2025-6-1"], "is not a date"),
        (["--since", "2025-06-02", "--until", "2025-06-01"], "is after --until"),
        (["--type", "Batles"], "did you mean 'Battles'?"),
        (["--country", "Kenya"], "did you mean 'KE'"),
        (["--country", "XX"], "unknown country 'XX'"),
    ],
)
@pytest.mark.parametrize("command", ["events", "export"])
def test_every_bad_filter_value_exits_2_with_a_message(
    db_path: Path, reports_dir: Path, command: str, args: list[str], message: str
) -> None:
    sitreps(db_path, "ingest", str(reports_dir / "haiti.txt"))
    result = sitreps(db_path, command, *args)
    assert result.exit_code == 2, result.output
    assert message in " ".join(result.stderr.replace("│", " ").split())


def test_good_filter_values_are_normalized_not_refused(db_path: Path, reports_dir: Path) -> None:
    sitreps(db_path, "ingest", "-r", str(reports_dir))
    result = sitreps(db_path, "events", "--type", "battles", "--country", "ke", "--since", "2000-01-01", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["events"] == []


def test_version_and_db_after_the_command(db_path: Path, reports_dir: Path) -> None:
    from sitreps import __version__

    version = runner.invoke(app, ["--version"])
    assert version.exit_code == 0 and version.stdout.strip() == f"sitreps {__version__}"
    assert runner.invoke(app, ["ingest", str(reports_dir / "haiti.txt"), "--db", str(db_path)]).exit_code == 0
    listed = runner.invoke(app, ["articles", "--json", f"--db={db_path}"])
    assert listed.exit_code == 0, listed.output
    assert len(json.loads(listed.stdout)["articles"]) == 1


def test_json_on_every_listing_is_one_document_of_sitreps_records(db_path: Path, reports_dir: Path) -> None:
    sitreps(db_path, "ingest", "-r", str(reports_dir))
    with Store(db_path, read_only=True) as store:
        article = store.articles()[0]
        event = store.events()[0]
    docs = {
        "articles": json.loads(sitreps(db_path, "articles", "--json").stdout),
        "events": json.loads(sitreps(db_path, "events", "--json").stdout),
        "episodes": json.loads(sitreps(db_path, "episodes", "--json").stdout),
        "show": json.loads(sitreps(db_path, "show", article.id[:10], "--json").stdout),
        "event": json.loads(sitreps(db_path, "event", event.id, "--json").stdout),
    }
    assert len(docs["articles"]["articles"]) == 3
    assert docs["events"]["total"] == len(docs["events"]["events"]) >= 1
    assert isinstance(docs["episodes"]["episodes"], list)
    assert docs["show"]["article"]["id"] == article.id and isinstance(docs["show"]["mentions"], list)
    assert docs["event"]["event"]["id"] == event.id


def test_event_prints_sentences_and_the_fatality_rule_never_python_reprs(db_path: Path, reports_dir: Path) -> None:
    sitreps(db_path, "ingest", str(reports_dir / "darfur.txt"))
    with Store(db_path, read_only=True) as store:
        event = next(e for e in store.events() if e.fatalities.estimates)
    result = sitreps(db_path, "event", event.id)
    assert result.exit_code == 0, result.output
    assert "{'" not in result.stdout and "killed" in result.stdout
    assert "a denial is a contradiction, not a figure of 0" in result.stdout


def test_demo_writes_its_own_store_and_leaves_the_default_store_untouched(
    tmp_path: Path, reports_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    default = tmp_path / "home" / "sitreps.duckdb"
    monkeypatch.setenv("SITREPS_DB", str(default))
    assert runner.invoke(app, ["ingest", str(reports_dir / "haiti.txt")]).exit_code == 0
    before = default.read_bytes()
    result = runner.invoke(app, ["demo"])
    assert result.exit_code == 0, result.output
    demo_store = default.with_name("demo.duckdb")
    assert f"demo store: {demo_store}" in result.stderr
    assert default.read_bytes() == before
    with Store(default, read_only=True) as store:
        assert len(store.articles()) == 1
    with Store(demo_store, read_only=True) as store:
        assert len(store.articles()) >= 12


def test_delete_removes_articles_and_mentions_and_refuses_what_they_touched(db_path: Path, reports_dir: Path) -> None:
    from sitreps.fuse import BlockFusion

    sitreps(db_path, "ingest", "-r", str(reports_dir))
    with Store(db_path, read_only=True) as store:
        darfur = next(a for a in store.articles() if a.source.endswith("darfur.txt"))
        darfur_events = {m.event_id for m in store.mentions(article_id=darfur.id)}
    assert sitreps(db_path, "delete", "ffffffff", darfur.id[:10]).exit_code == 1  # one unknown: nothing deleted
    with Store(db_path, read_only=True) as store:
        assert store.article(darfur.id) is not None
    result = sitreps(db_path, "delete", darfur.id[:10])
    assert result.exit_code == 0, result.output
    assert "deleted 1 articles" in result.stdout
    with Store(db_path, read_only=True) as store:
        assert store.article(darfur.id) is None and store.mentions(article_id=darfur.id) == []
        assert not darfur_events & {e.id for e in store.events()}
        left = store.export()
    # what is left is what fusing the remaining mentions from scratch gives
    fresh = BlockFusion()(
        [m.model_copy(update={"event_id": None}) for m in left.mentions], {a.id: a for a in left.articles}
    )
    assert sorted(e.id for e in fresh.events) == sorted(e.id for e in left.events)


def test_stats_counts_what_the_store_holds(db_path: Path, reports_dir: Path) -> None:
    sitreps(db_path, "ingest", "-r", str(reports_dir))
    as_json = json.loads(sitreps(db_path, "stats", "--json").stdout)
    with Store(db_path, read_only=True) as store:
        assert {k: as_json[k] for k in ("articles", "mentions", "events", "episodes")} == store.counts()
    text = sitreps(db_path, "stats")
    assert text.exit_code == 0 and f"{as_json['articles']} articles" in text.stdout


def test_parquet_export_is_a_folder_or_with_table_events_one_flat_file(
    db_path: Path, reports_dir: Path, tmp_path: Path
) -> None:
    pd = pytest.importorskip("pandas")
    import duckdb

    sitreps(db_path, "ingest", "-r", str(reports_dir))
    refused = sitreps(db_path, "export", "-f", "parquet", "-o", str(tmp_path / "out" / "all.parquet"))
    assert refused.exit_code == 2 and "names a file" in " ".join(refused.stderr.replace("│", " ").split())
    assert not (tmp_path / "out").exists()
    folder = tmp_path / "exports" / "out"
    assert sitreps(db_path, "export", "-f", "parquet", "-o", str(folder)).exit_code == 0
    assert sorted(p.name for p in folder.iterdir()) == [
        "articles.parquet",
        "episodes.parquet",
        "events.parquet",
        "mentions.parquet",
    ]
    assert sitreps(db_path, "export", "-f", "parquet", "-o", str(folder)).exit_code == 0  # replaced whole
    assert [p.name for p in folder.parent.iterdir()] == ["out"]  # no staging folder left beside it
    flat = tmp_path / "events.parquet"
    result = sitreps(db_path, "export", "-f", "parquet", "--table", "events", "-o", str(flat))
    assert result.exit_code == 0, result.output
    frame = pd.read_parquet(flat)
    from sitreps.export.acled_csv import COLUMNS

    assert list(frame.columns[: len(COLUMNS)]) == list(COLUMNS)
    assert {"sources", "independent_sources", "fatalities_best"} <= set(frame.columns)
    assert all(frame[c].dtype != object or frame[c].map(lambda v: v is None or isinstance(v, str)).all() for c in frame)
    with Store(db_path, read_only=True) as store:
        assert len(frame) == len(store.events())
    rows = duckdb.connect().execute(f"SELECT count(*), sum(fatalities) FROM '{flat}'").fetchone()
    assert rows[0] == len(frame)
