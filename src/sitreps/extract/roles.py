"""Who did it to whom: dependency roles around a trigger, resolved to registry actors.

actor1 is the agent (the subject of the trigger's predicate, the agent of a passive, the
possessor or "by X" of a nominal trigger); actor2 the target (direct object, passive subject,
"against/on/with X"). A noun phrase becomes an actor by, in order: a registry alias inside it,
a public figure who speaks for an institution, a demonym or capital with a role noun
("Russian soldiers" -> Military Forces of Russia), a generic armed noun or pronoun that refers
back to the group last named (light coreference), or else the phrase as written (unregistered).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from sitreps.model import Actor
from sitreps.resolve.actors import ActorEntry, ActorRegistry, unregistered

ACTOR_LABEL = "ACTOR"
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
# Verbs that carry a nominal trigger: "launched a raid", "carried out strikes", "conducting assault operations".
LIGHT_VERBS = frozenset(
    {
        "launch",
        "carry",
        "conduct",
        "stage",
        "mount",
        "begin",
        "start",
        "continue",
        "lead",
        "wage",
        "make",
        "undertake",
        "announce",
        "claim",
        "unleash",
        "perform",
        "execute",
        "resume",
        "intensify",
        "step",
        "be",
        "have",
        "report",
        "repel",
        "repulse",
        "fend",
        "face",
        "come",
        "suffer",
        "star",
    }
)
TARGET_PREPS = frozenset({"against", "on", "at", "upon", "with", "into", "in"})
ASSOC_PREPS = frozenset({"alongside", "with"})
PRONOUNS = frozenset({"they", "them", "we", "us", "their", "our", "its", "it", "he", "she"})


@dataclass
class ActorRef:
    """An actor read from the text, with the tokens it came from."""

    actor: Actor
    entry: ActorEntry | None
    start_char: int
    end_char: int
    how: str  # "registry" | "person" | "composed" | "coref" | "capital" | "unregistered" | "civilians"

    @property
    def registered(self) -> bool:
        return self.how not in ("unregistered",)

    @property
    def armed_non_state(self) -> bool:
        return bool(self.entry and self.entry.armed_non_state)


@dataclass
class ActorTracker:
    """Registered actors in reading order, for light coreference."""

    seen: list[ActorRef] = field(default_factory=list)

    def note(self, ref: ActorRef | None) -> None:
        if ref is not None and ref.entry is not None and ref.how != "coref":
            self.seen.append(ref)

    def last_armed_non_state(self, before_char: int) -> ActorRef | None:
        for ref in reversed(self.seen):
            if ref.start_char < before_char and ref.armed_non_state:
                return ref
        return None

    def last_named_with(self, word: str, before_char: int) -> ActorRef | None:
        """The latest actor before `before_char` whose name holds `word` ("the Legion")."""
        w = word.lower()
        if len(w) < 4:
            return None
        for ref in reversed(self.seen):
            if ref.start_char < before_char and w in ref.actor.name.lower().replace("-", " ").split():
                return ref
        return None

    def last_any(self, before_char: int) -> ActorRef | None:
        for ref in reversed(self.seen):
            if ref.start_char < before_char:
                return ref
        return None


def _negated_modifier(tok: Token) -> bool:
    """ "Anti-Kremlin volunteers" are against the Kremlin, not of it."""
    doc = tok.doc
    if tok.lower_.startswith(("anti-", "anti")) and len(tok.text) > 4 and tok.lower_[:4] == "anti":
        return True
    return tok.i >= 2 and doc[tok.i - 1].text in ("-", "‑") and doc[tok.i - 2].lower_ in ("anti", "non", "counter")


def _reporting_subject(pronoun: Token) -> Token | None:
    """The named subject of the reporting verb whose complement holds `pronoun`, if any."""
    tok = pronoun.head
    for _ in range(4):
        if tok.dep_ == "ccomp" and tok.head.i != tok.i:
            for child in tok.head.children:
                if child.dep_ in SUBJECT_DEPS and child.lower_ not in PRONOUNS:
                    return child
            return None
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


PLACE_NOUNS = frozenset({"territory", "soil", "land", "border", "region", "side", "area", "ground", "frontier"})
CONTROL_NOUNS = frozenset({"control", "hands", "occupation"})


def actor_entities(doc: Doc) -> list[Span]:
    return [e for e in doc.ents if e.label_ == ACTOR_LABEL]


def phrase_tokens(head: Token, exclude: Token | None = None) -> list[Token]:
    """The noun phrase headed by `head`, without relative/participial clauses or the trigger's clause."""
    out = []
    stack = [head]
    while stack:
        tok = stack.pop()
        out.append(tok)
        for child in tok.children:
            if child.dep_ in ("relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "ccomp", "parataxis"):
                continue
            if exclude is not None and child.i == exclude.i:
                continue
            stack.append(child)
    return sorted(out, key=lambda t: t.i)


def resolve_phrase(
    head: Token,
    registry: ActorRegistry,
    tracker: ActorTracker,
    exclude: Token | None = None,
    role: str = "actor",
) -> ActorRef | None:
    """The actor a noun phrase names, or None when it names no one (a place, a thing)."""
    tokens = phrase_tokens(head, exclude)
    if not tokens:
        return None
    if head.lemma_.lower() in PLACE_NOUNS:
        return None  # "Russian territory", "Ukrainian soil": a place, not a party
    idx = {t.i for t in tokens}
    doc = head.doc
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    # 1. a registry alias inside the phrase (the one nearest the head)
    ents = [e for e in doc.ents if e.label_ == ACTOR_LABEL and any(t.i in idx for t in e)]
    if ents:
        ent = min(ents, key=lambda e: abs(e.root.i - head.i))
        entry = registry.get(ent.ent_id_) or registry.match(ent.text)
        if entry is not None:
            return ActorRef(entry.actor(), entry, ent.start_char, ent.end_char, "registry")
    # 2. a public figure speaking for an institution
    for ent in doc.ents:
        if ent.label_ == "PERSON" and any(t.i in idx for t in ent):
            entry = registry.person(ent.text)
            if entry is not None:
                return ActorRef(entry.actor(), entry, ent.start_char, ent.end_char, "person")
    # 3. demonym/capital + role noun
    role_key = registry.role_of_head(head.text) or registry.role_of_head(head.lemma_)
    if role_key is None:
        # multi-word heads: "armed forces", "ministry of defence"
        phrase_text = " ".join(t.text for t in tokens)
        for n in (3, 2):
            for i in range(len(tokens) - n + 1):
                if tokens[i + n - 1].i != head.i:
                    continue  # the role must head the phrase: "military hardware" is a thing
                chunk = " ".join(t.text for t in tokens[i : i + n])
                if registry.role_of_head(chunk):
                    role_key = registry.role_of_head(chunk)
                    break
            if role_key:
                break
        del phrase_text
    if role_key is not None:
        country = None
        for t in tokens:
            if t.i == head.i or _negated_modifier(t):
                continue
            country = registry.country_of_modifier(t.text) or registry.country_of_modifier(
                t.text + ("'s" if t.dep_ == "poss" and not t.text.endswith("'s") else "")
            )
            if t.dep_ == "poss" or (t.i + 1 < len(doc) and doc[t.i + 1].tag_ == "POS"):
                country = country or registry.country_of_modifier(t.text + "'s")
            if country:
                break
        if country:
            entry = registry.compose(country, role_key)
            if entry is not None:
                return ActorRef(entry.actor(), entry, start, end, "composed")
        if role_key == "civilians":
            return ActorRef(Actor(id="CIV", name="Civilians"), None, start, end, "civilians")
    # 4. capital-for-government metonymy ("Moscow said", "Kyiv denies")
    if head.pos_ == "PROPN" and head.dep_ in SUBJECT_DEPS and len(tokens) <= 2:
        cc = registry.capital_country(head.text)
        if cc:
            entry = registry.compose(cc, "government")
            if entry is not None:
                return ActorRef(entry.actor(), entry, start, end, "capital")
    # 5. light coreference: "the Legion" / "the Corps" name the last registered actor whose name
    # holds that word; a pronoun inside what someone announced is that speaker ("the Legion
    # announced that they had captured ..."); generic armed nouns and pronouns otherwise
    if (
        head.pos_ in ("NOUN", "PROPN")
        and any(t.lower_ == "the" for t in tokens)
        and len(tokens) <= 3
        and registry.role_of_head(head.lemma_) is None
        and registry.role_of_head(head.text) is None
    ):
        ref = tracker.last_named_with(head.text, head.idx)
        if ref is not None and ref.entry is not None:
            return ActorRef(ref.actor, ref.entry, start, end, "coref")
    if head.lower_ in ("they", "we", "it") and role == "actor":
        speaker = _reporting_subject(head)
        if speaker is not None:
            ref = resolve_phrase(speaker, registry, tracker, role=role)
            if ref is not None and ref.entry is not None:
                return ActorRef(ref.actor, ref.entry, start, end, "coref")
    if head.lower_ in PRONOUNS or registry.is_generic_armed(head.lemma_) or registry.is_generic_armed(head.text):
        if head.lower_ in PRONOUNS and head.lower_ not in ("they", "them", "we", "us", "their", "our", "its"):
            return None
        ref = tracker.last_armed_non_state(head.idx)
        if ref is None and head.lower_ in PRONOUNS:
            ref = tracker.last_any(head.idx)
        if ref is not None and ref.entry is not None:
            return ActorRef(ref.actor, ref.entry, start, end, "coref")
        if head.lower_ in PRONOUNS:
            return None
    # 6. kept as written: named organisations and people, or an armed-sounding noun phrase
    for ent in doc.ents:
        if ent.label_ in ("PERSON", "ORG", "NORP") and any(t.i in idx for t in ent) and ent.root.i in idx:
            if ent.label_ == "NORP" and role == "actor":
                continue
            return ActorRef(unregistered(ent.text), None, ent.start_char, ent.end_char, "unregistered")
    if registry.is_generic_armed(head.lemma_) or role_key in ("military", "police", "government"):
        text = doc.text[start:end]
        return ActorRef(unregistered(text), None, start, end, "unregistered")
    return None


def predicate_of(trigger: Token) -> Token:
    """The verb whose arguments are the trigger's: itself, or the light verb carrying a noun trigger."""
    tok = trigger
    if tok.pos_ == "VERB":
        return tok
    # "a raid" <- dobj of "launched"; "assault operations" <- dobj of "conducting"
    head = tok
    for _ in range(3):
        if head.dep_ in ("dobj", "attr", "nsubjpass", "pobj", "compound", "conj", "appos") and head.head.i != head.i:
            head = head.head
            if head.pos_ in ("VERB", "AUX"):
                return head
            if head.pos_ == "ADP":
                continue
        else:
            break
    return tok


def subject_of(pred: Token) -> Token | None:
    """The agent of a predicate: nsubj, "by X" of a passive, or inherited through xcomp/conj/acl."""
    tok = pred
    for _ in range(4):
        for child in tok.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
            if child.dep_ == "agent":
                for g in child.children:
                    if g.dep_ == "pobj":
                        return g
        if tok.dep_ in ("xcomp", "conj", "advcl", "ccomp") and tok.head.i != tok.i:
            # "claimed to have killed": the subject of "claimed"; conj shares its subject
            if tok.dep_ == "ccomp":
                break
            tok = tok.head
            continue
        if tok.dep_ == "acl" and tok.head.i != tok.i:
            return tok.head
        if tok.dep_ == "pcomp" and tok.head.head.i != tok.head.i:
            tok = tok.head.head
            continue
        break
    return None


def objects_of(pred: Token, trigger: Token) -> list[Token]:
    """Candidate targets: direct objects, passive subjects, "against/on/with X"."""
    out: list[Token] = []
    for tok in {pred, trigger}:
        for child in tok.children:
            if child.dep_ in ("dobj", "nsubjpass") and child.i != trigger.i:
                out.append(child)
            elif child.dep_ == "prep" and child.lower_ in TARGET_PREPS:
                out.extend(g for g in child.children if g.dep_ == "pobj")
            elif child.dep_ == "poss" and tok.pos_ == "NOUN" and tok is trigger:
                continue
    return out


def nominal_agent(trigger: Token) -> Token | None:
    """'Russia's attack', 'an attack by X', 'X's shelling'."""
    if trigger.pos_ != "NOUN":
        return None
    for child in trigger.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ == "of" and trigger.lemma_ in CONTROL_NOUNS:
            # "under the control of X": X holds the place
            for g in child.children:
                if g.dep_ == "pobj":
                    return g
        if child.dep_ == "prep" and child.lower_ == "by":
            for g in child.children:
                if g.dep_ == "pobj":
                    return g
    return None


def conjuncts(token: Token) -> list[Token]:
    return [c for c in token.conjuncts if c.i != token.i]
