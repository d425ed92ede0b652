"""Texts with war words and real places that report no political violence: sport, markets,
politics, film, fires and strikes of the industrial kind. They must give no mention, and no
trigger at all (so a later placeless-candidate filter cannot hide a misread word).
"""

from __future__ import annotations

import pytest
from tests.extract.expectations import Extract

from sitreps.extract.mentions import RuleExtractor
from sitreps.extract.triggers import find_triggers

NEGATIVES = [
    # sport
    pytest.param(
        "The striker shot past the keeper in the 89th minute as Arsenal beat Chelsea in London on Saturday.",
        id="sport-shot-past-the-keeper",
    ),
    pytest.param(
        "Arsenal attacked relentlessly in the second half at the Emirates Stadium in London, but the visitors "
        "held on for a draw.",
        id="sport-attacked-relentlessly",
    ),
    pytest.param(
        "The home side stormed to a 3-0 lead in Manchester before half-time, with the winger firing a shot into "
        "the top corner.",
        id="sport-stormed-to-a-lead",
    ),
    pytest.param(
        "The coach was fired on Monday after the team lost five matches in a row in Madrid.", id="sport-fired"
    ),
    # markets and business
    pytest.param(
        "Shares in Kyiv-listed steelmakers were hit by a wave of selling on Monday as investors fled to safer assets.",
        id="markets-shares-were-hit",
    ),
    pytest.param(
        "The two companies struck a deal in Dubai on Tuesday to build a solar plant near Aswan.",
        id="markets-struck-a-deal",
    ),
    pytest.param(
        "The central bank in Nairobi launched a fresh attack on inflation on Wednesday, raising its benchmark "
        "rate by half a point.",
        id="markets-attack-on-inflation",
    ),
    pytest.param(
        "Oil prices rallied in London trading after the cartel agreed to cut output, and the rouble fell in Moscow.",
        id="markets-prices-rallied",
    ),
    pytest.param(
        "The tech giant seized the initiative in Seoul, capturing a third of the market with its new phone.",
        id="markets-seized-the-initiative",
    ),
    pytest.param(
        "Sales of electric cars exploded in Oslo last year, the industry association said.", id="sales-exploded"
    ),
    # politics
    pytest.param(
        "The opposition leader attacked the government's budget in a speech in Lagos, calling it a disaster for "
        "farmers.",
        id="politics-attacked-the-budget",
    ),
    pytest.param(
        "The minister said the government would fight corruption and poverty in Khartoum with a new fund.",
        id="politics-fight-corruption",
    ),
    pytest.param(
        "Lawmakers in Kampala killed the bill on Thursday after a heated debate over land rights.",
        id="politics-killed-the-bill",
    ),
    pytest.param(
        "The campaign targeted young voters in Johannesburg with ads on social media.",
        id="politics-targeted-voters",
    ),
    pytest.param("Teachers went on strike in Nairobi on Monday to demand better pay.", id="labour-strike"),
    # film and fires
    pytest.param(
        "The director shot a film about the siege of Sarajevo last summer, and it premiered in Berlin on Friday.",
        id="film-shot-a-film",
    ),
    pytest.param(
        "The film crew blew up a replica bridge in the desert outside Ouarzazate for the final scene.",
        id="film-blew-up-a-set",
    ),
    pytest.param(
        "Firefighters battled a wildfire near Athens for a third day on Sunday as strong winds fanned the flames.",
        id="wildfire-battled",
    ),
]


# Known misses of the learned event step (the rules find no trigger in them: test_finds_no_trigger)
# (none now: "labour-strike" was one until the model retrained with w7, P(event) 0.78 against a
# detect threshold of 0.80 -- close, so it is the first to watch after a retraining)
MODEL_MISSES: dict[str, str] = {}


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(*p.values, id=p.id, marks=[pytest.mark.xfail(strict=True, reason=MODEL_MISSES[p.id])])
        if p.id in MODEL_MISSES
        else p
        for p in NEGATIVES
    ],
)
def test_gives_no_mention(extract: Extract, text: str) -> None:
    assert extract(text) == []


@pytest.mark.parametrize("text", NEGATIVES)
def test_finds_no_trigger(extractor: RuleExtractor, text: str) -> None:
    registry, lexicon = extractor.resources.registry, extractor.resources.lexicon
    civilians = frozenset(registry.roles["civilians"].heads)
    doc = extractor.nlp(text)
    found = [
        (trigger.token.text, trigger.rule.type)
        for sent in doc.sents
        for trigger in find_triggers(sent, lexicon, False, civilians)
    ]
    assert found == []


def test_the_same_words_in_a_war_report_do_trigger(extract: Extract) -> None:
    """The negatives are not silent because the words are unknown: in a violent context they count."""
    [mention] = extract("Militants shot dead the goalkeeper of the local team in Mogadishu on Saturday, police said.")
    assert mention.event_type in ("Battles", "Violence against civilians")
    [mention] = extract("Gunmen attacked a football match in Maiduguri on Saturday, killing three fans.")
    assert mention.event_type in ("Battles", "Violence against civilians")
