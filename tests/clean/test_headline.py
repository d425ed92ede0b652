"""Titles of plain-text articles."""

from __future__ import annotations

from sitreps.clean.headline import split_title


def test_first_headline_line_becomes_the_title() -> None:
    split = split_title("Missile strike on Dnipro\n\nA missile hit an apartment block in Dnipro, officials said.")
    assert split.title == "Missile strike on Dnipro"
    assert split.text == "A missile hit an apartment block in Dnipro, officials said."
    assert split.removed == []


def test_sentence_first_line_is_not_a_title() -> None:
    text = "A missile hit an apartment block in Dnipro, officials said.\n\nRescue work continues."
    split = split_title(text)
    assert (split.title, split.text) == (None, text)


def test_title_repeated_on_the_next_line_is_removed() -> None:
    split = split_title("Bridge hit near Kherson\n\nBridge hit near Kherson\n\nThe bridge was hit twice.")
    assert (split.title, split.text, split.removed) == (
        "Bridge hit near Kherson",
        "The bridge was hit twice.",
        ["Bridge hit near Kherson"],
    )


def test_known_title_drops_its_copy_at_the_top() -> None:
    split = split_title("Bridge hit near Kherson\nThe bridge was hit twice.", known_title="Bridge hit near Kherson")
    assert (split.title, split.text) == ("Bridge hit near Kherson", "The bridge was hit twice.")


def test_a_date_line_above_the_headline_is_passed_over_and_left_for_the_date_stage() -> None:
    split = split_title(
        "Posted 14th Feb 25\n\nFerry service to Kilifi suspended after attack\n\n"
        "The operator suspended crossings on Thursday, a spokesman said."
    )
    assert split.title == "Ferry service to Kilifi suspended after attack"
    assert split.text == "Posted 14th Feb 25\n\nThe operator suspended crossings on Thursday, a spokesman said."
    assert split.removed == []


def test_the_outlets_masthead_is_cut_and_the_headline_below_it_is_the_title() -> None:
    split = split_title(
        "LAKE REGION DISPATCH | News from the western counties\n"
        "View this email in your browser\n\n"
        "Curfew extended in Kisumu\n\n"
        "The county commissioner extended the curfew by a week on Monday.",
        outlet="Lake Region Dispatch",
    )
    assert split.title == "Curfew extended in Kisumu"
    assert split.removed == ["LAKE REGION DISPATCH | News from the western counties"]
    assert split.text == (
        "View this email in your browser\n\nThe county commissioner extended the curfew by a week on Monday."
    )


def test_a_capitals_masthead_is_known_by_the_newsletter_lines_under_it_without_metadata() -> None:
    split = split_title(
        "THE SAHEL LETTER | Weekly\nSubscribe to our newsletter for weekly updates in your inbox.\n\n"
        "Convoy ambushed near Gao\n\nGunmen attacked a supply convoy near Gao on Sunday, officials said."
    )
    assert split.title == "Convoy ambushed near Gao"
    assert split.removed == ["THE SAHEL LETTER | Weekly"]


def test_a_capitals_kicker_without_newsletter_lines_is_not_a_masthead() -> None:
    split = split_title("BREAKING | Dam breached near Nova Kakhovka\n\nWater is rising downstream, officials said.")
    assert split.title == "BREAKING | Dam breached near Nova Kakhovka"
    assert split.removed == []


def test_the_outlet_name_after_a_bar_is_not_part_of_the_title() -> None:
    split = split_title(
        "Clashes in Beni leave market burned | Great Lakes Echo\n\nTraders counted their losses on Friday.",
        outlet="Great Lakes Echo",
    )
    assert split.title == "Clashes in Beni leave market burned"
    assert split.text == "Traders counted their losses on Friday."
