"""Mention assembly: from triggers, roles, places, dates, figures and claims to sitreps/1 Mentions.

One mention per (event type, place, day, claimant) that an article reports:
1. each trigger sentence gives a candidate with its own actors, claim, time and place;
2. a sentence with no time expression takes the story's current date (the latest dated
   sentence before it), else the publication day (inferred);
3. a candidate with no place of its own joins a same-type, same-date candidate that has one
   (the event retold), else takes the sentence's or the article's dominant place;
4. candidates with the same key merge (more evidence); a region-level candidate merges into
   a village-level one of the same type and date inside that region;
5. fatality figures join the candidate of their sentence, else the latest one before them;
   a figure from a claimant who contradicts the candidate's becomes its own mention, so
   fusion can record the contradiction.
"""

from __future__ import annotations

import hashlib
import logging
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span, Token

from sitreps.clean.parse_view import parse_view
from sitreps.config import StepsConfig
from sitreps.extract.background import background_reason
from sitreps.extract.claims import Claim, claim_for, in_quotation, load_claims, reporter, speaker_of_sentence
from sitreps.extract.event_model import EventModel
from sitreps.extract.event_step import ExtractorMode, sentence_events
from sitreps.extract.fatalities import (
    FatalityFigure,
    find_fatality_figures,
    running_total_clauses,
    running_total_reason,
    toll_words,
)
from sitreps.extract.modality import attitude_governor, unreal_reason
from sitreps.extract.roles import (
    ActorRef,
    ActorTracker,
    actor_entities,
    conjuncts,
    crowd_of_civilians,
    nominal_agent,
    objects_of,
    place_sides,
    predicate_of,
    reciprocal_sides,
    resolve_phrase,
    subject_of,
    toll_victims,
)
from sitreps.extract.steps import ArticleRecord, Step, build_steps, run_steps
from sitreps.extract.toponyms import Toponym, country_place, dateline_country, resolve_all, spot
from sitreps.extract.triggers import (
    EventLexicon,
    Trigger,
    civilian_site_target,
    find_triggers,
    load_lexicon,
    protest_escalation,
    weapon_in,
)
from sitreps.model import Actor, Article, DateValue, Fatalities, Mention
from sitreps.model import Span as SpanModel
from sitreps.resolve.actors import ActorRegistry
from sitreps.resolve.dates import find_time_expressions, is_story_relative, resolve_time_expression

# the sentences of a story's lede: a headline and the sentence that tells what happened
LEDE_SENTENCES = 2


log = logging.getLogger(__name__)


@dataclass
class Candidate:
    event_type: str
    sub_event_type: str | None
    outcome: str | None
    sent_start: int
    sent_end: int
    actor1: ActorRef | None
    actor2: ActorRef | None
    assoc1: list[ActorRef]
    claim: Claim
    date: DateValue | None
    own_date: bool
    place: Toponym | None
    fatalities: list[tuple[FatalityFigure, Claim]] = field(default_factory=list)
    evidence: list[tuple[int, int]] = field(default_factory=list)
    paragraph: int = 0
    # an undated report's time words ("friday", "yesterday"): unresolvable here, but they keep
    # Friday's clash apart from Thursday's, and fusion can date them from other reports
    when: str | None = None
    # the sentence places it only in a whole country ("fires across Russia"): no village or
    # region of the story may be lent to it
    country_only: bool = False
    # the sentence names a place the gazetteer cannot resolve ("fighting in Tawila"): the story's
    # other places are not lent to it, since it happened somewhere else
    names_unknown_place: bool = False


@dataclass(frozen=True)
class ExtractionResources:
    registry: ActorRegistry
    lexicon: EventLexicon
    resolver: object  # sitreps.places.PlaceResolver
    gazetteer: object
    event_model: EventModel | None = None
    mode: ExtractorMode = ExtractorMode.RULES


def _paragraph_starts(text: str) -> list[int]:
    starts = [0]
    for m in re.finditer(r"\n\s*\n", text):
        starts.append(m.end())
    return starts


def _paragraph_of(offset: int, starts: list[int]) -> int:
    return max(0, bisect_right(starts, offset) - 1)  # starts ascend: bisected, not scanned per sentence


def _date_key(d: DateValue | None) -> str:
    return f"{d.start}/{d.end}" if d else "-"


_WEEKDAY_WORD = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE)


def _when_word(expr: str) -> str:
    """ "On Friday morning" and "Friday" are one day: the weekday is the key when there is one."""
    m = _WEEKDAY_WORD.search(expr)
    if m:
        return m.group(1).lower()
    words = " ".join(expr.lower().split())
    return re.sub(r"['’]s$", "", words)  # "yesterday's attacks": yesterday


def _is_subject(ent: Span) -> bool:
    """The entity heads, or is the name inside, a clause subject ("The Legion said")."""
    tok = ent.root
    for _ in range(3):
        if tok.dep_ in ("nsubj", "nsubjpass"):
            return True
        if tok.dep_ not in ("compound", "appos", "conj", "poss") or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_RELATIVE_DAYS = {
    "today": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "tonight": 0,
    "yesterday": -1,
    "last night": -1,
}


def _weekdays_for_relative_days(cands: list[Candidate], text: str) -> None:
    """In an undated report, "yesterday" and "today" are weekdays of the week it tells.

    The report's own day is taken as the weekday that puts every weekday it names into the
    six days before it (Wednesday, Thursday and Friday: written on Friday); "yesterday" is
    then Thursday, so yesterday's attack joins Thursday's. With no weekday named, or two
    equally good readings, relative days stay as they are.
    """
    named = {w.lower() for w in _WEEKDAY_WORD.findall(text)}
    relative = [c for c in cands if c.when in _RELATIVE_DAYS]
    if not named or not relative:
        return
    idx = [_WEEKDAYS.index(w) for w in named]
    spans = {now: max((now - w) % 7 for w in idx) for now in idx}
    best = min(spans.values())
    nows = [now for now, span in spans.items() if span == best]
    if len(nows) != 1:
        return
    for c in relative:
        c.when = _WEEKDAYS[(nows[0] + _RELATIVE_DAYS[c.when]) % 7]


def _when_key(c: Candidate) -> str:
    if c.date is not None:
        return _date_key(c.date)
    return f"?{c.when}" if c.when else "-"


def _place_key(t: Toponym | None) -> str:
    if t is None or t.location is None:
        return "-"
    loc = t.location
    if loc.geonameid is not None:
        return f"g{loc.geonameid}"
    return f"a{loc.country_code}.{loc.admin1_code}"


def _civilian_words(registry: ActorRegistry) -> frozenset[str]:
    role = registry.roles.get("civilians")
    return frozenset(role.heads) if role else frozenset()


