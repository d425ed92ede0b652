"""The shipped event classifier: it loads, reads held-back passages of the project's own training data
as well as it did when trained, and plugs into the extractor beside the rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from scripts.train_event_model import held_back, load_passages, measure
from tests.extract.expectations import make_article

from sitreps.extract.event_model import NONE_LABEL, SUB_EVENT_PARENT, EventModel, EventScores, featurize
from sitreps.extract.event_step import Decision, ExtractorMode, predicate_token, sentence_events
from sitreps.extract.mentions import RuleExtractor
from sitreps.extract.triggers import find_triggers, load_lexicon

MODEL_DIR = Path(__file__).resolve().parents[2] / "src" / "sitreps" / "data" / "models"


@pytest.fixture(scope="module")
def model() -> EventModel:
    return EventModel.load()


@pytest.fixture(scope="module")
def held_back_rows() -> list[dict]:
    return [r for r in load_passages() if held_back(r["id"])]


def test_labels_are_acleds_25_sub_types_and_none(model: EventModel) -> None:
    assert set(model.labels) == set(SUB_EVENT_PARENT) | {NONE_LABEL}


def test_shipped_model_is_small() -> None:
    size = sum(p.stat().st_size for p in MODEL_DIR.glob("event_model.*"))
    assert size <= 30 * 1024 * 1024


def test_features_ignore_case_and_digits() -> None:
    assert featurize("REBELS KILLED 12 SOLDIERS") == featurize("rebels killed 47 soldiers")


def test_held_back_figures_match_those_recorded_at_training(model: EventModel, held_back_rows: list[dict]) -> None:
    """The model in the package is the one the training script measured (same data, same figures)."""
    assert len(held_back_rows) >= 500
    figures = measure(model, held_back_rows)
    recorded = model.meta["measured"]
    assert figures["passages"] == recorded["passages"]
    assert figures["weighted_f1_subtype"] == pytest.approx(recorded["weighted_f1_subtype"], abs=0.005)
    assert figures["weighted_f1_subtype"] >= 0.75
    assert figures["negatives_without_event"] >= 0.95


def test_thresholds_are_the_measured_ones(model: EventModel) -> None:
    meta = json.loads((MODEL_DIR / "event_model.json").read_text("utf-8"))
    th = meta["thresholds"]
    assert (model.thresholds.detect, model.thresholds.veto, model.thresholds.retype) == (
        th["detect"],
        th["veto"],
        th["retype"],
    )
    assert 0.5 <= th["detect"] < 1 and 0.5 <= th["veto"] <= 1


@pytest.mark.parametrize(
    ("text", "sub"),
    [
        ("Insurgents overran an army outpost outside Gao and raised their flag over it on Sunday.", None),
        ("Riot police fired tear gas to break up a sit-in by nurses outside the health ministry.", None),
        ("Sappers defused a roadside bomb planted on the highway near Kandahar before dawn.", None),
    ],
)
def test_model_reads_events_written_for_this_test(model: EventModel, text: str, sub: str | None) -> None:
    scores = model.score(text)
    assert scores.p_event >= model.thresholds.detect
    assert scores.sub_event_type in SUB_EVENT_PARENT


@pytest.fixture(scope="module")
def nlp(extractor):  # noqa: ANN001 - the session extractor of tests/extract/conftest.py
    return extractor.nlp


def test_rules_mode_never_consults_the_model(nlp, model: EventModel) -> None:  # noqa: ANN001
    sent = next(nlp("The harvest festival opened with songs in the square.").sents)
    step = sentence_events(sent, [], model, ExtractorMode.RULES)
    assert step.decision is Decision.NONE and step.scores is None


def test_model_opens_an_event_where_no_rule_trigger_fires(nlp, model: EventModel) -> None:  # noqa: ANN001
    text = "Hundreds of students poured into the streets of Dhaka on Monday demanding the minister resign."
    sent = next(nlp(text).sents)
    # no rule trigger given: what the model does where the rules are silent, whatever the lexicon holds
    step = sentence_events(sent, [], model, ExtractorMode.COMBINED)
    assert step.decision is Decision.MODEL
    assert step.triggers[0].token == predicate_token(sent)
    assert step.triggers[0].rule.type == "Protests"


def test_model_candidates_still_obey_the_modality_rules() -> None:
    """A model-made trigger goes through the same vetoes as a rule trigger: a plan is no event."""
    combined = RuleExtractor(mode=ExtractorMode.COMBINED)
    text = "Opposition parties will march through Nairobi next week to demand electoral reforms."
    [mentions] = combined.extract([make_article(text, "2024-06-14", "Test Wire")])
    assert mentions == []


def test_rules_and_combined_modes_are_both_available() -> None:
    text = "Villagers said armed men on motorbikes set fire to granaries in a hamlet near Mopti on Tuesday."
    rules = RuleExtractor(mode=ExtractorMode.RULES)
    combined = RuleExtractor(mode=ExtractorMode.COMBINED)
    assert rules.name == "rules" and rules.resources.event_model is None
    assert combined.name == "combined" and combined.resources.event_model is not None
    [found] = combined.extract([make_article(text, "2024-06-14", "Test Wire")])
    [rules_found] = rules.extract([make_article(text, "2024-06-14", "Test Wire")])
    # the rules know no event word here; the model reads armed men burning a village's stores
    assert rules_found == []
    assert len(found) == 1 and found[0].event_type in set(SUB_EVENT_PARENT.values())


def test_mentions_explain_shows_rules_model_and_decision(tmp_path: Path) -> None:
    """CLI -> store -> explain: the stored mention's sentence with the model's reading beside the rules'."""
    import subprocess
    import sys

    report = tmp_path / "dhaka.txt"
    report.write_text(
        "Protest in Dhaka\n\nHundreds of students poured into the streets of Dhaka on Monday demanding the "
        "minister resign, witnesses said.\n",
        encoding="utf-8",
    )
    db = tmp_path / "s.duckdb"

    def cli(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, "-c", "from sitreps.cli import main; main()", "--db", str(db), *args],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout

    cli("ingest", str(report))
    [mention] = json.loads(cli("mentions", "--json"))
    assert json.loads(cli("mentions", "--jsonl").splitlines()[0]) == mention
    assert mention["sub_event_type"] == "Peaceful protest"
    out = cli("mentions", "--explain", mention["id"][:12])
    assert "rule triggers: none" in out
    assert "top sub-types: Peaceful protest" in out
    assert "decision (combined): model (no rule trigger)" in out


