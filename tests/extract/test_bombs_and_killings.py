"""Bombs, bombings, murders and assassinations typed by what the sentence says (data/event_lexicon.yaml):
a planted bomb is a remote explosive unless aircraft are named, a suicide bomber is a suicide bomb,
a murder or assassination by an armed group is an attack, and a murder trial or an ordinary
crime is no event."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Two bombs exploded in a bank in Lima on Tuesday, killing a guard and wounding three people.",
            [("Explosions/Remote violence", "Remote explosive/landmine/IED", "Lima", 1)],
        ),
        (
            "A bombing at a market in Maiduguri killed 12 people on Friday.",
            [("Explosions/Remote violence", "Remote explosive/landmine/IED", "Maiduguri", 12)],
        ),
        (
            "Russian warplanes bombed the town of Idlib on Sunday, killing four civilians.",
            [("Explosions/Remote violence", "Air/drone strike", "Idlib", 4)],
        ),
        (
            "A suicide bomber detonated explosives at a checkpoint in Mogadishu on Sunday, killing six soldiers.",
            [("Explosions/Remote violence", "Suicide bomb", "Mogadishu", 6)],
        ),
        (
            "Urban guerrillas murdered a judge in Bogota on Monday, police said.",
            [("Violence against civilians", "Attack", "Bogotá", None)],
        ),
        (
            "Gunmen assassinated the mayor of Usulutan on Sunday.",
            [("Violence against civilians", "Attack", "Usulután", None)],
        ),
        ("The trial of the men accused of the murder of a journalist opened in Lima on Monday.", []),
        ("A man murdered his neighbour in a dispute over land in Nakuru on Monday, police said.", []),
    ],
)
def test_bombs_and_killings(extract, text: str, expected: list) -> None:  # noqa: ANN001 - conftest fixture
    found = [
        (
            m.event_type,
            m.sub_event_type,
            m.location.name if m.location else None,
            m.fatalities.best if m.fatalities else None,
        )
        for m in extract(text, published="1989-05-12")
    ]
    assert found == expected
