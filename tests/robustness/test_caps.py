"""Input caps: article size, JSONL line size and files per run are each configurable (option or
environment) and each over-limit input gets one clear line saying which cap it hit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import REPORTS
from sitreps.cli import app
from sitreps.ingest import RawDocument, Rejection, TooManyFilesError, read_paths
from sitreps.ingest.limits import DEFAULT_MAX_ARTICLE_BYTES
from sitreps.pipeline import run_ingest
from sitreps.store import Store

runner = CliRunner()


def sitreps(db: Path, *args: str, env: dict[str, str] | None = None):  # noqa: ANN201 - click's Result
    return runner.invoke(app, ["--db", str(db), *args], env=env)


def stored_articles(db: Path) -> int:
    if not db.exists():
        return 0
    with Store(db, read_only=True) as store:
        return store.counts()["articles"]


def long_report(words: int) -> str:
    sentence = "Shelling hit the outskirts of Kherson overnight, the regional administration said. "
    return "Shelling near Kherson\n\n" + sentence * (words // 11 + 1)


# -- article size ------------------------------------------------------------------------------


def test_an_article_over_the_article_cap_is_rejected_with_one_line_and_the_rest_are_stored(
    db_path: Path, tmp_path: Path
) -> None:
    (tmp_path / "big.txt").write_text(long_report(400), encoding="utf-8")
    (tmp_path / "small.txt").write_text(REPORTS["darfur.txt"], encoding="utf-8")
    result = sitreps(db_path, "ingest", "--max-article-bytes", "2000", str(tmp_path))
    assert result.exit_code == 1
    size = len((tmp_path / "big.txt").read_bytes())
    assert result.stderr.strip().splitlines()[-1] == (
        f"{tmp_path / 'big.txt'}: article too large ({size} bytes of text > limit of 2000; see --max-article-bytes)"
    )
    assert stored_articles(db_path) == 1


def test_the_article_cap_reads_its_environment_variable(db_path: Path, tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text(long_report(400), encoding="utf-8")
    result = sitreps(db_path, "ingest", str(tmp_path), env={"SITREPS_MAX_ARTICLE_BYTES": "2000"})
    assert result.exit_code == 1 and "see --max-article-bytes" in result.stderr


def test_a_jsonl_record_over_the_article_cap_rejects_only_its_line(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    lines = [{"text": REPORTS["haiti.txt"]}, {"text": long_report(400)}]
    feed.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    first, second = read_paths([str(feed)], max_article_bytes=2000)
    assert isinstance(first, RawDocument)
    assert isinstance(second, Rejection) and second.source == f"{feed}:2"
    assert second.reason.startswith(f"{feed}:2: article too large (")


def test_the_default_article_cap_keeps_texts_spacy_can_parse(store: Store, tmp_path: Path) -> None:
    """spaCy raises on texts over nlp.max_length (1,000,000 characters): such a text must be a
    rejection, never an exception in the middle of a run."""
    (tmp_path / "huge.txt").write_text(long_report(180_000), encoding="utf-8")
    (tmp_path / "fine.txt").write_text(REPORTS["sagaing.txt"], encoding="utf-8")
    report = run_ingest(store, [str(tmp_path)], extractor=None)
    assert report.new == 1
    [rejection] = report.rejected
    assert f"limit of {DEFAULT_MAX_ARTICLE_BYTES}" in rejection.reason


# -- JSONL line size ---------------------------------------------------------------------------


def test_a_jsonl_line_over_the_line_cap_is_rejected_and_the_other_lines_are_stored(
    db_path: Path, tmp_path: Path
) -> None:
    feed = tmp_path / "feed.jsonl"
    records = [{"text": REPORTS["darfur.txt"]}, {"html": "<p>" + "x" * 5000 + "</p>"}, {"text": REPORTS["haiti.txt"]}]
    feed.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    size = len(json.dumps(records[1]).encode("utf-8"))
    result = sitreps(db_path, "ingest", "--max-line-bytes", "1500", str(feed))
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1] == (
        f"{feed}:2: JSONL line too long ({size} bytes > limit of 1500; see --max-line-bytes)"
    )
    assert stored_articles(db_path) == 2


def test_the_line_cap_reads_its_environment_variable_and_counts_utf8_bytes(tmp_path: Path, db_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    # 400 Cyrillic letters: 400 characters, 800 bytes.
    feed.write_text(json.dumps({"text": "Обстрел " + "ж" * 400}, ensure_ascii=False) + "\n", encoding="utf-8")
    result = sitreps(db_path, "ingest", str(feed), env={"SITREPS_MAX_LINE_BYTES": "600"})
    assert result.exit_code == 1 and "JSONL line too long (" in result.stderr


# -- files per run -----------------------------------------------------------------------------


def write_files(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"r{i}.txt").write_text(REPORTS["darfur.txt"].replace("12", str(20 + i)), encoding="utf-8")


def test_a_run_over_the_file_cap_stops_before_reading_anything(db_path: Path, tmp_path: Path) -> None:
    write_files(tmp_path / "in", 5)
    result = sitreps(db_path, "ingest", "--max-files", "3", str(tmp_path / "in"))
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "error: too many files: this run names at least 4, the limit is 3 "
        "(split the run, or raise --max-files / SITREPS_MAX_FILES)"
    )
    assert stored_articles(db_path) == 0


def test_the_file_cap_reads_its_environment_variable_and_counts_every_path(db_path: Path, tmp_path: Path) -> None:
    write_files(tmp_path / "in", 2)
    (tmp_path / "one.txt").write_text(REPORTS["haiti.txt"], encoding="utf-8")
    args = ["ingest", str(tmp_path / "in"), str(tmp_path / "one.txt")]
    assert sitreps(db_path, *args, env={"SITREPS_MAX_FILES": "2"}).exit_code == 2
    assert sitreps(db_path, *args, env={"SITREPS_MAX_FILES": "3"}).exit_code == 0
    assert stored_articles(db_path) == 3


def test_read_paths_raises_on_the_call_not_midway() -> None:
    with pytest.raises(TooManyFilesError, match="limit is 1"):
        read_paths(["a.txt", "b.txt"], max_files=1)
