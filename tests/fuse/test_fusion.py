"""fuse(): which mentions become one event, and that the answer never depends on order."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from sitreps.fuse import explain, fuse
from sitreps.model import Span

from .builders import day, mention, outlets


def events_by_members(result):
    return sorted(tuple(e.mention_ids) for e in result.events)


def test_duplicates_across_outlets_merge_into_one_event():
    ms = [mention(f"m{i}", f"a{i}", date=day("2024-05-10"), place="tawila") for i in range(5)]
    result = fuse(ms, outlets())
    assert len(result.events) == 1
    event = result.events[0]
    assert event.mention_ids == ["m0", "m1", "m2", "m3", "m4"]
    assert event.sources == 5 and event.independent_sources == 5
    assert event.location.name == "Tawila" and event.date.start == "2024-05-10"
    assert {m.event_id for m in result.mentions} == {event.id}


def test_same_village_a_week_apart_stays_two_events():
    ms = [
        mention("m1", "a0", date=day("2024-05-03"), place="tawila"),
        mention("m2", "a1", date=day("2024-05-10"), place="tawila"),
    ]
    assert events_by_members(fuse(ms, outlets())) == [("m1",), ("m2",)]


def test_same_day_village_40_km_away_stays_apart():
    ms = [
        mention("m1", "a0", date=day("2024-05-10"), place="tawila"),
        mention("m2", "a1", date=day("2024-05-10"), place="shangil"),
    ]
    assert events_by_members(fuse(ms, outlets())) == [("m1",), ("m2",)]


def test_different_type_family_stays_apart():
    ms = [
        mention("m1", "a0", date=day("2024-05-10"), place="tawila"),
        mention(
            "m2",
            "a1",
            date=day("2024-05-10"),
            place="tawila",
            event_type="Explosions/Remote violence",
            sub="Air/drone strike",
            actor1="SD_MIL",
            actor2="RSF",
        ),
    ]
    assert events_by_members(fuse(ms, outlets())) == [("m1",), ("m2",)]


def test_conflicting_actors_stay_apart_but_a_shared_opponent_fuses():
    clash_rsf = mention("m1", "a0", date=day("2024-05-10"), place="kutum", actor1="RSF", actor2="SD_MIL")
    clash_sla = mention("m2", "a1", date=day("2024-05-10"), place="kutum", actor1="SLA", actor2="CIV")
    attack_civ = mention("m3", "a2", date=day("2024-05-10"), place="kutum", actor1="SLA", actor2="SD_MIL")
    assert events_by_members(fuse([clash_rsf, clash_sla], outlets())) == [("m1",), ("m2",)]
    # RSF and the SLA both fighting the army in Kutum that day: one battle, both on side 1
    merged = fuse([clash_rsf, attack_civ], outlets()).events
    assert len(merged) == 1
    assert {merged[0].actor1.id, *[a.id for a in merged[0].assoc_actor_1]} == {"RSF", "SLA-MM"}


def test_battle_told_from_both_sides_fuses_despite_swapped_roles():
    ms = [
        mention("m1", "a0", date=day("2024-05-10"), place="kutum", actor1="RSF", actor2="SD_MIL"),
        mention("m2", "a1", date=day("2024-05-10"), place="kutum", actor1="SD_MIL", actor2="RSF"),
    ]
    assert len(fuse(ms, outlets()).events) == 1


def test_region_level_mention_joins_the_single_village_event_of_that_day():
    ms = [
        mention("m1", "a0", date=day("2024-05-10"), place="tawila"),
        mention("m2", "a1", date=day("2024-05-10"), place="north_darfur"),
    ]
    result = fuse(ms, outlets())
    assert events_by_members(result) == [("m1", "m2")]
    assert result.events[0].location.name == "Tawila"  # the village beats the region
    assert result.events[0].location.geo_precision == 1


def test_region_level_mention_stays_apart_when_two_villages_were_hit_that_day():
    ms = [
        mention("m1", "a0", date=day("2024-05-10"), place="tawila"),
        mention("m2", "a1", date=day("2024-05-10"), place="kabkabiya"),
        mention("m3", "a2", date=day("2024-05-10"), place="north_darfur"),
    ]
    assert events_by_members(fuse(ms, outlets())) == [("m1",), ("m2",), ("m3",)]
    lines = explain(ms)
    assert any("m3" in line and "kept apart" in line for line in lines)


def test_unresolved_village_is_not_the_region():
    # "Um Hashaba" is missing from the gazetteer and sits at region level: it is a place, not
    # a summary of the state, so it does not join the Tawila event.
    ms = [
        mention("m1", "a0", date=day("2024-05-10"), place="tawila"),
        mention("m2", "a1", date=day("2024-05-10"), place="um_kadada_unresolved"),
    ]
    assert events_by_members(fuse(ms, outlets())) == [("m1",), ("m2",)]


def test_two_mentions_of_one_article_fuse_when_they_tell_one_event():
    ms = [
        mention("m1", "a0", date=day("2024-05-10"), place="tawila"),
        mention("m2", "a0", date=day("2024-05-10"), place="north_darfur"),
    ]
    event = fuse(ms, outlets()).events[0]
    assert event.mention_ids == ["m1", "m2"] and event.sources == 1


def _said(text: str) -> list[Span]:
    return [Span(start=0, end=len(text), text=text)]


def test_cross_article_dating_marks_the_undated_mention_inferred():
    # 2024-05-10 is a Friday: the undated report's "on Friday" clash in Kutum is that day's
    dated = mention("m1", "a0", date=day("2024-05-10"), place="kutum")
    undated = mention("m2", "nodate", date=None, place="kutum", evidence=_said("Fighting broke out on Friday."))
    arts = outlets() | {"nodate": outlets()["a1"].model_copy(update={"id": "nodate", "published": None})}
    result = fuse([dated, undated], arts)
    assert len(result.events) == 1
    event = result.events[0]
    assert event.date.start == "2024-05-10" and event.date.inferred is False
    by_id = {m.id: m for m in result.mentions}
    assert by_id["m2"].date.start == "2024-05-10" and by_id["m2"].date.inferred is True
    assert by_id["m1"].date.inferred is False


def test_anchored_report_dates_its_other_weekdays_and_yesterday():
    dated = mention("m1", "a0", date=day("2024-05-10"), place="kutum")
    same = mention("m2", "nodate", date=None, place="kutum", evidence=_said("Fighting broke out on Friday."))
    later = mention("m3", "nodate", date=None, place="tawila", evidence=_said("On Saturday they shelled it."))
    before = mention("m4", "nodate", date=None, place="north_darfur", evidence=_said("Yesterday's raid."))
    arts = outlets() | {"nodate": outlets()["a1"].model_copy(update={"id": "nodate", "published": None})}
    by_id = {m.id: m for m in fuse([dated, same, later, before], arts).mentions}
    assert by_id["m3"].date.start == "2024-05-11" and by_id["m3"].date.inferred
    # written on or after the latest day it names (Saturday): "yesterday" is the Friday
    assert by_id["m4"].date.start == "2024-05-10"


def test_undated_mention_without_an_anchor_stays_apart_and_undated():
    dated = mention("m1", "a0", date=day("2024-05-10"), place="kutum")
    # Thursday does not match the Friday event: no anchor, and no date is invented
    undated = mention("m2", "nodate", date=None, place="kutum", evidence=_said("Fighting on Thursday."))
    arts = outlets() | {"nodate": outlets()["a1"].model_copy(update={"id": "nodate", "published": None})}
    result = fuse([dated, undated], arts)
    assert len(result.events) == 2
    assert {m.id: m for m in result.mentions}["m2"].date is None


def test_month_precision_mention_joins_the_day_it_covers():
    ms = [
        mention("m1", "a0", date=day("2024-05-10"), place="kutum"),
        mention("m2", "a1", date=day("2024-05-01", "month", end="2024-05-31"), place="kutum"),
    ]
    result = fuse(ms, outlets())
    assert events_by_members(result) == [("m1", "m2")]
    assert result.events[0].date.precision == "day"


def test_undated_mention_with_two_candidate_days_gets_no_date_from_nowhere():
    ms = [
        mention("m1", "a0", date=day("2024-05-10"), place="kutum"),
        mention("m2", "a1", date=day("2024-06-20"), place="kutum"),
        mention("m3", "a2", date=None, place="kutum"),
    ]
    result = fuse(ms, outlets())
    assert events_by_members(result) == [("m1",), ("m2",), ("m3",)]
    undated = next(e for e in result.events if e.mention_ids == ["m3"])
    assert undated.date is None
    assert next(m for m in result.mentions if m.id == "m3").date is None


def _corpus() -> list:
    ms = []
    places = ["tawila", "kutum", "kabkabiya", "nyala", "shangil"]
    for i in range(40):
        place = places[i % 5]
        d = f"2024-05-{1 + (i * 7) % 20:02d}"
        ms.append(
            mention(
                f"m{i:03d}",
                f"a{i % 7}",
                date=day(d),
                place=place,
                actor1=["RSF", "SLA", "SD_MIL"][i % 3],
                actor2="SD_MIL" if i % 3 != 2 else "RSF",
                fatalities={"best": i % 4} if i % 2 else None,
            )
        )
        if i % 4 == 0:
            ms.append(mention(f"r{i:03d}", f"a{(i + 1) % 7}", date=day(d), place="north_darfur"))
        if i % 6 == 0:
            ms.append(mention(f"u{i:03d}", f"a{(i + 2) % 7}", date=None, place=place))
    return ms


def _canonical(result) -> tuple:
    return (
        [e.model_dump_json() for e in result.events],
        [e.model_dump_json() for e in result.episodes],
        sorted(m.model_dump_json() for m in result.mentions),
    )


@settings(max_examples=25, deadline=None)
@given(st.randoms(use_true_random=False))
def test_any_input_order_gives_the_same_events_and_ids(rnd: random.Random):
    ms = _corpus()
    expected = _canonical(fuse(ms, outlets()))
    shuffled = ms[:]
    rnd.shuffle(shuffled)
    assert _canonical(fuse(shuffled, outlets())) == expected


def test_incremental_equals_batch_and_ids_are_stable():
    ms = _corpus()
    a, b = ms[: len(ms) // 2], ms[len(ms) // 2 :]
    assert _canonical(fuse(a + b, outlets())) == _canonical(fuse(b + a, outlets()))
    # an event untouched by a later batch keeps its id
    first = {tuple(e.mention_ids): e.id for e in fuse(a, outlets()).events}
    later = {tuple(e.mention_ids): e.id for e in fuse(a + b, outlets()).events}
    unchanged = set(first) & set(later)
    assert unchanged and all(first[k] == later[k] for k in unchanged)


def test_event_id_is_stable_when_a_new_outlet_repeats_the_event():
    one = fuse([mention("m1", "a0", date=day("2024-05-10"), place="tawila")], outlets()).events[0]
    two = fuse(
        [
            mention("m1", "a0", date=day("2024-05-10"), place="tawila"),
            mention("m2", "a1", date=day("2024-05-10"), place="tawila"),
        ],
        outlets(),
    ).events[0]
    assert one.id == two.id


def test_explain_gives_the_score_of_each_merge():
    ms = [
        mention("m1", "a0", date=day("2024-05-10"), place="tawila"),
        mention("m2", "a1", date=day("2024-05-10"), place="tawila"),
    ]
    lines = explain(ms)
    assert any(line.startswith("m2: joins event of m1") and "place +0.60" in line for line in lines)
