"""Wire datelines read into place, date and outlet, and cut with the editorial notes after them.

Every text here is written for these tests, in the style of each source: FBIS-style
Latin-American radio and agency copy (upper case, two-digit years, "[Report]" notes),
AP/Reuters leads, regional agencies and Russian agency copy.
"""

from __future__ import annotations

from datetime import date

import pytest

from sitreps.clean import clean_document
from sitreps.clean.dateline import full_year
from sitreps.clean.wire_dateline import WireDateline, parse_wire_dateline, split_wire_dateline, strip_inline_notes
from sitreps.ingest import RawDocument
from sitreps.model import DateValue

TODAY = date(2025, 6, 1)


@pytest.mark.parametrize(
    ("paragraph", "dateline", "notes", "rest"),
    [
        (
            "QUITO, 14 MAR 89 (RADIO NACIONAL) -- [REPORT] [EXCERPTS] TWO BOMBS EXPLODED EARLY THIS MORNING.",
            WireDateline(
                "QUITO, 14 MAR 89 (RADIO NACIONAL) --", "QUITO", None, date(1989, 3, 14), (14, 3), "RADIO NACIONAL"
            ),
            ("[REPORT]", "[EXCERPTS]"),
            "TWO BOMBS EXPLODED EARLY THIS MORNING.",
        ),
        (
            "Portoviejo, 3 Feb 91 (Radio Litoral) -- [Report] Army sources said that a bridge was blown up.",
            WireDateline(
                "Portoviejo, 3 Feb 91 (Radio Litoral) --", "Portoviejo", None, date(1991, 2, 3), (3, 2), "Radio Litoral"
            ),
            ("[Report]",),
            "Army sources said that a bridge was blown up.",
        ),
        (
            "LA CEIBA (HONDURAS), 9 JUN 88 (RADIO AMERICA) -- [TEXT] A GRENADE WAS THROWN AT A BUS.",
            WireDateline(
                "LA CEIBA (HONDURAS), 9 JUN 88 (RADIO AMERICA) --",
                "LA CEIBA",
                "HONDURAS",
                date(1988, 6, 9),
                (9, 6),
                "RADIO AMERICA",
            ),
            ("[TEXT]",),
            "A GRENADE WAS THROWN AT A BUS.",
        ),
        (
            "NO CITY (BOLIVIA), NO DATE -- [INTERVIEW WITH A MINER\nBY A STUDIO REPORTER] [TEXT] WHAT HAPPENED?",
            WireDateline("NO CITY (BOLIVIA), NO DATE --", None, "BOLIVIA", None, None, None),
            ("[INTERVIEW WITH A MINER BY A STUDIO REPORTER]", "[TEXT]"),
            "WHAT HAPPENED?",
        ),
        (
            "NAIROBI, Kenya (AP) — A grenade blast wounded four people at a bus stop.",
            WireDateline("NAIROBI, Kenya (AP) —", "NAIROBI", "Kenya", None, None, "AP"),
            (),
            "A grenade blast wounded four people at a bus stop.",
        ),
        (
            "KYIV, Ukraine (Reuters) - Drones hit a power substation overnight.",
            WireDateline("KYIV, Ukraine (Reuters) -", "KYIV", "Ukraine", None, None, "Reuters"),
            (),
            "Drones hit a power substation overnight.",
        ),
        (
            "DONETSK, April 22. Shelling damaged a school in the Kyivskyi district.",
            WireDateline("DONETSK, April 22.", "DONETSK", None, None, (22, 4), None),
            (),
            "Shelling damaged a school in the Kyivskyi district.",
        ),
        (
            "JALALABAD (Pajhwok): Two policemen were killed in a roadside blast.",
            WireDateline("JALALABAD (Pajhwok):", "JALALABAD", None, None, None, "Pajhwok"),
            (),
            "Two policemen were killed in a roadside blast.",
        ),
        (
            "МОСКВА, 14 марта — РИА Новости. Беспилотник сбит над областью.",
            WireDateline("МОСКВА, 14 марта — РИА Новости.", "МОСКВА", None, None, (14, 3), "РИА Новости"),
            (),
            "Беспилотник сбит над областью.",
        ),
        (
            "КУРСК, 2 мая. /ТАСС/. Обстрелу подверглось село.",
            WireDateline("КУРСК, 2 мая. /ТАСС/.", "КУРСК", None, None, (2, 5), "ТАСС"),
            (),
            "Обстрелу подверглось село.",
        ),
        (
            "CLANDESTINE, 30 OCT 89 (RADIO LIBERACION) -- [COMMENTARY] [TEXT] OUR UNITS HELD THE HILL.",
            WireDateline(
                "CLANDESTINE, 30 OCT 89 (RADIO LIBERACION) --",
                None,
                None,
                date(1989, 10, 30),
                (30, 10),
                "RADIO LIBERACION",
            ),
            ("[COMMENTARY]", "[TEXT]"),
            "OUR UNITS HELD THE HILL.",
        ),
    ],
)
def test_wire_datelines_are_read_and_cut_with_their_notes(
    paragraph: str, dateline: WireDateline, notes: tuple[str, ...], rest: str
) -> None:
    split = split_wire_dateline(paragraph, today=TODAY)
    assert split is not None
    assert split.dateline == dateline
    assert split.notes == notes
    assert split.text == rest