def _refine(
    trigger: Trigger, cand_actor1: ActorRef | None, cand_actor2: ActorRef | None, sent: Span, lexicon: EventLexicon
) -> tuple[str, str | None]:
    rule = trigger.rule
    etype, sub = rule.type, rule.sub
    if "weapon" in rule.refine:
        weapon = weapon_in(" ".join(t.lower_ for t in sent), lexicon)
        if weapon is not None:
            return "Explosions/Remote violence", weapon
    if "target" in rule.refine or rule.needs_target == "civilians" or etype == "Violence against civilians":
        if cand_actor2 is not None and cand_actor2.how == "civilians":
            return "Violence against civilians", "Attack" if sub in (None, "Armed clash") else sub
        non_state = cand_actor1 is None or cand_actor1.entry is None or cand_actor1.entry.armed_non_state
        if cand_actor2 is None and sub == "Armed clash" and non_state and civilian_site_target(trigger.token, lexicon):
            # gunmen who attack a village or fire inside a mosque, with no armed side named, attack civilians
            return "Violence against civilians", "Attack"
    if "territory" in rule.refine and cand_actor1 is not None and cand_actor1.entry is not None:
        if cand_actor1.entry.type == "state_forces" and sub == "Non-state actor overtakes territory":
            return "Battles", "Armed clash"
        if cand_actor1.entry.armed_non_state and sub == "Government regains territory":
            # ACLED types a change of hands by who takes the ground, not by the verb: rebels who
            # "recapture" or "regain control of" a town overtake it
            return "Battles", "Non-state actor overtakes territory"
    if "protest" in rule.refine and sub == "Peaceful protest":
        # what the sentence tells of the protest decides its sub-type (see protest_escalation)
        return protest_escalation(sent, lexicon) or (etype, sub)
    return etype, sub


class RuleExtractor:
    """The default extractor: spaCy parses + data-driven rules, with the learned event model beside
    them unless `mode` is `rules` (see `sitreps.extract.event_step`)."""

    def __init__(
        self,
        actor_files: Sequence[Path] = (),
        mode: ExtractorMode = ExtractorMode.COMBINED,
        steps: StepsConfig | None = None,
    ) -> None:
        from sitreps.nlp import load_nlp
        from sitreps.places import PlaceResolver, get_gazetteer
        from sitreps.resolve.actors import get_registry

        self.actor_files = tuple(actor_files)
        self.name = str(mode)
        self.nlp = load_nlp(self.actor_files)
        gazetteer = get_gazetteer()
        self.resources = ExtractionResources(
            registry=get_registry(self.actor_files),
            lexicon=load_lexicon(),
            resolver=PlaceResolver(gazetteer),
            gazetteer=gazetteer,
            event_model=None if mode is ExtractorMode.RULES else EventModel.load(),
            mode=mode,
        )
        self.steps = build_steps(self.resources, steps)

    def extract(self, articles: Sequence[Article]) -> list[list[Mention]]:
        # the parser reads the article unwrapped and, if ALL-CAPS, case-restored (clean.parse_view:
        # same length, so the doc's offsets are the article's); evidence is cut from the article's own text
        docs = self.nlp.pipe([parse_view(a.text) for a in articles], batch_size=32)
        out: list[list[Mention]] = []
        for article, doc in zip(articles, docs, strict=True):
            try:
                out.append(extract_article(article, doc, self.steps))
            except Exception as exc:  # one unreadable report must not stop a 10,000-report run
                log.warning("%s: no mentions read (extractor error: %s: %s)", article.source, type(exc).__name__, exc)
                out.append([])
        return out


def extract_article(article: Article, doc: Doc, steps: Sequence[Step]) -> list[Mention]:
    """The mentions `article` reports: the steps (`sitreps.extract.steps`) run in order over its record."""
    return run_steps(steps, ArticleRecord(article, doc)).mentions


def _tells_running_total(trigger: Trigger, totals: list[tuple[int, int]]) -> bool:
    tok = trigger.token
    return tok.lower_ in toll_words() and any(start <= tok.idx < end for start, end in totals)


def _drop_background(cands: list[Candidate], article: Article) -> list[Candidate]:
    """The candidates that are news: one dated over a year before the report (data/background.yaml)
    recalls the past ("the 1984 massacre") and opens no event; sitreps/1 has no background flag."""
    kept = []
    for cand in cands:
        why = background_reason(cand.date, article.published)
        if why is None:
            kept.append(cand)
        else:
            log.info("%s: %s mention dropped, %s", article.source, cand.event_type, why)
    return kept


def _candidate(
    trig: Trigger,
    sent: Span,
    registry: ActorRegistry,
    tracker: ActorTracker,
    lexicon: EventLexicon,
    claims_lex,
    article: Article,
    sent_dates,
    current_date,
    sent_tops: list[Toponym],
    quote_speaker: Claim | None,
) -> Candidate | None:
    tok = trig.token
    pred, acted_on = _predicate(trig)
    # a bare plural is attacks in general, but a crowd some side acted on is one event's crowd
    if unreal_reason(tok, pred) is not None or (not acted_on and _generic_plural(tok, sent_tops)):
        return None
    actor1, a1_tok, assoc = _agent_side(tok, pred, registry, tracker)
    actor1, actor2, assoc = _target_side(tok, pred, acted_on, a1_tok, actor1, assoc, registry, tracker)
    etype, sub = _refine(trig, actor1, actor2, sent, lexicon)
    if actor1 is None and etype in ("Battles", "Explosions/Remote violence", "Violence against civilians"):
        # "a bomb exploded", "a corporal was killed": no agent said here; the story's main armed group
        main = tracker.main_armed()
        if main is not None and (actor2 is None or main.actor.id != actor2.actor.id):
            actor1 = ActorRef(main.actor, main.entry, main.start_char, main.end_char, "coref")
    claim = claim_for(tok, registry, tracker, claims_lex, article.outlet, quote_speaker)
    date, own = _candidate_date(tok, sent, article, sent_dates, current_date)
    place = _place_for(tok, pred, sent_tops)
    country_only = place is None and any(
        (t.country or (t.location is not None and t.precision_rank == 4)) and not t.origin for t in sent_tops
    )
    names_unknown_place = place is None and any(
        t.location is None and t.area is None and not t.origin for t in sent_tops
    )
    return Candidate(
        country_only=country_only,
        names_unknown_place=names_unknown_place,
        event_type=etype,
        sub_event_type=sub,
        outcome=trig.rule.outcome,
        sent_start=sent.start_char,
        sent_end=sent.end_char,
        actor1=actor1,
        actor2=actor2,
        assoc1=assoc,
        claim=claim,
        date=date,
        own_date=own,
        place=place,
        evidence=[(sent.start_char, sent.end_char)],
    )


def _predicate(trig: Trigger) -> tuple[Token, bool]:
    """The predicate whose arguments are the trigger's sides, and whether the trigger is a crowd
    that predicate acts on."""
    tok = trig.token
    pred = predicate_of(tok)
    acted_on = False
    if trig.rule.participant and tok.dep_ in ("dobj", "pobj"):
        # "police fired tear gas at protesters", "agents fired into the crowd, wounding three
        # protesters": the crowd named as what a verb acts on is its target, the verb's subject
        # the side that acted on it
        verb = tok.head.head if tok.dep_ == "pobj" and tok.head.dep_ == "prep" else tok.head
        if verb.pos_ == "VERB" and subject_of(verb) is not None:
            pred, acted_on = verb, True
    if attitude_governor(tok, pred):
        pred = tok  # "the county condemns the shelling": the county did not shell
    return pred, acted_on


