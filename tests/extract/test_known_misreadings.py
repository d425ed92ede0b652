"""Readings the extractor once got wrong, each traced to the stage that misread it.

Each case was a non-strict xfail naming what went wrong and where; all are fixed now and stay
here as regression tests. A new misreading goes in as an xfail with its reason.
"""

from __future__ import annotations

import pytest
from tests.extract.expectations import Expect, Extract, check

KNOWN = [
    pytest.param(
        "Russian forces launched a drone attack on Sumy overnight, injuring five people.",
        Expect("Explosions/Remote violence", "Air/drone strike", toponym="Sumy", country="UA"),
        id="attacker-demonym-rejects-the-target-city",
    ),
    pytest.param(
        "Units of the Armed Forces of Ukraine carried out an attack with drones on the town of Sevsk, "
        "according to the governor.",
        Expect("Explosions/Remote violence", "Air/drone strike", toponym="Sevsk", country="RU"),
        id="country-in-actor-name-rejects-the-target-town",
    ),
    pytest.param(
        "The army confirmed on Thursday that militants had attacked a convoy near Gao, killing two soldiers.",
        Expect("Battles", toponym="Gao", country="ML"),
        id="weekday-is-not-a-place",
    ),
    pytest.param(
        "On 12 May, Islamic State militants attacked an army post near Deir ez-Zor, killing four soldiers.",
        Expect("Battles", toponym="Deir ez-Zor", country="SY"),
        id="sentence-initial-on-is-not-a-place",
    ),
    pytest.param(
        "A roadside bomb killed three soldiers near Gao on Wednesday, the Malian army said.",
        Expect("Explosions/Remote violence", toponym="Gao", country="ML"),
        id="demonym-is-not-a-place",
    ),
    pytest.param(
        "M23 rebels seized the town of Rubaya in North Kivu on Tuesday.",
        Expect("Battles", country="CD", admin1="Nord-Kivu"),
        id="name-part-north-is-not-a-place",
    ),
    pytest.param(
        "Resistance fighters captured a military outpost in Kachin state on Wednesday.",
        Expect("Battles", country="MM"),
        id="kachin-state-is-a-region",
    ),
    pytest.param(
        "The Houthis claimed to have shot down a US drone over Saada province on Wednesday.",
        Expect("Strategic developments", country="YE"),
        id="saada-province-is-in-yemen",
    ),
    pytest.param(
        "Moscow accused Ukrainian troops of shelling a border village in the Bryansk region on Sunday.",
        Expect("Explosions/Remote violence", actor1="Military Forces of Ukraine (2019-)", admin1="Bryansk Oblast"),
        id="the-accusing-capital-is-not-the-place",
    ),
    pytest.param(
        "An air strike by the Sudanese air force hit a market in Nyala on Saturday, killing 15 civilians, "
        "according to local medics.",
        Expect("Explosions/Remote violence", stance="reported"),
        id="according-to-medics-is-reported",
    ),
    pytest.param(
        "CODECO militiamen attacked a displacement camp near Bunia on Saturday night, killing at least 20 people, "
        "the United Nations said.",
        Expect("Violence against civilians", claimant="United Nations", stance="reported"),
        id="united-nations-is-a-third-party",
    ),
    # arrests are no force: protesters arrested are a protest with intervention (triggers' crowd
    # retyping took every act done to protesters for excessive force)
    pytest.param(
        "Riot police arrested eleven demonstrators outside the parliament in Freetown on Tuesday.",
        Expect("Protests", "Protest with intervention", actor1="Protesters (Sierra Leone)", count=1),
        id="arrested-protesters-are-an-intervention",
    ),
    # one protest told twice, as a march and as the shooting that broke it up: the merged
    # mention takes the most severe response (mentions' merge kept the march's sub-type)
    pytest.param(
        "Hundreds of teachers marched through Blantyre on Monday. Soldiers fired into the crowd, wounding four "
        "protesters.",
        Expect("Protests", "Excessive force against protesters", actor2="Protesters (Malawi)", count=1),
        id="a-march-and-the-shooting-that-broke-it-up-are-excessive-force",
    ),
]


@pytest.mark.parametrize(("text", "expect"), KNOWN)
def test_known_misreading(extract: Extract, text: str, expect: Expect) -> None:
    check(extract(text), expect)
