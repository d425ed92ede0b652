"""What the parser reads (clean.parse_view): hard-wrapped paragraphs joined, nothing else moved;
the same length as the article, so every offset the parse gives is the article's."""

from __future__ import annotations

import pytest

from sitreps.clean.parse_view import parse_view, unwrap_lines

WIRE = (
    "AT LEAST FIVE POLICE OFFICERS\n"
    "TRAVELLING IN A PATROL TRUCK WERE KILLED THIS MORNING WHEN A BOMB\n"
    "EXPLODED ON THE ROAD TO THE AIRPORT.\n"
    "\n"
    "THE POLICE SAID THE DEVICE HAD BEEN HIDDEN IN A CART BY THE ROAD\n"
    "SIDE.\n"
)


def test_a_hard_wrapped_paragraph_reads_as_one_line_each() -> None:
    assert unwrap_lines(WIRE) == (
        "AT LEAST FIVE POLICE OFFICERS TRAVELLING IN A PATROL TRUCK WERE KILLED THIS MORNING WHEN A BOMB "
        "EXPLODED ON THE ROAD TO THE AIRPORT.\n"
        "\n"
        "THE POLICE SAID THE DEVICE HAD BEEN HIDDEN IN A CART BY THE ROAD SIDE.\n"
    )


@pytest.mark.parametrize(
    "text",
    [
        # a headline over a one-line body: the first line is far shorter than the longest
        "Convoy hit near the border\nA roadside bomb struck an army convoy near the border town on Monday, "
        "killing two soldiers, the army said.",
        # a list of short items
        "Casualties reported:\n- two soldiers\n- one civilian driver",
        # ragged lines that are not a wrap: a short inner line
        "The ministry said the following in a statement issued late on Monday night:\nCalm.\n"
        "The situation along the whole front line remained tense but under control, it added.",
    ],
)
def test_what_is_not_hard_wrapped_is_left_as_written(text: str) -> None:
    assert unwrap_lines(text) == text


def test_the_view_has_the_articles_length() -> None:
    for text in (WIRE, WIRE.lower(), "no newline at all", "a\n\nb\n\n\nc"):
        assert len(parse_view(text)) == len(text)