def _agent_side(
    tok: Token, pred: Token, registry: ActorRegistry, tracker: ActorTracker
) -> tuple[ActorRef | None, Token | None, list[ActorRef]]:
    """actor1 (the nominal agent, then the predicate's subject), the token it was read from, and
    the sides named with it ("the Legion and the Corps")."""
    a1_tok = nominal_agent(tok) or subject_of(pred)
    actor1 = resolve_phrase(a1_tok, registry, tracker, exclude=pred) if a1_tok is not None else None
    if actor1 is None and a1_tok is not None and a1_tok.pos_ == "NOUN":
        # "the rebels' efforts to liberate X": the efforts' owner is the agent
        owner = next((c for c in a1_tok.children if c.dep_ == "poss"), None)
        if owner is not None:
            a1_tok = owner
            actor1 = resolve_phrase(owner, registry, tracker, exclude=pred)
    if actor1 is not None and actor1.how == "civilians":
        # people who do violence together are ACLED's rioters ("villagers lynched a thief");
        # one unnamed civilian is no side
        actor1 = crowd_of_civilians(actor1, a1_tok)
    assoc: list[ActorRef] = []
    if a1_tok is not None and actor1 is None:
        # "two units of volunteers, the Legion and the Corps, entered": a named conjunct speaks
        for c in conjuncts(a1_tok):
            ref = resolve_phrase(c, registry, tracker)
            if ref is not None and ref.entry is not None:
                actor1, a1_tok = ref, c
                break
    if a1_tok is not None and actor1 is not None:
        for c in conjuncts(a1_tok):
            ref = resolve_phrase(c, registry, tracker)
            if ref is not None and ref.actor.id != actor1.actor.id:
                assoc.append(ref)
    return actor1, a1_tok, assoc


def _target_side(
    tok: Token,
    pred: Token,
    acted_on: bool,
    a1_tok: Token | None,
    actor1: ActorRef | None,
    assoc: list[ActorRef],
    registry: ActorRegistry,
    tracker: ActorTracker,
) -> tuple[ActorRef | None, ActorRef | None, list[ActorRef]]:
    """actor2: the first object that names an actor, the crowd acted on, the other side of a
    clash (which may move actor1), or civilians in the clause; with actor1 and its allies."""
    actor2 = None
    # a name the registry does not know after "in"/"at" is likelier the place than a side
    placelike: ActorRef | None = None
    for obj in objects_of(pred, tok):
        ref = resolve_phrase(obj, registry, tracker, role="target")
        if ref is not None and (actor1 is None or ref.actor.id != actor1.actor.id):
            if ref.how == "unregistered" and obj.head.lower_ in ("in", "at", "into"):
                placelike = placelike or ref
                continue
            actor2 = ref
            break
    if actor2 is None and acted_on:
        crowd = resolve_phrase(tok, registry, tracker, role="target")
        if crowd is not None and (actor1 is None or crowd.actor.id != actor1.actor.id):
            actor2 = crowd
    if actor2 is None:
        # "A and B clashed", "clashed with each other": the other side of a clash
        actor1, actor2 = reciprocal_sides(tok, pred, a1_tok, actor1, registry, tracker)
        if actor2 is not None:
            assoc = [r for r in assoc if r.actor.id != actor2.actor.id]
    if actor2 is None:
        actor2 = _civilians_in_clause(pred, a1_tok, registry)
    return actor1, actor2 or placelike, assoc


def _civilians_in_clause(pred: Token, a1_tok: Token | None, registry: ActorRegistry) -> ActorRef | None:
    """ "civilians" anywhere in the trigger's clause make them the target of violence."""
    agent_i = a1_tok.i if a1_tok is not None else -1
    for t in pred.subtree:
        if registry.role_of_head(t.text) == "civilians" or registry.role_of_head(t.lemma_) == "civilians":
            if t.dep_ in ("dobj", "pobj", "nsubjpass", "nsubj", "conj", "appos") and t.i != agent_i:
                return ActorRef(Actor(id="CIV", name="Civilians"), None, t.idx, t.idx + len(t), "civilians")
    return None


def _candidate_date(
    tok: Token, sent: Span, article: Article, sent_dates, current_date: DateValue | None
) -> tuple[DateValue | None, bool]:
    """The expression nearest the trigger in its sentence (its own date), else the story's
    current date, else the publication day (inferred)."""
    own_dates = [d for d in sent_dates if not _dates_something_else(sent.doc, d[0], tok)]
    if own_dates:
        return min(own_dates, key=lambda x: abs(x[0] - tok.idx))[1], True
    if current_date is not None:
        return current_date, False
    if article.published is not None:
        published = article.published
        return DateValue(start=published.start, end=published.end, precision=published.precision, inferred=True), False
    return None, False


def _generic_plural(trigger: Token, sent_tops: list[Toponym]) -> bool:
    """ "has launched raids into their homeland in the past", "stepped up attacks": a bare plural
    event noun with no determiner, number or owner, in a sentence naming no place below a
    country, speaks of attacks in general, not of one an analyst could code."""
    placed = any(t.location is not None and t.precision_rank <= 3 and not t.origin for t in sent_tops)
    if trigger.pos_ == "NOUN" and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in trigger.children):
        return not placed  # "in our fight against Putin", "their struggle": a cause, not an event
    if trigger.tag_ != "NNS":
        return False
    if any(c.dep_ in ("det", "nummod", "poss") for c in trigger.children):
        return False
    return not placed


def _dates_something_else(doc: Doc, char: int, trigger: Token) -> bool:
    """A time inside a clause that describes a participant ("the Corps, formed in August 2022,
    entered ...", "the town, which was shelled on Monday") dates that clause, not the trigger."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None:
        return False
    tok = time = span[0]
    for _ in range(12):
        if tok.i == trigger.i:
            return False
        if tok.dep_ in ("acl", "relcl", "appos") and trigger not in tok.subtree:
            return trigger.i not in {t.i for t in tok.subtree}
        if any(c.dep_ == "ccomp" and trigger in c.subtree and time not in c.subtree for c in tok.children):
            # "police said today that guerrillas attacked ... on 12 March": the time dates the
            # telling, and the clause told keeps its own
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _place_for(tok: Token, pred: Token, tops: list[Toponym]) -> Toponym | None:
    """The most specific resolved place of the sentence, preferring those in the trigger's clause."""
    usable = [t for t in tops if t.location is not None and not t.origin and t.precision_rank <= 3]
    if not usable:
        return None
    clause = {t.idx for t in pred.subtree} | {t.idx for t in tok.subtree}
    doc = tok.doc

    def in_clause(top: Toponym) -> bool:
        span = doc.char_span(top.start, top.end, alignment_mode="expand")
        return span is not None and span[0].idx in clause

    # the trigger's own clause first ("Moscow accused Kyiv of shelling a village in the Bryansk
    # region": the shelling's place, not the accuser's), then the most specific, then the nearest
    return min(usable, key=lambda t: (not in_clause(t), t.precision_rank, abs(t.start - tok.idx)))


