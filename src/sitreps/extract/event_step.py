"""Which event words of a sentence become candidates: the rules, the learned model, or both.

The lexicon and the parse find trigger words and know what is not an event (the modality rules of
`sitreps.extract.modality` still veto future, hypothetical and habitual readings of any trigger,
the model's included); the model (`sitreps.extract.event_model`) decides where the rules are
silent (no trigger word: the sentence's main predicate becomes the trigger when the model is
confident it tells an event) or unsure (the model's sub-type replaces the rule's when the model is
confident of it and gives the rule's sub-type little weight). A sentence the model is sure tells no event
loses its rule triggers too. The thresholds are the model's, measured on held-back data.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from spacy.tokens import Span, Token

from sitreps.extract.claims import load_claims
from sitreps.extract.event_model import SUB_EVENT_PARENT, EventModel, EventScores
from sitreps.extract.triggers import Trigger, TriggerRule, load_lexicon, protest_escalation
from sitreps.model import DateValue


class ExtractorMode(StrEnum):
    """`--extractor`: how event words are found."""

    COMBINED = "combined"  # rules and the learned model, as above (the default)
    RULES = "rules"  # the trigger lexicon and parse rules alone
    MODEL = "model"  # the learned model alone decides detection and sub-type


class Decision(StrEnum):
    """Why a sentence's candidates are what they are (shown by `sitreps mentions --explain`)."""

    RULES = "rule trigger"
    RETYPED = "rule trigger, sub-type from the model"
    MODEL = "model (no rule trigger)"
    VETOED = "rule trigger dropped: the model reads no event"
    NONE = "no event"


@dataclass(frozen=True)
class SentenceEvents:
    triggers: list[Trigger]
    decision: Decision
    scores: EventScores | None = None
    retype: tuple[str, str] | None = None  # (event type, sub-event type) for the sentence's one candidate


# The model retypes a rule's event only when it disputes the rule: its best sub-type is at least
# this many times as likely as the rule's. A ratio, not a probability, because the model's
# probabilities spread out on long news sentences unlike its training passages while their order
# holds; where the two are close, the rule, which read the parse, stands.
RETYPE_MARGIN = 3.0

# the parts of speech a model-made trigger may have: the sentence's predicate, else its first event-ish word
_PREDICATE_POS = ("VERB", "NOUN", "AUX")


