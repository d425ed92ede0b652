"""Event triggers: words in a sentence that report an event, typed by the event lexicon.

The lexicon (`data/event_lexicon.yaml`) maps lemmas to ACLED types; this module only applies
it: part of speech, companion words ("exchange ... fire"), blockers on the trigger's own
objects ("struck a deal"), and the violent-context requirement for ambiguous words.

Triggers of one sentence then settle among themselves: a consequence ("..., killing five") is
the event it is syntactically tied to ("shelled the town"), so it takes that trigger's rule
and the mention assembly merges the two; an outcome verb ("repelled an attack") absorbs the
trigger it governs; a crowd noun ("protesters") that is the agent of a violent trigger makes
that trigger a riot, and is absorbed by any trigger it is an argument of.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Span, Token

from sitreps.lexicons import EventLexiconFile, as_data, load_validated

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
    consequence: bool = False
    absorbs_object: bool = False
    participant: bool = False
    needs_crowd: bool = False


@dataclass(frozen=True)
class EventLexicon:
    rules: dict[str, tuple[TriggerRule, ...]]
    violent_words: frozenset[str]
    weapons: tuple[tuple[str, tuple[str, ...]], ...]  # (sub_event_type, phrases)
    # a crowd noun as the agent of a violent trigger makes it this (event_type, sub_event_type);
    # protesters as its target make it the second
    crowd_agent: tuple[str, str] = ("Riots", "Violent demonstration")
    crowd_target: tuple[str, str] = ("Protests", "Excessive force against protesters")
    crowd_target_of_non_violent: tuple[str, str] = ("Protests", "Protest with intervention")
    crowd_words: frozenset[str] = frozenset()
    # (event_type, sub_event_type, cue phrases), in ACLED's order of precedence (see the lexicon)
    protest_cues: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
    harm_lemmas: frozenset[str] = frozenset()  # a protester as their subject or object: force used on the protest
    protester_words: frozenset[str] = frozenset()
    civilian_sites: frozenset[str] = frozenset()
    mob_agents: frozenset[str] = frozenset()
    mob_acts: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Trigger:
    token: Token
    rule: TriggerRule

    @property
    def type(self) -> str:
        return self.rule.type


@cache
def load_lexicon() -> EventLexicon:
    data = as_data(load_validated("event_lexicon.yaml", EventLexiconFile))
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
            consequence=bool(raw.get("consequence", False)),
            absorbs_object=bool(raw.get("absorbs_object", False)),
            participant=bool(raw.get("participant", False)),
            needs_crowd=bool(raw.get("needs_crowd", False)),
        )
        # `forms`: inflections the lemmatizer gets wrong ("retook" stays "retook")
        for key in (rule.lemma, *(raw.get("forms") or ())):
            rules.setdefault(key, []).append(rule)
    # Rules with companion words are more specific: try them first.
    ordered = {k: tuple(sorted(v, key=lambda r: not r.with_words and not r.preceded_by)) for k, v in rules.items()}
    weapons = tuple((sub, tuple(words)) for sub, words in data["weapons"].items())
    crowd = data.get("crowd_violence") or {}
    escalation = data.get("protest_escalation") or {}
    protest_cues = tuple(
        (entry["type"], entry["sub"], tuple(entry.get("cues") or ())) for entry in escalation.get("order") or ()
    )
    return EventLexicon(
        rules=ordered,
        violent_words=frozenset(data["violent_context"]),
        weapons=weapons,
        crowd_agent=tuple(crowd.get("as_agent") or EventLexicon.crowd_agent),
        crowd_target=tuple(crowd.get("as_target") or EventLexicon.crowd_target),
        crowd_target_of_non_violent=tuple(
            crowd.get("as_target_of_non_violent") or EventLexicon.crowd_target_of_non_violent
        ),
        crowd_words=frozenset(data.get("crowd_words") or ()),
        protest_cues=protest_cues,
        harm_lemmas=frozenset(escalation.get("harm_lemmas") or ()),
        protester_words=frozenset(escalation.get("protester_words") or ()),
        civilian_sites=frozenset(data.get("civilian_sites") or ()),
        mob_agents=frozenset((data.get("mob_violence") or {}).get("agents") or ()),
        mob_acts=frozenset((data.get("mob_violence") or {}).get("acts") or ()),
    )


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


def _has_phrase(padded: str, phrase: str) -> bool:
    return any(f" {phrase}{end}" in padded for end in (" ", ",", "."))


def protest_escalation(sent: Span, lexicon: EventLexicon) -> tuple[str, str] | None:
    """The sub-type a protest takes from what its sentence tells, or None (it stays peaceful).

    The cue lists of `protest_escalation` in the lexicon are tried in ACLED's order: violence by
    the demonstrators makes the protest a riot whatever the police did; else lethal or injuring
    force used on them is excessive force (a cue phrase, or a harm verb such as "kill" or "shoot"
    whose subject or object is a protester word); else a dispersal or arrests are an intervention.
    Cues are matched on the words as written and on their lemmas ("clashed", "clash").
    """
    if not lexicon.protest_cues:
        return None
    padded_words = f" {' '.join(t.lower_ for t in sent)} "
    padded_lemmas = f" {' '.join(_lemma(t) for t in sent)} "
    for etype, sub, cues in lexicon.protest_cues:
        if any(_has_phrase(padded_words, c) or _has_phrase(padded_lemmas, c) for c in cues):
            return etype, sub
        if sub == lexicon.crowd_target[1] and _protesters_harmed(sent, lexicon):
            return etype, sub
    return None


_SITE_PREPS = frozenset({"in", "inside", "on", "at", "into", "upon"})


def civilian_site_target(trigger: Token, lexicon: EventLexicon) -> bool:
    """Whether the trigger's target is a civilian place (the lexicon's `civilian_sites`): its object
    ("attacked two villages") or the object of "in/inside/on/at" on it ("opened fire inside a mosque")."""
    for child in trigger.children:
        if child.dep_ in ("dobj", "nsubjpass") and _lemma(child) in lexicon.civilian_sites:
            return True
        if child.dep_ == "prep" and child.lower_ in _SITE_PREPS:
            if any(g.dep_ == "pobj" and _lemma(g) in lexicon.civilian_sites for g in child.children):
                return True
    return False


def _protesters_harmed(sent: Span, lexicon: EventLexicon) -> bool:
    """ "three protesters were shot dead", "police beat demonstrators", "two marchers died"."""
    crowd_heads = lexicon.protester_words
    for tok in sent:
        if _lemma(tok) not in lexicon.harm_lemmas or tok.pos_ != "VERB":
            continue
        for child in tok.children:
            if child.dep_ in ("nsubj", "nsubjpass", "dobj") and (
                child.lower_ in crowd_heads or _lemma(child) in crowd_heads
            ):
                return True
    return False


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
        if not rules or token.i in used or _prevented(token):
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
            if rule.needs_crowd and token.pos_ == "VERB" and not _crowd_agent(token, lexicon):
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
    for token in sent:
        if token.i not in used and token.pos_ == "VERB" and _lemma(token) in lexicon.mob_acts:
            agent = _agent_of(token)
            if agent is not None and (agent.lower_ in lexicon.mob_agents or _lemma(agent) in lexicon.mob_agents):
                found.append(Trigger(token=token, rule=_mob_rule(_lemma(token))))
                used.add(token.i)
    found.sort(key=lambda t: t.token.i)
    return settle(found, lexicon)


@cache
def _mob_rule(lemma: str) -> TriggerRule:
    return TriggerRule(lemma=lemma, pos=frozenset({"VERB"}), type="Riots", sub="Mob violence")


# "keep the artillery from firing", "stop them from attacking": the event is what was prevented
PREVENTING_VERBS = frozenset({"keep", "prevent", "stop", "deter", "bar", "ban", "prohibit", "restrain", "discourage"})


def _prevented(token: Token) -> bool:
    prep = token.head
    return (
        token.dep_ == "pcomp"
        and prep.lower_ == "from"
        and prep.head.i != prep.i
        and prep.head.lemma_.lower() in PREVENTING_VERBS
    )


def _link(a: Token, b: Token) -> bool:
    """Whether one token governs the other within the sentence (either direction)."""
    return any(t.i == b.i for t in a.ancestors) or any(t.i == a.i for t in b.ancestors)


def _agent_of(trigger: Token) -> Token | None:
    for child in trigger.children:
        if child.dep_ == "nsubj":
            if child.lower_ in ("who", "that", "which") and trigger.dep_ == "relcl":
                return trigger.head  # "rioters who torched shops"
            return child
        if child.dep_ == "agent":
            for g in child.children:
                if g.dep_ == "pobj":
                    return g
    if trigger.dep_ == "relcl":  # "rioters who torched shops"
        return trigger.head
    return None


def _crowd_agent(token: Token, lexicon: EventLexicon) -> bool:
    """Whether the verb's subject is people ("thousands rallied"), not prices or a currency."""
    agent = _agent_of(token)
    if agent is None:
        return False
    return _lemma(agent) in lexicon.crowd_words or agent.lower_ in lexicon.crowd_words


