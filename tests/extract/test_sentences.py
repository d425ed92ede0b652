"""One-sentence reports: the mention the rule extractor reads from each, field by field.

The sentences are written for these tests in wire-service style (and in the machine-translated
English of Russian-language bulletins) about invented events in real places: Sudan, the Sahel,
Nigeria, Somalia, Yemen, Syria, the DRC, Myanmar, Kenya, Israel/Gaza and both sides of the
Russia-Ukraine border. Every article is published on Friday 2024-06-14 by "Test Wire".
"""

from __future__ import annotations

import pytest
from tests.extract.expectations import Expect, Extract, check

BATTLE = "Battles"
REMOTE = "Explosions/Remote violence"
VAC = "Violence against civilians"
STRATEGIC = "Strategic developments"
PROTESTS = "Protests"
CLASH = "Armed clash"
SHELLING = "Shelling/artillery/missile attack"
AIR = "Air/drone strike"
IED = "Remote explosive/landmine/IED"

SD_MIL = "Military Forces of Sudan (2019-)"
RU_MIL = "Military Forces of Russia (2000-)"
RU_GOV = "Government of Russia (2000-)"
UA_MIL = "Military Forces of Ukraine (2019-)"
UA_GOV = "Government of Ukraine (2019-)"
MM_MIL = "Military Forces of Myanmar (2021-)"
SY_MIL = "Military Forces of Syria (2024-)"
NG_MIL = "Military Forces of Nigeria (2023-)"
RSF = "Rapid Support Forces"
REPORTER = "Test Wire"

