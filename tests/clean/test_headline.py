"""Titles of plain-text articles."""

from __future__ import annotations

from sitreps.clean.headline import split_title


def test_first_headline_line_becomes_the_title() -> None:
    split = split_title(
        "Missile strike on Dnipro\n\nA missile hit an apartment block in Dnipro, officials said."
    )
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
    split = split_title(
        "Bridge hit near Kherson\nThe bridge was hit twice.", known_title="Bridge hit near Kherson"
    )
    assert (split.title, split.text) == ("Bridge hit near Kherson", "The bridge was hit twice.")