# Two tellings of one event with different sub-types: which one ACLED codes. A battle is an
# armed clash unless a telling says territory changed hands; a protest is coded by the most
# severe response to it (a march "police fired into the crowd" broke up is excessive force).
# Sub-types not listed rank 0 and are never replaced by another telling's.
_SUB_TYPE_PRECEDENCE: dict[str, int] = {
    "Armed clash": -1,
    "Peaceful protest": 1,
    "Protest with intervention": 2,
    "Excessive force against protesters": 3,
}


def _sub_type_rank(cand: Candidate) -> int:
    if cand.sub_event_type is None:
        return -2
    return _SUB_TYPE_PRECEDENCE.get(cand.sub_event_type, 0)


def _absorb(into: Candidate, other: Candidate) -> None:
    for span in other.evidence:
        if span not in into.evidence:
            into.evidence.append(span)
    into.fatalities.extend(other.fatalities)
    # the other telling may name the sides the other way round ("the Corps fought Russian
    # troops" / "the ministry said it killed 50 saboteurs"): keep this one's sides then
    swapped = _same_side(other.actor1, into.actor2) or _same_side(other.actor2, into.actor1)
    if (
        swapped
        and _same_side(other.actor2, into.actor1)
        and not _same_side(other.actor1, into.actor1)
        and _actor_rank(other.actor1) > _actor_rank(into.actor2)
    ):
        # "residents protested ... Police fired on the protesters": the other telling's agent is
        # the side this one lacks
        into.actor2 = other.actor1
    if not swapped and _actor_rank(other.actor1) > _actor_rank(into.actor1):
        into.actor1, into.assoc1 = other.actor1, other.assoc1
    if (
        not swapped
        and _actor_rank(other.actor2) > _actor_rank(into.actor2)
        and (into.actor1 is None or other.actor2 is None or other.actor2.actor.id != into.actor1.actor.id)
    ):
        into.actor2 = other.actor2  # never the initiator against itself
    if into.claim.claimant.id == "reporter" and other.claim.claimant.id != "reporter":
        into.claim = other.claim
    if other.event_type == into.event_type and _sub_type_rank(other) > _sub_type_rank(into):
        into.sub_event_type = other.sub_event_type
    into.outcome = into.outcome or other.outcome
    if into.date is None or (other.date is not None and other.own_date and not into.own_date):
        into.date, into.own_date = other.date, other.own_date


def _same_side(a: ActorRef | None, b: ActorRef | None) -> bool:
    """One actor, or two of one state or one side (a ministry and its army)."""
    if a is None or b is None:
        return False
    if a.actor.id == b.actor.id:
        return True
    ea, eb = a.entry, b.entry
    if ea is None or eb is None:
        return False
    if ea.side and ea.side == eb.side:
        return True
    state_types = ("state", "state_forces")
    return bool(ea.country and ea.country == eb.country and ea.type in state_types and eb.type in state_types)


def _actor_rank(ref: ActorRef | None) -> int:
    if ref is None:
        return 0
    return {"unregistered": 1, "civilians": 2, "coref": 3, "capital": 3, "composed": 4, "person": 4, "registry": 5}.get(
        ref.how, 1
    )


def _attach_orphans(cands: list[Candidate], orphans) -> None:
    """A figure in a sentence with no trigger belongs to the latest candidate before it."""
    for fig, claim, s_start, s_end, _par in orphans:
        before = [c for c in cands if c.sent_start <= s_start]
        if not before:
            continue
        target = max(before, key=lambda c: c.sent_start)
        target.fatalities.append((fig, claim))
        if target.claim.claimant.id == "reporter" and claim.claimant.id != "reporter":
            target.claim = claim  # "the group later said it killed nine": the group claims it
        if (s_start, s_end) not in target.evidence:
            target.evidence.append((s_start, s_end))


# event types whose toll of people of no stated side counts civilians: ACLED codes those a bomb,
# a shell or an attack on civilians killed as civilians unless the report says they fought
_TOLL_PEOPLE_ARE_CIVILIANS = frozenset({"Explosions/Remote violence", "Violence against civilians"})
_TOLL_SIDE_TYPES = frozenset({"Battles", *_TOLL_PEOPLE_ARE_CIVILIANS})


def _victims_as_actor2(cands: list[Candidate], doc: Doc, registry: ActorRegistry, tracker: ActorTracker) -> None:
    """A toll names the target no clause named: "Al Shabaab detonated an IED at a tea shop. Three
    people were killed." (Civilians), "militiamen attacked a police car. Two police officers were
    killed." (the police)."""
    for cand in cands:
        if cand.actor2 is not None or cand.event_type not in _TOLL_SIDE_TYPES:
            continue
        for fig, _claim in cand.fatalities:
            if fig.negated or fig.kind == "injured":
                continue
            ref = toll_victims(doc, fig.start, fig.end, registry, tracker)
            if ref is not None and ref.how == "unregistered":
                ref = None  # a name the registry lacks, counted in a toll, is likelier a person or place
            if ref is not None and ref.how == "civilians" and cand.event_type not in _TOLL_PEOPLE_ARE_CIVILIANS:
                ref = None  # people killed in a battle are no side of it
            if ref is None and cand.event_type in _TOLL_PEOPLE_ARE_CIVILIANS and fig.victims in (None, "civilians"):
                civ = Actor(id="CIV", name="Civilians")
                ref = ActorRef(civ, None, fig.start, fig.end, "civilians", placed=True, role_key="civilians")
            if ref is not None and not any(_same_side(ref, side) for side in (cand.actor1, *cand.assoc1)):
                cand.actor2 = ref  # never actor1 or a side fighting beside it
                break


def _fill_places(cands: list[Candidate], toponyms: list[Toponym]) -> None:
    """Placeless candidates: join a same-type, same-date placed one, else the article's dominant place."""
    placed = [c for c in cands if c.place is not None]
    counts: Counter[str] = Counter()
    first: dict[str, Toponym] = {}
    for t in toponyms:
        if t.location is None or t.origin or t.precision_rank > 3:
            continue
        key = _place_key(t)
        counts[key] += 1
        first.setdefault(key, t)
    dominant = None
    if counts:
        # settlements outrank regions; frequency, then first mention, breaks ties
        key = min(counts, key=lambda k: (first[k].precision_rank > 2, -counts[k], first[k].start))
        dominant = first[key]
    for cand in cands:
        if cand.place is not None or cand.country_only or cand.names_unknown_place:
            continue
        twins = [p for p in placed if p.event_type == cand.event_type and _when_key(p) == _when_key(cand)]
        if twins:
            cand.place = min(twins, key=lambda p: p.place.precision_rank).place
            continue
        cand.place = dominant
        if cand.date is None and cand.when is None and dominant is not None:
            # an undated report's unplaced, untimed lede ("the Legion are fighting Putin's
            # forces") tells its main story: the same-type event at the story's main place
            main = [
                p
                for p in placed
                if p.event_type == cand.event_type and p.date is None and _place_key(p.place) == _place_key(dominant)
            ]
            if main:
                cand.when = main[0].when


