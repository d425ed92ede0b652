"""Dates in wire copy: the event's own date, not the day it was told or a communique's date.

Texts written for these tests in the style of Latin-American radio and agency copy.
"""

from __future__ import annotations

from sitreps.model import Mention

PUBLISHED = "1989-03-14"


def _days(mentions: list[Mention]) -> list[tuple[str, str | None]]:
    return sorted((m.event_type, m.date.start if m.date else None) for m in mentions)


def test_before_dawn_on_a_date_gives_that_date_not_the_day_it_was_told(extract) -> None:
    mentions = extract(
        "Police said today that guerrillas attacked an army post near Santa Ana before dawn on 12 March, "
        "killing two soldiers.",
        published=PUBLISHED,
    )
    assert _days(mentions) == [("Battles", "1989-03-12")]


def test_that_same_night_keeps_the_day_of_the_sentence_before(extract) -> None:
    mentions = extract(
        "Two bombs exploded outside a bank in Santa Ana on 10 March, wounding a guard. Guerrillas attacked a "
        "police station in Sonsonate on 12 March, killing two policemen. That same night, soldiers clashed "
        "with rebels in Santa Ana, killing three.",
        published=PUBLISHED,
    )
    assert _days(mentions) == [
        ("Battles", "1989-03-12"),
        ("Battles", "1989-03-12"),
        ("Explosions/Remote violence", "1989-03-10"),
    ]


def test_the_following_day_counts_from_the_story_day(extract) -> None:
    mentions = extract(
        "Two bombs exploded outside a bank in Santa Ana on 10 March, wounding a guard. The following day, "
        "guerrillas attacked a police station in Sonsonate, killing two policemen.",
        published=PUBLISHED,
    )
    assert _days(mentions) == [("Battles", "1989-03-11"), ("Explosions/Remote violence", "1989-03-10")]


def test_a_communique_s_date_does_not_replace_the_event_s_own(extract) -> None:
    mentions = extract(
        "The rebels said in a communique dated 12 March that their units had attacked an army post in "
        "Sonsonate on 10 March, killing four soldiers.",
        published=PUBLISHED,
    )
    assert _days(mentions) == [("Battles", "1989-03-10")]
