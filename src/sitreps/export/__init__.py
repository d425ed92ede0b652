"""Exporters: the store's events written as files, one module per format.

Each format is an `Exporter` (`sitreps.hookspecs`): the built-ins below, plus any installed
package's `sitreps.exporters` entry points. An exporter reads through `Store` only. A `stream`
exporter writes bytes to a stream (the file is written to a temporary sibling and renamed into
place here); a `file` or `folder` exporter is handed the path and writes it atomically itself
(Parquet: DuckDB writes the files). Modules are imported on first use, so that e.g. pyarrow is
only needed by the parquet export.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import BinaryIO

from sitreps.hookspecs import EXPORTERS, Exporter, PluginError, load_plugin, plugins, warn_clash
from sitreps.store import EventFilter, Store

BUILTIN_EXPORTERS: tuple[Exporter, ...] = (
    Exporter("json", "sitreps.export.sitreps_json:write", "stream", "sitreps/1 JSON: everything"),
    Exporter("csv", "sitreps.export.acled_csv:write", "stream", "ACLED's CSV columns, one row per event"),
    Exporter("geojson", "sitreps.export.geojson:write", "stream", "events with a place, as GeoJSON points"),
    Exporter("parquet", "sitreps.export.parquet:write", "folder", "a folder of four Parquet tables"),
    Exporter("parquet-events", "sitreps.export.parquet:write_events_table", "file", "one flat Parquet events table"),
)


class ExportFormatError(ValueError):
    """Unknown or unavailable export format."""


def exporters() -> dict[str, Exporter]:
    """Every export format by name: the built-ins, then installed plug-ins (a built-in name wins)."""
    found = {e.name: e for e in BUILTIN_EXPORTERS}
    for name, point in plugins(EXPORTERS).items():
        if name in found:
            warn_clash(EXPORTERS, name)
            continue
        try:
            found[name] = load_plugin(point, Exporter)
        except PluginError as exc:
            raise ExportFormatError(str(exc)) from exc
    return found


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
    if table == "events":
        fmt = "parquet-events"
    known = exporters()
    if fmt not in known:
        raise ExportFormatError(f"unknown format {fmt!r} (choose from {', '.join(known)})")
    exporter = known[fmt]
    try:
        write_to = exporter.writer()
    except ModuleNotFoundError as exc:
        raise ExportFormatError(f"format {fmt!r} is not available: {exc}") from exc
    if exporter.target != "stream":
        if not isinstance(out, str | Path) or str(out) == "-":
            raise ExportFormatError(f"format {fmt!r} writes a {exporter.target}: give its path with -o")
        try:
            write_to(store, out, f)
        except ValueError as exc:
            raise ExportFormatError(str(exc)) from exc
        return
    if not isinstance(out, str | Path):
        write_to(store, out, f)
        return
    if str(out) == "-":
        write_to(store, sys.stdout.buffer, f)
        sys.stdout.buffer.flush()
        return
    target = Path(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as stream:
            write_to(store, stream, f)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