# ACLED's hierarchy by who is hit: violence against civilians needs an unarmed target, a battle
# two armed sides; a retype the parse's sides contradict is not made
_NEEDS_CIVILIAN_TARGET = frozenset({"Violence against civilians"})
_NEEDS_ARMED_TARGET = frozenset({"Battles"})


# ACLED's precedence: violence told in a sentence is the event; a strategic development or a
# protest is coded only where no violence is. A violent rule reading is not retyped to those,
# except to a prevented attack (a shot-down drone, a defused bomb: no violence happened).
_VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots"})
_PREVENTED = "Disrupted weapons use"
# non-violent types a violent reading may still become: the violence prevented, or force used on protesters
_STILL_VIOLENT = frozenset({_PREVENTED, "Excessive force against protesters"})


# territory changes hands by who takes it: the state regains, a non-state actor overtakes
_TAKER_IS_STATE = {"Government regains territory": True, "Non-state actor overtakes territory": False}
_STATE_ENTRY_TYPES = frozenset({"state", "state_forces"})


def _retype_allowed(retype: tuple[str, str], cand: Candidate) -> bool:
    event_type, sub = retype
    if cand.event_type in _VIOLENT_TYPES and event_type not in _VIOLENT_TYPES and sub not in _STILL_VIOLENT:
        return False
    taker = cand.actor1.entry if cand.actor1 is not None else None
    if sub in _TAKER_IS_STATE and taker is not None and (taker.type in _STATE_ENTRY_TYPES) != _TAKER_IS_STATE[sub]:
        return False
    return _sides_allow(event_type, cand)


def _sides_allow(event_type: str, cand: Candidate) -> bool:
    target = cand.actor2
    if target is None:
        return True
    civilian = target.how == "civilians"
    if event_type in _NEEDS_CIVILIAN_TARGET:
        return civilian
    if event_type in _NEEDS_ARMED_TARGET:
        return not civilian
    return True


def _story_country(doc: Doc, toponyms: list[Toponym], gazetteer) -> Toponym | None:
    """The country an event nothing else places happened in, as a country-level place (ACLED's
    geo_precision 3, no admin1): the country the story's places lie in or names most, else the one
    its people are named by ("an Algerian patrol"), when a single one leads; else None."""
    counts: Counter[str] = Counter()
    where: dict[str, tuple[int, int, str, int]] = {}
    for t in toponyms:
        code = t.country or (t.location.country_code if t.location is not None else None)
        if code and not t.origin:
            counts[code] += 1
            where.setdefault(code, (t.start, t.end, t.text, t.sent_start))
    if not counts:
        for ent in doc.ents:
            if ent.label_ == "NORP" and (code := gazetteer.country_code(ent.text)):
                counts[code] += 1
                where.setdefault(code, (ent.start_char, ent.end_char, ent.text, ent.sent.start_char))
    ranked = counts.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None
    code = ranked[0][0]
    start, end, text, sent_start = where[code]
    return country_place(code, gazetteer, text, (start, end, sent_start))


def _contains(region: Toponym, village: Toponym) -> bool:
    r, v = region.location, village.location
    return (
        r is not None
        and v is not None
        and r.geonameid is None
        and r.country_code == v.country_code
        and r.admin1_code == v.admin1_code
    )


def _merge(cands: list[Candidate]) -> list[Candidate]:
    out: list[Candidate] = []
    for cand in cands:
        twin = next(
            (
                m
                for m in out
                if m.event_type == cand.event_type
                and _place_key(m.place) == _place_key(cand.place)
                and _when_key(m) == _when_key(cand)
            ),
            None,
        )
        if twin is None:
            out.append(cand)
        else:
            _absorb(twin, cand)
    # region-level into a village-level candidate of the same type and date in that region
    final: list[Candidate] = []
    for cand in out:
        if cand.place is not None and cand.place.precision_rank == 3:
            host = next(
                (
                    m
                    for m in out
                    if m is not cand
                    and m.event_type == cand.event_type
                    and _when_key(m) == _when_key(cand)
                    and m.place is not None
                    and m.place.precision_rank <= 2
                    and _contains(cand.place, m.place)
                ),
                None,
            )
            if host is not None:
                _absorb(host, cand)
                continue
        final.append(cand)
    return final


def _conflicting(a: FatalityFigure, b: FatalityFigure) -> bool:
    def bounds(f: FatalityFigure) -> tuple[int, float]:
        if f.negated:
            return 0, 0
        lo = f.low if f.low is not None else (f.best if f.best is not None else 0)
        hi = f.high if f.high is not None else (f.best if f.best is not None else float("inf"))
        return lo, hi

    (alo, ahi), (blo, bhi) = bounds(a), bounds(b)
    return ahi < blo or bhi < alo


def _split_disputed(cands: list[Candidate]) -> list[Candidate]:
    """Figures whose claimants contradict each other become separate mentions of the same event."""
    out = []
    for cand in cands:
        if len(cand.fatalities) < 2:
            out.append(cand)
            continue
        groups: list[list[tuple[FatalityFigure, Claim]]] = []
        for fig, claim in cand.fatalities:
            g = next(
                (g for g in groups if g[0][1].claimant.id == claim.claimant.id or not _conflicting(g[0][0], fig)), None
            )
            if g is None:
                groups.append([(fig, claim)])
            else:
                g.append((fig, claim))
        if len(groups) == 1:
            out.append(cand)
            continue
        # the candidate keeps the group of its own claimant (else the first); others split off
        own = next((g for g in groups if g[0][1].claimant.id == cand.claim.claimant.id), groups[0])
        cand.fatalities = own
        out.append(cand)
        for g in groups:
            if g is own:
                continue
            fig, claim = g[0]
            twin = Candidate(
                event_type=cand.event_type,
                sub_event_type=cand.sub_event_type,
                outcome=cand.outcome,
                sent_start=cand.sent_start,
                sent_end=cand.sent_end,
                actor1=cand.actor1,
                actor2=cand.actor2,
                assoc1=list(cand.assoc1),
                claim=Claim(claim.claimant, "denied" if fig.negated else claim.stance, claim.ref),
                date=cand.date,
                own_date=cand.own_date,
                place=cand.place,
                fatalities=g,
                # the event's own sentence and the sentences that carry this side's figures
                evidence=[
                    (s, e) for i, (s, e) in enumerate(cand.evidence) if i == 0 or any(s <= f.start < e for f, _ in g)
                ],
                paragraph=cand.paragraph,
                when=cand.when,
                country_only=cand.country_only,
            )
            out.append(twin)
    return out


def _figure_to_fatalities(fig: FatalityFigure, claim: Claim) -> Fatalities:
    best = 0 if fig.negated else fig.best
    return Fatalities(
        best=best,
        low=fig.low if not fig.negated else 0,
        high=fig.high if not fig.negated else 0,
        victims=fig.victims,
        claimant=claim.claimant,
    )


def _combine_figures(figs: list[tuple[FatalityFigure, Claim]]) -> Fatalities | None:
    if not figs:
        return None

    # one claimant's figures: the most informative (a bounded or exact count over a vague one)
    def info(item) -> tuple:
        f = item[0]
        return (f.best is not None or f.negated, f.low is not None, f.high is not None)

    fig, claim = max(figs, key=info)
    return _figure_to_fatalities(fig, claim)