def predicate_token(sent: Span) -> Token:
    """The word a model-made event hangs on: the sentence's root when it is a verb or noun, else
    the first verb of the sentence, else the root ("Clashes in X." has a noun root). A reporting
    verb's reported clause is the event, not the saying ("the General Staff said fighting
    continued near X": the event hangs on "continued", and the General Staff is its claimant)."""
    root = sent.root
    tok = root if root.pos_ in _PREDICATE_POS else next((t for t in sent if t.pos_ == "VERB"), root)
    reporting = load_claims().verbs
    while tok.lemma_.lower() in reporting:
        clause = next((c for c in tok.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")), None)
        if clause is None:
            break
        tok = clause
    return tok


def _ambiguous(trigger: Trigger) -> bool:
    """A trigger word the lexicon itself calls ambiguous: an event only in a violent context
    ("exploded", "killed", "attack": a gas tank explodes, a storm kills) or with a weapon named."""
    return trigger.rule.violent or trigger.rule.needs_weapon


def model_trigger(sent: Span, scores: EventScores) -> Trigger:
    tok = predicate_token(sent)
    sub = scores.sub_event_type
    rule = TriggerRule(lemma=tok.lemma_.lower(), pos=frozenset({tok.pos_}), type=SUB_EVENT_PARENT[sub], sub=sub)
    return Trigger(tok, rule)


def sentence_events(
    sent: Span,
    rule_triggers: list[Trigger],
    model: EventModel | None,
    mode: ExtractorMode,
    *,
    may_open: bool = True,
) -> SentenceEvents:
    """The triggers to build candidates from in `sent`, and why.

    `may_open` is False for a sentence that the rules read as the toll of the event just told
    (no event word, place or time of its own): the model may not open a new event there.
    """
    if mode is ExtractorMode.RULES or model is None:
        return SentenceEvents(rule_triggers, Decision.RULES if rule_triggers else Decision.NONE)
    scores = model.score(sent.text)
    th = model.thresholds
    detected = scores.p_event >= th.detect
    if mode is ExtractorMode.MODEL:
        if detected and may_open:
            return SentenceEvents([model_trigger(sent, scores)], Decision.MODEL, scores)
        return SentenceEvents([], Decision.NONE, scores)
    if rule_triggers:
        p_none = 1.0 - scores.p_event
        if p_none >= th.veto or (p_none >= th.veto_ambiguous and all(_ambiguous(t) for t in rule_triggers)):
            return SentenceEvents([], Decision.VETOED, scores)
        rule_subs = {t.rule.sub for t in rule_triggers}
        best = scores.ranked[0][1]
        if any("protest" in t.rule.refine for t in rule_triggers) and protest_escalation(sent, load_lexicon()):
            # the sentence tells what became of the protest (stones thrown, live fire, tear gas):
            # that reading, not the model's, types it
            return SentenceEvents(rule_triggers, Decision.RULES, scores)
        if best >= th.retype and best >= RETYPE_MARGIN * scores.probability(rule_subs):
            return SentenceEvents(rule_triggers, Decision.RETYPED, scores, (scores.event_type, scores.sub_event_type))
        return SentenceEvents(rule_triggers, Decision.RULES, scores)
    if detected and may_open:
        return SentenceEvents([model_trigger(sent, scores)], Decision.MODEL, scores)
    return SentenceEvents([], Decision.NONE, scores)


def explain_sentences(
    article_text: str, spans: list[tuple[int, int]], extractor, published: DateValue | None = None
) -> list[str]:
    """For `sitreps mentions --explain`: each evidence sentence, the rule triggers found in it, the
    model's top sub-types with their probabilities, the decision the extractor's mode makes, and
    what is background in it: a date over a year before `published` (the article's publication),
    which opens no event, and figures that are running totals, which join no event.

    `extractor` is a `RuleExtractor`; the article is parsed again as ingest parsed it.
    """
    from sitreps.extract.mentions import _civilian_words
    from sitreps.extract.roles import actor_entities
    from sitreps.extract.triggers import find_triggers

    res = extractor.resources
    model = res.event_model or EventModel.load()
    from sitreps.clean.parse_view import parse_view

    doc = extractor.nlp(parse_view(article_text))  # as ingest parses it: ALL-CAPS copy case-restored
    registered = [e for e in actor_entities(doc) if res.registry.get(e.ent_id_) is not None]
    lines: list[str] = []
    for sent in doc.sents:
        if not any(sent.start_char < end and start < sent.end_char for start, end in spans):
            continue
        has_armed = any(sent.start <= e.start < sent.end for e in registered)
        rules = find_triggers(sent, res.lexicon, has_armed, _civilian_words(res.registry))
        step = sentence_events(sent, rules, model, res.mode if res.event_model else ExtractorMode.COMBINED)
        scores = step.scores or model.score(sent.text)
        said = article_text[sent.start_char : sent.end_char].strip()  # as ingested, not as restored
        lines.append(f"sentence [{sent.start_char}:{sent.end_char}]: {said}")
        fired = ", ".join(f"'{t.token.text}' -> {t.rule.sub or t.rule.type}" for t in rules) or "none"
        lines.append(f"  rule triggers: {fired}")
        top = ", ".join(f"{sub} {p:.2f}" for sub, p in scores.top(3))
        lines.append(f"  model: P(event) {scores.p_event:.2f}; top sub-types: {top}")
        th = model.thresholds
        lines.append(
            f"  decision ({res.mode}): {step.decision}"
            f" [thresholds: detect {th.detect:.2f}, veto {th.veto:.2f}, retype {th.retype:.2f}]"
        )
        lines.extend(_background_lines(sent, published))
    return lines


def _background_lines(sent: Span, published: DateValue | None) -> list[str]:
    """What in `sent` is background: dates that make a mention too old to be news, running totals."""
    from sitreps.extract.background import background_reason
    from sitreps.extract.fatalities import find_fatality_figures, running_total_reason
    from sitreps.resolve.dates import find_time_expressions, resolve_time_expression

    lines: list[str] = []
    dates = [(e.text, resolve_time_expression(e.text, published)) for e in find_time_expressions(sent.text)]
    for said, when in dates:
        if (why := background_reason(when, published)) is not None:
            lines.append(f"  date '{said}': {why}; a mention with this date is dropped")
    dates_a_day = any(when is not None and when.precision == "day" for _, when in dates)
    for fig in find_fatality_figures(sent):
        why = running_total_reason(fig, dates_a_day)
        lines.append(f"  figure '{fig.text}' ({fig.kind}): " + (f"{why}, joins no event" if why else "the toll told"))
    return lines