# --- sub-types the rules and the model settle together (issue 15): each sentence written for
# this test, its first mention's (event type, sub-type) exactly
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # who takes the ground decides, not the verb: a non-state group "recapturing" overtakes
        (
            "Islamic State fighters recaptured the village of Tel Amir from the Syrian army south of Raqqa on Tuesday.",
            ("Battles", "Non-state actor overtakes territory"),
        ),
        # a chemical agent makes the attack a chemical one, whatever else the sentence says
        (
            "At least 40 people were killed in an attack with poison gas on a rebel-held suburb of Idlib on Friday, "
            "rescuers said.",
            ("Explosions/Remote violence", "Chemical weapon"),
        ),
        # weapons seized or found are disrupted weapons use; "seized" a town would be a capture
        (
            "Police seized rifles and ammunition during a raid on a house in Kingston on Wednesday.",
            ("Strategic developments", "Disrupted weapons use"),
        ),
        (
            "An arms cache containing mortar rounds was discovered by troops near Gao on Sunday.",
            ("Strategic developments", "Disrupted weapons use"),
        ),
        # protesters harmed or fired on: excessive force
        (
            "Two protesters died from gunshot wounds during a demonstration outside the governor's office in "
            "Nasiriyah on Friday.",
            ("Protests", "Excessive force against protesters"),
        ),
        (
            "Several people were hurt after riot police violently dispersed a protest by farmers in Lahore on Monday.",
            ("Protests", "Excessive force against protesters"),
        ),
        (
            "Security forces opened fire on a crowd of demonstrators in Bamako, killing four, witnesses said.",
            ("Protests", "Excessive force against protesters"),
        ),
        # a protest broken up without serious harm: an intervention
        (
            "Police used tear gas to break up a protest by traders outside the central market in Accra on Monday.",
            ("Protests", "Protest with intervention"),
        ),
        # violence by the demonstrators: a riot, whatever the police did
        (
            "Demonstrators hurled stones at police during a protest in Conakry on Wednesday.",
            ("Riots", "Violent demonstration"),
        ),
        (
            "Heavy fighting erupted between police and protesters outside parliament in Nairobi on Tuesday.",
            ("Riots", "Violent demonstration"),
        ),
        # a killing that caused the protest is not force used on it
        (
            "Hundreds of residents protested in Kano on Monday after police killed a motorcyclist at a checkpoint.",
            ("Protests", "Peaceful protest"),
        ),
        # a mob's or vigilantes' violence, whatever the verb and wherever the clause sits
        (
            "The governor promised an inquiry on Tuesday after five men were killed by vigilantes in a witchcraft "
            "scare in the hills near Zomba.",
            ("Riots", "Mob violence"),
        ),
        (
            "Three suspected thieves were beaten by an angry mob in Abakaliki, Ebonyi State, on Sunday.",
            ("Riots", "Mob violence"),
        ),
        # gunmen firing in a place of worship attack civilians; troops attacking a rebel camp fight
        (
            "Gunmen opened fire inside a mosque in Kano on Friday, witnesses said.",
            ("Violence against civilians", "Attack"),
        ),
        (
            "Troops attacked a rebel camp in the hills outside Bunia on Friday.",
            ("Battles", "Armed clash"),
        ),
    ],
)
def test_first_mention_sub_type(extract, text: str, expected: tuple[str, str]) -> None:  # noqa: ANN001
    mentions = extract(text)
    assert mentions, "no mention"
    first = min(mentions, key=lambda m: min((e.start for e in m.evidence), default=0))
    assert (first.event_type, first.sub_event_type) == expected