def _target_of(trigger: Token, candidate: Token) -> bool:
    """Whether `candidate` is the trigger's object: "fired on protesters", "dispersed the crowd"."""
    if candidate.dep_ == "pobj" and candidate.head.lower_ == "of" and candidate.head.head.pos_ == "NOUN":
        candidate = candidate.head.head  # "fired on a crowd of protesters": the crowd is the target
    if candidate.head.i == trigger.i and candidate.dep_ in ("dobj", "nsubjpass"):
        return True
    prep = candidate.head
    return candidate.dep_ == "pobj" and prep.head.i == trigger.i and prep.lower_ in ("on", "at", "against", "upon")


def settle(found: list[Trigger], lexicon: EventLexicon) -> list[Trigger]:
    """Resolve triggers of one sentence that describe one event (see the module docstring)."""
    if len(found) < 2:
        return found
    # outcome verbs absorb the trigger they govern: "repelled an attack" is one battle
    absorbed = {
        t.token.i
        for o in found
        if o.rule.absorbs_object
        for t in found
        if t is not o and t.token.head.i == o.token.i and t.token.dep_ in ("dobj", "nsubjpass")
    }
    found = [t for t in found if t.token.i not in absorbed]
    # crowds: a crowd noun tied to another trigger is that trigger's participant, and its role
    # there types the event (agents of violence riot; protesters under fire face excessive force)
    crowds = [t for t in found if t.rule.participant]
    out: list[Trigger] = []
    for trig in found:
        if trig.rule.participant:
            if not any(not o.rule.participant and _link(o.token, trig.token) for o in found):
                out.append(trig)
            continue
        if crowds and trig.rule.type not in ("Protests", "Riots"):
            agent = _agent_of(trig.token)
            if agent is not None and any(c.token.i == agent.i for c in crowds):
                trig = _retyped(trig, lexicon.crowd_agent)
            else:
                target = next((c for c in crowds if _target_of(trig.token, c.token)), None)
                if target is not None:
                    own = (target.rule.type, target.rule.sub or "")
                    done_to_protest = (
                        lexicon.crowd_target_of_non_violent
                        if trig.rule.type == "Strategic developments"
                        else lexicon.crowd_target
                    )
                    trig = _retyped(trig, done_to_protest if target.rule.type == "Protests" else own)
                elif trig.rule.type == "Battles" and any(_side_of(trig.token, c.token) for c in crowds):
                    # "clashes between police and protesters": a crowd that fights is a riot, not a battle
                    trig = _retyped(trig, lexicon.crowd_agent)
        out.append(trig)
    # consequences ("..., killing five"; "killed in an air strike") take the rule of the trigger
    # they are tied to; one tied to a plain clash is its toll, not a second event
    main = [t for t in out if not t.rule.consequence]
    settled = []
    for trig in out:
        if trig.rule.consequence:
            host = min(
                (m for m in main if _link(m.token, trig.token)),
                key=lambda m: abs(m.token.i - trig.token.i),
                default=None,
            )
            if host is not None:
                if host.rule.type == "Battles" and "target" not in host.rule.refine:
                    continue
                trig = Trigger(trig.token, host.rule)
        settled.append(trig)
    return settled


def _side_of(trigger: Token, candidate: Token) -> bool:
    """Whether `candidate` is a side of the fight: "clashes between police and protesters",
    "fought with demonstrators" (the object of "between"/"with" on the trigger, or its conjunct)."""
    head = candidate
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    prep = head.head
    # "clashes broke out between ...": the sides hang on the verb the fight noun is subject of
    hosts = {trigger.i, trigger.head.i} if trigger.dep_ in ("nsubj", "nsubjpass") else {trigger.i}
    return head.dep_ == "pobj" and prep.head.i in hosts and prep.lower_ in ("between", "with", "among")


def _retyped(trig: Trigger, typed: tuple[str, str]) -> Trigger:
    etype, sub = typed
    return Trigger(trig.token, replace(trig.rule, type=etype, sub=sub, refine=(), needs_target=None))


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
