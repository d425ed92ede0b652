"""Sentences glued by scraping are split at the full stop; abbreviations, decimals and links stay whole."""

import pytest

from sitreps.clean.glue import split_glued_sentences

GLUED = [
    ("Shelling hit the town.Officials said", "Shelling hit the town. Officials said"),
    ("troops left the region.However the", "troops left the region. However the"),
    ("supplies from Ukraine.His comments", "supplies from Ukraine. His comments"),
    ("the mayor said.“We are", "the mayor said. “We are"),
    ('the mayor said."We are', 'the mayor said. "We are'),
    ("was over,” he said.”The next", "was over,” he said.” The next"),
    ("two were killed.Police arrived", "two were killed. Police arrived"),
    ("near the border.Witnesses saw", "near the border. Witnesses saw"),
    ("the convoy was hit.Three trucks", "the convoy was hit. Three trucks"),
    ("in the capital.Meanwhile rebels", "in the capital. Meanwhile rebels"),
    ("fighting continued!Residents fled", "fighting continued! Residents fled"),
    ("who fired first?Nobody knows", "who fired first? Nobody knows"),
    ("a drone strike.The army denied", "a drone strike. The army denied"),
    ("the market.Local media reported", "the market. Local media reported"),
    ("by artillery.Earlier, two", "by artillery. Earlier, two"),
    ("the bridge collapsed.Engineers", "the bridge collapsed. Engineers"),
    ("in Kharkiv.Russia said", "in Kharkiv. Russia said"),
    ("gunmen escaped.Authorities", "gunmen escaped. Authorities"),
    ("the protest ended.Organisers", "the protest ended. Organisers"),
    ("an ambush.Soldiers returned", "an ambush. Soldiers returned"),
    ("were wounded.Hospital staff", "were wounded. Hospital staff"),
    ("the vote.Opposition leaders", "the vote. Opposition leaders"),
    ("the camp.Aid workers", "the camp. Aid workers"),
    ("in Goma.Congolese troops", "in Goma. Congolese troops"),
    ("a curfew.Shops closed", "a curfew. Shops closed"),
    ("late on Friday.Sirens sounded", "late on Friday. Sirens sounded"),
    ("the statement read.It added", "the statement read. It added"),
    ("casualties.Details were", "casualties. Details were"),
    ("the checkpoint.A spokesman", "the checkpoint. A spokesman"),
    ("were detained.Their families", "were detained. Their families"),
]

KEPT_WHOLE = [
    "U.S.Army units",
    "the U.S.Navy said",
    "Gen.Smith said",
    "Mr.Jones arrived",
    "Dr.Ahmed treated",
    "Lt.Col.Brown",
    "St.Petersburg",
    "a 3.5 magnitude",
    "grew 2.7 percent",
    "see www.example.org/News today",
    "at https://news.example.com/World/Africa",
    "mail press@example.org.Thanks",
    "on example.com/Reports/Daily",
    "e.g.Paris",
    "i.e.London",
    "No.Five brigade",
    "Sept.Twelve",
    "Jan.First",
    "Inc.Shares",
    "Corp.Holdings",
    "vs.Madrid",
    "the file report.PDF",
    "version 1.2.3",
    "Col.Martin",
    "Capt.Lee",
    "Sgt.Major",
    "Prof.Ivanova",
    "Gov.Hochul",
    "Sen.Warren",
    "Rev.King",
]


def test_thirty_glued_and_thirty_whole_cases():
    assert len(GLUED) == 30 and len(KEPT_WHOLE) == 30


@pytest.mark.parametrize(("glued", "split"), GLUED)
def test_glued_sentences_are_split(glued: str, split: str):
    assert split_glued_sentences(glued) == split


@pytest.mark.parametrize("text", KEPT_WHOLE)
def test_abbreviations_decimals_and_links_stay_whole(text: str):
    assert split_glued_sentences(text) == text


def test_document_cleaning_splits_glued_sentences():
    from sitreps.clean.glue import repair_glue

    assert repair_glue("Drones struck the depot.Firefighters worked until dawn.") == (
        "Drones struck the depot. Firefighters worked until dawn."
    )
