"""The offline gazetteer: GeoNames places, admin1 regions and countries behind hash indexes.

The index is built once from the sources (about 235k places, 1.2M alternate names) and cached
with pickle under `sitreps.context.cache_dir()`, keyed by the data version, so later processes
load it in a fraction of a second. Lookups are dictionary hits on name keys; nothing scans the
records per lookup.
"""

from __future__ import annotations

import functools
import hashlib
import math
import os
import pickle
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from rapidfuzz import fuzz, process

from sitreps.context import cache_dir
from sitreps.model import Location
from sitreps.places import sources
from sitreps.places.names import (
    adjective_stems,
    is_indexable_name,
    name_key,
    parse_toponym,
    places_lexicon,
    variant_key_of,
)

# Bump when the pickled layout changes.
INDEX_FORMAT = 11
# Grid cell (degrees) of the spatial index used to gather a neighbourhood's places.
_GRID_DEG = 1.0


@dataclass
class Candidate:
    """One place a toponym may mean, with how it matched and (after scoring) why."""

    geonameid: int | None
    name: str
    country_code: str
    admin1_code: str
    lat: float
    lon: float
    population: int
    matched: str  # "name", "alternate", "variant", "fuzzy"; units also "bare", "demonym"
    score: float = 0.0
    reasons: tuple[str, ...] = ()
    index: int = -1  # row in the gazetteer's place tables (-1 for a unit)
    kind: str = "place"  # or one of UNIT_KINDS
    unit: int = -1  # row in the gazetteer's units

    @property
    def region(self) -> str:
        return f"{self.country_code}.{self.admin1_code}"


@dataclass(frozen=True)
class Region:
    code: str  # "RU.09"
    name: str
    geonameid: int | None
    lat: float
    lon: float

    @property
    def country_code(self) -> str:
        return self.code.split(".", 1)[0]

    @property
    def admin1_code(self) -> str:
        return self.code.split(".", 1)[1]


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def _build_places(records: Iterable[sources.PlaceRecord], known_ids: dict[int, int], first_row: int) -> dict[str, Any]:
    """Columns and name indexes for `records`, numbered from `first_row`.

    A record whose geonameid is in `known_ids` (a country dump repeating a cities500 place)
    adds its names to that existing row instead of a duplicate place.
    """
    ids: list[int] = []
    names: list[str] = []
    lats: list[float] = []
    lons: list[float] = []
    countries: list[str] = []
    admin1s: list[str] = []
    populations: list[int] = []
    main_keys: list[str] = []
    by_name: dict[str, list[int]] = defaultdict(list)
    by_variant: dict[str, list[int]] = defaultdict(list)
    seen_ids = dict(known_ids)
    source_counts: dict[str, int] = defaultdict(int)
    by_region: dict[str, list[int]] = defaultdict(list)
    grid: dict[tuple[int, int], list[int]] = defaultdict(list)

    for record in records:
        if record.geonameid is not None and record.geonameid in seen_ids:
            row = seen_ids[record.geonameid]
        else:
            row = first_row + len(ids)
            ids.append(-1 if record.geonameid is None else record.geonameid)
            names.append(record.name)
            lats.append(record.lat)
            lons.append(record.lon)
            countries.append(record.country_code)
            admin1s.append(record.admin1_code)
            populations.append(record.population)
            main_keys.append(name_key(record.name))
            source_counts[record.source] += 1
            by_region[f"{record.country_code}.{record.admin1_code}"].append(row)
            grid[(math.floor(record.lat / _GRID_DEG), math.floor(record.lon / _GRID_DEG))].append(row)
            if record.geonameid is not None:
                seen_ids[record.geonameid] = row
        keys = {name_key(record.name)}
        keys.update(name_key(a) for a in record.alternatenames if is_indexable_name(a))
        for key in keys:
            if key and row not in by_name[key]:
                by_name[key].append(row)
        for variant in {variant_key_of(k) for k in keys if k}:
            if variant and row not in by_variant[variant]:
                by_variant[variant].append(row)

    return {
        "format": INDEX_FORMAT,
        "first_row": first_row,
        "ids": np.array(ids, dtype=np.int64),
        "names": "\n".join(names),
        "lats": np.array(lats, dtype=np.float64),
        "lons": np.array(lons, dtype=np.float64),
        "countries": "\n".join(countries),
        "admin1s": "\n".join(admin1s),
        "populations": np.array(populations, dtype=np.int64),
        "main_keys": "\n".join(main_keys),
        "main_variants": "\n".join(variant_key_of(k) for k in main_keys),
        "by_name": _HashIndex.build(by_name).to_state(),
        "by_variant": _HashIndex.build(by_variant).to_state(),
        "by_region": {k: tuple(v) for k, v in by_region.items()},
        "grid": {k: tuple(v) for k, v in grid.items()},
        "source_counts": dict(source_counts),
    }


