"""Modality: triggers in intended, future, durative or habitual clauses give no mention."""

from __future__ import annotations

import pytest

from sitreps.extract.modality import unreal_reason
from sitreps.extract.roles import predicate_of
from sitreps.nlp import load_nlp


def _trigger(text: str, word: str):
    doc = load_nlp()(text)
    tok = next(t for t in doc if t.text == word)
    return tok, predicate_of(tok)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The militia vowed to storm the garrison at Kidal.", "storm"),
        ("Commanders said they were waiting to help storm the capital.", "storm"),
        ("The army will attack the rebel positions near Goma.", "attack"),
        ("Insurgents would shell the town if talks failed, a spokesman warned.", "shell"),
        ("The two factions have been fighting for months around El Fasher.", "fighting"),
        ("Gunmen routinely ambush convoys on the Bamako road.", "ambush"),
        ("From day to day the shelling of the suburbs grows heavier.", "shelling"),
        ("The commander said the fighting would continue until spring.", "fighting"),
    ],
)
def test_unreal_clauses_are_recognised(text: str, word: str) -> None:
    tok, pred = _trigger(text, word)
    assert unreal_reason(tok, pred) is not None


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Militants stormed the garrison at Kidal on Monday.", "stormed"),
        ("The army said it attacked rebel positions near Goma overnight.", "attacked"),
        ("Soldiers tried to storm the building before dawn.", "storm"),
        ("Artillery shelled the town of Kupiansk on Tuesday, the governor said.", "shelled"),
        ("Fighting broke out in Tawila after the convoy was ambushed.", "ambushed"),
    ],
)
def test_reported_events_are_real(text: str, word: str) -> None:
    tok, pred = _trigger(text, word)
    assert unreal_reason(tok, pred) is None


@pytest.mark.parametrize(
    "text",
    [
        "The county government condemned the shelling of Mandera town on Wednesday.",
        "The interior ministry reported the attack by gunmen on the police post in Takaba on Tuesday.",
    ],
)
def test_who_comments_on_an_event_did_not_do_it(extract, text: str) -> None:
    [mention] = extract(text)
    assert mention.actor1 is None or "Government" not in mention.actor1.name


def test_who_announces_an_attack_made_it(extract) -> None:
    mentions = extract("Frontier Sentinels fighters announced an offensive on Lafey in Mandera County on Tuesday.")
    assert mentions and mentions[0].actor1 is not None and mentions[0].actor1.name == "Frontier Sentinels"


def test_an_undated_reports_yesterday_is_the_day_before_its_latest_weekday(extract) -> None:
    text = (
        "On Thursday, rebels attacked the town of Kutum in North Darfur.\n\n"
        "On Friday morning, fighting continued in Tawila, residents said.\n\n"
        "The army said it killed 12 rebels in yesterday's fighting."
    )
    mentions = extract(text, published=None)
    kutum = [m for m in mentions if m.location and m.location.name == "Kutum"]
    # yesterday = Thursday (the report is written on Friday): the army's toll joins Kutum's clash
    assert len(kutum) == 1 and kutum[0].fatalities is not None and kutum[0].fatalities.best == 12


def test_a_quoted_toll_joins_the_event_and_the_titled_official_speaks_for_the_state(extract) -> None:
    text = (
        "Drones struck a fuel depot in the town of Sudzha in the Kursk region on Tuesday night, "
        "regional governor Pavel Orlov said on Wednesday.\n\n"
        '"Two employees of the depot were killed and five were wounded," Orlov wrote on Telegram.'
    )
    [mention] = extract(text, published="2024-08-14")
    assert mention.location is not None and mention.location.name == "Sudzha"
    assert mention.fatalities is not None and mention.fatalities.best == 2
    assert mention.fatalities.claimant is not None and mention.fatalities.claimant.id == "RU_GOV"
