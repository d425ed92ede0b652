"""Episodes: events of one operation, chained over days and neighbouring places."""

from __future__ import annotations

from sitreps.fuse import fuse

from .builders import day, mention, outlets


def episode_of(result, place_name, iso=None):
    for e in result.events:
        if e.location and e.location.name == place_name and (iso is None or (e.date and e.date.start == iso)):
            return e.episode_id
    raise AssertionError(place_name)


def test_a_raid_moving_village_to_village_over_days_is_one_episode():
    ms = [
        mention("m1", "a0", date=day("2024-05-10"), place="kutum"),
        mention("m2", "a1", date=day("2024-05-12"), place="kabkabiya"),
        mention("m3", "a2", date=day("2024-05-14"), place="tawila"),
    ]
    result = fuse(ms, outlets())
    ids = {e.episode_id for e in result.events}
    assert len(ids) == 1 and None not in ids
    episode = result.episodes[0]
    assert episode.start == "2024-05-10" and episode.end == "2024-05-14"
    assert "RSF" in episode.actor_ids and episode.admin1 == ["Northern Darfur"]
    assert {m.episode_id for m in result.mentions} == ids


def test_a_later_incursion_months_apart_is_another_episode():
    ms = [
        mention("m1", "a0", date=day("2024-05-10"), place="kutum"),
        mention("m2", "a1", date=day("2024-05-11"), place="tawila"),
        mention("m3", "a2", date=day("2024-09-02"), place="kutum"),
        mention("m4", "a3", date=day("2024-09-03"), place="kabkabiya"),
    ]
    result = fuse(ms, outlets())
    assert len(result.episodes) == 2
    assert episode_of(result, "Kutum", "2024-05-10") != episode_of(result, "Kutum", "2024-09-02")


def test_a_shared_target_alone_does_not_link_events():
    ms = [
        mention("m1", "a0", date=day("2024-05-10"), place="kutum", actor1="RSF"),
        mention("m2", "a1", date=day("2024-05-11"), place="tawila", actor1="SLA"),
    ]
    result = fuse(ms, outlets())
    assert result.episodes == [] and {e.episode_id for e in result.events} == {None}


def test_far_regions_do_not_link():
    # Nyala is in another state and ~160 km from Tawila
    ms = [
        mention("m1", "a0", date=day("2024-05-10"), place="tawila"),
        mention("m2", "a1", date=day("2024-05-11"), place="nyala"),
    ]
    assert fuse(ms, outlets()).episodes == []


def test_one_report_telling_both_far_events_links_them():
    # the same two far-apart events, both told by one report: it presents them as one operation
    ms = [
        mention("m1", "a0", date=day("2024-05-10"), place="tawila"),
        mention("m2", "a0", date=day("2024-05-11"), place="nyala"),
    ]
    result = fuse(ms, outlets())
    assert len(result.episodes) == 1 and len(result.episodes[0].event_ids) == 2


def test_one_report_does_not_link_events_of_unrelated_parties():
    ms = [
        mention("m1", "a0", date=day("2024-05-10"), place="tawila"),
        mention("m2", "a0", date=day("2024-05-10"), place="nyala", actor1="SD_MIL", actor2=None),
    ]
    assert fuse(ms, outlets()).episodes == []


def test_month_dated_event_joins_the_one_episode_it_overlaps_and_undated_stays_alone():
    ms = [
        mention("m1", "a0", date=day("2024-05-10"), place="kutum"),
        mention("m2", "a1", date=day("2024-05-11"), place="tawila"),
        # coarse report in another event family, so it is its own event, not a member of m1's
        mention(
            "m3",
            "a2",
            date=day("2024-05-01", "month", end="2024-05-31"),
            place="kabkabiya",
            event_type="Strategic developments",
            sub="Other",
        ),
        mention(
            "m4",
            "a3",
            date=None,
            place="kabkabiya",
            event_type="Strategic developments",
            sub="Other",
            actor2=None,
        ),
    ]
    result = fuse(ms, outlets())
    episode = result.episodes[0]
    by_mention = {m.id: m.episode_id for m in result.mentions}
    assert by_mention["m3"] == episode.id
    assert by_mention["m4"] is None
