"""GeoJSON (a FeatureCollection of events) and Parquet (one typed file per unit)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from tests.web.sample_store import build_sample_store

from sitreps.export import geojson, parquet
from sitreps.export import write as export_write
from sitreps.model import Event, Location
from sitreps.store import Store


@pytest.fixture(scope="module")
def sample_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample_store(tmp_path_factory.mktemp("geo") / "s.duckdb").path


def test_geojson_is_a_feature_collection_of_lon_lat_points(sample_path: Path) -> None:
    out = io.BytesIO()
    with Store(sample_path, read_only=True) as store:
        geojson.write(store, out, None)
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection"
    by_place = {f["properties"]["location"]: f for f in collection["features"]}
    assert by_place["Kadugli"]["geometry"] == {"type": "Point", "coordinates": [29.72, 11.01]}
    assert by_place["Sagaing Region"]["properties"]["geo_precision"] == 3
    assert by_place["Kadugli"]["properties"]["contradictions"] == ["fatalities"]


def test_an_event_without_coordinates_is_counted_not_invented() -> None:
    placeless = Event(id="e1", event_type="Battles", location=Location(name="somewhere", geo_precision=3))
    collection = geojson.feature_collection([placeless])
    assert collection["features"] == [] and collection["sitreps:skipped_without_coordinates"] == 1


def test_parquet_writes_one_typed_file_per_unit(sample_path: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    with Store(sample_path, read_only=True) as store:
        parquet.write(store, tmp_path / "out", None)
    tables = {unit: pq.read_table(tmp_path / "out" / f"{unit}.parquet") for unit in parquet.UNITS}
    assert {u: t.num_rows for u, t in tables.items()} == {
        "articles": 5,
        "mentions": 5,
        "events": 4,
        "episodes": 0,
    }
    events = tables["events"].to_pylist()
    kadugli = next(e for e in events if e["location"]["name"] == "Kadugli")
    assert kadugli["location"]["lat"] == 11.01
    estimates = sorted(e["claimant"]["name"] for e in kadugli["fatalities"]["estimates"])
    assert estimates == ["Government of Sudan (2019-)", "local medical group"]
    # The disputed values are typed Any in the model: stored as JSON text.
    values = kadugli["contradictions"][0]["values"]
    assert all(isinstance(json.loads(v["value"]), dict) for v in values)
    assert tables["episodes"].schema.names == list(parquet.arrow_schema(parquet.UNITS["episodes"]).names)


def test_parquet_needs_a_directory_not_a_stream(sample_path: Path) -> None:
    with Store(sample_path, read_only=True) as store, pytest.raises(ValueError, match="directory"):
        parquet.write(store, io.BytesIO(), None)


def test_the_dispatcher_writes_csv_and_geojson_files(sample_path: Path, tmp_path: Path) -> None:
    with Store(sample_path, read_only=True) as store:
        export_write(store, "csv", tmp_path / "events.csv")
        export_write(store, "geojson", tmp_path / "events.geojson")
    assert (tmp_path / "events.csv").read_text().startswith("event_id_cnty,event_date,")
    assert len(json.loads((tmp_path / "events.geojson").read_text())["features"]) == 4
