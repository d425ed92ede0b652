"""Event triggers: words in a sentence that report an event, typed by the event lexicon.

The lexicon (`data/event_lexicon.yaml`) maps lemmas to ACLED types; this module only applies
it: part of speech, companion words ("exchange ... fire"), blockers on the trigger's own
objects ("struck a deal"), and the violent-context requirement for ambiguous words.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml
from spacy.tokens import Span, Token

OBJECT_DEPS = frozenset({"dobj", "pobj", "compound", "amod", "nsubjpass", "attr", "nmod", "poss", "npadvmod"})


@dataclass(frozen=True)
class TriggerRule:
    lemma: str
    pos: frozenset[str]
    type: str
    sub: str | None
    violent: bool = False
    blockers: frozenset[str] = frozenset()
    with_words: frozenset[str] = frozenset()
    preceded_by: frozenset[str] = frozenset()
    refine: tuple[str, ...] = ()
    outcome: str | None = None
    needs_weapon: bool = False
    needs_target: str | None = None
    needs_modifier: frozenset[str] = frozenset()
    needs_actor: str | None = None


@dataclass(frozen=True)
class EventLexicon:
    rules: dict[str, tuple[TriggerRule, ...]]
    violent_words: frozenset[str]
    weapons: tuple[tuple[str, tuple[str, ...]], ...]  # (sub_event_type, phrases)


@dataclass(frozen=True)
class Trigger:
    token: Token
    rule: TriggerRule

    @property
    def type(self) -> str:
        return self.rule.type


@cache
def load_lexicon() -> EventLexicon:
    data = yaml.safe_load(resources.files("sitreps.data").joinpath("event_lexicon.yaml").read_text("utf-8"))
    rules: dict[str, list[TriggerRule]] = {}
    for raw in data["triggers"]:
        rule = TriggerRule(
            lemma=raw["lemma"],
            pos=frozenset(raw.get("pos") or ("NOUN", "VERB")),
            type=raw["type"],
            sub=raw.get("sub"),
            violent=bool(raw.get("violent", False)),
            blockers=frozenset(raw.get("blockers") or ()),
            with_words=frozenset(raw.get("with") or ()),
            preceded_by=frozenset(raw.get("preceded_by") or ()),
            refine=tuple(raw.get("refine") or ()),
            outcome=raw.get("outcome"),
            needs_weapon=bool(raw.get("needs_weapon", False)),
            needs_target=raw.get("needs_target"),
            needs_modifier=frozenset(raw.get("needs_modifier") or ()),
            needs_actor=raw.get("needs_actor"),
        )
        rules.setdefault(rule.lemma, []).append(rule)
    # Rules with companion words are more specific: try them first.
    ordered = {k: tuple(sorted(v, key=lambda r: not r.with_words and not r.preceded_by)) for k, v in rules.items()}
    weapons = tuple((sub, tuple(words)) for sub, words in data["weapons"].items())
    return EventLexicon(rules=ordered, violent_words=frozenset(data["violent_context"]), weapons=weapons)


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _object_words(token: Token) -> set[str]:
    words = set()
    for child in token.children:
        if child.dep_ in OBJECT_DEPS:
            words.add(_lemma(child))
            words.add(child.lower_)
        if child.dep_ in ("prep", "agent", "prt"):
            for grand in child.children:
                if grand.dep_ == "pobj":
                    words.add(_lemma(grand))
                    words.add(grand.lower_)
                    words.update(_lemma(g) for g in grand.children if g.dep_ in ("compound", "amod"))
    if token.dep_ in ("compound", "amod"):
        words.add(_lemma(token.head))
    return words


def sentence_words(sent: Span) -> set[str]:
    return {t.lower_ for t in sent} | {_lemma(t) for t in sent}


def weapon_in(text_lower: str, lexicon: EventLexicon) -> str | None:
    """The remote-violence sub-type named by a weapon word in `text_lower`, if any."""
    padded = f" {text_lower} "
    for sub, phrases in lexicon.weapons:
        for phrase in phrases:
            if f" {phrase} " in padded or f" {phrase}," in padded or f" {phrase}." in padded:
                return sub
    return None


def find_triggers(
    sent: Span,
    lexicon: EventLexicon,
    has_armed_actor: bool,
    civilian_words: frozenset[str],
) -> list[Trigger]:
    """Every event trigger in a sentence, with the rule that typed it."""
    words = sentence_words(sent)
    text_lower = " ".join(t.lower_ for t in sent)
    found: list[Trigger] = []
    used: set[int] = set()
    for token in sent:
        rules = lexicon.rules.get(_lemma(token)) or lexicon.rules.get(token.lower_)
        if not rules or token.i in used:
            continue
        for rule in rules:
            if token.pos_ not in rule.pos:
                continue
            if rule.with_words and not _has_companion(token, rule.with_words):
                continue
            if rule.preceded_by and not _preceded(token, rule.preceded_by):
                continue
            if rule.blockers and (_object_words(token) & rule.blockers):
                continue
            if rule.needs_modifier and not (
                {_lemma(c) for c in token.children if c.dep_ in ("amod", "compound", "nmod")} & rule.needs_modifier
            ):
                continue
            if rule.needs_weapon and weapon_in(text_lower, lexicon) is None:
                continue
            if rule.needs_target == "civilians" and not (words & civilian_words):
                continue
            if rule.needs_actor == "armed" and not has_armed_actor:
                continue
            if (
                rule.violent
                and not has_armed_actor
                and not ((words - {_lemma(token), token.lower_}) & lexicon.violent_words)
            ):
                continue
            found.append(Trigger(token=token, rule=rule))
            used.add(token.i)
            break
    return found


def _has_companion(token: Token, words: frozenset[str]) -> bool:
    doc = token.doc
    end = min(token.i + 5, token.sent.end)
    if any(_lemma(doc[i]) in words or doc[i].lower_ in words for i in range(token.i + 1, end)):
        return True
    return any(_lemma(c) in words for c in token.children)


def _preceded(token: Token, words: frozenset[str]) -> bool:
    doc = token.doc
    start = max(token.sent.start, token.i - 3)
    return any(doc[i].lower_ in words for i in range(start, token.i))