def cell_centroid(lats: np.ndarray, lons: np.ndarray) -> tuple[float, float]:
    """The centre of an area known by the places in it: the mean of the 0.5-degree cells they occupy.

    A plain mean leans toward where towns are dense, a population-weighted one toward the
    largest city; counting each occupied cell once weighs the area evenly. Checked against the
    GeoNames points of six US states (Ohio, Texas, Georgia, California, New York, Florida):
    10-43 km off, against 24-158 km for the plain mean.
    """
    cells = {(math.floor(y * 2), math.floor(x * 2)) for y, x in zip(lats.tolist(), lons.tolist(), strict=True)}
    lat = sum(y for y, _ in cells) / len(cells) / 2 + 0.25
    lon = sum(x for _, x in cells) / len(cells) / 2 + 0.25
    return round(lat, 5), round(lon, 5)


# How a unit's name matched, best first.
_UNIT_MATCH_RANK = {"name": 0, "alternate": 1, "demonym": 2, "bare": 3}
# Kinds of gazetteer entry; an admin unit is a row of `units`, a place a row of the place tables.
UNIT_KINDS = ("continent", "country", "admin1", "admin2")


def _build_base() -> dict[str, Any]:
    """cities500 places, then the units they lie in: countries, admin1 and admin2 units, continents."""
    records = list(sources.cities500_records())
    index = _build_places(records, {}, 0)
    units = _UnitIndex(index, places_lexicon())
    admin = sources.admin_names(records)
    units.add_admin1(admin)
    units.add_admin2(admin)
    units.add_countries(index["countries"].split("\n"))
    units.add_continents()
    index.update(units.tables())
    return index


