"""MT-glue repair: split only with frequency evidence or a known name, never a hand list."""

from __future__ import annotations

import pytest

from sitreps.clean.glue import best_split, repair_glue


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("the volunteersthe army trained", "the volunteers the army trained"),
        ("in the Russian Federationin the south", "in the Russian Federation in the south"),
        ("near Kupianskthey reported shelling", "near Kupiansk they reported shelling"),
        ("the town of Izyumalso known", "the town of Izyum also known"),
        ("reached Vuhledarin the evening", "reached Vuhledar in the evening"),
    ],
)
def test_glued_words_are_split(text: str, fixed: str) -> None:
    assert repair_glue(text) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "Russian milbloggers criticised the command.",  # mil 3.74 + bloggers 3.76: below 4.0
        "Yuriy Mysiagin said the raid was going to plan.",  # -in followed by a verb
        "fighting in Grayvoron and Zamostye",  # -on followed by a conjunction
        "the village of Tyotkino which lies in the Kursk region",  # -no is not a split tail
        "Kremlin officials and Putin himself",  # words in their own right
        "heavy fighting near Grayvoron, in the Belgorod region",  # punctuation after
    ],
)
def test_names_and_real_words_stay_whole(text: str) -> None:
    assert repair_glue(text) == text


def test_known_name_callback_protects_a_name_and_vouches_for_a_head() -> None:
    gazetteer = {"Marinkain", "Pisky"}.__contains__
    assert best_split("Marinkain", " the south", gazetteer) is None
    assert best_split("Piskythey", " said", gazetteer) == ("Pisky", "they")


@pytest.mark.parametrize("token", ["Graivoronsky", "Kurskaya", "Sumska"])
def test_a_known_name_with_an_adjectival_ending_stays_whole(token: str) -> None:
    known = {"Graivoron", "Kursk", "Sum", "Sums"}.__contains__
    assert best_split(token, ", Kozinka", known) is None


@pytest.mark.parametrize("token", ["Pliskaso", "Pliskado", "Pliskame"])
def test_a_known_name_before_a_two_letter_ending_is_a_spelling_not_a_glue(token: str) -> None:
    """A town written in a spelling the gazetteer lacks ("Pliskaso" for a "Pliskasso") whose first
    letters happen to be a known name stays whole: two letters are no evidence of a word boundary."""
    known = {"Pliska"}.__contains__
    assert best_split(token, " town", known) is None
    assert best_split("Pliskathe", " army", known) == ("Pliska", "the")


def test_the_abbreviation_no_is_read_as_text_not_as_a_yaml_boolean() -> None:
    """glue.yaml is validated at load (sitreps.lexicons): a bare `no` once became False and
    "report No.Five" was split as two sentences."""
    from sitreps.clean.glue import load_glue_settings, split_glued_sentences

    assert "no" in load_glue_settings().sentence_glue_abbreviations
    assert split_glued_sentences("The decree No.Five was read out.") == "The decree No.Five was read out."
