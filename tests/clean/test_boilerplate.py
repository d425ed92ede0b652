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


@pytest.mark.parametrize(
    ("paragraph", "body", "dateline"),
    [
        (
            "GARISSA, Friday 7 March 2025 - The county commissioner imposed a curfew.",
            "The county commissioner imposed a curfew.",
            "GARISSA, Friday 7 March 2025 -",
        ),
        (
            "BELET WEYNE, Somalia, March 9 (Shabelle Courier) - Floodwaters cut the main road.",
            "Floodwaters cut the main road.",
            "BELET WEYNE, Somalia, March 9 (Shabelle Courier) -",
        ),
        (
            "GOMA (Great Lakes Echo) - Shelling resumed north of the city.",
            "Shelling resumed north of the city.",
            "GOMA (Great Lakes Echo) -",
        ),
        ("KHARKIV, June 14, 2023 - Sirens sounded twice.", "Sirens sounded twice.", "KHARKIV, June 14, 2023 -"),
    ],
)
def test_capitalised_datelines_with_weekdays_years_and_any_outlet_tag_are_split_off(
    paragraph: str, body: str, dateline: str
) -> None:
    assert strip_wire_dateline(paragraph) == (body, dateline)


@pytest.mark.parametrize(
    "paragraph",
    [
        "NATO said on Monday - after a long meeting - that it would send more troops.",
        "US - Mexico talks resumed in the capital on Tuesday.",
        "The Red Cross (ICRC) - which runs the clinic - said it was full.",
    ],
)
def test_sentences_with_dashes_and_brackets_are_not_datelines(paragraph: str) -> None:
    assert strip_wire_dateline(paragraph) == (paragraph, None)


@pytest.mark.parametrize(
    "line",
    [
        "View this email in your browser",
        "Having trouble viewing this email? Click here",
        "You are receiving this newsletter because you subscribed at example.org. Unsubscribe",
        "Unsubscribe | Manage preferences",
        "Forward this email to a friend",
        "By a Lake Region Dispatch correspondent",
        "By our correspondent in Garissa",
        "By Staff Reporter",
    ],
)
def test_email_newsletter_furniture_and_staff_bylines_are_boilerplate(line: str) -> None:
    assert matches_line_pattern(line)


@pytest.mark.parametrize(
    "line",
    [
        "By a narrow margin, the council voted to close the crossing.",
        "By the end of the week the reporter had left the town.",
        "You are receiving aid only if you register, officials told residents.",
    ],
)
def test_sentences_that_start_like_furniture_are_kept(line: str) -> None:
    assert not matches_line_pattern(line)


def test_a_bulleted_link_list_after_a_related_marker_is_cut() -> None:
    stripped = strip_boilerplate(
        "Gunmen attacked a convoy near Gao on Sunday, officials said.\n\n"
        "Related:\n- Who controls the road to Gao?\n- Podcast: Life in the Sahel\n\n"
        "The army said it had sent reinforcements."
    )
    assert stripped.text == (
        "Gunmen attacked a convoy near Gao on Sunday, officials said.\n\nThe army said it had sent reinforcements."
    )
    assert stripped.removed == ["Related:", "- Who controls the road to Gao?", "- Podcast: Life in the Sahel"]
