"""ACLED CSV: ACLED's columns in ACLED's order, with ACLED's codes, one row per event."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from tests.web.sample_store import build_sample_store

from sitreps.export import acled_csv
from sitreps.model import Actor, DateValue, Event, EventFatalities, Location
from sitreps.store import EventFilter, Store

ACLED_HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
    "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,"
    "admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,"
    "tags,timestamp"
)


@pytest.fixture(scope="module")
def rows(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, str]]:
    sample = build_sample_store(tmp_path_factory.mktemp("csv") / "s.duckdb")
    out = io.BytesIO()
    with Store(sample.path, read_only=True) as store:
        acled_csv.write(store, out, None)
    text = out.getvalue().decode("utf-8")
    assert text.splitlines()[0] == ACLED_HEADER
    return {row["location"]: row for row in csv.DictReader(io.StringIO(text))}


def test_a_shelling_row_follows_acled_conventions(rows: dict[str, dict[str, str]]) -> None:
    row = rows["Kadugli"]
    assert row["event_id_cnty"].startswith("SDN-ev-")
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2024-03-04", "2024", "1")
    assert row["disorder_type"] == "Political violence"
    assert (row["iso"], row["region"], row["country"]) == ("729", "Northern Africa", "Sudan")
    assert row["inter2"] == "7" and row["civilian_targeting"] == "Civilian targeting"
    assert row["source"] == "Kordofan Daily; Nile Wire" or row["source"] == "Nile Wire; Kordofan Daily"
    # the fused best: 14 counts civilians only, part of the toll "more than 30" gives for everyone
    assert row["fatalities"] == "31"
    assert "disputed: fatalities" in row["tags"]


def test_notes_are_one_sentence_naming_the_claimants(rows: dict[str, dict[str, str]]) -> None:
    notes = rows["Kadugli"]["notes"]
    assert notes.startswith("On 4 March 2024, Rapid Support Forces: shelling/artillery/missile attack")
    assert "local medical group (reported)" in notes and "Government of Sudan (2019-) (claimed)" in notes
    assert notes.endswith(".") and notes.count(". ") == 0


def test_inter_codes_come_from_the_registry_and_combine_lower_first(rows: dict[str, dict[str, str]]) -> None:
    baidoa = rows["Baidoa"]
    assert baidoa["inter2"] == "1"  # "{cc}_MIL" role in the actor registry
    assert baidoa["region"] == "Eastern Africa" and baidoa["geo_precision"] == "2"
    assert rows["Omdurman"]["disorder_type"] == "Demonstrations"
    assert rows["Omdurman"]["inter1"] == "6" and rows["Omdurman"]["interaction"] == "60"


def test_a_filter_limits_the_rows(tmp_path: Path) -> None:
    sample = build_sample_store(tmp_path / "s.duckdb")
    out = io.BytesIO()
    with Store(sample.path, read_only=True) as store:
        acled_csv.write(store, out, EventFilter(type="Battles"))
    assert [r["location"] for r in csv.DictReader(io.StringIO(out.getvalue().decode()))] == ["Baidoa"]


@pytest.mark.parametrize(("inter1", "inter2", "code"), [(2, 1, "12"), (1, 7, "17"), (3, None, "30"), (None, None, "")])
def test_interaction_code(inter1: int | None, inter2: int | None, code: str) -> None:
    assert acled_csv.interaction_code(inter1, inter2) == code


def test_fatalities_take_the_conservative_figure() -> None:
    def event(**figures: int | None) -> Event:
        return Event(id="e", event_type="Battles", fatalities=EventFatalities(**figures))

    assert acled_csv.conservative_fatalities(event(best=5, low=3, high=9)) == 5
    assert acled_csv.conservative_fatalities(event(low=12, high=40)) == 12
    assert acled_csv.conservative_fatalities(event(high=40)) == 0


def test_a_month_precision_date_is_coded_3_on_the_middle_day() -> None:
    event = Event(
        id="e",
        event_type="Strategic developments",
        date=DateValue(start="2023-05-01", end="2023-05-31", precision="month"),
        location=Location(name="Kharkiv Oblast", country_code="UA", geo_precision=3),
        actor1=Actor(id="UA_GOV", name="Government of Ukraine (2019-)"),
    )
    row = acled_csv.acled_row(event, [], {}, acled_csv.default_conventions(), timestamp=0)
    assert (row["event_date"], row["time_precision"]) == ("2023-05-16", 3)
    assert (row["region"], row["iso"], row["inter1"]) == ("Europe", 804, 1)
    assert "in the region of Kharkiv Oblast" in row["notes"]
