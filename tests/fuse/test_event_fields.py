"""An event's fields: best/low/high, contradictions, source counts, type and actor choice."""

from __future__ import annotations

from sitreps.fuse import fuse
from sitreps.model import Actor

from .builders import day, mention, outlets


def only_event(ms, arts=None):
    events = fuse(ms, arts or outlets()).events
    assert len(events) == 1, [e.mention_ids for e in events]
    return events[0]


def test_opposite_side_fatality_claims_surface_as_a_contradiction():
    # the army says more than 70 fighters were killed; the RSF says it lost nobody
    ms = [
        mention(
            "m1",
            "a0",
            date=day("2024-05-10"),
            place="kutum",
            claimant="SD_GOV",
            stance="claimed",
            fatalities={"low": 71},
        ),
        mention(
            "m2",
            "a1",
            date=day("2024-05-10"),
            place="kutum",
            claimant="RSF",
            stance="denied",
            fatalities={"best": 0},
        ),
    ]
    event = only_event(ms)
    fat = event.fatalities
    # UCDP: the denial contradicts the figure, it is no estimate of 0
    assert (fat.low, fat.high, fat.best) == (71, 71, 71)
    assert [e.mention_id for e in fat.estimates] == ["m1"]
    record = next(c for c in event.contradictions if c.field == "fatalities")
    assert {(v.claimant.id, v.mention_id) for v in record.values} == {("SD_GOV", "m1"), ("RSF", "m2")}


def test_a_count_of_one_group_of_victims_is_part_of_the_toll_not_the_toll():
    # "six were killed ... two of the dead were civilians"; another outlet: "four soldiers died"
    ms = [
        mention("m1", "a0", date=day("2024-05-10"), place="kutum", fatalities={"best": 6}),
        mention("m2", "a1", date=day("2024-05-10"), place="kutum", fatalities={"best": 2, "victims": "civilians"}),
    ]
    fat = only_event(ms).fatalities
    assert (fat.best, fat.low, fat.high) == (6, 6, 6)
    ms.append(mention("m3", "a2", date=day("2024-05-10"), place="kutum", fatalities={"best": 5, "victims": "soldiers"}))
    fat = only_event(ms).fatalities
    assert (fat.best, fat.low, fat.high) == (7, 7, 7)  # 2 civilians + 5 soldiers outnumber "six"


def test_an_event_told_only_by_denials_has_no_toll():
    ms = [
        mention(
            "m1", "a0", date=day("2024-05-10"), place="kutum", claimant="RSF", stance="denied", fatalities={"best": 0}
        ),
    ]
    fat = only_event(ms).fatalities
    assert (fat.best, fat.low, fat.high, fat.estimates) == (None, None, None, [])


def test_best_prefers_the_lowest_neutral_figure_never_an_average():
    ms = [
        mention("m1", "a0", date=day("2024-05-10"), place="kutum", claimant="SD_GOV", fatalities={"best": 40}),
        mention("m2", "a1", date=day("2024-05-10"), place="kutum", claimant="reporter", fatalities={"best": 12}),
        mention("m3", "a2", date=day("2024-05-10"), place="kutum", claimant="reporter", fatalities={"best": 15}),
        mention("m4", "a3", date=day("2024-05-10"), place="kutum", claimant="RSF", fatalities={"high": 5}),
    ]
    fat = only_event(ms).fatalities
    assert fat.best == 12  # the outlets' own lowest figure, not the mean 22.3
    assert fat.low == 0  # "up to 5" allows none
    assert fat.high == 40


def test_consistent_figures_raise_no_contradiction():
    ms = [
        mention("m1", "a0", date=day("2024-05-10"), place="kutum", fatalities={"low": 3}),
        mention("m2", "a1", date=day("2024-05-10"), place="kutum", fatalities={"best": 5}),
        mention("m3", "a2", date=day("2024-05-10"), place="kutum", fatalities={"high": 10}),
    ]
    event = only_event(ms)
    assert not [c for c in event.contradictions if c.field == "fatalities"]
    assert (event.fatalities.best, event.fatalities.low, event.fatalities.high) == (3, 0, 10)