@pytest.mark.parametrize(
    "paragraph",
    [
        "POLICE - TWO BOMBS EXPLODED OUTSIDE THE BANK.",  # all capitals: a bare place needs a date or outlet
        "UN - EU talks resumed on Tuesday.",
        "Officials (speaking on condition of anonymity) - said the convoy was hit.",
        "BREAKING: troops enter the city centre.",
        "ARMY SOURCES SAID (QUOTING A PATROL) THAT THE ROAD WAS MINED.",
        "KYIV, Ukraine (Reuters) -",  # a dateline with nothing after it is not split off
    ],
)
def test_sentences_and_bare_datelines_are_not_split(paragraph: str) -> None:
    assert split_wire_dateline(paragraph, today=TODAY) is None


def test_a_place_alone_in_capitals_is_a_dateline_before_ordinary_case() -> None:
    parsed = parse_wire_dateline("GAROWE - Fighters attacked a police post before dawn.", today=TODAY)
    assert parsed is not None and parsed[0].place == "GAROWE" and parsed[0].outlet is None


@pytest.mark.parametrize(
    ("digits", "year"),
    [("24", 2024), ("25", 2025), ("26", 1926), ("89", 1989), ("00", 2000), ("2019", 2019), ("1989", 1989)],
)
def test_a_two_digit_year_is_the_latest_one_not_in_the_future(digits: str, year: int) -> None:
    assert full_year(digits, today=TODAY) == year


def test_inline_editorial_notes_are_cut_and_translator_words_kept() -> None:
    text = "THE ARMY SAID [PASSAGE OMITTED] THAT THE\n[WORDS\nINDISTINCT] NATIONAL [POLICE] GUARD LEFT."
    assert strip_inline_notes(text) == (
        "THE ARMY SAID THAT THE\n NATIONAL [POLICE] GUARD LEFT.",
        ["[PASSAGE OMITTED]", "[WORDS INDISTINCT]"],
    )


def _clean(text: str, **metadata: str):
    return clean_document(RawDocument("wire.txt", text.encode("utf-8"), dict(metadata)))


RADIO_COPY = """\
   CUENCA, 14 MAR 89 (RADIO CANAL AZUL) -- [REPORT] [EXCERPTS] POLICE SOURCES HAVE
REPORTED THAT TWO BOMBS EXPLODED EARLY THIS MORNING OUTSIDE THE OFFICES OF
THE ELECTRIC COMPANY, CAUSING HEAVY DAMAGE BUT NO CASUALTIES.

   THE SOURCES SAID [PASSAGE OMITTED] THAT A PATROL FOUND A THIRD DEVICE.
"""


def test_radio_copy_gives_date_outlet_and_dateline_place_and_starts_with_the_lead() -> None:
    article = _clean(RADIO_COPY)
    assert article.title is None
    assert article.text == (
        "POLICE SOURCES HAVE\nREPORTED THAT TWO BOMBS EXPLODED EARLY THIS MORNING OUTSIDE THE OFFICES OF\n"
        "THE ELECTRIC COMPANY, CAUSING HEAVY DAMAGE BUT NO CASUALTIES.\n\n"
        "THE SOURCES SAID THAT A PATROL FOUND A THIRD DEVICE."
    )
    assert article.published == DateValue(start="1989-03-14", end="1989-03-14", precision="day", inferred=False)
    assert article.outlet == "RADIO CANAL AZUL"
    assert article.dateline_place == "CUENCA"
    assert article.removed == ["CUENCA, 14 MAR 89 (RADIO CANAL AZUL) --", "[REPORT]", "[EXCERPTS]", "[PASSAGE OMITTED]"]


def test_metadata_date_and_outlet_win_over_the_dateline() -> None:
    article = _clean(RADIO_COPY, published="1989-03-15", outlet="Monitoring Digest")
    assert article.published is not None and article.published.start == "1989-03-15"
    assert article.outlet == "Monitoring Digest"
    assert article.dateline_place == "CUENCA"


def test_ap_lead_keeps_region_in_the_dateline_place_and_gives_no_date() -> None:
    article = _clean(
        "Grenade blast wounds four at Nairobi bus stop\n\n"
        "NAIROBI, Kenya (AP) — A grenade blast wounded four people at a bus stop on Tuesday, police said.\n\n"
        "No group said it threw the grenade."
    )
    assert article.title == "Grenade blast wounds four at Nairobi bus stop"
    assert article.text.startswith("A grenade blast wounded four people")
    assert (article.outlet, article.dateline_place, article.published) == ("AP", "NAIROBI, Kenya", None)


def test_russian_agency_dateline_names_the_outlet() -> None:
    article = _clean(
        "БЕЛГОРОД, 14 марта — РИА Новости. Беспилотник атаковал здание администрации, сообщил губернатор.\n\n"
        "Пострадавших нет."
    )
    assert article.text.startswith("Беспилотник атаковал здание")
    assert (article.outlet, article.dateline_place) == ("РИА Новости", "БЕЛГОРОД")
    assert article.published is None, "a dateline without a year gives no publication date"
