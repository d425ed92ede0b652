"""Who says so, and how: the claimant and stance of a reported event.

The reporting verb that governs the event's clause gives the claimant (its subject, or X in
"according to X"); a quotation carries the speaker of the sentence that introduced it; with no
reporting verb the outlet speaks in its own voice (claimant "reporter", stance asserted).
Hedges in the sentence ("allegedly", "could not be independently verified") set the stance
over the verb's (data: `data/claims.yaml`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span, Token

from sitreps.extract.roles import ActorRef, ActorTracker, resolve_phrase, subject_of
from sitreps.lexicons import ClaimsFile, as_data, load_validated
from sitreps.model import Actor
from sitreps.resolve.actors import ActorRegistry, normalize_name

QUOTE_OPEN = '“«"'


@dataclass(frozen=True)
class ClaimLexicon:
    verbs: dict[str, str]
    third_party: frozenset[str]
    hedges: tuple[tuple[str, tuple[str, ...]], ...]
    according_to: tuple[str, ...]


@dataclass
class Claim:
    claimant: Actor
    stance: str
    ref: ActorRef | None = None


@cache
def load_claims() -> ClaimLexicon:
    data = as_data(load_validated("claims.yaml", ClaimsFile))
    return ClaimLexicon(
        verbs=dict(data["reporting_verbs"]),
        third_party=frozenset(normalize_name(x) for x in data["third_party_heads"]),
        hedges=tuple((stance, tuple(p)) for stance, p in data["hedges"].items()),
        according_to=tuple(data["according_to"]),
    )


def reporter(outlet: str | None) -> Actor:
    return Actor(id="reporter", name=outlet or "the reporting outlet")


def hedge_stance(text: str, lexicon: ClaimLexicon) -> str | None:
    low = " " + " ".join(text.lower().split()) + " "
    for stance, phrases in lexicon.hedges:
        if any(f" {p}" in low for p in phrases):
            return stance
    return None


def find_reporting_verb(token: Token, lexicon: ClaimLexicon) -> Token | None:
    """The nearest reporting verb above `token`, or one the sentence hangs off ("..., they claimed")."""
    tok = token
    while tok.head.i != tok.i:
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in lexicon.verbs and tok.i != token.i:
            return tok
    sent = token.sent
    for t in sent:
        if t.lemma_.lower() in lexicon.verbs and t.pos_ == "VERB" and t.dep_ in ("parataxis", "ROOT", "advcl"):
            if t.i != token.i and not _is_descendant(token, t) and _is_descendant(t, sent.root) or t is sent.root:
                if t.i != token.i:
                    return t
    return None


def _is_descendant(token: Token, ancestor: Token) -> bool:
    return any(a.i == ancestor.i for a in token.ancestors)


def according_to(sent: Span, lexicon: ClaimLexicon) -> Token | None:
    low = sent.text.lower()
    for phrase in lexicon.according_to:
        pos = low.find(phrase + " ")
        if pos >= 0 and (pos == 0 or not low[pos - 1].isalpha()):
            char = sent.start_char + pos + len(phrase) + 1
            for t in sent:
                if t.idx >= char and t.pos_ in ("PROPN", "NOUN", "PRON"):
                    # climb to the head of that noun phrase
                    while t.dep_ in ("compound", "amod") and t.head.i != t.i:
                        t = t.head
                    return t
    return None


def in_quotation(sent: Span, paragraph_text: str, sent_offset_in_par: int) -> bool:
    before = paragraph_text[:sent_offset_in_par]
    opens = sum(before.count(q) for q in "“«")
    closes = sum(before.count(q) for q in "”»")
    straight = before.count('"')
    if opens > closes or straight % 2 == 1:
        return True
    stripped = sent.text.lstrip()
    return bool(stripped) and stripped[0] in QUOTE_OPEN


def claim_for(
    token: Token,
    registry: ActorRegistry,
    tracker: ActorTracker,
    lexicon: ClaimLexicon,
    outlet: str | None,
    quote_speaker: Claim | None = None,
) -> Claim:
    """Claimant and stance for the event expressed at `token`."""
    sent = token.sent
    hedge = hedge_stance(sent.text, lexicon)
    speaker_tok = according_to(sent, lexicon)
    verb = None
    if speaker_tok is None:
        verb = find_reporting_verb(token, lexicon)
        if verb is not None:
            speaker_tok = subject_of(verb)
            if speaker_tok is not None and speaker_tok.lower_ in ("statement", "post", "message", "report"):
                # "a statement posted by X said": the statement's author
                for t in speaker_tok.subtree:
                    if t.dep_ == "pobj" and t.head.lower_ == "by":
                        speaker_tok = t
                        break
    ref = resolve_phrase(speaker_tok, registry, tracker, role="claimant") if speaker_tok is not None else None
    if ref is None and speaker_tok is None and quote_speaker is not None:
        stance = hedge or quote_speaker.stance
        return Claim(quote_speaker.claimant, stance, quote_speaker.ref)
    if ref is None:
        if speaker_tok is not None:
            # a source we cannot name as an actor ("footage", "local medics") -> the outlet reports it
            return Claim(reporter(outlet), hedge or "reported")
        return Claim(reporter(outlet), hedge or "asserted")
    stance = lexicon.verbs.get(verb.lemma_.lower(), "claimed") if verb is not None else "claimed"
    if speaker_tok is not None and _third_party(speaker_tok, lexicon) and stance == "claimed":
        stance = "reported"
    if hedge is not None and stance not in ("denied", "confirmed"):
        stance = hedge
    return Claim(ref.actor, stance, ref)


def _third_party(tok: Token, lexicon: ClaimLexicon) -> bool:
    """An observer, not a party: single words ("monitors") or names ("United Nations") in the phrase."""
    subtree = list(tok.subtree)
    words = {normalize_name(t.text) for t in subtree} | {normalize_name(tok.lemma_)}
    phrase = normalize_name(" ".join(t.text for t in subtree))
    multi = {w for w in lexicon.third_party if " " in w}
    return bool(words & lexicon.third_party) or any(f" {w} " in f" {phrase} " for w in multi)


def speaker_of_sentence(
    sent: Span, registry: ActorRegistry, tracker: ActorTracker, lexicon: ClaimLexicon, outlet: str | None
) -> Claim | None:
    """The speaker a sentence introduces ("They wrote:", "the statement reads"), for the quote after it."""
    for t in sent:
        if t.lemma_.lower() in lexicon.verbs and t.pos_ == "VERB":
            subj = subject_of(t)
            if subj is None:
                continue
            ref = resolve_phrase(subj, registry, tracker, role="claimant")
            if ref is not None:
                stance = lexicon.verbs.get(t.lemma_.lower(), "claimed")
                if _third_party(subj, lexicon) and stance == "claimed":
                    stance = "reported"
                return Claim(ref.actor, stance, ref)
    return None
