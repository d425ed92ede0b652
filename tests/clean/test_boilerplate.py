"""Boilerplate: what is cut (and kept verbatim in `removed`), and what never is."""

from __future__ import annotations

import pytest

from sitreps.clean.boilerplate import (
    is_hashtag_line,
    is_related_marker,
    matches_line_pattern,
    strip_boilerplate,
    strip_wire_dateline,
)


@pytest.mark.parametrize(
    "line",
    [
        "Don’t miss…",
        "You may also like",
        "Related news",
        "READ MORE RELATED NEWS:",
        "Editor's Pick",
        "Читайте также",
    ],
)
def test_related_block_markers(line: str) -> None:
    assert is_related_marker(line)


@pytest.mark.parametrize(
    "line",
    [
        "We use cookies to make this site work.",
        "Sign up to our weekly newsletter",
        "Leave a Reply",
        "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
        "Share on Facebook",
        "Facebook Twitter WhatsApp Email",
        "By Olena Marchenko, Reuters",
        "Photo credit: Handout via Telegram",
        "ADVERTISEMENT",
        "[contact-form-7 id=55]",
        "Source: Read Full Article",
        "READ MORE: Why the front is quiet",
    ],
)
def test_line_patterns_catch_site_furniture(line: str) -> None:
    assert matches_line_pattern(line)


@pytest.mark.parametrize(
    "line",
    [
        "By the end of May, the brigade had withdrawn from the village.",
        "Reporting by local media suggested the bridge was hit twice.",
        "Sources in the regional administration said the blast was heard across the city and "
        "that windows were broken in three districts.",
        "Pictures of the damaged bridge circulated on Telegram on Monday.",
        "The governor urged residents to share information about drones with the police.",
    ],
)
def test_article_sentences_never_match(line: str) -> None:
    assert not matches_line_pattern(line)


def test_hashtag_line() -> None:
    assert is_hashtag_line("#Kherson #Ukraine #war")
    assert not is_hashtag_line("The #1 priority is air defence, the minister said.")


def test_wire_dateline_is_split_off_the_first_paragraph() -> None:
    assert strip_wire_dateline("ODESA, Ukraine, July 20 (Reuters) - Missiles hit the port.") == (
        "Missiles hit the port.",
        "ODESA, Ukraine, July 20 (Reuters) -",
    )
    assert strip_wire_dateline("Odesa was hit again (Reuters) reported.") == (
        "Odesa was hit again (Reuters) reported.",
        None,
    )


def test_link_block_after_marker_ends_at_the_first_sentence() -> None:
    stripped = strip_boilerplate(
        "Troops repelled an attack near Avdiivka, the general staff said.\n\n"
        "Related news\n\n"
        "Ukraine reports new gains south of Bakhmut\n\n"
        "The general staff said fighting went on through the night."
    )
    assert stripped.text == (
        "Troops repelled an attack near Avdiivka, the general staff said.\n\n"
        "The general staff said fighting went on through the night."
    )
    assert stripped.removed == ["Related news", "Ukraine reports new gains south of Bakhmut"]


def test_quoted_short_lines_and_subheads_inside_the_body_are_kept() -> None:
    text = (
        "The brigade published a video from the village on Friday morning.\n\n"
        "“Glory to the defenders”\n\n"
        "Evacuation continues in the district\n\n"
        "Buses left the town twice on Saturday, officials said."
    )
    assert strip_boilerplate(text, title="Village retaken").text == text


def test_repeated_title_behind_a_breadcrumb_is_cut() -> None:
    stripped = strip_boilerplate(
        "Home › World › Ferry hit in Kherson\n\nA ferry was hit by shelling in Kherson, officials said.",
        title="Ferry hit in Kherson",
    )
    assert stripped.text == "A ferry was hit by shelling in Kherson, officials said."
    assert stripped.removed == ["Home › World › Ferry hit in Kherson"]
