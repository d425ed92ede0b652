"""Exporters: the store's events written as files, one module per format.

Every format module exposes `write(store: Store, out: BinaryIO, f: EventFilter | None) -> None`
and reads through `Store` only. `FORMATS` maps the `--format` name to its module, imported on
first use so that e.g. pyarrow is only needed by the parquet export.
"""

from __future__ import annotations

import os
import sys
import tempfile
from importlib import import_module
from pathlib import Path
from typing import BinaryIO

from sitreps.store import EventFilter, Store

FORMATS: dict[str, str] = {
    "json": "sitreps.export.sitreps_json",
    "csv": "sitreps.export.acled_csv",
    "geojson": "sitreps.export.geojson",
    "parquet": "sitreps.export.parquet",
}


class ExportFormatError(ValueError):
    """Unknown or unavailable export format."""


def write(
    store: Store, fmt: str, out: str | Path | BinaryIO, f: EventFilter | None = None, table: str | None = None
) -> None:
    """Write the store's export in `fmt` to a path, "-" (stdout) or a binary stream.

    A file is written to a temporary sibling and renamed into place, so a failed export never
    leaves half a file behind. `table="events"` (Parquet only) writes one flat events table to
    the file `out` instead of the folder of four tables (see `sitreps.export.parquet`).
    """
    if table is not None and (fmt != "parquet" or table != "events"):
        raise ExportFormatError("--table events is the one table, and only with --format parquet")
    if fmt not in FORMATS:
        raise ExportFormatError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")
    try:
        module = import_module(FORMATS[fmt])
    except ModuleNotFoundError as exc:
        raise ExportFormatError(f"format {fmt!r} is not available: {exc}") from exc
    if fmt == "parquet":
        # A folder of one file per unit, or one flat table; each written atomically by the module.
        try:
            if table == "events":
                module.write_events_table(store, out, f)
            else:
                module.write(store, out, f)
        except ValueError as exc:
            raise ExportFormatError(str(exc)) from exc
        return
    if not isinstance(out, str | Path):
        module.write(store, out, f)
        return
    if str(out) == "-":
        module.write(store, sys.stdout.buffer, f)
        sys.stdout.buffer.flush()
        return
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as stream:
            module.write(store, stream, f)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
