"""`sitreps places resolve --batch` and `sitreps places tag`: the line-for-line contracts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitreps.places.cli import places_app as app

ARTICLE = "Shelling hit Kupiansk on Monday, the governor of the Kharkiv region said."


@pytest.fixture
def runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> CliRunner:
    monkeypatch.setenv("SITREPS_PLACES_DIR", str(tmp_path / "user-places"))
    return CliRunner()


def _answers(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_batch_answers_every_line_in_order_even_unreadable_ones(runner: CliRunner, tmp_path: Path) -> None:
    start = ARTICLE.index("Kupiansk")
    requests = tmp_path / "requests.jsonl"
    requests.write_text(
        "\n".join(
            [
                json.dumps({"id": "a", "toponym": "Kupiansk", "text": ARTICLE, "start": start, "end": start + 8}),
                "{not json",
                json.dumps({"id": "c", "toponym": "Qwzxplatz", "text": ARTICLE, "start": 0, "end": 9}),
                json.dumps({"id": "d", "toponym": 5, "text": ARTICLE}),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["resolve", "--batch", str(requests)])
    assert result.exit_code == 0, result.output
    answers = _answers(result.stdout)
    assert [a["id"] for a in answers] == ["a", None, "c", "d"]
    assert answers[0]["geonameid"] == 703656 and answers[0]["country_code"] == "UA"
    assert set(answers[0]) == {"id", "geonameid", "name", "country_code", "admin1_code", "lat", "lon"}
    assert answers[1]["geonameid"] is None and "not JSON" in answers[1]["error"]
    assert answers[2]["geonameid"] is None and "error" not in answers[2]
    assert '"toponym" must be a string' in answers[3]["error"]
    assert f"{requests}:2: not JSON" in result.stderr


def test_batch_reads_stdin(runner: CliRunner) -> None:
    line = json.dumps({"id": 7, "toponym": "Kharkiv", "text": ARTICLE, "start": 0, "end": 0})
    result = runner.invoke(app, ["resolve", "--batch", "-"], input=line + "\n")
    assert result.exit_code == 0
    (answer,) = _answers(result.stdout)
    assert answer["id"] == 7 and answer["country_code"] == "UA"


def test_batch_names_a_missing_file(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["resolve", "--batch", str(tmp_path / "absent.jsonl")])
    assert result.exit_code == 2 and "absent.jsonl" in result.stderr


def test_tag_gives_spans_that_match_the_text(runner: CliRunner) -> None:
    docs = [{"id": "d1", "text": ARTICLE}, {"id": "d2", "text": "Nothing happened here."}]
    body = "\n".join(json.dumps(d) for d in docs) + "\n" + "[1, 2]\n"
    result = runner.invoke(app, ["tag", "-"], input=body)
    assert result.exit_code == 0, result.output
    first, second, third = _answers(result.stdout)
    assert first["id"] == "d1" and second == {"id": "d2", "toponyms": []}
    assert third["toponyms"] == [] and "error" in third
    for top in first["toponyms"]:
        assert ARTICLE[top["start"] : top["end"]] == top["text"]
    by_text = {t["text"]: t for t in first["toponyms"]}
    assert by_text["Kupiansk"]["geonameid"] == 703656
