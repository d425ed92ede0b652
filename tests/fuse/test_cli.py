"""`sitreps events / event / episodes` over a real DuckDB store filled through fuse()."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from sitreps.cli import app
from sitreps.fuse import fuse
from sitreps.model import Span

from .builders import day, mention, outlets

runner = CliRunner()


@pytest.fixture
def db(tmp_path):
    from sitreps.store import Store

    arts = outlets()
    ms = [
        mention(
            "m1",
            "a0",
            date=day("2024-05-10"),
            place="kutum",
            claimant="SD_GOV",
            fatalities={"low": 71},
            evidence=[Span(start=0, end=10, text="The army said more than 70 fighters died in Kutum.")],
        ),
        mention(
            "m2",
            "a1",
            date=day("2024-05-10"),
            place="kutum",
            claimant="RSF",
            stance="denied",
            fatalities={"best": 0},
        ),
        mention("m3", "a2", date=day("2024-05-11"), place="tawila"),
        mention("m4", "a3", date=day("2024-08-01"), place="nyala", actor1="SLA"),
    ]
    path = tmp_path / "fuse.duckdb"
    with Store(path) as store:
        store.ingest_batch(list(arts.values()), ms, fuse)
    return path


def test_events_lists_the_fused_events_and_filters(db):
    out = runner.invoke(app, ["--db", str(db), "events"])
    assert out.exit_code == 0, out.output
    assert "3 of 3 events" in out.output and "Kutum" in out.output
    out = runner.invoke(app, ["--db", str(db), "events", "--min-sources", "2"])
    assert "1 of 1 events" in out.output
    out = runner.invoke(app, ["--db", str(db), "events", "--since", "2024-06-01", "--place", "nyala"])
    assert "1 of 1 events" in out.output and "Nyala" in out.output


def test_event_shows_estimates_contradictions_and_why(db):
    from sitreps.store import Store

    with Store(db, read_only=True) as store:
        kutum = next(e for e in store.events() if e.location.name == "Kutum")
    out = runner.invoke(app, ["--db", str(db), "event", kutum.id[:8], "--verbose"])
    assert out.exit_code == 0, out.output
    assert "contradiction on fatalities" in out.output
    assert "more than 70 fighters" in out.output
    assert "why fused" in out.output and "joins event of m1" in out.output
    doc = json.loads(runner.invoke(app, ["--db", str(db), "event", kutum.id, "--json"]).output)
    assert doc["event"]["fatalities"]["high"] == 71 and len(doc["mentions"]) == 2


def test_episodes_and_unknown_event(db):
    out = runner.invoke(app, ["--db", str(db), "episodes"])
    assert out.exit_code == 0 and "1 episodes" in out.output
    assert runner.invoke(app, ["--db", str(db), "event", "ev-nope"]).exit_code == 1


def test_bad_arguments_are_usage_errors(tmp_path):
    assert runner.invoke(app, ["--db", str(tmp_path / "x.duckdb"), "events", "--limit", "0"]).exit_code == 2
    assert runner.invoke(app, ["--db", str(tmp_path / "x.duckdb"), "event"]).exit_code == 2