CASES = [
    # --- Sudan -----------------------------------------------------------------------------------
    pytest.param(
        "Rapid Support Forces fighters shelled the main market in El Obeid on Tuesday, killing at least "
        "12 civilians, the Sudanese army said.",
        Expect(
            REMOTE,
            SHELLING,
            actor1=RSF,
            actor2="Civilians (Sudan)",
            toponym="El Obeid",
            country="SD",
            date="2024-06-11",
            inferred=True,
            fatalities=(None, 12, None),
            claimant=SD_MIL,
            stance="claimed",
            count=1,
        ),
        id="rsf-shell-market-killing-is-one-event",
    ),
    pytest.param(
        "Sudanese army troops clashed with RSF fighters in Omdurman on Wednesday, witnesses said.",
        Expect(
            BATTLE,
            CLASH,
            actor1=SD_MIL,
            actor2=RSF,
            place="Omdurman",
            date="2024-06-12",
            claimant=REPORTER,
            stance="reported",
            count=1,
        ),
        id="army-rsf-clash",
    ),
    pytest.param(
        "The Sudanese Armed Forces said on Thursday they had recaptured the town of Singa from the RSF.",
        Expect(
            BATTLE,
            "Government regains territory",
            actor1=SD_MIL,
            toponym="Singa",
            country="SD",
            claimant=SD_MIL,
            stance="claimed",
        ),
        id="army-recaptures-town",
    ),
    pytest.param(
        "An air strike by the Sudanese air force hit a market in Nyala on Saturday, killing 15 civilians, "
        "according to local medics.",
        Expect(
            REMOTE,
            AIR,
            actor1=SD_MIL,
            actor2="Civilians (Sudan)",
            place="Nyala",
            date="2024-06-08",
            fatalities=(15, 15, 15),
            count=1,
        ),
        id="air-strike-by-air-force",
    ),
    pytest.param(
        "RSF paramilitaries looted the main hospital in El Geneina on Monday, aid workers said.",
        Expect(
            STRATEGIC, "Looting/property destruction", actor1=RSF, toponym="El Geneina", country="SD", date="2024-06-10"
        ),
        id="looting",
    ),
    pytest.param(
        "RSF fighters attacked the village of Wad Madani on 5 June, killing more than 100 people, activists said.",
        Expect(
            VAC,
            "Attack",
            actor1=RSF,
            actor2="Civilians (Sudan)",
            toponym="Wad Madani",
            date="2024-06-05",
            inferred=False,
            fatalities=(None, 101, None),
            count=1,
        ),
        id="attack-on-village-killing-people-is-violence-against-civilians",
    ),
    pytest.param(
        "Heavy fighting broke out between the army and the RSF in El Fasher at the end of May, residents said.",
        Expect(
            BATTLE,
            CLASH,
            toponym="El Fasher",
            date=("2024-05-21", "2024-05-31"),
            date_precision="month",
            inferred=False,
        ),
        id="end-of-may-is-a-month-range",
    ),
    pytest.param(
        "More than 70 people were killed in clashes in Omdurman on Tuesday, medics said.",
        Expect(BATTLE, CLASH, place="Omdurman", fatalities=(None, 71, None), count=1),
        id="killed-in-clashes-is-the-clash-toll",
    ),
    # --- Nigeria and the Sahel ---------------------------------------------------------------
    pytest.param(
        "Gunmen abducted 20 farmers near Kaduna on Sunday, police said.",
        Expect(
            VAC,
            "Abduction/forced disappearance",
            actor2="Civilians (Nigeria)",
            toponym="Kaduna",
            precision=2,
            date="2024-06-09",
            claimant="Police Forces of Nigeria (2023-)",
            stance="claimed",
        ),
        id="abduction-near-town",
    ),
    pytest.param(
        "A suicide bomber blew himself up at a checkpoint in Maiduguri on Tuesday, killing five people.",
        Expect(
            REMOTE,
            "Suicide bomb",
            place="Maiduguri",
            fatalities=(5, 5, 5),
            claimant=REPORTER,
            stance="asserted",
            count=1,
        ),
        id="suicide-bomber-blew-himself-up",
    ),
    pytest.param(
        "ISWAP fighters ambushed a military convoy near Monguno on Friday, killing seven soldiers, "
        "security sources said.",
        Expect(
            BATTLE,
            CLASH,
            actor1="Islamic State West Africa Province",
            actor2=NG_MIL,
            toponym="Monguno",
            date="2024-06-14",
            fatalities=(7, 7, 7),
        ),
        id="iswap-ambush-default-opponent",
    ),
    pytest.param(
        "Boko Haram insurgents stormed a village near Gwoza overnight and abducted dozens of women, residents said.",
        Expect(
            VAC,
            actor1="Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad",
            actor2="Civilians (Nigeria)",
            toponym="Gwoza",
            count=1,
        ),
        id="village-stormed-and-women-abducted",
    ),
    pytest.param(
        "JNIM militants attacked an army outpost near Djibo on Saturday, killing at least 30 soldiers, "
        "security sources said.",
        Expect(
            BATTLE,
            CLASH,
            actor1="JNIM: Group for Support of Islam and Muslims",
            toponym="Djibo",
            country="BF",
            date="2024-06-08",
            fatalities=(None, 30, None),
            count=1,
        ),
        id="jnim-outpost-attack",
    ),
    pytest.param(
        "Jihadists abducted a village chief near Menaka on Monday.",
        Expect(
            VAC,
            "Abduction/forced disappearance",
            actor2="Civilians (Mali)",
            country="ML",
            precision=2,
            date="2024-06-10",
            claimant=REPORTER,
            stance="asserted",
        ),
        id="abduction-in-outlet-voice",
    ),
    pytest.param(
        "Nigerien soldiers repelled an attack by Islamic State fighters near Tillaberi on Tuesday, "
        "the defence ministry said.",
        Expect(
            BATTLE,
            CLASH,
            actor1="Military Forces of Niger (2023-)",
            actor2="Islamic State (Sahel)",  # the Islamic State's branch in western Niger
            toponym="Tillaberi",
            claimant="defence ministry",
            stance="claimed",
            count=1,
        ),
        id="repelled-attack-is-one-battle",
    ),
    pytest.param(
        "Gunmen shot dead three soldiers at a checkpoint near Gao on Wednesday, the army said.",
        Expect(
            BATTLE,
            CLASH,
            toponym="Gao",
            country="ML",
            date="2024-06-12",
            fatalities=(3, 3, 3),
            claimant="Military Forces of Mali (2021-)",
            stance="claimed",
        ),
        id="shot-dead",
    ),
    pytest.param(
        "A roadside bomb killed three soldiers near Gao on Wednesday, officials said.",
        Expect(REMOTE, IED, toponym="Gao", fatalities=(3, 3, 3), count=1),
        id="roadside-bomb",
    ),
    pytest.param(
        "Between 10 and 15 soldiers were killed in an ambush near Djibo on Friday.",
        Expect(BATTLE, CLASH, toponym="Djibo", date="2024-06-14", fatalities=(None, 10, 15)),
        id="between-ten-and-fifteen",
    ),
    pytest.param(
        "Up to 30 insurgents were eliminated in an air strike near Tillaberi, the defence ministry said.",
        Expect(REMOTE, AIR, toponym="Tillaberi", fatalities=(None, None, 30), stance="claimed"),
        id="up-to-thirty-eliminated",
    ),
    # --- Somalia, Yemen, Ethiopia --------------------------------------------------------------
    pytest.param(
        "Al Shabaab fighters ambushed Somali troops near Beledweyne on Wednesday, the army said.",
        Expect(
            BATTLE,
            CLASH,
            actor1="Al Shabaab",
            actor2="Military Forces of Somalia (2022-)",
            toponym="Beledweyne",
            date="2024-06-12",
            stance="claimed",
        ),
        id="al-shabaab-ambush",
    ),
    pytest.param(
        "A car bomb exploded in Mogadishu on Saturday, killing at least eight people, police said.",
        Expect(
            REMOTE,
            IED,
            place="Mogadishu",
            date="2024-06-08",
            fatalities=(None, 8, None),
            claimant="Police Forces of Somalia (2022-)",
            count=1,
        ),
        id="car-bomb-exploded",
    ),
    pytest.param(
        "Houthi fighters shelled residential neighbourhoods of Taiz on Monday, killing two children, "
        "a local official said.",
        Expect(
            REMOTE,
            SHELLING,
            actor1="Houthi Movement",
            actor2="Civilians (Yemen)",
            place="Taiz",
            fatalities=(2, 2, 2),
            claimant="Government of Yemen (2017-)",
            stance="claimed",
            count=1,
        ),
        id="houthi-shelling-a-place-is-not-an-actor",
    ),
    pytest.param(
        "Saudi-led coalition warplanes bombed Houthi positions near Marib on Friday, killing 11 rebels, "
        "the coalition said.",
        Expect(
            REMOTE,
            AIR,
            actor2="Houthi Movement",
            toponym="Marib",
            country="YE",
            precision=2,
            fatalities=(11, 11, 11),
            count=1,
        ),
        id="coalition-bombs-houthi-positions",
    ),
    pytest.param(
        "AQAP militants attacked a checkpoint of the Southern Transitional Council in Abyan province on Sunday.",
        Expect(
            BATTLE,
            CLASH,
            actor1="Al Qaeda in the Arabian Peninsula",
            actor2="Southern Transitional Council",
            country="YE",
            precision=3,
            date="2024-06-09",
        ),
        id="aqap-stc-province-level",
    ),
    pytest.param(
        "Fano militiamen clashed with Ethiopian troops in the town of Lalibela on Monday, residents said.",
        Expect(
            BATTLE,
            CLASH,
            actor1="Fano Militia",
            actor2="Military Forces of Ethiopia (2018-)",
            toponym="Lalibela",
            admin1="Amhara",
        ),
        id="fano-clash",
    ),
    # --- DRC ---------------------------------------------------------------------------------------
    pytest.param(
        "M23 rebels seized the town of Sake on Tuesday after heavy fighting with the Congolese army, "
        "local sources said.",
        Expect(
            BATTLE,
            "Non-state actor overtakes territory",
            actor1="M23: March 23 Movement",
            actor2="Military Forces of the Democratic Republic of Congo (2019-)",
            toponym="Sake",
            country="CD",
            date="2024-06-11",
            count=1,
        ),
        id="m23-seizes-town",
    ),
    pytest.param(
        "ADF rebels killed 18 villagers with machetes near Beni on Thursday, a local civil society leader said.",
        Expect(
            VAC,
            "Attack",
            actor1="ADF: Allied Democratic Forces",
            actor2="Civilians (Democratic Republic of Congo)",
            toponym="Beni",
            fatalities=(18, 18, 18),
        ),
        id="adf-kills-villagers",
    ),
    pytest.param(
        "CODECO militiamen attacked a displacement camp near Bunia on Saturday night, killing at least 20 people, "
        "the United Nations said.",
        Expect(
            VAC,
            "Attack",
            actor1="CODECO: Cooperative for Development of Congo",
            toponym="Bunia",
            date="2024-06-08",
            fatalities=(None, 20, None),
            claimant="United Nations",
        ),
        id="codeco-camp-attack",
    ),
    # --- Syria -------------------------------------------------------------------------------------
    pytest.param(
        "Islamic State militants ambushed a Syrian army bus near Palmyra on Sunday, killing 12 soldiers, "
        "the Syrian Observatory for Human Rights said.",
        Expect(
            BATTLE,
            CLASH,
            actor1="Islamic State (Syria)",
            actor2=SY_MIL,
            toponym="Palmyra",
            country="SY",
            precision=2,
            fatalities=(12, 12, 12),
        ),
        id="army-bus-is-the-army",
    ),
    pytest.param(
        "HTS fighters clashed with Syrian government troops on the frontline near Idlib overnight, "
        "a war monitor reported.",
        Expect(
            BATTLE,
            CLASH,
            actor1="Hayat Tahrir al-Sham",
            actor2=SY_MIL,
            toponym="Idlib",
            claimant=REPORTER,
            stance="reported",
        ),
        id="hts-clash-reported-by-monitor",
    ),
    pytest.param(
        "Islamic State militants attacked an army post near Deir ez-Zor on 12 May, killing four soldiers.",
        Expect(
            BATTLE,
            CLASH,
            actor1="Islamic State (Syria)",
            toponym="Deir ez-Zor",
            date="2024-05-12",
            inferred=False,
            fatalities=(4, 4, 4),
        ),
        id="written-date",
    ),
    pytest.param(
        "Government forces shelled Idlib last week, the Syrian Observatory said.",
        Expect(REMOTE, SHELLING, place="Idlib", date=("2024-06-03", "2024-06-09"), date_precision="week"),
        id="last-week",
    ),
    pytest.param(
        "Government troops allegedly executed five men in a village near Raqqa on Tuesday.",
        Expect(
            VAC,
            "Attack",
            actor2="Civilians (Syria)",
            toponym="Raqqa",
            fatalities=(5, 5, 5),
            claimant=REPORTER,
            stance="alleged",
        ),
        id="allegedly-executed",
    ),
    # --- Myanmar -----------------------------------------------------------------------------------
    pytest.param(
        "The Myanmar army carried out air strikes on the town of Lashio on Saturday, residents said.",
        Expect(REMOTE, AIR, actor1=MM_MIL, toponym="Lashio", country="MM", date="2024-06-08"),
        id="myanmar-army-air-strikes",
    ),
    pytest.param(
        "Arakan Army fighters captured a military base near Buthidaung on Wednesday, the group said in a statement.",
        Expect(
            BATTLE,
            "Non-state actor overtakes territory",
            actor1="Arakan Army",
            actor2=MM_MIL,
            toponym="Buthidaung",
            claimant="Arakan Army",
            stance="claimed",
        ),
        id="arakan-army-captures-base",
    ),
    pytest.param(
        "Fighters of the People's Defence Force ambushed a junta convoy near Mandalay on Friday.",
        Expect(
            BATTLE, CLASH, actor1="PDF: People's Defence Force", actor2=MM_MIL, toponym="Mandalay", date="2024-06-14"
        ),
        id="pdf-ambush",
    ),
    pytest.param(
        "Security forces arrested 12 opposition activists in Yangon on Sunday.",
        Expect(STRATEGIC, "Arrests", actor1="Military Forces of Myanmar (2021-)", place="Yangon", date="2024-06-09"),
        id="arrests-unqualified-force-is-the-countrys",
    ),
    pytest.param(
        "Unverified reports said that 40 people had been killed in an air strike on a market in Sagaing on Monday.",
        Expect(REMOTE, AIR, place="Sagaing", fatalities=(40, 40, 40), stance="unverified"),
        id="unverified-reports",
    ),
    # --- Protests and riots ------------------------------------------------------------------------
    pytest.param(
        "Thousands of protesters rallied in Khartoum on Tuesday to demand civilian rule.",
        Expect(PROTESTS, "Peaceful protest", place="Khartoum", date="2024-06-11", count=1),
        id="peaceful-rally",
    ),
    pytest.param(
        "Protesters in Nairobi clashed with police on Thursday.",
        Expect("Riots", "Violent demonstration", place="Nairobi", date="2024-06-13", count=1),
        id="protesters-clash-is-a-riot",
    ),
    pytest.param(
        "Police fired tear gas at rioters who torched shops in Port Harcourt on Monday.",
        Expect("Riots", "Violent demonstration", place="Port Harcourt", count=1),
        id="rioters-torching-shops",
    ),
    pytest.param(
        "Police opened fire on protesters in Mombasa on Tuesday, killing two people, witnesses said.",
        Expect(PROTESTS, "Excessive force against protesters", place="Mombasa", fatalities=(2, 2, 2), count=1),
        id="fire-on-protesters-is-excessive-force",
    ),
    # --- Israel, Gaza, Lebanon ------------------------------------------------------------------
    pytest.param(
        "Israeli aircraft struck a house in Rafah on Tuesday night, killing six people, Palestinian medics said.",
        Expect(
            REMOTE,
            AIR,
            actor1="Military Forces of Israel (2022-)",
            actor2="Civilians (Palestine)",
            country="PS",
            fatalities=(6, 6, 6),
            claimant="Palestinian medics",
            stance="claimed",
            count=1,
        ),
        id="israeli-aircraft",
    ),
    pytest.param(
        "Hezbollah fired rockets at the town of Kiryat Shmona on Monday, the Israeli army said.",
        Expect(
            REMOTE,
            SHELLING,
            actor1="Hezbollah",
            toponym="Kiryat Shmona",
            country="IL",
            date="2024-06-10",
            claimant="Military Forces of Israel (2022-)",
            stance="claimed",
        ),
        id="fired-rockets",
    ),
    # --- Ukraine and the Russian border regions ------------------------------------------------
    pytest.param(
        "Russian forces shelled Kharkiv on Monday, killing two people, the regional governor said.",
        Expect(
            REMOTE,
            SHELLING,
            actor1=RU_MIL,
            actor2="Civilians (Ukraine)",
            place="Kharkiv",
            fatalities=(2, 2, 2),
            claimant="Government of Ukraine (2019-)",
            stance="claimed",
            count=1,
        ),
        id="russian-forces-shell-kharkiv",
    ),
    pytest.param(
        "A Russian missile strike on Odesa killed four people on Thursday, Ukrainian officials said.",
        Expect(
            REMOTE,
            SHELLING,
            actor1=RU_MIL,
            actor2="Civilians (Ukraine)",
            place="Odesa",
            date="2024-06-13",
            fatalities=(4, 4, 4),
            claimant=UA_GOV,
            stance="claimed",
            count=1,
        ),
        id="demonym-on-strike-noun-is-the-military",
    ),
    pytest.param(
        "Ukraine's military said on Friday its forces had repelled a Russian assault near Vovchansk.",
        Expect(
            BATTLE,
            CLASH,
            actor1=UA_MIL,
            actor2=RU_MIL,
            toponym="Vovchansk",
            precision=2,
            claimant=UA_MIL,
            stance="claimed",
            count=1,
        ),
        id="its-forces-are-the-speakers",
    ),
    pytest.param(
        "The Russian Defence Ministry denied that its troops had shelled the village of Stepnohirsk "
        "in the Zaporizhzhia region.",
        Expect(
            REMOTE,
            SHELLING,
            actor1=RU_MIL,
            toponym="Stepnohirsk",
            admin1="Zaporizhzhia Oblast",
            claimant=RU_GOV,
            stance="denied",
        ),
        id="denied",
    ),
    pytest.param(
        "Ukrainian forces shelled the town of Vasylivka on Tuesday, killing three people, "
        "the Russian-installed governor said.",
        Expect(
            REMOTE,
            SHELLING,
            actor1=UA_MIL,
            actor2="Civilians (Ukraine)",
            toponym="Vasylivka",
            fatalities=(3, 3, 3),
            claimant=RU_GOV,
            stance="claimed",
        ),
        id="russian-installed-governor",
    ),
    pytest.param(
        "Russian troops captured the village of Ocheretyne in the Donetsk region, "
        "the Russian Ministry of Defence said on Sunday.",
        Expect(
            BATTLE,
            CLASH,
            actor1=RU_MIL,
            toponym="Ocheretyne",
            admin1="Donetsk Oblast",
            claimant=RU_GOV,
            stance="claimed",
        ),
        id="state-forces-capture-is-an-armed-clash",
    ),
    pytest.param(
        "The Russian army said its air defences shot down 30 Ukrainian drones over the Bryansk region overnight.",
        Expect(
            STRATEGIC,
            "Disrupted weapons use",
            actor1=RU_MIL,
            actor2=UA_MIL,
            admin1="Bryansk Oblast",
            precision=3,
            claimant=RU_MIL,
            stance="claimed",
        ),
        id="drones-shot-down",
    ),
    pytest.param(
        "Two civilians died when a shell hit a bus stop in Horlivka on Thursday.",
        Expect(REMOTE, SHELLING, place="Horlivka", date="2024-06-13", fatalities=(2, 2, 2), count=1),
        id="died-when-a-shell-hit",
    ),
    pytest.param(
        "Seven people were killed in the drone attack on Sumy on Saturday, the regional military administration said.",
        Expect(
            REMOTE,
            AIR,
            actor2="Civilians (Ukraine)",
            place="Sumy",
            date="2024-06-08",
            fatalities=(7, 7, 7),
            claimant="Government of Ukraine (2019-)",
            stance="claimed",
            count=1,
        ),
        id="killed-in-drone-attack",
    ),
    pytest.param(
        "Ukraine's military said its forces had struck a Russian ammunition depot near Horlivka with HIMARS "
        "rockets on Wednesday.",
        Expect(REMOTE, SHELLING, actor1=UA_MIL, toponym="Horlivka", date="2024-06-12", claimant=UA_MIL),
        id="struck-with-himars",
    ),
    pytest.param(
        "There were no casualties after a drone hit a warehouse in Bryansk on Saturday, the governor said.",
        Expect(
            REMOTE,
            AIR,
            place="Bryansk",
            fatalities=(0, 0, 0),
            claimant="Government of Russia (2000-)",
            stance="claimed",
        ),
        id="no-casualties-is-zero",
    ),
    # --- machine-translated bulletins (Russian -> English) -------------------------------------
    pytest.param(
        "According to the governor, as a result of shelling two civilians were killed in the village of "
        "Klimovo on Monday.",
        Expect(
            REMOTE,
            SHELLING,
            actor2="Civilians (Russia)",
            toponym="Klimovo",
            admin1="Bryansk Oblast",
            date="2024-06-10",
            fatalities=(2, 2, 2),
            claimant="Government of Russia (2000-)",
            stance="claimed",
            count=1,
        ),
        id="mt-as-a-result-of-shelling",
    ),
    pytest.param(
        "The militants of the formation attacked the positions of the Russian army near the village of "
        "Klimovo, the Ministry of Defense reported.",
        Expect(
            BATTLE,
            CLASH,
            actor1="Unidentified Armed Group (Russia)",
            actor2=RU_MIL,
            toponym="Klimovo",
            claimant="Government of Russia (2000-)",
            stance="reported",
        ),
        id="mt-unnamed-militants-are-an-unidentified-group",
    ),
    pytest.param(
        "As a result of the enemy shelling, a private house was damaged in the settlement of Klintsy, "
        "the head of the district said.",
        Expect(REMOTE, SHELLING, toponym="Klintsy", country="RU", fatalities=None, count=1),
        id="mt-enemy-shelling-damaged-house",
    ),
    pytest.param(
        "AFU militants shelled the town of Sevsk on Saturday, the governor said.",
        Expect(
            REMOTE,
            SHELLING,
            actor1=UA_MIL,
            toponym="Sevsk",
            admin1="Bryansk Oblast",
            date="2024-06-08",
            claimant="Government of Russia (2000-)",
        ),
        id="mt-afu-abbreviation",
    ),
    pytest.param(
        "Ukrainian drones attacked an oil depot in the Bryansk region overnight, the governor said. "
        "According to him, the fire was extinguished and nobody was hurt.",
        Expect(
            REMOTE,
            AIR,
            actor1=UA_MIL,
            admin1="Bryansk Oblast",
            precision=3,
            fatalities=(0, 0, 0),
            claimant="Government of Russia (2000-)",
            count=1,
        ),
        id="mt-according-to-him-nobody-hurt",
    ),
    pytest.param(
        "According to the regional governor Oleh Syniehubov, as a result of the shelling of Vovchansk on Monday "
        "three residents were wounded.",
        Expect(
            REMOTE, SHELLING, toponym="Vovchansk", date="2024-06-10", fatalities=None, claimant=UA_GOV, stance="claimed"
        ),
        id="mt-wounded-are-no-fatality-figure",
    ),
    # --- stance ------------------------------------------------------------------------------------
    pytest.param(
        "The RSF denied that its fighters had attacked the hospital in El Fasher on Sunday.",
        # an armed group's attack on a hospital, no armed side named: ACLED's attack on civilians
        Expect(VAC, actor1=RSF, toponym="El Fasher", date="2024-06-09", claimant=RSF, stance="denied"),
        id="rsf-denies",
    ),
    pytest.param(
        "Residents reported heavy shelling in Taiz overnight.",
        Expect(REMOTE, SHELLING, place="Taiz", stance="reported"),
        id="residents-reported",
    ),
    pytest.param(
        "The ministry claimed that its forces had killed 50 militants near Menaka on Wednesday.",
        Expect(
            BATTLE,
            CLASH,
            actor2="Unidentified Armed Group (Mali)",
            toponym="Menaka",
            date="2024-06-12",
            fatalities=(50, 50, 50),
            claimant="Government of Mali (2021-)",
            stance="claimed",
        ),
        id="ministry-claimed-count-without-place-words",
    ),
    pytest.param(
        "The army confirmed that militants had attacked a convoy near Gao, killing two soldiers.",
        Expect(
            BATTLE,
            CLASH,
            toponym="Gao",
            fatalities=(2, 2, 2),
            claimant="Military Forces of Mali (2021-)",
            stance="confirmed",
        ),
        id="army-confirmed",
    ),
]


@pytest.mark.parametrize(("text", "expect"), CASES)
def test_reads_the_event(extract: Extract, text: str, expect: Expect) -> None:
    check(extract(text), expect)


def test_an_undated_article_gives_no_day(extract: Extract) -> None:
    """No publication date: "on Friday" cannot be placed, so the mention has no date at all."""
    [mention] = extract(
        "Al Shabaab militants attacked a military base near Beledweyne on Friday, the army said.", published=None
    )
    assert mention.event_type == BATTLE
    assert mention.date is None
    assert mention.location is not None and mention.location.toponym == "Beledweyne"


def test_evidence_points_into_the_text(extract: Extract) -> None:
    text = "Sudanese army troops clashed with RSF fighters in Omdurman on Wednesday, witnesses said."
    [mention] = extract(text)
    [span] = mention.evidence
    assert text[span.start : span.end] == span.text == text


def test_the_outlet_is_the_reporter(extract: Extract) -> None:
    [mention] = extract("Jihadists abducted a village chief near Menaka on Monday.", outlet="Sahel Daily")
    assert mention.claimant is not None
    assert (mention.claimant.id, mention.claimant.name) == ("reporter", "Sahel Daily")
