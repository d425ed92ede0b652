"""Short passages: what carries across sentences (the story's date, the group named before, a
claimant's figure against another's), and a whole report through cleaning and extraction.

Written for these tests; invented events in real places. Published Friday 2024-06-14.
"""

from __future__ import annotations

import pytest
from tests.extract.expectations import Expect, Extract, check

from sitreps.clean import clean_document
from sitreps.extract import Extractor
from sitreps.ingest.documents import RawDocument
from sitreps.model import Mention

MM_MIL = "Military Forces of Myanmar (2021-)"

PASSAGES = [
    pytest.param(
        "M23 rebels launched an offensive on the town of Sake on Monday. The rebels captured the town later that "
        "day after heavy fighting, residents said. At least 15 civilians were killed, according to a local official.",
        Expect(
            "Battles",
            "Non-state actor overtakes territory",
            actor1="M23: March 23 Movement",
            toponym="Sake",
            date="2024-06-10",  # "later that day": Monday, the day the sentence before told
            fatalities=(None, 15, None),
            count=1,
        ),
        id="offensive-capture-and-toll-are-one-event",
    ),
    pytest.param(
        "Fighters of the Arakan Army attacked a police outpost near Sittwe on Tuesday. The group said its fighters "
        "had killed 20 soldiers. The military did not comment.",
        Expect(
            "Battles",
            "Armed clash",
            actor1="Arakan Army",
            actor2="Police Forces of Myanmar (2021-)",  # the police outpost's force
            toponym="Sittwe",
            date="2024-06-11",
            fatalities=(20, 20, 20),
            claimant="Arakan Army",
            stance="claimed",
            count=1,
        ),
        id="the-group-is-the-group-named-before",
    ),
    pytest.param(
        "Al Shabaab militants attacked a police station in Afgoye on Monday. The group later said its fighters "
        "had killed nine policemen.",
        Expect(
            "Battles",
            actor1="Al Shabaab",
            toponym="Afgoye",
            date="2024-06-10",
            fatalities=(9, 9, 9),
            claimant="Al Shabaab",
            stance="claimed",
            count=1,
        ),
        id="its-fighters-claim",
    ),
    pytest.param(
        "Sudanese army jets bombed RSF positions in Bahri on 3 June. The RSF said the strikes killed 14 civilians.",
        Expect(
            "Explosions/Remote violence",
            "Air/drone strike",
            actor1="Military Forces of Sudan (2019-)",
            actor2="Rapid Support Forces",
            date="2024-06-03",
            inferred=False,
            fatalities=(14, 14, 14),
            claimant="Rapid Support Forces",
            count=1,
        ),
        id="written-date-carries-to-the-toll",
    ),
    pytest.param(
        "The militants of the formation tried to break through to the village of Klimovo on Monday. According to "
        "the head of the district, as a result of the shelling of the village a civilian was killed and two were "
        "wounded.",
        Expect(
            "Explosions/Remote violence",
            "Shelling/artillery/missile attack",
            actor2="Civilians (Russia)",
            toponym="Klimovo",
            date="2024-06-10",
            fatalities=(1, 1, 1),
            claimant="head of the district",
            stance="claimed",
            # the attempt to break through is a clash of its own (ACLED codes attempts: modality.yaml)
            count=2,
        ),
        id="mt-bulletin-date-carries",
    ),
    pytest.param(
        "Houthi fighters attacked government positions near Taiz on Tuesday, local officials said. The fighting "
        "lasted for several hours. Two soldiers were killed, according to a military source.",
        Expect(
            "Battles",
            "Armed clash",
            actor1="Houthi Movement",
            toponym="Taiz",
            precision=2,
            date="2024-06-11",
            fatalities=(2, 2, 2),
            count=1,
        ),
        id="toll-in-a-later-sentence",
    ),
]


@pytest.mark.parametrize(("text", "expect"), PASSAGES)
def test_reads_the_passage(extract: Extract, text: str, expect: Expect) -> None:
    check(extract(text), expect)


def _by_place(mentions: list[Mention]) -> dict[str, Mention]:
    return {m.location.toponym: m for m in mentions if m.location is not None and m.location.toponym}


