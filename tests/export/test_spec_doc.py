"""docs/export-format.md ships the sitreps/1 contract inside the repository: it must stay identical to it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONTRACT = Path(os.environ.get("SITREPS_SPEC", ROOT.parent / "shared" / "spec" / "export-format.md"))


def test_the_shipped_export_format_doc_is_the_contract() -> None:
    if not CONTRACT.is_file():
        pytest.skip(f"{CONTRACT} is not present")
    assert (ROOT / "docs" / "export-format.md").read_text(encoding="utf-8") == CONTRACT.read_text(encoding="utf-8")


def test_the_readme_links_the_spec_inside_the_repository() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "](docs/export-format.md)" in readme and "../shared/spec" not in readme
