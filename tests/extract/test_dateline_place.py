"""A wire dateline's place is where the story was filed: a weak hint, never the event's place.

Cleaning cuts the dateline and keeps its place as `Article.dateline_place`; extraction reads
the text's names in that place's country only when the text names no country, and falls back
to that country only when the text names no place at all. Texts written for these tests.
"""

from __future__ import annotations

import pytest

from sitreps.clean import clean_document
from sitreps.extract import Extractor
from sitreps.ingest import RawDocument
from sitreps.model import Mention


@pytest.fixture(scope="module")
def wire(extractor: Extractor):
    def run(text: str) -> list[Mention]:
        article = clean_document(RawDocument("wire.txt", text.encode("utf-8")))
        [mentions] = extractor.extract([article])
        return mentions

    return run


def _places(mentions: list[Mention]) -> set[tuple[str | None, str | None, int | None]]:
    return {
        (m.location.name, m.location.country_code, m.location.geo_precision) if m.location else (None, None, None)
        for m in mentions
    }


def test_an_agency_report_from_madrid_about_bolivia_is_located_in_bolivia(wire) -> None:
    mentions = wire(
        "MADRID, 3 May 2024 (EFE) - Miners and police clashed in Oruro on Tuesday, leaving two miners dead, "
        "the Bolivian government said.\n\nThe miners had blocked the main road for a week."
    )
    assert _places(mentions) == {("Oruro", "BO", 1)}


def test_the_text_s_names_are_read_in_the_dateline_country_when_it_names_none(wire) -> None:
    mentions = wire(
        "SAN SALVADOR, 12 Nov 89 (Radio Cuscatlan) -- [Report] Guerrillas attacked an army post in Santa Ana "
        "early on Saturday, killing three soldiers, a military spokesman said.\n\nThe attackers fled to the hills."
    )
    assert _places(mentions) == {("Santa Ana", "SV", 1)}
    assert {m.date.start for m in mentions if m.date} == {"1989-11-11"}


def test_a_text_naming_no_place_is_put_in_the_dateline_country_not_its_city(wire) -> None:
    mentions = wire(
        "LIMA, 23 Feb 91 -- [Text] Two bombs exploded outside a bank early this morning, wounding a guard, "
        "police said.\n\nNobody claimed the attack."
    )
    assert _places(mentions) == {("Peru", "PE", 3)}
    assert [m.event_type for m in mentions] == ["Explosions/Remote violence"]