FIGHTING_TYPES = frozenset({"Battles", "Explosions/Remote violence"})


def _as_military(entry, actor: Actor | None, registry: ActorRegistry):
    if entry is None or actor is None or entry.type != "state" or not entry.country:
        return entry, actor
    forces = registry.compose(entry.country, "military")
    return (forces, forces.actor()) if forces is not None else (entry, actor)


def _to_mention(c: Candidate, article: Article, registry: ActorRegistry, text: str) -> Mention:
    location = c.place.location if c.place is not None else None
    if c.place is not None and location is not None and location.toponym:
        # the toponym as the user wrote it (the parse read it case-restored, at the same offsets)
        written = text[c.place.start : c.place.end]
        if written != location.toponym and written.casefold() == location.toponym.casefold():
            location = location.model_copy(update={"toponym": written})
    cc = location.country_code if location else None
    c.actor1, c.actor2 = place_sides(c.event_type, c.sub_event_type, c.actor1, c.actor2, location, c.date, registry)
    actor1 = c.actor1.actor if c.actor1 else None
    actor2 = c.actor2.actor if c.actor2 else None
    if actor2 is not None and actor2.id == "CIV":
        actor2 = registry.civilians(cc)
    e1 = c.actor1.entry if c.actor1 is not None else None
    e2 = c.actor2.entry if c.actor2 is not None else None
    if c.event_type in FIGHTING_TYPES:
        # armed violence is done by a state's forces, not by its government or its president
        # ("battling Putin", "the authorities say they killed 70"): ACLED codes the military
        e1, actor1 = _as_military(e1, actor1, registry)
        e2, actor2 = _as_military(e2, actor2, registry)
    if e1 is not None and e2 is not None and e1.side and e1.side == e2.side:
        actor2 = None  # allies are not each other's target ("fought with the army" = alongside it)
    if actor2 is not None and e2 is None and c.actor2 is not None and c.actor2.how == "unregistered":
        # a free-text target under a registered initiator is usually a thing or a place the
        # parse picked up ("destroyed a car"); the registry's opponent / civilians read better
        if c.event_type in ("Battles", "Violence against civilians") and e1 is not None:
            actor2 = None
    if actor2 is None and c.event_type == "Battles" and c.actor1 is not None and c.actor1.entry is not None:
        opponent = registry.get(c.actor1.entry.opponent) if c.actor1.entry.opponent else None
        if opponent is not None:
            actor2 = opponent.actor()
    if actor2 is None and c.event_type == "Violence against civilians":
        actor2 = registry.civilians(cc)
    assoc1 = [r.actor for r in c.assoc1 if actor1 is None or r.actor.id != actor1.id]
    evidence = [
        SpanModel(start=s, end=s + len(text[s:e].rstrip()), text=text[s:e].rstrip()) for s, e in sorted(c.evidence)
    ]
    key = "|".join([article.id, c.event_type, _place_key(c.place), _when_key(c), c.claim.claimant.id])
    mid = "m-" + hashlib.sha1(key.encode()).hexdigest()[:16]
    return Mention(
        id=mid,
        article_id=article.id,
        event_type=c.event_type,
        sub_event_type=c.sub_event_type,
        date=c.date,
        location=location,
        actor1=actor1,
        actor2=actor2,
        assoc_actor_1=assoc1,
        claimant=c.claim.claimant,
        stance=c.claim.stance,
        fatalities=_combine_figures(c.fatalities),
        evidence=evidence,
        outcome=c.outcome,
    )


# --- the steps (order and seams: sitreps.extract.steps) ------------------------------------------


class ParagraphStep:
    """Where each paragraph starts (a blank line): sentences look up theirs, for quotes and story flow."""

    name = "paragraphs"
    reads = ("article.text",)
    writes = ("paragraph_starts",)
    data = ()

    def __init__(self, res: ExtractionResources) -> None:
        pass

    def __call__(self, record: ArticleRecord) -> ArticleRecord:
        record.paragraph_starts = _paragraph_starts(record.article.text)
        return record


class ToponymStep:
    """Spot the place names and resolve them in the story's world."""

    name = "toponyms"
    reads = ("doc", "article.dateline_place")
    writes = ("toponyms",)
    data = ("places.yaml", "the gazetteer index (built once from the GeoNames packages, cached)")

    def __init__(self, res: ExtractionResources) -> None:
        self.res = res

    def __call__(self, record: ArticleRecord) -> ArticleRecord:
        doc, registry = record.doc, self.res.registry
        actor_spans = [(e.start_char, e.end_char) for e in actor_entities(doc)]
        toponyms = spot(doc, self.res.gazetteer, actor_spans, registry.capital_country, registry.is_demonym)
        # the case-restored text: its context reads capitals
        resolve_all(toponyms, doc.text, self.res.resolver, record.article.dateline_place)
        for top in toponyms:
            if top.country and registry.country_of_modifier(top.text):
                top.country = None  # "Russian authorities": a demonym names people, not a place
        record.toponyms = toponyms
        return record


class ActorStep:
    """The registry's actors in the text, and the tracker that resolves later phrases ("the group")."""

    name = "actors"
    reads = ("doc", "toponyms")
    writes = ("registered", "tracker")
    data = ("actors.yaml", "actors/*.yaml", "the user's --actors files")

    def __init__(self, res: ExtractionResources) -> None:
        self.registry = res.registry

    def __call__(self, record: ArticleRecord) -> ArticleRecord:
        registry = self.registry
        record.registered = [
            (ent, entry) for ent in actor_entities(record.doc) if (entry := registry.get(ent.ent_id_)) is not None
        ]
        countries = Counter(
            t.location.country_code
            for t in record.toponyms
            if t.location is not None and t.location.country_code and not t.origin
        )
        record.tracker = ActorTracker(
            ahead=[
                ActorRef(entry.actor(), entry, ent.start_char, ent.end_char, "registry")
                for ent, entry in record.registered
            ],
            default_country=countries.most_common(1)[0][0] if countries else None,
        )
        return record


@dataclass
class _Reading:
    """What the events step carries from one sentence to the next."""

    candidates: list[Candidate] = field(default_factory=list)
    orphan_figures: list[tuple[FatalityFigure, Claim, int, int, int]] = field(default_factory=list)
    current_date: DateValue | None = None
    current_when: tuple[str, tuple[int, int]] | None = None
    # the latest time told together with each settlement: (date, when, sentence span)
    place_time: dict[str, tuple[DateValue | None, str | None, tuple[int, int]]] = field(default_factory=dict)
    quote_speaker: Claim | None = None


@dataclass
class _Sentence:
    """One sentence with what the events step reads of it."""

    sent: Span
    index: int
    paragraph: int
    registered: list  # (entity, entry) of the registry actors in it
    dates: list[tuple[int, DateValue]]
    when: list[tuple[int, str]]  # an undated report's time words
    toponyms: list[Toponym]
    quoted: bool