class _UnitIndex:
    """The units places lie in (admin1 and admin2 units, countries, continents) and the keys
    they are found by, built over the populated places' index."""

    def __init__(self, index: dict[str, Any], lexicon: dict[str, Any]) -> None:
        self.index, self.lexicon = index, lexicon
        self.lats, self.lons, self.pops = index["lats"], index["lons"], index["populations"]
        self.region_words = {w.lower() for w in lexicon["region_words"]}
        self.unit_words = (
            self.region_words
            | {w.lower() for w in lexicon["district_words"]}
            | {w.lower() for w in lexicon["admin2_words"]}
        )
        # units: (kind, code, name, country, admin1, lat, lon, population, geonameid)
        self.units: list[tuple[str, str, str, str, str, float, float, int, int | None]] = []
        self.unit_keys: dict[str, list[tuple[int, str]]] = defaultdict(list)
        self.regions: dict[str, tuple[str, int | None, float, float]] = {}
        self.region_keys: dict[str, list[str]] = defaultdict(list)
        # (form, code) pairs that come from a region's own name or a lexicon alias, not from one
        # of its other names: "Kyiv region" is Kyiv Oblast, though Kyiv City also goes by "Kyiv".
        self.region_main_keys: set[tuple[str, str]] = set()
        self.country_index: dict[str, str] = {}
        self.country_names: dict[str, str] = {}
        self.capitals: dict[str, str] = {}
        self.claimed_by: dict[str, int] = {}

    def _put(self, key: str, unit: int, quality: str) -> None:
        # one entry per unit and key, with the best way it matched
        entries = self.unit_keys[key]
        for i, (known, known_quality) in enumerate(entries):
            if known == unit:
                if _UNIT_MATCH_RANK[quality] < _UNIT_MATCH_RANK[known_quality]:
                    entries[i] = (unit, quality)
                return
        entries.append((unit, quality))

    def add_key(self, text: str, unit: int, quality: str) -> None:
        key = name_key(text)
        if key:
            self._put(key, unit, quality)
        bare = " ".join(w for w in key.split() if w not in self.unit_words)
        if bare and bare != key:
            self._put(bare, unit, "bare")

    def add_region_key(self, text: str, code: str, main: bool = True) -> None:
        key = " ".join(w for w in name_key(text).split() if w not in self.region_words)
        for form in {key, variant_key_of(key)} if key else ():
            if code not in self.region_keys[form]:
                self.region_keys[form].append(code)
            if main:
                self.region_main_keys.add((form, code))

    def _new_unit(
        self,
        kind: str,
        code: str,
        name: str,
        country: str,
        admin1: str,
        lat: float,
        lon: float,
        population: int,
        geonameid: int | None,
    ) -> int:
        self.units.append((kind, code, name, country, admin1, lat, lon, population, geonameid))
        return len(self.units) - 1

    def add_admin1(self, admin: Any) -> None:
        aliases = self.lexicon.get("region_aliases", {})
        min_population = self.lexicon["admin1_names"]["min_population_to_index"]
        for code, name in sorted(admin.admin1.items()):
            rows = list(self.index["by_region"].get(code, ()))
            if not rows:
                continue  # no populated place of ours lies in it: nothing to put on the map
            lat, lon = cell_centroid(self.lats[rows], self.lons[rows])
            geonameid = admin.admin1_ids.get(code)
            self.regions[code] = (name, geonameid, lat, lon)
            population = int(self.pops[rows].sum())
            if population < min_population:
                continue  # names its places' region, but is no toponym of its own (see places.yaml)
            country, admin1 = code.split(".", 1)
            unit = self._new_unit("admin1", code, name, country, admin1, lat, lon, population, geonameid)
            self.add_key(name, unit, "name")
            # the lexicon's aliases, then the unit's other names (ISO 3166-2, older GeoNames and
            # Russian or Ukrainian spellings: "Bryanskaya oblast'", "Brjansk", "Брянская область")
            for text in (name, *aliases.get(code, ())):
                self.add_region_key(text, code)
            for text in admin.admin1_alternates.get(code, ()):
                self.add_region_key(text, code, main=False)
            for alias in (*aliases.get(code, ()), *admin.admin1_alternates.get(code, ())):
                self.add_key(alias, unit, "alternate")

    def add_admin2(self, admin: Any) -> None:
        for (country, admin1, name), members in sorted(admin.admin2.items()):
            lat, lon = cell_centroid(self.lats[members], self.lons[members])
            code = f"{country}.{admin1}.{name_key(name).replace(' ', '_')}"
            population = int(self.pops[members].sum())
            unit = self._new_unit("admin2", code, name, country, admin1, lat, lon, population, None)
            self.add_key(name, unit, "name")

    def _claim_country(self, key: str, code: str, population: int) -> None:
        # Shared demonyms and spellings ("American": US and Northern Mariana Islands) go to the
        # most populous country.
        if key and population >= self.claimed_by.get(key, -1):
            self.country_index[key], self.claimed_by[key] = code, population

    def add_countries(self, country_of_row: list[str]) -> None:
        extra_names = self.lexicon.get("country_names", {})
        rows_of_country: dict[str, list[int]] = defaultdict(list)
        for row, code in enumerate(country_of_row):
            rows_of_country[code].append(row)
        for country in sources.country_records():
            rows = rows_of_country.get(country.code)
            if country.point is not None:
                lat, lon = country.point
            elif rows:
                lat, lon = cell_centroid(self.lats[rows], self.lons[rows])
            else:
                continue
            self.country_names[country.code] = country.name
            self.capitals[country.code] = country.capital
            code, population = country.code, country.population
            unit = self._new_unit("country", code, country.name, code, "", lat, lon, population, None)
            self.add_key(country.name, unit, "name")
            for other in (country.name, *country.names, *extra_names.get(code, ())):
                if other != country.name:
                    self.add_key(other, unit, "alternate")
                self._claim_country(name_key(other), code, population)
            for demonym in country.demonyms:
                self.add_key(demonym, unit, "demonym")
                self._claim_country(name_key(demonym), code, population)

    def add_continents(self) -> None:
        for name, geonameid, lat, lon, population, english in sources.continent_records():
            unit = self._new_unit("continent", name, name, "", "", lat, lon, population, geonameid)
            for text in (name, *english):
                self.add_key(text, unit, "name" if text == name else "alternate")

    def tables(self) -> dict[str, Any]:
        return {
            "regions": self.regions,
            "region_keys": {k: tuple(v) for k, v in self.region_keys.items()},
            "region_main_keys": self.region_main_keys,
            "country_index": self.country_index,
            "country_names": self.country_names,
            "capitals": self.capitals,
            "units": self.units,
            "unit_keys": {k: tuple(v) for k, v in self.unit_keys.items()},
        }