class _FixedModel:
    """A stand-in for the event model that reads every sentence the same way (decision logic only)."""

    def __init__(self, p_none: float) -> None:
        self.thresholds = EventModel.load().thresholds
        self._scores = EventScores(p_event=1.0 - p_none, ranked=(("Armed clash", (1.0 - p_none) * 0.9),))

    def score(self, text: str) -> EventScores:
        return self._scores


def test_ambiguous_rule_words_are_vetoed_earlier_than_plain_ones(nlp) -> None:  # noqa: ANN001
    """'exploded' is an event word only in context; 'clashed' is one by itself: between the two
    veto thresholds the model drops the first and keeps the second."""
    th = EventModel.load().thresholds
    assert th.veto_ambiguous < th.veto
    model = _FixedModel(p_none=(th.veto_ambiguous + th.veto) / 2)
    lexicon = load_lexicon()
    ambiguous = next(nlp("A tanker exploded on the road outside Juba on Monday, killing nine people.").sents)
    plain = next(nlp("Soldiers clashed with rebels outside Juba on Monday.").sents)
    rules_a = find_triggers(ambiguous, lexicon, False, frozenset())
    rules_p = find_triggers(plain, lexicon, False, frozenset())
    assert rules_a and all(t.rule.violent or t.rule.needs_weapon for t in rules_a)
    assert rules_p and not any(t.rule.violent or t.rule.needs_weapon for t in rules_p)
    assert sentence_events(ambiguous, rules_a, model, ExtractorMode.COMBINED).decision is Decision.VETOED
    assert sentence_events(plain, rules_p, model, ExtractorMode.COMBINED).decision is Decision.RULES
