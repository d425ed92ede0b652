"""Case restoration of ALL-CAPS text: exact outputs on reports written for these tests.

The reports are invented, in the styles that arrive in capitals: telex and wire copy, a caps
headline over a mixed-case body, a caps paragraph inside mixed prose, a Telegram repost.
"""

from __future__ import annotations

import pytest

from sitreps.clean.truecase import caps_segments, cyrillic_supported, restore_case


@pytest.mark.parametrize(
    ("caps", "restored"),
    [
        pytest.param(
            "KYIV, MARCH 3 (TELEX) -- RUSSIAN MISSILES HIT A RESIDENTIAL BUILDING IN KRAMATORSK ON MONDAY, "
            "KILLING 11 CIVILIANS AND WOUNDING 40, THE REGIONAL GOVERNOR SAID. THE UN CONDEMNED THE STRIKE.",
            "Kyiv, March 3 (telex) -- Russian missiles hit a residential building in Kramatorsk on Monday, "
            "killing 11 civilians and wounding 40, the regional governor said. The UN condemned the strike.",
            id="telex-ukraine",
        ),
        pytest.param(
            "RSF FIGHTERS SHELLED A CAMP FOR DISPLACED PEOPLE NEAR EL FASHER IN NORTH DARFUR ON 12 MAY, "
            "KILLING AT LEAST 25, ACCORDING TO THE AU AND LOCAL MEDICS. I SAW THE BODIES, A WITNESS SAID.",
            "RSF fighters shelled a camp for displaced people near El Fasher in North Darfur on 12 May, "
            "killing at least 25, according to the AU and local medics. I saw the bodies, a witness said.",
            id="acronyms-and-multiword-places",
        ),
        pytest.param(
            "AL-SHABAAB MILITANTS ATTACKED A BASE IN SOMALIA. THE US-BACKED FORCES REPELLED THEM, THE US "
            "MILITARY SAID. LET US HOPE, ONE OFFICER TOLD US. FIGHTING ALSO REACHED SOUTH SUDAN.",
            "Al-Shabaab militants attacked a base in Somalia. The US-backed forces repelled them, the US "
            "military said. Let us hope, one officer told us. Fighting also reached South Sudan.",
            id="us-the-acronym-and-us-the-pronoun",
        ),
        pytest.param(
            "SAN SALVADOR, 14 MAR 89 (RADIO VENCEREMOS) -- FMLN GUERRILLAS AMBUSHED AN ARMY PATROL AFTER "
            "THE MASSACRE, KILLING 6 SOLDIERS IN MARCH.",
            "San Salvador, 14 Mar 89 (radio Venceremos) -- FMLN guerrillas ambushed an army patrol after "
            "the massacre, killing 6 soldiers in march.",
            id="wire-1989-common-words-that-villages-bear",
        ),
        pytest.param(
            "ZCZC NRB041\nMOGADISHU 14 JUNE (TELEX) - AL-SHABAAB FIGHTERS ATTACKED A POLICE STATION IN "
            "BELEDWEYNE EARLY ON SATURDAY. FOUR OFFICERS WERE KILLED.\nNNNN",
            "ZCZC NRB041\nMogadishu 14 June (telex) - Al-Shabaab fighters attacked a police station in "
            "Beledweyne early on Saturday. Four officers were killed.\nNNNN",
            id="telex-with-routing-lines",
        ),
        pytest.param(
            "M23 REBELS SEIZED THE TOWN OF RUBAYA IN NORTH KIVU, DEMOCRATIC REPUBLIC OF CONGO, AFTER "
            "CLASHES WITH FARDC TROOPS. KYIV'S ALLIES SAID NOTHING.",
            "M23 rebels seized the town of Rubaya in North Kivu, Democratic Republic of Congo, after "
            "clashes with FARDC troops. Kyiv's allies said nothing.",
            id="registry-spellings-and-possessive",
        ),
    ],
)
def test_all_caps_reports_are_restored(caps: str, restored: str) -> None:
    assert restore_case(caps) == restored


def test_caps_headline_over_mixed_body_restores_the_headline_only() -> None:
    text = (
        "UKRAINE: RUSSIAN DRONES STRIKE ODESA PORT\n\n"
        "Russian drones struck the port of Odesa overnight, the regional administration said. "
        "The SBU and the UN monitoring mission were told."
    )
    assert restore_case(text) == (
        "Ukraine: Russian drones strike Odesa port\n\n"
        "Russian drones struck the port of Odesa overnight, the regional administration said. "
        "The SBU and the UN monitoring mission were told."
    )


def test_caps_paragraph_inside_mixed_prose() -> None:
    text = (
        "Officials said the RSF and SAF clashed. THE ARMY SAID IT HAD RETAKEN THE TOWN OF WAD MADANI "
        "FROM THE PARAMILITARY FORCES. Later reports differed."
    )
    assert restore_case(text) == (
        "Officials said the RSF and SAF clashed. The army said it had retaken the town of Wad Madani "
        "from the paramilitary forces. Later reports differed."
    )


def test_mixed_case_text_is_returned_unchanged() -> None:
    text = "KYIV, Ukraine (Reuters) - Russian drones hit Kharkiv, the NATO and EU envoys said."
    assert restore_case(text) is text
    assert caps_segments(text) == []


def test_segments_name_the_caps_parts() -> None:
    text = "Intro line here.\nFIGHTING ERUPTED IN KHARTOUM\nBody text follows, with the RSF named."
    start = text.index("FIGHTING")
    assert caps_segments(text) == [(start, start + len("FIGHTING ERUPTED IN KHARTOUM"))]


def test_length_and_letters_are_kept_even_where_case_maps_change_length() -> None:
    # "ß" upper-cases to "SS" and "İ" lower-cases to two characters: both are left as written
    text = "STRASSE UND GROß-GERAU: İSTANBUL POLICE SAID 3 DIED IN ŞIRNAK ON FRIDAY AND SUNDAY."
    out = restore_case(text)
    assert len(out) == len(text)
    assert out.casefold() == text.casefold()
    assert "ß" in out and "İ" in out


@pytest.mark.skipif(not cyrillic_supported(), reason="pymorphy3 (the ru extra) is not installed")
def test_cyrillic_caps_repost() -> None:
    text = "ВСУ НАНЕСЛИ УДАР ПО БЕЛГОРОДУ, ЗАЯВИЛ ГУБЕРНАТОР ГЛАДКОВ. ПОГИБЛИ ТРИ МИРНЫХ ЖИТЕЛЯ В ШЕБЕКИНО."
    assert restore_case(text) == (
        "ВСУ нанесли удар по Белгороду, заявил губернатор Гладков. Погибли три мирных жителя в Шебекино."
    )


def test_restoring_is_linear_and_cheap() -> None:
    import time

    unit = (
        "RUSSIAN SHELLING OF KHERSON KILLED TWO PEOPLE ON SUNDAY, THE REGIONAL GOVERNOR SAID. "
        "RSF DRONES HIT A MARKET IN OMDURMAN, KILLING 9, THE SUDAN DOCTORS NETWORK SAID. "
    )
    restore_case(unit)  # the gazetteer and registry load once
    timings = []
    for copies in (20, 80):
        text = unit * copies
        started = time.perf_counter()
        restore_case(text + "X")  # a new text each time: nothing is cached whole
        timings.append((time.perf_counter() - started) / len(text))
    # per character, the long text costs no more than the short one (with slack for a busy machine)
    assert timings[1] < 3 * timings[0]
