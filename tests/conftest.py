"""Fixtures every test folder may use: a fresh store file and a way to run the real CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitreps.store import Store

# ../shared/seeds beside the checkout (SITREPS_SEEDS overrides)
SEEDS_DIR = Path(os.environ.get("SITREPS_SEEDS", Path(__file__).resolve().parents[2] / "shared" / "seeds"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where a test's DuckDB store lives (the parent folder does not exist yet)."""
    return tmp_path / "db" / "sitreps.duckdb"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store(db_path) as opened:
        yield opened


@pytest.fixture
def seeds_dir() -> Path:
    """The shared seed articles; tests that need them skip where they are absent."""
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"{SEEDS_DIR} is not present")
    return SEEDS_DIR


def sitreps_process(args: list[str], db: Path, **kwargs: object) -> subprocess.Popen[bytes]:
    """`sitreps --db DB ARGS...` as a real child process (the installed entry point's module)."""
    env = {**os.environ, "SITREPS_DB": str(db)}
    return subprocess.Popen(  # type: ignore[call-overload,no-any-return]
        [sys.executable, "-c", "from sitreps.cli import main; main()", "--db", str(db), *args],
        env=env,
        **kwargs,
    )


# Short wire-style reports written for these tests (invented events in real places).
REPORTS: dict[str, str] = {
    "darfur.txt": (
        "Paramilitary fighters attack El Fasher market\n\n"
        "EL FASHER, Sudan, June 14 - Fighters of the Rapid Support Forces shelled the main market of "
        "El Fasher in North Darfur on Friday, killing at least 12 civilians, according to a local "
        "emergency room volunteer group. The paramilitary force denied targeting civilians and said it "
        "had struck army positions near the market.\n"
    ),
    "sagaing.txt": (
        "Myanmar junta air strike hits village in Sagaing\n\n"
        "A military air strike on a village in Myanmar's Sagaing region killed nine people on Tuesday, "
        "residents and a local resistance group said. The junta did not respond to requests for comment. "
        "Two houses and a monastery were destroyed, a villager told reporters by phone.\n"
    ),
    "haiti.txt": (
        "Gang gunmen storm Port-au-Prince suburb\n\n"
        "PORT-AU-PRINCE, March 3 - Armed gangs attacked the suburb of Croix-des-Bouquets overnight, "
        "burning houses and forcing hundreds of families to flee, police said on Sunday. A police "
        "spokesman said officers exchanged fire with the gunmen for several hours.\n"
    ),
}


@pytest.fixture
def reports_dir(tmp_path: Path) -> Path:
    """A folder with three good reports, one of them twice, an empty file and a PNG."""
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "haiti-copy.txt").write_text(REPORTS["haiti.txt"], encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    return folder