def _is_common_word(word: str) -> bool:
    from wordfreq import zipf_frequency  # loaded on first use only

    return zipf_frequency(word, "en") >= places_lexicon()["scoring"]["common_word_zipf"]


def _lines(text: str, count: int) -> list[str]:
    # "".split("\n") is [""]: an empty column must stay empty.
    return text.split("\n") if count else []


def _cached(path: Path, build: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """Load a pickled index from `path`, or build it and write it there atomically."""
    if path.exists():
        try:
            with open(path, "rb") as fh:
                index = pickle.load(fh)
            if index.get("format") == INDEX_FORMAT:
                return index
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
            pass  # a torn or foreign file: rebuild below
    # The first run builds for half a minute: say so on stderr (stdout may carry JSON answers).
    started = time.monotonic()
    print(f"sitreps: building the place index {path.name} (once; about 30 s) ...", file=sys.stderr, flush=True)
    index = build()
    print(f"sitreps: place index built in {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    # Write atomically so concurrent processes never read half a file.
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    with os.fdopen(fd, "wb") as fh:
        pickle.dump(index, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, path)
    # Indexes of other data versions are left a day: another process (an older install, a
    # long ingest) may be reading or rebuilding its own, and removing it would make both rebuild.
    prefix = path.name.rsplit("-", 1)[0]
    for old in path.parent.glob(f"{prefix}-*.pickle"):
        if old != path and time.time() - old.stat().st_mtime > 86400:
            old.unlink(missing_ok=True)
    return index


def _key_hash(key: str) -> int:
    # A stable 64-bit hash (Python's own str hash changes per process).
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "little")


@dataclass(frozen=True)
class _HashIndex:
    """name key -> rows, as three numpy arrays (sorted 64-bit key hashes, offsets, rows).

    Loading half a million Python dict entries takes most of a second; these arrays load in
    milliseconds and a lookup is one hash and one binary search.
    """

    hashes: np.ndarray  # uint64, sorted, unique
    offsets: np.ndarray  # int64, len(hashes) + 1
    rows: np.ndarray  # int32

    @classmethod
    def build(cls, mapping: dict[str, list[int]]) -> _HashIndex:
        merged: dict[int, list[int]] = defaultdict(list)
        for key, rows in mapping.items():
            merged[_key_hash(key)].extend(rows)
        hashes = np.array(sorted(merged), dtype=np.uint64)
        flat: list[int] = []
        offsets = [0]
        for h in hashes.tolist():
            flat.extend(dict.fromkeys(merged[h]))
            offsets.append(len(flat))
        return cls(hashes, np.array(offsets, dtype=np.int64), np.array(flat, dtype=np.int32))

    def to_state(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return (self.hashes, self.offsets, self.rows)

    def get(self, key: str) -> list[int]:
        h = _key_hash(key)
        pos = int(np.searchsorted(self.hashes, np.uint64(h)))
        if pos >= len(self.hashes) or int(self.hashes[pos]) != h:
            return []
        return self.rows[self.offsets[pos] : self.offsets[pos + 1]].tolist()

    def __len__(self) -> int:
        return len(self.hashes)


class Gazetteer:
    """Places, regions and countries with exact, normalised and variant-key lookups."""

    def __init__(
        self,
        base: dict[str, Any],
        overlay: dict[str, Any] | None = None,
        cache_path: Path | None = None,
        places_dir: Path | None = None,
    ):
        self._ix = base
        parts = [base] if overlay is None else [base, overlay]

        def text_column(key: str) -> list[str]:
            out: list[str] = []
            for part in parts:
                out += _lines(part[key], len(part["ids"]))
            return out

        def number_column(key: str) -> list[Any]:
            out: list[Any] = []
            for part in parts:
                out += part[key].tolist()
            return out

        self._names = text_column("names")
        self._main_keys = text_column("main_keys")
        self._parts = parts
        self._countries = text_column("countries")
        self._admin1s = text_column("admin1s")
        self._lats = number_column("lats")
        self._lons = number_column("lons")
        self._populations = number_column("populations")
        self._ids = [None if i < 0 else i for i in number_column("ids")]
        self._name_indexes = [_HashIndex(*p["by_name"]) for p in parts]
        self._variant_indexes = [_HashIndex(*p["by_variant"]) for p in parts]
        self._by_region: dict[str, tuple[int, ...]] = dict(base["by_region"])
        self._grid: dict[tuple[int, int], tuple[int, ...]] = dict(base["grid"])
        self._source_counts = dict(base["source_counts"])
        if overlay is not None:
            for code, rows in overlay["by_region"].items():
                self._by_region[code] = self._by_region.get(code, ()) + rows
            for cell, rows in overlay["grid"].items():
                self._grid[cell] = self._grid.get(cell, ()) + rows
            self._source_counts.update(overlay["source_counts"])
        self.cache_path = cache_path
        self.places_dir = places_dir
        self._largest_rows: dict[str, int | None] = {}
        self._capital_rows: dict[str, int | None] = {}
        # Articles name the same few regions over and over; remember the answers.
        self._region_answers = functools.lru_cache(maxsize=4096)(self._find_region)

    @classmethod
    def load(cls, places_dir: Path | None = None, cache: Path | None = None) -> Gazetteer:
        """Load the cached indexes for the current data, building what is missing.

        The base index (cities500, regions, countries) and the user overlay (added files) are
        cached separately, so adding a file rebuilds only the overlay.
        """
        places_dir = places_dir or sources.user_places_dir()
        cache = cache or cache_dir()
        base_path = cache / f"gazetteer-base-{sources.data_version(None, INDEX_FORMAT)}.pickle"
        base = _cached(base_path, _build_base)
        overlay = None
        if sources.user_files(places_dir):
            # One overlay cache per places folder (tests and users may keep several).
            folder = hashlib.sha256(str(places_dir.resolve()).encode()).hexdigest()[:8]
            version = sources.data_version(places_dir, INDEX_FORMAT)
            user_path = cache / f"gazetteer-user{folder}-{version}.pickle"
            known = {gid: row for row, gid in enumerate(base["ids"].tolist())}

            def build_overlay() -> dict[str, Any]:
                return _build_places(sources.user_records(places_dir), known, len(known))

            overlay = _cached(user_path, build_overlay)
        return cls(base, overlay, base_path, places_dir)

    # ---- places --------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._ids)

    def candidate(self, row: int, matched: str) -> Candidate:
        return Candidate(
            geonameid=self._ids[row],
            name=self._names[row],
            country_code=self._countries[row],
            admin1_code=self._admin1s[row],
            lat=self._lats[row],
            lon=self._lons[row],
            population=self._populations[row],
            matched=matched,
            index=row,
        )

    def _rows_to_candidates(self, rows: Iterable[int], key: str, default: str) -> list[Candidate]:
        main_keys = self._main_keys
        out = [self.candidate(r, "name" if main_keys[r] == key else default) for r in rows]
        out.sort(key=lambda c: (c.matched != "name", -c.population))
        return out

    def _name_rows(self, key: str) -> list[int]:
        if len(self._name_indexes) == 1:
            return self._name_indexes[0].get(key)
        return list(dict.fromkeys(r for ix in self._name_indexes for r in ix.get(key)))

    def _variant_rows(self, key: str) -> list[int]:
        if len(self._variant_indexes) == 1:
            return self._variant_indexes[0].get(key)
        return list(dict.fromkeys(r for ix in self._variant_indexes for r in ix.get(key)))

    def lookup(self, name: str) -> list[Candidate]:
        """Places whose name or alternate name equals `name` after normalisation.

        Largest first. Case, diacritics, apostrophes, hyphens and Cyrillic/Latin script do not
        matter ("Харків", "kharkiv", "Khar'kiv").
        """
        key = name_key(name)
        return self._rows_to_candidates(self._name_rows(key), key, "alternate")

    def lookup_variants(self, name: str) -> list[Candidate]:
        """Places whose name meets `name` under the romanization-variant rules (Kharkov ~ Kharkiv)."""
        key = name_key(name)
        rows = self._variant_rows(variant_key_of(key))
        exact = set(self._name_rows(key))
        return self._rows_to_candidates((r for r in rows if r not in exact), key, "variant")

    def match_rows(self, name: str, variants: bool = True) -> list[tuple[int, str]]:
        """(row, how it matched) for every place `name` may mean; unsorted, no objects built."""
        key = name_key(name)
        main_keys = self._main_keys
        exact = self._name_rows(key)
        out = [(r, "name" if main_keys[r] == key else "alternate") for r in exact]
        if variants:
            seen = set(exact)
            out.extend((r, "variant") for r in self._variant_rows(variant_key_of(key)) if r not in seen)
        return out

    def row_facts(self, row: int) -> tuple[str, str, int, float, float]:
        """(country, admin1, population, lat, lon) of a row, for cheap pre-ranking."""
        return (
            self._countries[row],
            self._admin1s[row],
            self._populations[row],
            self._lats[row],
            self._lons[row],
        )

    def is_name(self, token: str) -> bool:
        """Whether `token` is a known place, region or country name (exact after normalisation).

        A lower-case ordinary English word ("in", "of") is not, though GeoNames has villages
        so named: clean's glue repair asks about lower-case fragments.
        """
        key = name_key(token)
        if not key:
            return False
        if token.islower() and _is_common_word(token):
            return False
        ix = self._ix
        return bool(self._name_rows(key)) or key in ix["region_keys"] or key in ix["country_index"]

    def place(self, geonameid: int) -> Candidate | None:
        """The place with this GeoNames id, if the gazetteer holds it."""
        row = self._id_rows.get(geonameid)
        return None if row is None else self.candidate(row, "name")

    @functools.cached_property
    def _id_rows(self) -> dict[int, int]:
        return {gid: row for row, gid in enumerate(self._ids) if gid is not None}

    def capital_row(self, country: str) -> int | None:
        """The row of a country's capital: the largest place of the country bearing its name."""
        if country not in self._capital_rows:
            name = self._ix.get("capitals", {}).get(country, "")
            rows = [c for c in self.lookup(name) if c.country_code == country] if name else []
            self._capital_rows[country] = max(rows, key=lambda c: c.population).index if rows else None
        return self._capital_rows[country]

    def largest_in_region(self, code: str) -> int | None:
        """The row of the most populous place of an admin1 region."""
        largest = self._largest_rows.get(code, -1)
        if largest == -1:
            rows = self.rows_in_region(code)
            largest = max(rows, key=lambda r: self._populations[r]) if rows else None
            self._largest_rows[code] = largest
        return largest

    def rows_in_region(self, code: str) -> tuple[int, ...]:
        return self._by_region.get(code, ())

    def rows_near(self, lat: float, lon: float, radius_km: float) -> list[int]:
        """Rows within radius_km of a point, via the 1-degree grid."""
        dlat = math.ceil(radius_km / 111.0 / _GRID_DEG)
        dlon = math.ceil(radius_km / (111.0 * max(0.1, math.cos(math.radians(lat)))) / _GRID_DEG)
        gy, gx = math.floor(lat / _GRID_DEG), math.floor(lon / _GRID_DEG)
        cells = [
            self._grid.get((y, x), ()) for y in range(gy - dlat, gy + dlat + 1) for x in range(gx - dlon, gx + dlon + 1)
        ]
        rows = np.fromiter((r for cell in cells for r in cell), dtype=np.int64)
        if not len(rows):
            return []
        lats, lons = np.radians(self._lat_array[rows]), np.radians(self._lon_array[rows])
        p1, l1 = math.radians(lat), math.radians(lon)
        a = np.sin((lats - p1) / 2) ** 2 + math.cos(p1) * np.cos(lats) * np.sin((lons - l1) / 2) ** 2
        km = 12742.0 * np.arcsin(np.minimum(1.0, np.sqrt(a)))
        return rows[km <= radius_km].tolist()

    @functools.cached_property
    def _lat_array(self) -> np.ndarray:
        return np.array(self._lats, dtype=np.float64)

    @functools.cached_property
    def _lon_array(self) -> np.ndarray:
        return np.array(self._lons, dtype=np.float64)

    def main_key(self, row: int) -> str:
        return self._main_keys[row]

    @functools.cached_property
    def _main_variants(self) -> list[str]:
        # Only the fuzzy matcher needs these; split on first use to keep loading fast.
        out: list[str] = []
        for part in self._parts:
            out += _lines(part["main_variants"], len(part["ids"]))
        return out

    def variant_keys(self, rows: Iterable[int]) -> dict[int, str]:
        """row -> variant key of the place's main name (the fuzzy matcher's choices)."""
        return {r: self._main_variants[r] for r in rows}

    # ---- admin units: continents, countries, admin1, admin2 -------------------------------
    def unit_candidate(self, unit: int, matched: str) -> Candidate:
        kind, _code, name, country, admin1, lat, lon, population, geonameid = self._ix["units"][unit]
        return Candidate(
            geonameid=geonameid,
            name=name,
            country_code=country,
            admin1_code=admin1,
            lat=lat,
            lon=lon,
            population=population,
            matched=matched,
            kind=kind,
            unit=unit,
        )

    def lookup_units(self, name: str) -> list[Candidate]:
        """Countries, admin1 and admin2 units and continents `name` designates ("Ohio", "U.S.",
        "Laurel County", "American"), best match first."""
        key = name_key(name)
        return [self.unit_candidate(u, quality) for u, quality in self._ix["unit_keys"].get(key, ())]

    def unit_code(self, cand: Candidate) -> str:
        return self._ix["units"][cand.unit][1] if cand.unit >= 0 else cand.region

    def country_unit(self, code: str) -> Candidate | None:
        for unit, quality in self._ix["unit_keys"].get(name_key(self.country_name(code) or ""), ()):
            if self._ix["units"][unit][0] == "country" and self._ix["units"][unit][1] == code:
                return self.unit_candidate(unit, quality)
        return None

    # ---- regions and countries -----------------------------------------------------------
    def region_by_code(self, code: str) -> Region | None:
        entry = self._ix["regions"].get(code)
        if entry is None:
            return None
        name, geonameid, lat, lon = entry
        return Region(code=code, name=name, geonameid=geonameid, lat=lat, lon=lon)

    def regions(self) -> list[Region]:
        return [r for code in self._ix["regions"] if (r := self.region_by_code(code)) is not None]

    def find_region(self, name: str, country: str | None = None, fuzzy: bool = True) -> Region | None:
        """The admin1 region `name` designates: 'Belgorod region', 'Kharkivska oblast',
        'Белгородская область', 'Kursk'. None when nothing fits.

        Tries the admin1 names (and their adjectival stems), then a city of that name that is
        the largest place of its region (most oblasts are named after their capital), then
        (with `fuzzy`) a close spelling of an admin1 name.
        """
        return self._region_answers(name, country, fuzzy)

    def _find_region(self, name: str, country: str | None, fuzzy: bool) -> Region | None:
        phrase = parse_toponym(name)
        key = name_key(phrase.name)
        if not key:
            return None
        ix = self._ix
        for stem in adjective_stems(key):
            for form in (stem, variant_key_of(stem)):
                codes = [c for c in ix["region_keys"].get(form, ()) if not country or c.startswith(country + ".")]
                if codes:
                    return self.region_by_code(self._prefer_region(self._main_first(form, codes)))
        for stem in adjective_stems(key):
            cands = self.lookup(stem) or self.lookup_variants(stem)
            for cand in cands:
                if country and cand.country_code != country:
                    continue
                code = cand.region
                rows = self.rows_in_region(code)
                biggest = max(rows, key=lambda r: self._populations[r]) if rows else None
                if biggest == cand.index and cand.population >= 20000:
                    return self.region_by_code(code)
        return self._fuzzy_region(key, country) if fuzzy else None

    @functools.cached_property
    def _region_forms(self) -> list[str]:
        return list(self._ix["region_keys"])

    def _fuzzy_region(self, key: str, country: str | None) -> Region | None:
        # Last resort for a region phrase: a close spelling of an admin1 name ("Sagaing" for
        # GeoNames' "Sagain"), above the threshold in places.yaml.
        threshold = places_lexicon()["scoring"]["region_fuzzy_threshold"]
        query = variant_key_of(key)
        if len(query) < 6:
            return None
        for form, _score, _ in process.extract(
            query, self._region_forms, scorer=fuzz.ratio, score_cutoff=threshold, limit=10
        ):
            codes = [c for c in self._ix["region_keys"][form] if not country or c.startswith(country + ".")]
            if codes:
                return self.region_by_code(self._prefer_region(self._main_first(form, codes)))
        return None

    def _main_first(self, form: str, codes: list[str]) -> list[str]:
        # Regions whose own name gives `form`, when there are any, over those that only go by it.
        main = [c for c in codes if (form, c) in self._ix["region_main_keys"]]
        return main or codes

    def region(self, name: str, country: str | None = None) -> Location | None:
        """The admin1 Location (geo_precision 3, geonameid None) a region phrase designates.

        'Belgorod region', 'Kursk Oblast', 'Kharkivska oblast', 'Белгородская область'; the
        Location's toponym is `name` as given.
        """
        region = self.find_region(name, country)
        return None if region is None else self.region_location(region, name)

    def _prefer_region(self, codes: list[str]) -> str:
        # Same name in several countries (e.g. "Georgia"): the most populous region wins.
        def weight(code: str) -> int:
            return sum(self._populations[r] for r in self.rows_in_region(code))

        return max(codes, key=weight) if len(codes) > 1 else codes[0]

    def country_code(self, name: str) -> str | None:
        """ISO code of a country name or adjective ('Russia', 'Ukrainian'), else None."""
        return self._ix["country_index"].get(name_key(name))

    def country_lexicon(self) -> dict[str, str]:
        return self._ix["country_index"]

    def country_name(self, code: str) -> str | None:
        return self._ix["country_names"].get(code)

    def region_name(self, code: str) -> str | None:
        entry = self._ix["regions"].get(code)
        return entry[0] if entry else None

    # ---- output --------------------------------------------------------------------------
    def location(self, cand: Candidate, toponym: str, precision: int = 1) -> Location:
        return Location(
            name=cand.name,
            toponym=toponym,
            geonameid=cand.geonameid,
            country_code=cand.country_code,
            admin1_code=cand.admin1_code or None,
            admin1=self.region_name(cand.region),
            lat=cand.lat,
            lon=cand.lon,
            geo_precision=precision,
        )

    def unit_location(self, cand: Candidate, toponym: str) -> Location:
        """A unit as a Location: no geonameid (a place's id only), geo_precision 3 for a region,
        country or continent and 2 for an admin2 unit (ACLED: 'a small part of a region')."""
        return Location(
            name=cand.name,
            toponym=toponym,
            geonameid=None,
            country_code=cand.country_code or None,
            admin1_code=cand.admin1_code or None,
            admin1=self.region_name(cand.region) if cand.admin1_code else None,
            lat=cand.lat,
            lon=cand.lon,
            geo_precision=2 if cand.kind == "admin2" else 3,
        )

    def region_location(self, region: Region, toponym: str) -> Location:
        return Location(
            name=region.name,
            toponym=toponym,
            geonameid=None,
            country_code=region.country_code,
            admin1_code=region.admin1_code,
            admin1=region.name,
            lat=round(region.lat, 5),
            lon=round(region.lon, 5),
            geo_precision=3,
        )

    def info(self) -> dict[str, Any]:
        return {
            "places": len(self),
            "names": sum(len(ix) for ix in self._name_indexes),
            "regions": len(self._ix["regions"]),
            "units": dict(Counter(u[0] for u in self._ix["units"])),
            "countries": len(self._ix["country_names"]),
            "sources": dict(self._source_counts),
            "cache": str(self.cache_path) if self.cache_path else None,
            "user_places_dir": str(self.places_dir) if self.places_dir else None,
        }


@functools.cache
def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer (loaded from the on-disk cache; built on first use)."""
    return Gazetteer.load()
