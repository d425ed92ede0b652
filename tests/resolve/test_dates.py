"""Time expressions resolve against the publication day, never past it, never inventing a day."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitreps.model import DateValue
from sitreps.resolve.dates import TimeExpression, find_time_expressions, resolve_time_expression

# Friday 15 March 2024
PUBLISHED = DateValue(start="2024-03-15", end="2024-03-15", precision="day")


def dv(start: str, end: str | None = None, precision: str = "day", inferred: bool = False) -> DateValue:
    return DateValue(start=start, end=end or start, precision=precision, inferred=inferred)


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        # written dates: the day was in the text, so not inferred
        ("on 4 March 2024", dv("2024-03-04")),
        ("March 4, 2024", dv("2024-03-04")),
        ("on March 4", dv("2024-03-04")),
        ("the 4th of March", dv("2024-03-04")),
        ("on 04.03.2024", dv("2024-03-04")),
        ("04.03.24", dv("2024-03-04")),
        ("2024-03-04", dv("2024-03-04")),
        ("03/04/2024", dv("2024-03-04")),
        ("on Monday, March 4", dv("2024-03-04")),
        ("December 28", dv("2023-12-28")),  # the latest December 28 on or before publication
        ("Dec. 28, 2023", dv("2023-12-28")),
        ("on March 15", dv("2024-03-15")),  # the publication day itself
        ("March 4 of this year", dv("2024-03-04")),
        ("the night of March 9", dv("2024-03-09")),
        # months and parts of months
        ("in February 2024", dv("2024-02-01", "2024-02-29", "month")),
        ("in October", dv("2023-10-01", "2023-10-31", "month")),
        ("in March", dv("2024-03-01", "2024-03-15", "month")),  # clamped to publication
        ("at the end of January", dv("2024-01-21", "2024-01-31", "month")),
        ("in early February", dv("2024-02-01", "2024-02-10", "month")),
        ("in mid-February", dv("2024-02-11", "2024-02-20", "month")),
        ("in late December 2023", dv("2023-12-21", "2023-12-31", "month")),
        ("in 2022", dv("2022-01-01", "2022-12-31", "year")),
        # weekdays: the latest such day on or before publication, worked out
        ("on Friday", dv("2024-03-15", inferred=True)),
        ("Friday morning", dv("2024-03-15", inferred=True)),
        ("on Thursday night", dv("2024-03-14", inferred=True)),
        ("on Saturday", dv("2024-03-09", inferred=True)),
        ("last Friday", dv("2024-03-08", inferred=True)),
        ("since Monday", dv("2024-03-11", "2024-03-15", inferred=True)),
        # relative phrases
        ("yesterday", dv("2024-03-14", inferred=True)),
        ("last night", dv("2024-03-14", inferred=True)),
        ("today", dv("2024-03-15", inferred=True)),
        ("this morning", dv("2024-03-15", inferred=True)),
        ("tonight", dv("2024-03-15", inferred=True)),
        ("the day before yesterday", dv("2024-03-13", inferred=True)),
        ("overnight", dv("2024-03-14", "2024-03-15", inferred=True)),
        ("over the past 24 hours", dv("2024-03-14", "2024-03-15", inferred=True)),
        ("two days ago", dv("2024-03-13", inferred=True)),
        ("a week ago", dv("2024-03-04", "2024-03-10", "week", inferred=True)),
        ("last week", dv("2024-03-04", "2024-03-10", "week", inferred=True)),
        ("earlier this week", dv("2024-03-11", "2024-03-15", "week", inferred=True)),
        ("over the weekend", dv("2024-03-09", "2024-03-10", inferred=True)),
        ("last month", dv("2024-02-01", "2024-02-29", "month", inferred=True)),
        ("earlier this month", dv("2024-03-01", "2024-03-15", "month", inferred=True)),
        ("earlier this year", dv("2024-01-01", "2024-03-15", "year", inferred=True)),
        ("last year", dv("2023-01-01", "2023-12-31", "year", inferred=True)),
        ("since February", dv("2024-02-01", "2024-03-15", "month", inferred=True)),
        ("since 2 March", dv("2024-03-02", "2024-03-15", inferred=True)),
    ],
)
def test_resolves_against_the_publication_day(expr: str, expected: DateValue) -> None:
    assert resolve_time_expression(expr, PUBLISHED) == expected


@pytest.mark.parametrize(
    "expr",
    [
        "on Friday",
        "yesterday",
        "last week",
        "overnight",
        "two days ago",
        "on March 4",
        "in October",
        "since Monday",
    ],
)
def test_without_a_publication_date_nothing_is_invented(expr: str) -> None:
    assert resolve_time_expression(expr, None) is None


def test_a_fully_written_date_needs_no_publication_date() -> None:
    assert resolve_time_expression("on 4 March 2024", None) == dv("2024-03-04")
    assert resolve_time_expression("in May 2023", None) == dv("2023-05-01", "2023-05-31", "month")


def test_a_date_after_publication_is_not_an_event_date() -> None:
    assert resolve_time_expression("on 20 March 2024", PUBLISHED) is None


def test_a_publication_month_gives_a_year_but_not_a_weekday() -> None:
    march = DateValue(start="2024-03-01", end="2024-03-31", precision="month")
    assert resolve_time_expression("on March 4", march) == dv("2024-03-04")
    assert resolve_time_expression("on Friday", march) is None


def test_finds_expressions_in_a_wire_report() -> None:
    text = (
        "KHARTOUM, March 15 (Reuters) - Paramilitary fighters shelled a market in Omdurman on Thursday "
        "night, medics said, the heaviest attack since the end of February. The army said its troops "
        "had repelled an assault at 05.30 and again at 9:00am, and that fighting began two days ago."
    )
    found = find_time_expressions(text)
    assert [e.text for e in found] == [
        "March 15",
        "on Thursday night",
        "since the end of February",
        "two days ago",
    ]
    assert all(text[e.start : e.end] == e.text for e in found)
    assert found[2] == TimeExpression(
        text.index("since the end"), text.index(". The army"), "since the end of February"
    )


def test_machine_translated_bulletin_dates() -> None:
    text = (
        "On 12.03.2024 in the Donetsk direction units of the group repelled 7 attacks. "
        "During the past day, the enemy lost up to 30 servicemen. On March 10 of this year, "
        "in the area of the settlement, the saboteurs were destroyed."
    )
    found = [e.text for e in find_time_expressions(text)]
    assert found == ["On 12.03.2024", "During the past day", "On March 10 of this year"]
    assert resolve_time_expression(found[1], PUBLISHED) == dv("2024-03-14", "2024-03-15", inferred=True)
    assert resolve_time_expression(found[2], PUBLISHED) == dv("2024-03-10")


@pytest.mark.parametrize(
    "text",
    [
        "The convoy left at 13.24 and arrived at 9:00am.",
        "Troops may withdraw if the march on the capital goes ahead.",
        "The Su-25 crashed near Route 2023 with 11 crew.",
        "The 2024-25 budget was approved by 120 votes to 7.",
        "He said the 1.5 million displaced need aid.",
    ],
)
def test_clock_times_verbs_and_numbers_are_not_dates(text: str) -> None:
    assert find_time_expressions(text) == []


def test_a_two_digit_year_is_read_only_in_a_byline() -> None:
    byline = "Army retakes the bridge\n12th Mar 24 3:55 pm\nTroops crossed the river."
    [found] = find_time_expressions(byline)
    assert found.text == "12th Mar 24"
    assert resolve_time_expression(found.text, PUBLISHED) == dv("2024-03-12")
    # in running text the number after the month is a count, not a year
    [found] = find_time_expressions("On 22 May 24 people died in the shelling.")
    assert found.text == "On 22 May"


RELATIVE_AND_WEEKDAY = [
    "on Friday",
    "last Sunday",
    "yesterday",
    "overnight",
    "last week",
    "this week",
    "over the weekend",
    "last month",
    "earlier this month",
    "earlier this year",
    "three months ago",
    "at the end of May",
    "in December",
    "on 31 December",
    "since Monday",
    "over the past three days",
]


@settings(max_examples=60, deadline=None)
@given(day=st.dates(min_value=date(2001, 1, 1), max_value=date(2030, 12, 31)))
def test_nothing_resolves_after_the_publication_day(day: date) -> None:
    published = DateValue(start=day.isoformat(), end=day.isoformat(), precision="day")
    for expr in RELATIVE_AND_WEEKDAY:
        value = resolve_time_expression(expr, published)
        assert value is not None, expr
        assert value.start <= value.end <= day.isoformat(), expr


def test_every_expression_found_in_the_seeds_resolves(seeds_dir: Path) -> None:
    published = DateValue(start="2023-06-02", end="2023-06-02", precision="day")
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for found in find_time_expressions(text):
            assert text[found.start : found.end] == found.text
            value = resolve_time_expression(found.text, published)
            if value is not None:
                assert value.end <= published.start, (path.name, found.text)


# Wire copy: times told from the story's previous dated sentence, documents' dates, 1980s years.
STORY_DAY = DateValue(start="2024-03-10", end="2024-03-10", precision="day")


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        ("that same night", dv("2024-03-10", inferred=True)),
        ("The same day", dv("2024-03-10", inferred=True)),
        ("on the same day", dv("2024-03-10", inferred=True)),
        ("later that night", dv("2024-03-10", inferred=True)),
        ("that morning", dv("2024-03-10", inferred=True)),
        ("the following day", dv("2024-03-11", inferred=True)),
        ("the next morning", dv("2024-03-11", inferred=True)),
        ("the day after", dv("2024-03-11", inferred=True)),
        ("two days later", dv("2024-03-12", inferred=True)),
        ("the previous night", dv("2024-03-09", inferred=True)),
        ("the day before", dv("2024-03-09", inferred=True)),
        ("a day earlier", dv("2024-03-09", inferred=True)),
    ],
)
def test_story_relative_times_count_from_the_story_day(expr: str, expected: DateValue) -> None:
    assert resolve_time_expression(expr, PUBLISHED, story_date=STORY_DAY) == expected


def test_story_relative_times_need_a_story_day_and_never_pass_publication() -> None:
    assert resolve_time_expression("that same night", PUBLISHED) is None
    assert resolve_time_expression("the following day", PUBLISHED, story_date=PUBLISHED) is None
    # the day before yesterday is still told from the publication day
    assert resolve_time_expression("the day before yesterday", PUBLISHED, story_date=STORY_DAY) == dv(
        "2024-03-13", inferred=True
    )


def test_a_wire_story_s_expressions_leave_out_the_communique_s_date() -> None:
    text = (
        "SAN VICENTE, 14 Mar 89 (Radio Cuscatlan) -- [Report] Guerrillas blew up two pylons before dawn on "
        "12 March. That same night a patrol was ambushed, the army said in a communique dated 13 March. "
        "A statement issued on Monday by the rebels, and the decree of 3 March, were read on the radio. "
        "The following day, the power came back."
    )
    # in running text a number after the month is a count ("22 May 24 people"), so "89" stays out
    assert [e.text for e in find_time_expressions(text)] == [
        "14 Mar",
        "on 12 March",
        "That same night",
        "The following day",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "In a communique dated 12 March, the rebels claimed the attack.",
        "THE ARMY, IN A COMMUNIQUE DATED 12 MARCH, DENIED IT.",
        "The statement released on Friday named no victims.",
        "The communique of 12 March listed six demands.",
    ],
)
def test_a_document_s_date_is_no_time_expression(text: str) -> None:
    assert find_time_expressions(text) == []


def test_hostages_released_on_a_day_keep_the_day() -> None:
    assert [e.text for e in find_time_expressions("Two hostages were released on Monday.")] == ["on Monday"]


@pytest.mark.parametrize(
    ("expr", "published", "expected"),
    [
        ("12 MAR 89", "1989-03-14", "1989-03-12"),
        ("on 12 March 89", "1989-03-14", "1989-03-12"),
        ("on 22.05.23", "2024-03-15", "2023-05-22"),
    ],
)
def test_a_two_digit_year_is_the_latest_not_after_publication(expr: str, published: str, expected: str) -> None:
    anchor = DateValue(start=published, end=published, precision="day")
    assert resolve_time_expression(expr, anchor) == dv(expected)
