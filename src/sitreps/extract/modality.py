"""Modality: is a trigger's clause a real, particular event, or intended, future or background?

"The Legion vowed to storm the town" and "the groups have been fighting for months" carry
trigger words but no event ACLED would code. The word lists are data (data/modality.yaml);
the rules walk the dependency parse from the trigger's predicate up its chain of governors.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from sitreps.lexicons import ModalityFile, as_data, load_validated


@dataclass(frozen=True)
class ModalityLexicon:
    unreal_auxiliaries: frozenset[str]
    intent_governors: frozenset[str]
    durative_units: frozenset[str]
    habitual_adverbs: frozenset[str]
    habitual_phrases: frozenset[str]
    attitude_verbs: frozenset[str]


@lru_cache(maxsize=1)
def load_modality() -> ModalityLexicon:
    raw = as_data(load_validated("modality.yaml", ModalityFile))
    return ModalityLexicon(**{k: frozenset(str(w).lower() for w in v) for k, v in raw.items()})


def attitude_governor(trigger: Token, pred: Token, lex: ModalityLexicon | None = None) -> bool:
    """The noun trigger is the object of a verb that comments on it ("condemns the shelling")."""
    lex = lex or load_modality()
    return pred.i != trigger.i and pred.lemma_.lower() in lex.attitude_verbs


def _governors(pred: Token) -> list[Token]:
    """The predicate and the verbs/adjectives it is the complement of ("vowed to help storm")."""
    chain = [pred]
    tok = pred
    while tok.dep_ in ("xcomp", "ccomp", "conj", "acomp", "advcl", "pcomp") and tok.head.i != tok.i:
        if tok.dep_ in ("ccomp", "advcl"):
            break  # a reported clause ("said they attacked") is asserted, not intended
        tok = tok.head
        chain.append(tok)
    return chain


def unreal_reason(trigger: Token, pred: Token, lex: ModalityLexicon | None = None) -> str | None:
    """Why the trigger's clause is not a particular past or present event, or None if it is."""
    lex = lex or load_modality()
    sentence = " ".join(trigger.sent.text.lower().split())
    for phrase in lex.habitual_phrases:
        if phrase in sentence:
            return f"habitual ('{phrase}')"
    if pred.i == trigger.i and trigger.dep_ in ("nsubj", "nsubjpass") and trigger.head.i != trigger.i:
        pred = trigger.head  # "the fighting would continue": the noun's verb carries the modality
    chain = _governors(pred)
    for i, tok in enumerate(chain):
        kids = list(tok.children)
        if any(k.dep_ == "aux" and k.lower_ in lex.unreal_auxiliaries for k in kids):
            return f"future/hypothetical auxiliary on '{tok.text}'"
        if i > 0 and tok.lemma_.lower() in lex.intent_governors:
            return f"intended, not done ('{tok.text}')"
        if tok.dep_ == "amod" and tok.head.lemma_.lower() in lex.intent_governors:
            return f"intended, not done ('{tok.head.text}')"
        for k in kids:
            if k.dep_ == "prep" and k.lower_ == "for":
                if any(o.lower_ in lex.durative_units for o in k.children if o.dep_ == "pobj"):
                    return f"durative background ('for {' '.join(o.text for o in k.children)}')"
            if k.dep_ == "advmod" and k.lower_ in lex.habitual_adverbs:
                return f"habitual ('{k.text}')"
    # an infinitive trigger noun's governor: "the order to attack", "plans to strike"
    if pred.dep_ in ("acl", "relcl") and pred.head.lemma_.lower() in lex.intent_governors:
        return f"intended, not done ('{pred.head.text}')"
    return None