class EventStep:
    """Read the story sentence by sentence: event triggers (rules and the learned model), their
    actors, claim, time and place, and the fatality figures; each event told is a candidate."""

    name = "events"
    reads = ("doc", "paragraph_starts", "toponyms", "registered", "tracker", "article.published")
    writes = ("candidates", "orphan_figures")
    data = (
        "event_lexicon.yaml",
        "modality.yaml",
        "fatalities.yaml",
        "claims.yaml",
        "dates.yaml",
        "models/event_model.npz",
        "models/event_model.json",
    )

    def __init__(self, res: ExtractionResources) -> None:
        self.res = res
        self.claims_lex = load_claims()
        self.civilian_words = _civilian_words(res.registry)

    def __call__(self, record: ArticleRecord) -> ArticleRecord:
        reading = _Reading()
        for sentence in self._sentences(record, reading):
            self._read(record, sentence, reading)
        record.candidates, record.orphan_figures = reading.candidates, reading.orphan_figures
        return record

    def _sentences(self, record: ArticleRecord, reading: _Reading) -> Iterator[_Sentence]:
        """Each sentence with its actors, times and places, in text order. Entities and toponyms
        are slices found by bisection, so a long article is not rescanned per sentence."""
        article, text, starts = record.article, record.article.text, record.paragraph_starts
        registered_starts = [ent.start for ent, _ in record.registered]
        toponym_starts = [t.start for t in record.toponyms]
        for index, sent in enumerate(record.doc.sents):
            par = _paragraph_of(sent.start_char, starts)
            ents = record.registered[
                bisect_left(registered_starts, sent.start) : bisect_left(registered_starts, sent.end)
            ]
            for ent, entry in ents:  # light coreference: note the registry actors as we read
                record.tracker.note(
                    ActorRef(entry.actor(), entry, ent.start_char, ent.end_char, "registry", subject=_is_subject(ent))
                )
            dates: list[tuple[int, DateValue]] = []
            when: list[tuple[int, str]] = []
            for expr in find_time_expressions(sent.text):
                # "that same night", "the following day": told from the story's last dated sentence
                dv = resolve_time_expression(expr.text, article.published, reading.current_date)
                if dv is not None:
                    dates.append((sent.start_char + expr.start, dv))
                elif article.published is None and not is_story_relative(expr.text):
                    when.append((sent.start_char + expr.start, _when_word(expr.text)))
            tops = record.toponyms[
                bisect_left(toponym_starts, sent.start_char) : bisect_left(toponym_starts, sent.end_char)
            ]
            par_end = starts[par + 1] if par + 1 < len(starts) else len(text)
            quoted = in_quotation(sent, text[starts[par] : par_end], sent.start_char - starts[par])
            yield _Sentence(sent, index, par, ents, dates, when, tops, quoted)

    def _read(self, record: ArticleRecord, s: _Sentence, reading: _Reading) -> None:
        triggers, retype, continues_story, figures = self._triggers(s, reading)
        merged = _one_per_event(self._candidates(record, s, triggers, reading))
        if retype is not None and not continues_story:
            # ACLED codes one sentence's concurrent tactics as one event of the type that leads
            # ("stormed the campus, killing students": an attack on civilians); the model, which
            # reads the whole sentence, names it. Not in a sentence that goes on telling the event
            # just reported: its words are about that event, and a new type would split it.
            for cand in merged:
                if _retype_allowed(retype, cand):
                    cand.event_type, cand.sub_event_type = retype
        self._figures(record, s, figures, merged, reading)
        reading.candidates.extend(merged)
        _advance_time(s, reading)
        self._advance_speaker(record, s, reading)

    def _triggers(self, s: _Sentence, reading: _Reading) -> tuple[list[Trigger], Any, bool, list[FatalityFigure]]:
        """The sentence's event triggers (rules and model), the model's retype, whether it goes
        on telling the event just reported, and its fatality figures."""
        sent, cands = s.sent, reading.candidates
        has_armed = any(ent.end <= sent.end for ent, _ in s.registered)
        triggers = find_triggers(sent, self.res.lexicon, has_armed, self.civilian_words)
        # a sentence with no place or time of its own, right after an event, goes on telling it
        continues_story = (
            bool(cands)
            and cands[-1].paragraph >= s.paragraph - 1
            and not s.dates
            and not s.when
            and not any(t.location is not None and t.precision_rank <= 2 for t in s.toponyms)
        )
        if triggers and all(t.rule.consequence for t in triggers) and continues_story:
            # "Two employees were killed and five wounded," the governor wrote: a toll with no
            # event word, place or time of its own tells the event just reported; its figures
            # join it (as orphans) instead of opening a clash of their own
            triggers = []
        # where the rules are silent the model may open an event in the story's lede, or in a
        # sentence that places what it tells; elsewhere a sentence it reads as an event mostly
        # retells one already opened (a claimed toll, a statement about the raid)
        lede = s.index < LEDE_SENTENCES
        placed_here = any(t.location is not None and t.precision_rank <= 3 and not t.origin for t in s.toponyms)
        may_open = not continues_story and (lede or placed_here)
        decided = sentence_events(sent, triggers, self.res.event_model, self.res.mode, may_open=may_open)
        triggers = decided.triggers
        figures = find_fatality_figures(sent)
        if triggers and any(f.cumulative for f in figures):
            # "the war that began in 1980 has killed 12,000": a toll word telling a running total
            # is no event of its own (an event word beside it, "a bomb killed 14", still is)
            totals = running_total_clauses(sent, figures)
            triggers = [t for t in triggers if not _tells_running_total(t, totals)]
        return triggers, decided.retype, continues_story, figures

    def _candidates(
        self, record: ArticleRecord, s: _Sentence, triggers: list[Trigger], reading: _Reading
    ) -> list[Candidate]:
        """One candidate per trigger that names an event, dated from the sentence or the story."""
        found: list[Candidate] = []
        for trig in triggers:
            cand = _candidate(
                trig,
                s.sent,
                self.res.registry,
                record.tracker,
                self.res.lexicon,
                self.claims_lex,
                record.article,
                s.dates,
                reading.current_date,
                s.toponyms,
                reading.quote_speaker if s.quoted else None,
            )
            if cand is None:
                continue
            cand.paragraph = s.paragraph
            if cand.date is None or not cand.own_date:
                _date_from_story(cand, trig, s, reading)
            found.append(cand)
        return found

    def _figures(
        self,
        record: ArticleRecord,
        s: _Sentence,
        figures: list[FatalityFigure],
        merged: list[Candidate],
        reading: _Reading,
    ) -> None:
        """Each fatality figure joins the sentence's candidate nearest to it, else waits as an orphan."""
        article, doc = record.article, record.doc
        dates_a_day = any(d.precision == "day" for _, d in s.dates)
        quote_speaker = reading.quote_speaker if s.quoted else None
        for fig in figures:
            if fig.kind == "injured":
                continue
            if (why := running_total_reason(fig, dates_a_day)) is not None:
                log.debug("%s: %r is no event's toll: %s", article.source, fig.text, why)
                continue  # "a war that has killed 12,000 since 1980": never the day's toll
            target = None
            if merged:
                target = min(merged, key=lambda c: abs(c.evidence[0][0] - fig.start) if c.evidence else 0)
            fig_tok = doc.char_span(fig.start, fig.end, alignment_mode="expand")
            fig_claim = (
                claim_for(
                    fig_tok.root, self.res.registry, record.tracker, self.claims_lex, article.outlet, quote_speaker
                )
                if fig_tok is not None
                else (quote_speaker or Claim(reporter(article.outlet), "asserted"))
            )
            if target is not None:
                target.fatalities.append((fig, fig_claim))
            else:
                reading.orphan_figures.append((fig, fig_claim, s.sent.start_char, s.sent.end_char, s.paragraph))

    def _advance_speaker(self, record: ArticleRecord, s: _Sentence, reading: _Reading) -> None:
        """Who speaks the next quoted sentences: a speaker introducing a quote ("he said:") holds."""
        sent = s.sent
        speaker = speaker_of_sentence(sent, self.res.registry, record.tracker, self.claims_lex, record.article.outlet)
        if speaker is not None and (sent.text.rstrip().endswith(":") or not s.quoted):
            reading.quote_speaker = speaker
        elif not s.quoted and speaker is None:
            reading.quote_speaker = reading.quote_speaker if sent.text.rstrip().endswith(":") else None


