"""The sitreps/1 export as Parquet: one file per unit (articles, mentions, events, episodes).

The Arrow schema is derived from the pydantic model, so nested records (dates, locations,
evidence spans, estimates) stay typed structs and lists that DuckDB, pandas and Spark read
directly, and an empty table still carries its full schema. Values typed `Any` in the model
(a contradiction's disputed value) are stored as JSON text. The files are written by DuckDB's
COPY ... (FORMAT PARQUET) from those Arrow tables.

Needs pyarrow (`pip install pyarrow`); it is imported only when Parquet is asked for.
"""

from __future__ import annotations

import json
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
    pa = _pyarrow()
    directory = Path(out)
    if directory.exists() and not directory.is_dir():
        raise ValueError(f"{directory} is a file; Parquet export needs a directory")
    directory.mkdir(parents=True, exist_ok=True)
    del pa  # imported above only to fail early with a clear message
    export = store.export(f)
    # DuckDB's COPY writes each unit's typed Arrow table, in its own in-memory connection (the
    # store's file stays untouched); each file goes to a temporary name and is renamed into place
    con = duckdb.connect()
    try:
        for unit, model in UNITS.items():
            table = unit_table(model, getattr(export, unit))
            con.register("unit_table", table)
            target = directory / f"{unit}.parquet"
            tmp = directory / f".{unit}.parquet.tmp"
            con.execute(f"COPY unit_table TO '{_sql_path(tmp)}' (FORMAT PARQUET)")
            con.unregister("unit_table")
            tmp.replace(target)
    finally:
        con.close()


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")