def test_two_days_two_places_two_events(extract: Extract) -> None:
    mentions = extract(
        "Ukrainian drones attacked Klintsy on Monday. Russian forces shelled Vovchansk on Wednesday, killing a woman."
    )
    places = _by_place(mentions)
    assert set(places) == {"Klintsy", "Vovchansk"}
    klintsy, vovchansk = places["Klintsy"], places["Vovchansk"]
    assert (klintsy.sub_event_type, klintsy.actor1.name, klintsy.date.start) == (
        "Air/drone strike",
        "Military Forces of Ukraine (2019-)",
        "2024-06-10",
    )
    assert (vovchansk.sub_event_type, vovchansk.actor1.name, vovchansk.date.start) == (
        "Shelling/artillery/missile attack",
        "Military Forces of Russia (2000-)",
        "2024-06-12",
    )
    assert klintsy.fatalities is None
    assert vovchansk.fatalities is not None and vovchansk.fatalities.best == 1


def test_raid_and_reprisal_strike(extract: Extract) -> None:
    mentions = extract(
        "Fighters of the People's Defence Force attacked a police station in Sagaing region on Monday. The junta "
        "responded with air strikes on the nearby town of Monywa on Tuesday, killing eight civilians, residents said."
    )
    places = _by_place(mentions)
    raid, strike = places["Sagaing region"], places["Monywa"]
    assert (raid.event_type, raid.actor1.name, raid.actor2.name) == (
        "Battles",
        "PDF: People's Defence Force",
        "Police Forces of Myanmar (2021-)",  # the police station's force
    )
    assert raid.location.geo_precision == 3
    assert (strike.sub_event_type, strike.actor2.name, strike.date.start) == (
        "Air/drone strike",
        "Civilians (Myanmar)",
        "2024-06-11",
    )
    assert strike.fatalities is not None and strike.fatalities.best == 8


def test_contradicting_claimants_keep_their_own_figures(extract: Extract) -> None:
    mentions = extract(
        "ISWAP fighters attacked a military base in Monguno on Sunday. The army said it had repelled the attack, "
        "killing 30 insurgents. The group claimed that it had killed 12 soldiers."
    )
    by_claimant = {m.claimant.name: m for m in mentions}
    army = "Military Forces of Nigeria (2023-)"  # "the army" in a Nigerian story
    assert set(by_claimant) == {army, "Islamic State West Africa Province"}
    assert by_claimant[army].fatalities.best == 30
    assert by_claimant["Islamic State West Africa Province"].fatalities.best == 12
    assert {(m.event_type, m.location.toponym, m.date.start) for m in mentions} == {
        ("Battles", "Monguno", "2024-06-09")
    }


REPORT = """Shelling kills 20 in Darfur displacement camp

June 12, 2024

Fighters of the Rapid Support Forces shelled a camp for displaced people in El Fasher on Tuesday, killing at \
least 20 people, medics said.

The RSF did not respond to a request for comment.

Follow us on Telegram for more updates.
"""


def test_a_raw_report_through_cleaning_and_extraction(extractor: Extractor) -> None:
    article = clean_document(RawDocument(source="darfur.txt", data=REPORT.encode(), metadata={"outlet": "Test Wire"}))
    assert article.title == "Shelling kills 20 in Darfur displacement camp"
    assert article.published is not None and article.published.start == "2024-06-12"
    [mentions] = extractor.extract([article])
    [mention] = mentions
    assert (mention.event_type, mention.sub_event_type) == (
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
    )
    assert mention.actor1 is not None and mention.actor1.name == "Rapid Support Forces"
    assert mention.location is not None and mention.location.toponym == "El Fasher"
    assert mention.date is not None and (mention.date.start, mention.date.inferred) == ("2024-06-11", True)
    assert mention.fatalities is not None and mention.fatalities.low == 20
    for span in mention.evidence:
        assert article.text[span.start : span.end] == span.text


def test_an_inline_dateline_is_not_the_subject(extractor: Extractor) -> None:
    """Clean keeps an inline wire dateline in the body; the town the parser takes for the subject
    is a place, not the actor."""
    text = REPORT.replace("Fighters of the Rapid", "EL FASHER (Test Wire) - Fighters of the Rapid")
    article = clean_document(RawDocument(source="darfur.txt", data=text.encode(), metadata={"outlet": "Test Wire"}))
    [mentions] = extractor.extract([article])
    assert [m.actor1.name if m.actor1 else None for m in mentions] == ["Rapid Support Forces"]