def test_five_outlets_repeating_one_ministry_claim_are_one_independent_source():
    ms = [mention(f"m{i}", f"a{i}", date=day("2024-05-10"), place="tawila", claimant="SD_GOV") for i in range(5)]
    event = only_event(ms)
    assert event.sources == 5
    assert event.independent_sources == 1


def test_independent_sources_never_exceed_the_outlets_carrying_the_event():
    # one outlet reports in its own voice and quotes two parties: one outlet, one independent source
    ms = [
        mention("m1", "a0", date=day("2024-05-10"), place="tawila", claimant="reporter"),
        mention("m2", "a0", date=day("2024-05-10"), place="tawila", claimant="SD_GOV"),
        mention("m3", "a0", date=day("2024-05-10"), place="tawila", claimant="RSF"),
        mention("m4", "a1", date=day("2024-05-10"), place="tawila", claimant="SD_GOV"),
    ]
    event = only_event(ms)
    assert (event.sources, event.independent_sources) == (2, 2)


def test_own_reporting_counts_once_per_outlet_and_claims_once_per_claimant():
    ms = [
        mention("m1", "a0", date=day("2024-05-10"), place="tawila", claimant="reporter"),
        mention("m2", "a1", date=day("2024-05-10"), place="tawila", claimant="reporter"),
        mention("m3", "a2", date=day("2024-05-10"), place="tawila", claimant="SD_GOV"),
        mention("m4", "a3", date=day("2024-05-10"), place="tawila", claimant="SD_GOV"),
        mention("m5", "a4", date=day("2024-05-10"), place="tawila", claimant="RSF"),
    ]
    event = only_event(ms)
    assert (event.sources, event.independent_sources) == (5, 4)


def test_outlet_falls_back_to_the_source_domain():
    arts = outlets()
    arts["x1"] = arts["a0"].model_copy(
        update={"id": "x1", "outlet": None, "source": "https://www.sudantribune.net/a/1"}
    )
    arts["x2"] = arts["a0"].model_copy(update={"id": "x2", "outlet": None, "source": "https://sudantribune.net/a/2"})
    ms = [
        mention("m1", "x1", date=day("2024-05-10"), place="tawila"),
        mention("m2", "x2", date=day("2024-05-10"), place="tawila"),
    ]
    assert only_event(ms, arts).sources == 1


def test_outcome_disagreement_is_a_contradiction_and_the_takeover_wins_a_tie():
    ms = [
        mention(
            "m1",
            "a0",
            date=day("2024-05-10"),
            place="kutum",
            sub="Armed clash",
            outcome="repelled",
            claimant="SD_GOV",
        ),
        mention(
            "m2",
            "a1",
            date=day("2024-05-10"),
            place="kutum",
            sub="Non-state actor overtakes territory",
            outcome="captured",
            claimant="RSF",
        ),
    ]
    event = only_event(ms)
    assert event.sub_event_type == "Non-state actor overtakes territory"
    outcome = next(c for c in event.contradictions if c.field == "outcome")
    assert sorted(v.value for v in outcome.values) == ["captured", "repelled"]


def test_most_precise_date_wins_and_named_actor_beats_unidentified():
    unknown = Actor(id="unidentified_armed_group", name="Unidentified Armed Group (Sudan)")
    ms = [
        mention("m1", "a0", date=day("2024-05-10", inferred=True), place="kutum"),
        mention("m2", "a1", date=day("2024-05-10"), place="kutum"),
        mention("m3", "a2", date=day("2024-05-10"), place="kutum", actor1=None).model_copy(update={"actor1": unknown}),
        mention("m4", "a3", date=day("2024-05-10"), place="kutum", actor1=None).model_copy(update={"actor1": unknown}),
    ]
    event = only_event(ms)
    assert event.date.inferred is False
    assert event.actor1.id == "RSF"


def test_one_day_disagreement_fuses_and_is_recorded():
    ms = [
        mention("m1", "a0", date=day("2024-05-10"), place="kutum"),
        mention("m2", "a1", date=day("2024-05-10"), place="kutum"),
        mention("m3", "a2", date=day("2024-05-11"), place="kutum"),
    ]
    event = only_event(ms)
    assert event.date.start == "2024-05-10"  # the majority
    record = next(c for c in event.contradictions if c.field == "date")
    assert sorted(v.value for v in record.values) == ["2024-05-10", "2024-05-11"]
