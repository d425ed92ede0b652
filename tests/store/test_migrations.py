"""The store upgrades old files in place, in one transaction, keeping their data."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from sitreps.store import LATEST_VERSION, MIGRATIONS, Store, StoreError
from sitreps.store.migrations import Migration, current_version, migrate


def test_a_new_store_is_created_at_the_latest_version_with_its_parent_folders(db_path: Path) -> None:
    assert not db_path.parent.exists()
    with Store(db_path):
        pass
    con = duckdb.connect(str(db_path), read_only=True)
    assert current_version(con) == LATEST_VERSION
    versions = [r[0] for r in con.execute("SELECT version FROM schema_version ORDER BY version").fetchall()]
    assert versions == [m.version for m in MIGRATIONS]
    con.close()


def test_opening_a_version_1_store_upgrades_it_and_keeps_its_articles(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    con = duckdb.connect(str(db_path))
    migrate(con, MIGRATIONS[:1])
    con.execute(
        "INSERT INTO articles VALUES ('a1', 'old.txt', NULL, NULL, NULL, 'en', now(), ?)",
        ['{"id": "a1", "source": "old.txt", "text": "Shelling was reported in Kharkiv."}'],
    )
    con.close()

    with Store(db_path) as store:
        assert [a.id for a in store.articles()] == ["a1"]
        assert store.count_events() == 0  # the version-2 columns exist: the filter query runs
    con = duckdb.connect(str(db_path), read_only=True)
    assert current_version(con) == LATEST_VERSION
    con.close()


def test_a_failing_step_leaves_the_store_at_its_old_version(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    con = duckdb.connect(str(db_path))
    migrate(con, MIGRATIONS[:1])
    broken = (*MIGRATIONS[:1], Migration(2, "half good", ("ALTER TABLE events ADD COLUMN x INT", "SELEKT 1")))
    with pytest.raises(duckdb.Error):
        migrate(con, broken)
    assert current_version(con) == 1
    columns = {r[0] for r in con.execute("SELECT column_name FROM information_schema.columns").fetchall()}
    assert "x" not in columns
    con.close()


def test_a_read_only_open_refuses_an_old_store_instead_of_upgrading_it(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    con = duckdb.connect(str(db_path))
    migrate(con, MIGRATIONS[:1])
    con.close()
    with pytest.raises(StoreError, match="upgrade"):
        Store(db_path, read_only=True)


def test_a_read_only_open_of_a_missing_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store"):
        Store(tmp_path / "absent.duckdb", read_only=True)
