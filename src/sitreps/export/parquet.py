"""The sitreps/1 export as Parquet, in two shapes with two contracts:

* `write(store, DIR)`: a folder holding articles.parquet, mentions.parquet, events.parquet and
  episodes.parquet, each the sitreps/1 records with their nesting. Refuses a `.parquet` name (a
  folder is not a file) and a folder holding anything else. The set is written into a temporary
  sibling folder and renamed into place, so a killed export leaves the old set or the new one,
  never a mix.
* `write_events_table(store, FILE)`: one flat events table, one row per event: ACLED's columns
  (as in the CSV export, typed) then sitreps' own (`FLAT_EXTRAS`), no nesting, so pandas, DuckDB
  and Spark read it as is. Written to a temporary sibling file and renamed into place.

The folder's Arrow schema is derived from the pydantic model, so nested records (dates, locations,
evidence spans, estimates) stay typed structs and lists that DuckDB, pandas and Spark read
directly, and an empty table still carries its full schema. Values typed `Any` in the model
(a contradiction's disputed value) are stored as JSON text. The files are written by DuckDB's
COPY ... (FORMAT PARQUET) from those Arrow tables.

Needs pyarrow (`pip install pyarrow`); it is imported only when Parquet is asked for.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import types
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Literal, Union, get_args, get_origin

import duckdb
from pydantic import BaseModel

from sitreps.model import Article, Episode, Event, Mention

if TYPE_CHECKING:
    import pyarrow as pa

    from sitreps.store import EventFilter, Store

UNITS: dict[str, type[BaseModel]] = {
    "articles": Article,
    "mentions": Mention,
    "events": Event,
    "episodes": Episode,
}


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401 - registers pyarrow.parquet
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise RuntimeError("Parquet export needs pyarrow: pip install pyarrow") from exc
    return pyarrow


def _is_any(annotation: Any) -> bool:
    return annotation is Any


def arrow_type(annotation: Any) -> pa.DataType:
    """The Arrow type for a model field annotation (all Arrow fields are nullable)."""
    pa = _pyarrow()
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        members = [a for a in get_args(annotation) if a is not type(None)]
        if len(members) != 1:
            raise TypeError(f"cannot map union {annotation!r} to Arrow")
        return arrow_type(members[0])
    if origin is Literal:
        return pa.string()
    if origin is list:
        (item,) = get_args(annotation)
        return pa.list_(arrow_type(item))
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return pa.struct(arrow_schema(annotation))
    if _is_any(annotation):
        return pa.string()
    scalar = {str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_()}
    if annotation in scalar:
        return scalar[annotation]
    raise TypeError(f"cannot map {annotation!r} to Arrow")


def arrow_schema(model: type[BaseModel]) -> pa.Schema:
    pa = _pyarrow()
    return pa.schema(
        [pa.field(field.alias or name, arrow_type(field.annotation)) for name, field in model.model_fields.items()]
    )


def _jsonify_any(model: type[BaseModel], value: dict[str, Any]) -> dict[str, Any]:
    """Turn the values of `Any`-typed fields (at any depth) into JSON text, as the schema says."""
    out = dict(value)
    for name, field in model.model_fields.items():
        key = field.alias or name
        if key not in out or out[key] is None:
            continue
        annotation = field.annotation
        members = (
            [a for a in get_args(annotation) if a is not type(None)]
            if get_origin(annotation)
            in (
                Union,
                types.UnionType,
            )
            else [annotation]
        )
        inner = members[0] if len(members) == 1 else annotation
        if _is_any(inner):
            out[key] = json.dumps(out[key], ensure_ascii=False)
        elif isinstance(inner, type) and issubclass(inner, BaseModel):
            out[key] = _jsonify_any(inner, out[key])
        elif get_origin(inner) is list:
            (item,) = get_args(inner)
            if isinstance(item, type) and issubclass(item, BaseModel):
                out[key] = [_jsonify_any(item, v) for v in out[key]]
    return out


def unit_table(model: type[BaseModel], records: list[BaseModel]) -> pa.Table:
    """An Arrow table of model records with the model's schema."""
    pa = _pyarrow()
    rows = [_jsonify_any(model, r.model_dump(mode="json", by_alias=True)) for r in records]
    return pa.Table.from_pylist(rows, schema=arrow_schema(model))


def write(store: Store, out: IO[str] | IO[bytes] | str | Path, f: EventFilter | None = None) -> None:
    """Write articles.parquet, mentions.parquet, events.parquet, episodes.parquet into directory `out`."""
    if not isinstance(out, str | Path) or str(out) == "-":
        raise ValueError("Parquet export writes one file per unit: give an output directory with -o DIR")
    _pyarrow()  # fail early, with the install hint
    directory = Path(out)
    problem = folder_problem(directory)
    if problem:
        raise ValueError(problem)
    export = store.export(f)
    directory.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{directory.name}.", dir=directory.parent))
    try:
        # DuckDB's COPY writes each unit's typed Arrow table, in its own in-memory connection
        # (the store's file stays untouched).
        con = duckdb.connect()
        try:
            for unit, model in UNITS.items():
                con.register("unit_table", unit_table(model, getattr(export, unit)))
                con.execute(f"COPY unit_table TO '{_sql_path(staging / f'{unit}.parquet')}' (FORMAT PARQUET)")
                con.unregister("unit_table")
        finally:
            con.close()
        _swap_in(staging, directory)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def folder_problem(directory: Path) -> str | None:
    """Why `directory` cannot take a Parquet folder export, or None: it must not look like a file
    name, be a file, or hold anything but a previous export's tables (it is replaced whole)."""
    if directory.suffix.lower() == ".parquet":
        return (
            f"{directory} names a file, but the Parquet export is a folder of four tables "
            "(articles, mentions, events, episodes): give -o DIR, or --table events -o FILE.parquet "
            "for one flat events table"
        )
    if directory.exists() and not directory.is_dir():
        return f"{directory} is a file; the Parquet export needs a folder (-o DIR)"
    if directory.is_dir():
        ours = {f"{unit}.parquet" for unit in UNITS}
        others = sorted(p.name for p in directory.iterdir() if p.name not in ours)
        if others:
            return f"{directory} holds other files ({', '.join(others[:3])}); give a new or empty folder"
    return None


