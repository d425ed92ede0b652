"""No file of the package is a copy of one under ../shared (measurement data stays outside)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
# Large measurement files are hashed too, but nothing bigger than this is read.
MAX_BYTES = 64 * 1024 * 1024


def _digests(folder: Path) -> dict[str, Path]:
    out = {}
    for path in folder.rglob("*"):
        if (
            path.is_file()
            and path.stat().st_size
            and path.stat().st_size <= MAX_BYTES
            and "__pycache__" not in path.parts
        ):
            out[hashlib.sha256(path.read_bytes()).hexdigest()] = path
    return out


@pytest.mark.skipif(not SHARED.is_dir(), reason="no ../shared beside this checkout")
def test_no_file_under_src_is_a_copy_of_shared() -> None:
    shared = _digests(SHARED)
    copies = [f"{path} = {shared[digest]}" for digest, path in _digests(ROOT / "src").items() if digest in shared]
    assert not copies, copies


def test_the_admin1_table_copy_is_gone() -> None:
    assert not (ROOT / "src" / "sitreps" / "data" / "geonames" / "admin1CodesASCII.txt").exists()