def _date_from_story(cand: Candidate, trig: Trigger, s: _Sentence, reading: _Reading) -> None:
    """A candidate whose sentence gives no date of its own takes the story's time."""
    if s.when:
        cand.date = None
        cand.when = min(s.when, key=lambda x: abs(x[0] - trig.token.idx))[1]
    elif cand.place is not None and _place_key(cand.place) in reading.place_time:
        # the last time told about this very place wins over the story's latest time
        # ("on Friday ... tanks in X. ... on Thursday, Y. ... An hour later, fighting
        # in X": X's fighting is Friday's)
        date, when, span = reading.place_time[_place_key(cand.place)]
        if date is not None:
            cand.date, cand.when = date, None
        else:
            cand.date, cand.when = None, when
        if span not in cand.evidence:
            cand.evidence.append(span)
    elif cand.date is None and reading.current_when is not None:
        # the time was read from an earlier sentence: it is evidence too
        cand.when = reading.current_when[0]
        cand.evidence.append(reading.current_when[1])


def _one_per_event(cands: list[Candidate]) -> list[Candidate]:
    """One sentence's candidates with the same type, place and date are one event (two triggers)."""
    merged: list[Candidate] = []
    for cand in cands:
        twin = next(
            (
                m
                for m in merged
                if m.event_type == cand.event_type
                and _place_key(m.place) == _place_key(cand.place)
                and _when_key(m) == _when_key(cand)
            ),
            None,
        )
        if twin is None:
            merged.append(cand)
        else:
            _absorb(twin, cand)
    return merged


def _advance_time(s: _Sentence, reading: _Reading) -> None:
    """The story's current date (and each settlement's) after this sentence."""
    span = (s.sent.start_char, s.sent.end_char)
    settlements = [t for t in s.toponyms if t.location is not None and t.precision_rank <= 2]
    if s.dates:
        day_dates = [d for _, d in s.dates if d.precision in ("day", "week")]
        if day_dates:
            reading.current_date = day_dates[-1]
            reading.current_when = None
            for top in settlements:
                reading.place_time[_place_key(top)] = (day_dates[-1], None, span)
    elif s.when:
        reading.current_when = (s.when[-1][1], span)
        for top in settlements:
            reading.place_time[_place_key(top)] = (None, s.when[-1][1], span)


class OrphanFigureStep:
    """A figure told in a sentence with no event joins the event told just before it; the people
    a toll counts are the event's actor2 where no clause named one."""

    name = "figures"
    reads = ("candidates", "orphan_figures", "doc", "tracker")
    writes = ("candidates",)
    data = ("actors.yaml", "actors/*.yaml", "the user's --actors files")

    def __init__(self, res: ExtractionResources) -> None:
        self.res = res

    def __call__(self, record: ArticleRecord) -> ArticleRecord:
        _attach_orphans(record.candidates, record.orphan_figures)
        _victims_as_actor2(record.candidates, record.doc, self.res.registry, record.tracker)
        return record


class PlaceStep:
    """Candidates with no place of their own take the story's; undated reports get weekday keys."""

    name = "places"
    reads = ("candidates", "toponyms", "article.published", "article.dateline_place")
    writes = ("candidates", "story_placed")
    data = ()

    def __init__(self, res: ExtractionResources) -> None:
        self.res = res

    def __call__(self, record: ArticleRecord) -> ArticleRecord:
        article, toponyms, candidates = record.article, record.toponyms, record.candidates
        if article.published is None:
            _weekdays_for_relative_days(candidates, article.text)
        _fill_places(candidates, toponyms)
        record.story_placed = any(t.location is not None and t.precision_rank <= 3 and not t.origin for t in toponyms)
        if not record.story_placed and any(c.place is None for c in candidates):
            # a story that names no town or region: its country is the most precise place it gives
            story_country = _story_country(record.doc, toponyms, self.res.gazetteer)
            if story_country is None and not toponyms and article.dateline_place:
                # a text that names no place at all: the country it was filed from (a wire dateline)
                filed_in = dateline_country(article.dateline_place, self.res.resolver)
                story_country = country_place(filed_in, self.res.gazetteer, article.dateline_place)
            for cand in candidates:
                if cand.place is None:
                    cand.place = story_country
        return record


class MergeStep:
    """Candidates telling one event merge; a figure from a claimant who contradicts splits off."""

    name = "merge"
    reads = ("candidates",)
    writes = ("candidates",)
    data = ()

    def __init__(self, res: ExtractionResources) -> None:
        pass

    def __call__(self, record: ArticleRecord) -> ArticleRecord:
        record.candidates = _split_disputed(_merge(record.candidates))
        return record


class BackgroundStep:
    """An event dated over a year before the report is background, not news (data/background.yaml)."""

    name = "background"
    reads = ("candidates", "article.published")
    writes = ("candidates",)
    data = ("background.yaml",)

    def __init__(self, res: ExtractionResources) -> None:
        pass

    def __call__(self, record: ArticleRecord) -> ArticleRecord:
        record.candidates = _drop_background(record.candidates, record.article)
        return record


class MentionStep:
    """Candidates become sitreps/1 mentions, each field with its evidence span."""

    name = "mentions"
    reads = ("candidates", "story_placed")
    writes = ("mentions",)
    data = ()

    def __init__(self, res: ExtractionResources) -> None:
        self.registry = res.registry

    def __call__(self, record: ArticleRecord) -> ArticleRecord:
        # Where the story names towns or regions, an event it does not place among them is a
        # generalisation ("fighting on Russian soil") and is not kept. A story that names no place
        # at all still tells its events: they are kept with no location (they never fuse).
        article = record.article
        record.mentions = [
            _to_mention(c, article, self.registry, article.text)
            for c in record.candidates
            if c.place is not None or not record.story_placed
        ]
        return record
