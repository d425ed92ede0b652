"""The sitreps/1 JSON export: the project's public contract (shared/spec/export-format.md)."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path
from typing import BinaryIO

from sitreps.model import Export
from sitreps.store import EventFilter, Store


def dumps(export: Export) -> str:
    """The export as indented JSON text, keys in model order, non-ASCII kept readable."""
    return json.dumps(export.to_json_dict(), ensure_ascii=False, indent=2) + "\n"


def write(store: Store, out: BinaryIO, f: EventFilter | None = None) -> None:
    out.write(dumps(store.export(f)).encode("utf-8"))


def schema_text() -> str:
    """The sitreps/1 JSON Schema as generated from `sitreps.model` (what the shipped file must equal)."""
    from sitreps.model import json_schema

    return json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n"


def shipped_schema_path() -> Path:
    return Path(str(files("sitreps") / "data" / "sitreps-1.schema.json"))


def regenerate_shipped_schema() -> Path:
    """Rewrite the shipped schema after a model change (a test fails until you do)."""
    path = shipped_schema_path()
    path.write_text(schema_text(), encoding="utf-8")
    return path