def _swap_in(staging: Path, directory: Path) -> None:
    """Put the finished `staging` folder at `directory`. With a previous export there, it is moved
    aside first and removed after: a kill between the two renames leaves it whole beside."""
    if not directory.exists():
        os.replace(staging, directory)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{directory.name}.old.", dir=directory.parent))
    os.replace(directory, old / directory.name)
    os.replace(staging, directory)
    shutil.rmtree(old, ignore_errors=True)


# sitreps' own columns of the flat events table, after ACLED's: (name, Arrow type name)
FLAT_EXTRAS: tuple[tuple[str, str], ...] = (
    ("sitreps_event_id", "string"),
    ("episode_id", "string"),
    ("date_start", "string"),
    ("date_end", "string"),
    ("date_precision", "string"),
    ("date_inferred", "bool"),
    ("country_code", "string"),
    ("admin1_code", "string"),
    ("geonameid", "int64"),
    ("actor1_id", "string"),
    ("actor2_id", "string"),
    ("fatalities_best", "int64"),
    ("fatalities_low", "int64"),
    ("fatalities_high", "int64"),
    ("sources", "int64"),
    ("independent_sources", "int64"),
    ("disputed", "string"),
    ("article_ids", "string"),
    ("mention_ids", "string"),
)
# ACLED columns that hold numbers (the CSV writes "" for none; the table has a null)
_ACLED_NUMBERS = {
    "year": "int64",
    "time_precision": "int64",
    "inter1": "int64",
    "inter2": "int64",
    "iso": "int64",
    "latitude": "float64",
    "longitude": "float64",
    "geo_precision": "int64",
    "fatalities": "int64",
    "timestamp": "int64",
}


def _extras(event: Event) -> dict[str, Any]:
    loc, date, fat = event.location, event.date, event.fatalities
    return {
        "sitreps_event_id": event.id,
        "episode_id": event.episode_id,
        "date_start": date.start if date else None,
        "date_end": date.end if date else None,
        "date_precision": date.precision if date else None,
        "date_inferred": date.inferred if date else None,
        "country_code": loc.country_code if loc else None,
        "admin1_code": loc.admin1_code if loc else None,
        "geonameid": loc.geonameid if loc else None,
        "actor1_id": event.actor1.id if event.actor1 else None,
        "actor2_id": event.actor2.id if event.actor2 else None,
        "fatalities_best": fat.best,
        "fatalities_low": fat.low,
        "fatalities_high": fat.high,
        "sources": event.sources,
        "independent_sources": event.independent_sources,
        "disputed": ", ".join(c.field for c in event.contradictions) or None,
        "article_ids": "; ".join(event.article_ids),
        "mention_ids": "; ".join(event.mention_ids),
    }


def _typed(column: str, value: Any) -> Any:
    """An ACLED CSV value as the table types it: "" is null, numbers are numbers, the rest text."""
    if value == "" or value is None:
        return None
    kind = _ACLED_NUMBERS.get(column)
    if kind == "float64":
        return float(value)
    return int(value) if kind == "int64" else str(value)


def events_table(store: Store, f: EventFilter | None = None) -> pa.Table:
    """The flat events table (see the module docstring) of the events matching `f`."""
    from sitreps.export.acled_csv import COLUMNS, acled_rows

    pa = _pyarrow()
    export = store.export(f)
    types_by_name = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64(), "bool": pa.bool_()}
    fields = [(c, _ACLED_NUMBERS.get(c, "string")) for c in COLUMNS] + list(FLAT_EXTRAS)
    schema = pa.schema([pa.field(name, types_by_name[kind]) for name, kind in fields])
    rows = [
        {**{c: _typed(c, acled[c]) for c in COLUMNS}, **_extras(event)}
        for event, acled in zip(export.events, acled_rows(export), strict=True)
    ]
    return pa.Table.from_pylist(rows, schema=schema)


def write_events_table(store: Store, out: str | Path, f: EventFilter | None = None) -> None:
    """Write the flat events table to the Parquet file `out`, atomically (temporary sibling, rename)."""
    if str(out) == "-":
        raise ValueError("--table events writes a Parquet file: give -o FILE.parquet")
    pa = _pyarrow()
    target = Path(out)
    if target.is_dir():
        raise ValueError(f"{target} is a folder; --table events writes one file (-o FILE.parquet)")
    table = events_table(store, f)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(fd)
    try:
        pa.parquet.write_table(table, tmp)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")
