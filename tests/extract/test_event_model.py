"""The shipped event classifier: it loads, reads held-back passages of the project's own training data
as well as it did when trained, and plugs into the extractor beside the rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from scripts.train_event_model import held_back, load_passages, measure
from tests.extract.expectations import make_article

from sitreps.extract.event_model import NONE_LABEL, SUB_EVENT_PARENT, EventModel, featurize
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
    rules = find_triggers(sent, load_lexicon(), False, frozenset())
    step = sentence_events(sent, rules, model, ExtractorMode.COMBINED)
    if rules:
        pytest.skip("the lexicon now covers this sentence")
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
