"""Who did it to whom: dependency roles around a trigger, resolved to registry actors.

actor1 is the agent (the subject of the trigger's predicate, the agent of a passive, the
possessor or "by X" of a nominal trigger); actor2 the target (direct object, passive subject,
"against/on/with X"). A noun phrase becomes an actor by, in order: a registry alias inside it,
a public figure who speaks for an institution, a demonym or capital with a role noun
("Russian soldiers" -> Military Forces of Russia; "its troops" in what the Russian ministry
said -> the same), a force named only by modifiers ("a Syrian army bus", "a Russian missile
strike"), a generic armed noun or pronoun that refers back to the group last named (light
coreference; never "a rights group"), or else the phrase as written (unregistered), unless the
name in it is a place ("the village of X", "an attack on Sumy").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from spacy.tokens import Doc, Span, Token

from sitreps.extract.doc_index import doc_index
from sitreps.model import Actor, DateValue, Location
from sitreps.resolve.actors import ActorEntry, ActorRegistry, IdentityGroup, unregistered

ACTOR_LABEL = "ACTOR"
SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
TARGET_PREPS = frozenset({"against", "on", "at", "upon", "with", "into", "in"})
PRONOUNS = frozenset({"they", "them", "we", "us", "their", "our", "its", "it", "he", "she"})


@dataclass
class ActorRef:
    """An actor read from the text, with the tokens it came from."""

    actor: Actor
    entry: ActorEntry | None
    start_char: int
    end_char: int
    how: str  # "registry" | "person" | "composed" | "coref" | "capital" | "unregistered" | "civilians"
    subject: bool = False  # read as a clause's subject: the likeliest antecedent of a later "they"
    # the country came from the story, not the text ("government forces", "gunmen", "civilians"):
    # the name follows the country of the event's resolved place (`place_sides`)
    placed: bool = False
    role_key: str | None = None  # the composed role ("military", "police", ...), or a militia kind
    group: IdentityGroup | None = None  # the community an identity militia is named after

    @property
    def armed_non_state(self) -> bool:
        return bool(self.entry and self.entry.armed_non_state)


@dataclass
class ActorTracker:
    """Registered actors in reading order, for light coreference."""

    seen: list[ActorRef] = field(default_factory=list)
    # every registered actor the article names, for a lede that names the group only later
    # ("The two armed groups ... announced" before "the Russian Volunteer Corps" is named)
    ahead: list[ActorRef] = field(default_factory=list)
    # the country most of the story's places are in: whose "government forces" these are
    default_country: str | None = None
    # surnames of titled officials met so far ("governor Smirnov"), for their later mentions
    people: dict[str, ActorEntry] = field(default_factory=dict)
    # main_armed's tally, brought up to date with `seen` as it grows instead of recounted per
    # event (which made a long story quadratic): armed actor id -> times named, and its first
    # (order, ref) with order (0, i) for seen[i] and (1, j) for ahead[j]; the leader so far
    _tally: dict[str, int] = field(default_factory=dict, init=False, repr=False)
    _first: dict[str, tuple[tuple[int, int], ActorRef]] = field(default_factory=dict, init=False, repr=False)
    _leader: tuple[tuple[int, tuple[int, int]], ActorRef] | None = field(default=None, init=False, repr=False)
    _tallied: tuple[int, int] = field(default=(-1, -1), init=False, repr=False)  # (len(seen), len(ahead)) counted

    def note(self, ref: ActorRef | None) -> None:
        if ref is not None and ref.entry is not None and ref.how != "coref":
            self.seen.append(ref)

    def last_armed_non_state(self, before_char: int, window: int = 600) -> ActorRef | None:
        """The armed group a "they"/"the rebels" at `before_char` most likely means.

        A recent subject wins over a group named in passing ("the Legion fought, alongside the
        Corps, ... They said"): subjects within `window` characters first, then any mention.
        """
        for ref in reversed(self.seen):
            if ref.start_char < before_char and ref.armed_non_state and ref.subject:
                if before_char - ref.start_char <= window:
                    return ref
                break
        for ref in reversed(self.seen):
            if ref.start_char < before_char and ref.armed_non_state:
                return ref
        for ref in self.ahead:
            if ref.start_char >= before_char and ref.armed_non_state and ref.start_char - before_char <= 2 * window:
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

    def main_armed(self) -> ActorRef | None:
        """The story's main armed group: the registered non-state armed actor it names most
        (first named on a tie), the likeliest author of an attack whose agent goes unsaid."""
        counted_seen, counted_ahead = self._tallied
        if counted_ahead != len(self.ahead) or counted_seen > len(self.seen):
            self._tally, self._first, self._leader, counted_seen = {}, {}, None, 0
            for j, ref in enumerate(self.ahead):
                self._count_armed(ref, (1, j))
        for i in range(counted_seen, len(self.seen)):
            self._count_armed(self.seen[i], (0, i))
        self._tallied = (len(self.seen), len(self.ahead))
        return self._leader[1] if self._leader is not None else None

    def _count_armed(self, ref: ActorRef, order: tuple[int, int]) -> None:
        """One more naming of `ref`'s actor; it leads when named most, first named on a tie."""
        if not ref.armed_non_state or ref.how == "coref":
            return
        key = ref.actor.id
        self._tally[key] = self._tally.get(key, 0) + 1
        if key not in self._first or order < self._first[key][0]:
            self._first[key] = (order, ref)
        rank = (-self._tally[key], self._first[key][0])  # a naming only raises its own actor's rank
        if self._leader is None or rank < self._leader[0]:
            self._leader = (rank, self._first[key][1])

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
DEFAULT_COUNTRY_ROLES = frozenset({"military", "police", "government"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})
PARTITIVES = frozenset(
    {
        "handful",
        "group",
        "number",
        "dozen",
        "dozens",
        "hundred",
        "hundreds",
        "unit",
        "units",
        "band",
        "squad",
        "detachment",
        "some",
        "several",
        "many",
        "most",
        "all",
        "few",
        "part",
        "members",
        "member",
    }
)
CONTROL_NOUNS = frozenset({"control", "hands", "occupation"})


def actor_entities(doc: Doc) -> list[Span]:
    return [e for e in doc_index(doc).ents if e.label_ == ACTOR_LABEL]


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


class _Nobody(Enum):
    """What a reading returns when it knows the phrase names no one: the readings after it are not tried."""

    NOBODY = 0


NOBODY = _Nobody.NOBODY


@dataclass
class Phrase:
    """A noun phrase being read as an actor: its tokens, the entities over them, its role noun."""

    head: Token
    tokens: list[Token]
    registry: ActorRegistry
    tracker: ActorTracker
    role: str  # "actor", "target" or "claimant": what the phrase is to its event
    exclude: Token | None
    # only the entities over the phrase's token range can hold a token of it: looked up, not
    # scanned, so a long article is not read once per phrase
    near_ents: list[Span]
    role_key: str | None  # the role noun of the head ("military", "police", "civilians", ...)
    indexes: frozenset[int] = field(init=False)  # the phrase's token indexes, for `holds`

    def __post_init__(self) -> None:
        self.indexes = frozenset(t.i for t in self.tokens)

    @property
    def start(self) -> int:
        return self.tokens[0].idx

    @property
    def end(self) -> int:
        return self.tokens[-1].idx + len(self.tokens[-1])

    @property
    def subject(self) -> bool:
        return self.head.dep_ in SUBJECT_DEPS

    def holds(self, ent: Span) -> bool:
        """Whether a token of `ent` is one of the phrase's."""
        return any(t.i in self.indexes for t in ent)

    def ref(
        self, actor: Actor, entry: ActorEntry | None, how: str, placed: bool = False, role_key: str | None = None
    ) -> ActorRef:
        """An actor read over the whole phrase."""
        return ActorRef(actor, entry, self.start, self.end, how, placed=placed, role_key=role_key)

    def as_written(self) -> ActorRef:
        return self.ref(unregistered(_phrase_name(self.head, self.tokens)), None, "unregistered")

    def generic_armed(self) -> bool:
        return self.registry.is_generic_armed(self.head.lemma_) or self.registry.is_generic_armed(self.head.text)

    def unidentified_armed_group(self) -> ActorRef:
        # armed men no report names: ACLED's "Unidentified Armed Group (Country)"
        actor = self.registry.unidentified_armed_group(self.tracker.default_country)
        return self.ref(actor, None, "unidentified", placed=True, role_key="unidentified")


PhraseReading = Callable[[Phrase], "ActorRef | _Nobody | None"]


def resolve_phrase(
    head: Token,
    registry: ActorRegistry,
    tracker: ActorTracker,
    exclude: Token | None = None,
    role: str = "actor",
) -> ActorRef | None:
    """The actor a noun phrase names, or None when it names no one (a place, a thing): the
    first of `PHRASE_READINGS` that reads it."""
    tokens = phrase_tokens(head, exclude)
    if not tokens:
        return None
    # a multi-word head first ("police forces" are police, "armed forces" the military), then
    # the head word alone
    role_key = _multiword_role(head, tokens, registry)
    role_key = role_key or registry.role_of_head(head.text) or registry.role_of_head(head.lemma_)
    near_ents = doc_index(head.doc).ents_touching(tokens[0].i, tokens[-1].i)
    phrase = Phrase(head, tokens, registry, tracker, role, exclude, near_ents, role_key)
    for reading in PHRASE_READINGS:
        found = reading(phrase)
        if found is NOBODY:
            return None
        if found is not None:
            return found
    return None


def _no_party(p: Phrase) -> _Nobody | None:
    head = p.head
    if head.lemma_.lower() in PLACE_NOUNS:
        return NOBODY  # "Russian territory", "Ukrainian soil": a place, not a party
    if head.lower_ in RECIPROCAL_WORDS and head.i > 0 and head.doc[head.i - 1].lower_ in ("each", "one"):
        return NOBODY  # "clashed with each other": the sides are the subject's (reciprocal_sides)
    return None


def _partitive_member(p: Phrase) -> ActorRef | _Nobody | None:
    # "a handful of the rebels", "dozens of soldiers": the people are in the of-phrase
    if p.head.lemma_.lower() not in PARTITIVES:
        return None
    of = next((c for c in p.head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    member = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    if member is None:
        return None
    return resolve_phrase(member, p.registry, p.tracker, exclude=p.exclude, role=p.role) or NOBODY


def _bracketed_identity(p: Phrase) -> ActorRef | None:
    return _parenthetical_identity(p.head, p.registry, p.tracker, p.role)


def _registry_alias(p: Phrase) -> ActorRef | None:
    # a registry alias inside the phrase (the one nearest the head)
    ents = [e for e in p.near_ents if e.label_ == ACTOR_LABEL and p.holds(e)]
    if not ents:
        return None
    ent = min(ents, key=lambda e: abs(e.root.i - p.head.i))
    entry = p.registry.get(ent.ent_id_) or p.registry.match(ent.text)
    if entry is None:
        return None
    return ActorRef(entry.actor(), entry, ent.start_char, ent.end_char, "registry")


def _public_figure(p: Phrase) -> ActorRef | None:
    # a public figure speaking for an institution (the small model sometimes tags a titled name
    # ORG: "governor Pavel Orlov")
    head, doc, registry = p.head, p.head.doc, p.registry
    for ent in p.near_ents:
        titled_org = ent.label_ == "ORG" and ent.start > 0 and registry.role_of_head(doc[ent.start - 1].lower_)
        if (ent.label_ == "PERSON" or titled_org) and p.holds(ent):
            if ent.root.dep_ == "poss" and ent.root.head.i == head.i and not ent.start <= head.i < ent.end:
                continue  # "Putin's armed forces": the forces, composed below, not the man
            entry = registry.person(ent.text) or _titled_person(ent, registry, p.tracker)
            if entry is not None:
                p.tracker.people.setdefault(ent[-1].lower_, entry)  # "Smirnov wrote", later
                return ActorRef(entry.actor(), entry, ent.start_char, ent.end_char, "person")
    if head.pos_ == "PROPN" and head.lower_ in p.tracker.people:
        entry = p.tracker.people[head.lower_]  # "Orlov wrote": the official named with a title earlier
        return ActorRef(entry.actor(), entry, head.idx, head.idx + len(head), "person")
    return None


def _armed_civilians_reading(p: Phrase) -> ActorRef | None:
    if p.role_key == "civilians" and p.role == "actor":
        return _armed_civilians(p.head, p.tokens, p.registry, p.tracker)
    return None


def _modifier_country(p: Phrase) -> str | None:
    """The country a demonym, capital or possessive before the head names ("Russian soldiers",
    "Kyiv's forces")."""
    doc, head, registry = p.head.doc, p.head, p.registry
    for t in p.tokens:
        if t.i == head.i or _negated_modifier(t) or not _modifies(t, head):
            continue
        country = registry.country_of_modifier(t.text) or registry.country_of_modifier(
            t.text + ("'s" if t.dep_ == "poss" and not t.text.endswith("'s") else "")
        )
        if t.dep_ == "poss" or (t.i + 1 < len(doc) and doc[t.i + 1].tag_ == "POS"):
            country = country or registry.country_of_modifier(t.text + "'s")
        if country:
            return country
    return None


def _role_noun(p: Phrase) -> ActorRef | None:
    # a demonym or capital with a role noun: "Russian soldiers" -> Military Forces of Russia
    role_key = p.role_key
    if role_key is None:
        return None
    country = _modifier_country(p)
    if country is None and role_key != "civilians":
        country = _possessor_country(p.head, p.registry, p.tracker)
    placed = False
    if country is None and role_key in DEFAULT_COUNTRY_ROLES and not _foreign_modifier(p.tokens, p.head):
        # "government forces", "the interior ministry", "officials": the state the story is in,
        # and finally the state the event's place is in
        country, placed = p.tracker.default_country, True
    entry = p.registry.compose(country, role_key) if country else None
    if entry is not None:
        if role_key == "government":
            # "regional governor Alexei Smirnov": later, "Smirnov" alone is the same office
            for ent in p.near_ents:
                if ent.label_ == "PERSON" and p.holds(ent):
                    p.tracker.people.setdefault(ent[-1].lower_, entry)
        return p.ref(entry.actor(), entry, "composed", placed=placed, role_key=role_key)
    if role_key == "civilians":
        return p.ref(Actor(id="CIV", name="Civilians"), None, "civilians", placed=True, role_key=role_key)
    if role_key in CROWD_ROLES:
        # "demonstrators", "a mob": ACLED's Protesters / Rioters of the event's country
        crowd = Actor(id=role_key, name=role_key.capitalize())
        return p.ref(crowd, None, "crowd", placed=True, role_key=role_key)
    return None


def _force_in_modifiers(p: Phrase) -> ActorRef | None:
    # a force named only as a modifier: "a Syrian army bus", "a Russian missile strike"
    if p.role_key is not None:
        return None
    composed = _modifier_force(p.head, p.tokens, p.registry)
    if composed is not None:
        return p.ref(composed.actor(), composed, "composed")
    role_mod = _bare_force_modifier(p.head)
    if role_mod is not None and p.tracker.default_country and p.role == "target":
        # "a police checkpoint", "an army post": the force of the story's (then the event's) country
        entry = p.registry.compose(p.tracker.default_country, role_mod)
        if entry is not None:
            return p.ref(entry.actor(), entry, "composed", placed=True, role_key=role_mod)
    return None


def _capital_for_government(p: Phrase) -> ActorRef | None:
    # metonymy: "Moscow said", "Kyiv denies"
    if not (p.head.pos_ == "PROPN" and p.subject and len(p.tokens) <= 2):
        return None
    country = p.registry.capital_country(p.head.text)
    entry = p.registry.compose(country, "government") if country else None
    return p.ref(entry.actor(), entry, "capital") if entry is not None else None


def _communal_militia(p: Phrase) -> ActorRef | None:
    # "ethnic Amhara militiamen", "Habar Gedir clan militia", "a gunman from the Saad clan",
    # "militiamen from Tonj South county"
    return _identity_militia(p.head, p.tokens, p.registry, p.tracker)


def _unknown_or_unregistered_group(p: Phrase) -> ActorRef | None:
    # a named group the registry does not know ("Frontier Sentinels fighters", "fighters of the
    # X Brigade"): kept under its own name and remembered, so a later "the group" finds it
    if not p.generic_armed():
        return None
    if _unknown_armed(p.head):
        return p.unidentified_armed_group()  # "unidentified gunmen": nobody named before them is meant
    named = _named_group(p.head)
    if named is None:
        return None
    actor = unregistered(named.text)
    entry = ActorEntry(id=actor.id, name=actor.name, type="rebel_group")
    p.tracker.note(ActorRef(actor, entry, named.start_char, named.end_char, "named", subject=p.subject))
    return ActorRef(actor, entry, named.start_char, named.end_char, "unregistered")


def _definite_name_back_reference(p: Phrase) -> ActorRef | None:
    # "the Legion" / "the Corps" name the last registered actor whose name holds that word
    head, registry = p.head, p.registry
    if not (
        head.pos_ in ("NOUN", "PROPN")
        and any(t.lower_ == "the" for t in p.tokens)
        and len(p.tokens) <= 3
        and registry.role_of_head(head.lemma_) is None
        and registry.role_of_head(head.text) is None
    ):
        return None
    ref = p.tracker.last_named_with(head.text, head.idx)
    if ref is None or ref.entry is None:
        return None
    # a re-mention by name keeps the actor salient for later pronouns ("They added ...")
    p.tracker.note(ActorRef(ref.actor, ref.entry, p.start, p.end, "named", subject=p.subject))
    return p.ref(ref.actor, ref.entry, "coref")


def _announcer_pronoun(p: Phrase) -> ActorRef | None:
    # a pronoun inside what someone announced is that speaker ("the Legion announced that they
    # had captured ...")
    if p.head.lower_ not in ("they", "we", "it") or p.role != "actor":
        return None
    speaker = _reporting_subject(p.head)
    ref = resolve_phrase(speaker, p.registry, p.tracker, role=p.role) if speaker is not None else None
    return p.ref(ref.actor, ref.entry, "coref") if ref is not None and ref.entry is not None else None


def _civil_body(p: Phrase) -> ActorRef | None:
    # "a rights group said": a civilian body, kept as written, never the militia named before
    registry = p.registry
    civil = any(
        c.dep_ in ("compound", "amod")
        and (registry.is_non_armed_modifier(c.text) or registry.is_non_armed_modifier(c.lemma_))
        for c in p.head.children
    )
    return p.as_written() if civil else None


def _definite_group_back_reference(p: Phrase) -> ActorRef | None:
    # "Al Shabaab ... some 20 fighters from the armed group": a definite group is the armed
    # group named before it, not a new unidentified one
    head = p.head
    if head.lemma_.lower() not in DEFINITE_BACK_REFERENCES or p.tokens[0].lower_ != "the" or _unknown_armed(head):
        return None
    ref = p.tracker.last_armed_non_state(head.idx)
    return p.ref(ref.actor, ref.entry, "coref") if ref is not None and ref.entry is not None else None


def _armed_plain_people(p: Phrase) -> ActorRef | None:
    # "armed men", "masked men", "unknown individuals": ACLED's Unidentified Armed Group
    if p.head.lemma_.lower() in PLAIN_PEOPLE and _armed_modifier(p.head) and p.role != "claimant":
        return p.unidentified_armed_group()
    return None


def _pronoun_or_generic_back_reference(p: Phrase) -> ActorRef | _Nobody | None:
    # "they", "the fighters": the armed group last named (or, for a pronoun, anyone last named)
    head = p.head
    pronoun = head.lower_ in PRONOUNS
    if not (pronoun or p.generic_armed()):
        return None
    if pronoun and head.lower_ not in ("they", "them", "we", "us", "their", "our", "its"):
        return NOBODY
    ref = p.tracker.last_armed_non_state(head.idx)
    if ref is None and pronoun:
        ref = p.tracker.last_any(head.idx)
    if ref is not None and ref.entry is not None:
        if p.subject:
            p.tracker.note(ActorRef(ref.actor, ref.entry, p.start, p.end, "named", subject=True))
        return p.ref(ref.actor, ref.entry, "coref")
    return NOBODY if pronoun else None


def _name_as_written(p: Phrase) -> ActorRef | None:
    # named organisations and people, kept as written. A name inside the phrase speaks for it
    # only when it names the head ("the Sudan Doctors Network") or the head is a person or force
    # of it ("a spokesman for X"); in "the village of X" or "residential areas of X" the name is
    # a place.
    head, role = p.head, p.role
    for ent in p.near_ents:
        if ent.label_ not in ("PERSON", "ORG", "NORP") or not p.holds(ent) or ent.root.i not in p.indexes:
            continue
        names_head = ent.start <= head.i < ent.end
        if ent.label_ == "NORP":
            if role == "claimant" and not names_head:
                return p.as_written()  # "Palestinian medics said"
            continue
        speaks_for = p.role_key or head.lemma_.lower() in SPEAKER_NOUNS or p.registry.is_generic_armed(head.lemma_)
        if not names_head and not speaks_for:
            continue
        if role != "claimant" and names_head and _is_place_name(ent.text):
            continue  # "a drone attack on Sumy", a "TOWN (Wire) -" dateline: the NER's PERSON/ORG is a place
        return ActorRef(unregistered(ent.text), None, ent.start_char, ent.end_char, "unregistered")
    return None


def _unnamed_armed(p: Phrase) -> ActorRef | None:
    if not p.registry.is_generic_armed(p.head.lemma_) or p.head.lower_ in PRONOUNS or p.role == "claimant":
        return None
    if _is_militia_noun(p.head):
        # an unnamed militia: ACLED's "Unidentified Communal Militia (Country)" (or a regional name)
        actor = p.registry.identity_militia(None, "communal", p.tracker.default_country)
        entry = ActorEntry(id=actor.id, name=actor.name, type="identity_militia", inter=4)
        return p.ref(actor, entry, "unidentified", placed=True, role_key="communal")
    return p.unidentified_armed_group()


def _force_of_no_country_yet(p: Phrase) -> ActorRef | None:
    # "security forces" in a story with no country yet: named once the event's place is known
    if not (p.registry.is_generic_armed(p.head.lemma_) or p.role_key in ("military", "police", "government")):
        return None
    placed = p.role_key in DEFAULT_COUNTRY_ROLES and not _foreign_modifier(p.tokens, p.head)
    name = unregistered(_phrase_name(p.head, p.tokens))
    return p.ref(name, None, "unregistered", placed=placed, role_key=p.role_key if placed else None)


def _unknown_speaker(p: Phrase) -> ActorRef | None:
    # "according to the head of the district": a speaker the registry does not know
    return p.as_written() if p.role == "claimant" and p.head.lemma_.lower() in SPEAKER_NOUNS else None


# the ways a noun phrase names an actor, tried in this order; the first that reads it wins
PHRASE_READINGS: tuple[PhraseReading, ...] = (
    _no_party,
    _partitive_member,
    _bracketed_identity,
    _registry_alias,
    _public_figure,
    _armed_civilians_reading,
    _role_noun,
    _force_in_modifiers,
    _capital_for_government,
    _communal_militia,
    _unknown_or_unregistered_group,
    _definite_name_back_reference,
    _announcer_pronoun,
    _civil_body,
    _definite_group_back_reference,
    _armed_plain_people,
    _pronoun_or_generic_back_reference,
    _name_as_written,
    _unnamed_armed,
    _force_of_no_country_yet,
    _unknown_speaker,
)


CROWD_ROLES = frozenset({"protesters", "rioters"})
MILITIA_NOUNS = frozenset({"militia", "militias", "militiaman", "militiamen"})
# heads that a community's name makes a communal militia ("Nuer gunmen", "fighters from the X clan")
COMMUNAL_HEADS = MILITIA_NOUNS | {
    "gunman",
    "gunmen",
    "fighter",
    "fighters",
    "man",
    "men",
    "youth",
    "youths",
    "raiders",
    # a community that fights is its militia ("clashes between the X and Y communities")
    "community",
    "communities",
    "clan",
    "clans",
    "tribe",
    "tribes",
    "tribesmen",
    "herders",
    "pastoralists",
}
KIND_WORDS = {
    "clan": "clan",
    "clans": "clan",
    "subclan": "sub-clan",
    "sub-clan": "sub-clan",
    "ethnic": "ethnic",
    "tribal": "ethnic",
    "communal": "communal",
    "sub": "sub-clan",
}
UNKNOWN_MODIFIERS = frozenset({"unidentified", "unknown", "unnamed", "unspecified", "anonymous"})
ARMED_MODIFIERS = UNKNOWN_MODIFIERS | {"armed", "masked", "hooded", "heavily-armed"}
# heads that, with "the", mean a group already named ("the armed group", "the group")
DEFINITE_BACK_REFERENCES = frozenset({"group"})
PLAIN_PEOPLE = frozenset({"man", "men", "person", "people", "individual", "individuals", "assailant", "group"})
# herders who attack are, in ACLED's coding, a communal militia even when no weapon is said
PASTORAL_HEADS = frozenset({"herder", "herders", "pastoralist", "pastoralists", "herdsman", "herdsmen", "nomads"})


def _is_militia_noun(head: Token) -> bool:
    return head.lower_ in MILITIA_NOUNS or head.lemma_.lower() in MILITIA_NOUNS


def _unknown_armed(head: Token) -> bool:
    """ "unidentified gunmen", "unknown attackers": armed men the report says it cannot name."""
    return any(c.dep_ in ("amod", "compound") and c.lower_ in UNKNOWN_MODIFIERS for c in head.children)


def _armed_modifier(head: Token) -> bool:
    return any(c.dep_ in ("amod", "compound", "advmod") and c.lower_ in ARMED_MODIFIERS for c in head.children)


def _identity_militia(
    head: Token,
    tokens: list[Token],
    registry: ActorRegistry,
    tracker: ActorTracker,
    any_head: bool = False,
    listed: bool = False,
) -> ActorRef | None:
    """A militia named after a community or a place, in ACLED's naming: "Amhara Ethnic Militia
    (Ethiopia)", "Habar Gedir-Ayr Sub-Clan Militia (Somalia)", "Tonj South Communal Militia (South
    Sudan)". The community comes from the head's modifiers or a "from/of the X clan" phrase.
    `any_head`: the head is already known to be armed ("armed herders"), whatever its noun;
    `listed`: `tokens` are the community's words wherever they stand ("militias (X and Y)")."""
    lower = head.lower_
    if not any_head and lower not in COMMUNAL_HEADS and head.lemma_.lower() not in COMMUNAL_HEADS:
        return None
    militia_noun = _is_militia_noun(head)
    words = _community_words(head, tokens, listed)
    kind = None
    for t in words:
        k = KIND_WORDS.get(t.lower_)
        if k is not None and (kind is None or k == "sub-clan"):
            kind = k
    group, place_name, kind = _named_community(_name_runs(words, head, registry), kind, militia_noun, registry)
    if group is None and place_name is None:
        if kind in ("clan", "sub-clan", "ethnic") and (militia_noun or any(w.lower_ in KIND_WORDS for w in words[-3:])):
            # "two ethnic militias", "gunmen of one clan": a communal militia no one names
            return _unnamed_militia(kind, tokens, head, registry, tracker)
        return None
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    if group is not None:
        # a known sub-clan stays one though the text says "clan militia"
        sub = "sub-clan" in (kind, group.kind)
        kind = "sub-clan" if sub else (group.kind if kind in (None, "ethnic") else kind)
        if kind == "communal":
            kind = group.kind
        group = IdentityGroup(group.name, kind, group.countries, group.aliases)
        actor = registry.identity_militia(group, kind, tracker.default_country)
    else:
        country = registry.countries.get(tracker.default_country or "")
        name = f"{place_name} Communal Militia" + (f" ({country.name})" if country else "")
        actor = Actor(id=f"militia:{name.lower().replace(' ', '-')}", name=name)
        group, kind = IdentityGroup(place_name or "", "communal", ()), "place"
    entry = ActorEntry(id=actor.id, name=actor.name, type="identity_militia", inter=4)
    tracker.note(ActorRef(actor, entry, start, end, "named", subject=head.dep_ in SUBJECT_DEPS))
    return ActorRef(actor, entry, start, end, "composed", placed=True, role_key=kind, group=group)


def _community_words(head: Token, tokens: list[Token], listed: bool) -> list[Token]:
    """The words that may name the militia's community: the head's modifiers (not "... in X
    village") and its "from/of" phrase, in text order."""
    words = [t for t in tokens if t.i != head.i] if listed else [t for t in tokens if t.i < head.i]
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "of"):
            words.extend(t for t in child.subtree if t.i not in {w.i for w in words})
    return sorted(words, key=lambda t: t.i)


def _name_runs(words: list[Token], head: Token, registry: ActorRegistry) -> list[list[Token]]:
    """Runs of capitalised words that are neither a country's nor a registered actor's name."""
    runs: list[list[Token]] = []
    for t in words:
        # a capital from the sentence start is no name: "Armed men from the clan ..."
        plain = t.lower_ in KIND_WORDS or t.lower_ in ARMED_MODIFIERS or t.lower_ in SAME_KIND_WORDS
        named = t.text[:1].isupper() and t.pos_ in ("PROPN", "ADJ", "NOUN") and not plain
        if named and registry.country_of_modifier(t.text) is None and not registry.match(t.text, fuzzy=False):
            if runs and runs[-1][-1].i == t.i - 1 or runs and t.i >= 1 and head.doc[t.i - 1].text in ("-", "‐"):
                runs[-1].append(t)
            else:
                runs.append([t])
    return runs


def _named_community(
    runs: list[list[Token]], kind: str | None, militia_noun: bool, registry: ActorRegistry
) -> tuple[IdentityGroup | None, str | None, str | None]:
    """The community the first run that names one names (a registered identity, or any name
    before a clan/ethnic word), else a place a militia is named after; with the militia's kind."""
    place_name = None
    for run in runs:
        texts = [t.text for t in run]
        for n in range(len(texts), 0, -1):
            found = registry.identity(" ".join(texts[:n]))
            if found is None:
                continue
            rest = " ".join(texts[n:])
            if rest and (kind == "sub-clan" or found.kind == "clan"):
                # "Habar Gedir Ayr clan militia": a clan's name then its lineage's, a sub-clan
                lineage = registry.identity(rest)
                name = lineage.name if lineage is not None and lineage.kind == "sub-clan" else f"{found.name}-{rest}"
                return IdentityGroup(name, "sub-clan", found.countries), None, "sub-clan"
            return found, None, kind
        if kind in ("clan", "sub-clan", "ethnic"):
            return IdentityGroup(" ".join(texts), kind, ()), None, kind
        if militia_noun and any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in run):
            place_name = " ".join(texts)
    return None, place_name, kind


# civilians who, acting together, are a crowd: their violence is a riot in ACLED's coding
CROWD_CIVILIAN_HEADS = frozenset(
    {
        "residents",
        "villagers",
        "locals",
        "inhabitants",
        "students",
        "pupils",
        "worshippers",
        "worshipers",
        "congregants",
        "churchgoers",
        "parishioners",
        "traders",
        "vendors",
        "workers",
        "miners",
        "passengers",
        "motorists",
        "riders",
    }
)


def crowd_of_civilians(ref: ActorRef, head: Token | None) -> ActorRef | None:
    """Civilians read as the agent: residents or students who attack, lynch or clash are ACLED's
    Rioters of the event's country (Protesters in a protest); a single unnamed person is no side."""
    if head is None or head.lower_ not in CROWD_CIVILIAN_HEADS:
        return None
    crowd = Actor(id="rioters", name="Rioters")
    return ActorRef(crowd, None, ref.start_char, ref.end_char, "crowd", placed=True, role_key="rioters")


def _unnamed_militia(
    kind: str, tokens: list[Token], head: Token, registry: ActorRegistry, tracker: ActorTracker
) -> ActorRef:
    """ACLED's "Unidentified Ethnic Militia (Sudan)", "Unidentified Clan Militia (Somalia)"."""
    actor = registry.identity_militia(None, kind, tracker.default_country)
    entry = ActorEntry(id=actor.id, name=actor.name, type="identity_militia", inter=4)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    ref = ActorRef(actor, entry, start, end, "unidentified", placed=True, role_key=kind)
    tracker.note(ActorRef(actor, entry, start, end, "named", subject=head.dep_ in SUBJECT_DEPS))
    return ref


def place_sides(
    event_type: str,
    sub_event_type: str | None,
    actor1: ActorRef | None,
    actor2: ActorRef | None,
    location: Location | None,
    when: DateValue | None,
    registry: ActorRegistry,
) -> tuple[ActorRef | None, ActorRef | None]:
    """The two sides named as ACLED names them where and when the event happened.

    Names read from the story's country follow the country of the event's resolved place
    ("government forces", "civilians", "gunmen"); a registered group active elsewhere becomes its
    branch there ("Islamic State" in Mozambique); state names take the government period of the
    event's date; in Protests and Riots an unnamed crowd is ACLED's Protesters / Rioters of that
    country, and in Violence against civilians the civilians are actor2."""
    cc = location.country_code if location is not None else None
    if cc is None:
        # no country from the place: a side that belongs to one country only says where it is
        # ("Amhara special forces beat a woman": Civilians (Ethiopia))
        cc = _home_country(actor1) or _home_country(actor2)
    admin1 = location.admin1 if location is not None else None
    day = _day(when)
    a1, a2 = (_placed(r, cc, admin1, day, registry) for r in (actor1, actor2))
    crowd_type = {"Protests": "protesters", "Riots": "rioters"}.get(event_type)
    if crowd_type is not None and sub_event_type != "Excessive force against protesters":
        if a2 is not None and a2.how == "unregistered":
            a2 = None  # a protest's free-text "target" is where or what it was about, not a side
        crowd_target = a2 is not None and a2.role_key in CROWD_ROLES  # "police arrested protesters"
        if a1 is not None and (a2 is None or crowd_target) and a1.entry is not None and a1.entry.type == "state_forces":
            # forces in a protest's story broke it up: ACLED's actor1 is the crowd, the force actor2
            a1, a2 = None, a1
        if a1 is None or a1.how in ("civilians", "crowd", "unregistered") or a1.role_key in CROWD_ROLES:
            a1 = _crowd_ref(crowd_type, a1, cc, registry)
        if event_type == "Riots" and a2 is not None and a2.role_key in CROWD_ROLES:
            a2 = _crowd_ref(crowd_type, a2, cc, registry)  # "clashed with each other"
    elif event_type == "Protests":
        # excessive force: the force is actor1 and the protest ACLED's Protesters, actor2, whether
        # the text names the crowd as the subject ("protesters marched"), as the people hit
        # ("wounding four teachers") or not at all
        if a1 is not None and (a1.how in ("civilians", "crowd") or a1.role_key in CROWD_ROLES):
            force = a2 is not None and a2.entry is not None and a2.entry.type == "state_forces"
            a1, a2 = (a2 if force else None), a1
        if a2 is None or a2.how in ("civilians", "crowd") or a2.role_key in CROWD_ROLES:
            a2 = _crowd_ref("protesters", a2, cc, registry)
    elif a2 is not None and a2.role_key in CROWD_ROLES:
        a2 = _crowd_ref("rioters", a2, cc, registry)
    if event_type == "Riots" and sub_event_type == "Mob violence" and a2 is None:
        civ = registry.civilians(cc)  # a mob's victims
        a2 = ActorRef(civ, None, 0, 0, "civilians", placed=True, role_key="civilians")
    if sub_event_type == "Looting/property destruction" and a2 is None and a1 is not None:
        civ = registry.civilians(cc)  # what was looted or destroyed was the civilians' (ACLED)
        a2 = ActorRef(civ, None, 0, 0, "civilians", placed=True, role_key="civilians")
    if event_type == "Violence against civilians" and a1 is not None and a1.how == "crowd":
        a1 = _crowd_ref("rioters", a1, cc, registry)  # a mob that kills is ACLED's rioters
    if event_type == "Violence against civilians" and (a2 is None or a2.entry is None and a2.how != "civilians"):
        civ = registry.civilians(cc)
        start, end = (a2.start_char, a2.end_char) if a2 is not None else (0, 0)
        a2 = ActorRef(civ, None, start, end, "civilians", placed=True, role_key="civilians")
    return a1, a2


def _home_country(ref: ActorRef | None) -> str | None:
    """The one country a registered, not story-placed side is active in (None for a group
    active in several: Al Shabaab in a story with no place could be in Kenya)."""
    if ref is None or ref.placed or ref.entry is None or len(ref.entry.countries) != 1:
        return None
    return ref.entry.countries[0]


def _day(when: DateValue | None):
    from datetime import date

    if when is None or not when.start:
        return None
    try:
        return date.fromisoformat(when.start[:10])
    except ValueError:
        return None


def _crowd_ref(role_key: str, ref: ActorRef | None, cc: str | None, registry: ActorRegistry) -> ActorRef:
    actor = registry.protesters(cc) if role_key == "protesters" else registry.rioters(cc)
    start, end = (ref.start_char, ref.end_char) if ref is not None else (0, 0)
    kind = "protesters" if role_key == "protesters" else "rioters"
    entry = ActorEntry(id=actor.id, name=actor.name, type=kind, country=cc, inter=6 if kind == "protesters" else 5)
    return ActorRef(actor, entry, start, end, "composed", placed=True, role_key=role_key)


def _placed(ref: ActorRef | None, cc: str | None, admin1: str | None, day, registry: ActorRegistry) -> ActorRef | None:
    if ref is None:
        return None
    actor, entry = ref.actor, ref.entry
    if ref.placed and cc:
        if ref.role_key == "unidentified":
            actor, entry = registry.unidentified_armed_group(cc), None
        elif ref.role_key == "civilians":
            actor, entry = registry.civilians(cc), None
        elif ref.role_key in CROWD_ROLES:
            return _crowd_ref(ref.role_key, ref, cc, registry)
        elif ref.role_key in ("ethnic", "clan", "sub-clan") and ref.group is None:
            actor = registry.identity_militia(None, ref.role_key, cc)
        elif ref.role_key == "communal" and ref.group is None:
            regional = next(
                (
                    name
                    for (c, word), name in registry.regional_militias.items()
                    if c == cc and word in (admin1 or "").lower()
                ),
                None,
            )
            actor = (
                Actor(id=f"militia:{regional.lower()}", name=regional)
                if regional
                else registry.identity_militia(None, "communal", cc)
            )
        elif ref.group is not None and ref.role_key != "place":
            actor = registry.identity_militia(ref.group, ref.role_key or "ethnic", cc)
        elif ref.group is not None:
            country = registry.countries.get(cc)
            name = f"{ref.group.name} Communal Militia" + (f" ({country.name})" if country else "")
            actor = Actor(id=f"militia:{name.lower().replace(' ', '-')}", name=name)
        elif ref.role_key in DEFAULT_COUNTRY_ROLES:
            composed = registry.compose(cc, ref.role_key, day)
            if composed is not None:
                actor, entry = composed.actor(), composed
    elif entry is not None and entry.id in registry.entries:
        branch = registry.branch_in(entry, cc)
        if branch.id != entry.id:
            entry, actor = branch, branch.actor()
    if entry is not None and day is not None:
        dated = registry.dated_name(actor.name, day)
        if dated != actor.name:
            actor = Actor(id=actor.id, name=dated)
    if actor is ref.actor and entry is ref.entry:
        return ref
    return ActorRef(
        actor, entry, ref.start_char, ref.end_char, ref.how, ref.subject, ref.placed, ref.role_key, ref.group
    )


# Heads that speak for the organisation named inside their phrase ("a commander of X").
SPEAKER_NOUNS = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "commander", "leader", "member", "representative", "head", "chief"}
)
FORCE_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


# words that, opening a bracket after an unnamed side, say who it was taken to be: "armed men
# (likely X)", "militiamen (assumed to be X)", "an armed group (coded as X)"
IDENTIFYING_WORDS = frozenset(
    {
        "likely",
        "probably",
        "possibly",
        "presumably",
        "suspected",
        "assumed",
        "believed",
        "coded",
        "reportedly",
        "thought",
    }
)
UNNAMED_HEADS = frozenset({"group", "groups", "men", "man", "gunmen", "gunman", "militia", "militias", "militiamen"})


def _parenthetical_identity(head: Token, registry: ActorRegistry, tracker: ActorTracker, role: str) -> ActorRef | None:
    """Who a bracket right after an unnamed side says it was: the first actor after an
    identifying word ("an armed group (likely X, given ...)"), or, after a militia noun, the
    communities it lists ("two clan militias (X and Y)": the first of them here)."""
    doc = head.doc
    lemma = head.lemma_.lower()
    if lemma not in UNNAMED_HEADS and head.lower_ not in UNNAMED_HEADS and not registry.is_generic_armed(lemma):
        return None
    if head.i + 1 >= len(doc) or doc[head.i + 1].text != "(":
        return None
    close = next((t.i for t in doc[head.i + 2 : head.i + 30] if t.text == ")"), None)
    if close is None:
        return None
    inside = doc[head.i + 2 : close]
    cue = next((t.i for t in inside if t.lower_ in IDENTIFYING_WORDS), None)
    if cue is not None:
        for ent in actor_entities(doc):
            if cue < ent.start and ent.end <= close:
                entry = registry.get(ent.ent_id_) or registry.match(ent.text)
                if entry is not None:
                    return ActorRef(entry.actor(), entry, ent.start_char, ent.end_char, "registry")
        for tok in doc[cue + 1 : close]:
            # the head of a phrase inside the bracket: its own head lies outside the words read
            heads_phrase = tok.head.i == tok.i or not cue < tok.head.i < close
            if tok.pos_ not in ("NOUN", "PROPN") or not heads_phrase:
                continue
            ref = resolve_phrase(tok, registry, tracker, role=role)
            if ref is not None and (ref.entry is not None or ref.how in ("unidentified", "composed")):
                return ref
        return None
    listed = bracketed_communities(head)
    if listed:
        return _identity_militia(head, [*listed[0], head], registry, tracker, any_head=True, listed=True)
    return None


def bracketed_communities(head: Token) -> list[list[Token]]:
    """The communities a bracket after a militia noun lists: "clan militias (X and Y)" -> [[X], [Y]]."""
    doc = head.doc
    if not _is_militia_noun(head) or head.i + 1 >= len(doc) or doc[head.i + 1].text != "(":
        return []
    close = next((t.i for t in doc[head.i + 2 : head.i + 12] if t.text == ")"), None)
    if close is None:
        return []
    groups: list[list[Token]] = [[]]
    for t in doc[head.i + 2 : close]:
        if t.lower_ in ("and", "&", ",", "vs", "versus"):
            groups.append([])
        elif t.text[:1].isupper() or t.text in ("-", "'"):
            groups[-1].append(t)
        else:
            return []  # words other than names: not a list of communities
    groups = [g for g in groups if g]
    return groups if len(groups) >= 2 else []


def _multiword_role(head: Token, tokens: list[Token], registry: ActorRegistry) -> str | None:
    """The role of a two- or three-word head ending at `head`: "police forces", "ministry of
    defence" (the role must head the phrase: "military hardware" is a thing)."""
    for n in (3, 2):
        for i in range(len(tokens) - n + 1):
            if tokens[i + n - 1].i != head.i:
                continue
            found = registry.role_of_head(" ".join(t.text for t in tokens[i : i + n]))
            if found:
                return found
    return None


def _armed_civilians(
    head: Token, tokens: list[Token], registry: ActorRegistry, tracker: ActorTracker
) -> ActorRef | None:
    """Civilians who act with weapons are a militia in ACLED's coding: "armed herders", "armed
    youths" (or herders and pastoralists who attack at all) are an unnamed communal militia of
    the event's country, and its region's name where ACLED keeps one ("Darfur Communal Militia")."""
    lemma = head.lemma_.lower()
    if not (_armed_modifier(head) or lemma in PASTORAL_HEADS or head.lower_ in PASTORAL_HEADS):
        return None
    community = _identity_militia(head, tokens, registry, tracker, any_head=True)
    if community is not None:
        return community
    actor = registry.identity_militia(None, "communal", tracker.default_country)
    entry = ActorEntry(id=actor.id, name=actor.name, type="identity_militia", inter=4)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    return ActorRef(actor, entry, start, end, "unidentified", placed=True, role_key="communal")


def _titled_person(ent: Span, registry: ActorRegistry, tracker: ActorTracker) -> ActorEntry | None:
    """A person the registry does not know, speaking for a state by title: "regional governor
    Alexei Smirnov" (then "Smirnov" alone, later) is that state's government."""
    doc = ent.doc
    surname = ent[-1].lower_
    if surname in tracker.people:
        return tracker.people[surname]
    # the title: words right before the name, nearest first and not past a comma ("..., killing
    # two people, regional governor X": the governor, not the people), or an apposition ("X, the
    # governor")
    words: list[Token] = []
    for i in range(ent.start - 1, max(ent.start - 5, -1), -1):
        if doc[i].is_punct:
            break
        words.append(doc[i])
    words += [t for t in ent.root.children if t.dep_ == "appos"]
    role_key = None
    country = None
    for t in words:
        role_key = role_key or registry.role_of_head(t.lemma_.lower()) or registry.role_of_head(t.lower_)
        country = country or registry.country_of_modifier(t.text)
    if role_key != "government":
        return None
    entry = (
        registry.compose(country or tracker.default_country or "", role_key)
        if (country or tracker.default_country)
        else None
    )
    if entry is not None:
        tracker.people[surname] = entry
    return entry


def _foreign_modifier(tokens: list[Token], head: Token) -> bool:
    """A proper-noun modifier says whose forces these are ("Wagner forces", "Hamas officials")."""
    return any(t.i != head.i and t.pos_ == "PROPN" and t.dep_ in ("compound", "poss") for t in tokens)


def _named_group(head: Token) -> Span | None:
    """The proper name a generic armed noun carries: "Frontier Sentinels fighters", "fighters of
    (or from) the X", "the group, the X,"."""
    doc = head.doc
    compounds = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
    if compounds:
        first = min(t.left_edge.i for t in compounds)
        last = max(t.i for t in compounds)
        words = [t for t in doc[first : last + 1] if t.dep_ != "det"]
        if words and all(t.text[:1].isupper() for t in words) and not any(t.ent_type_ in ("GPE", "LOC") for t in words):
            return doc[words[0].i : words[-1].i + 1]
    named = _proper_name_of(head)
    if named is not None:
        return named
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "from":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ == "PROPN" and pobj.ent_type_ not in ("GPE", "LOC"):
                    words = [t for t in pobj.subtree if t.dep_ != "det" and t.i <= pobj.i]
                    if words and all(t.text[:1].isupper() for t in words):
                        return doc[words[0].i : pobj.i + 1]
    return None


def _proper_name_of(head: Token) -> Span | None:
    """The proper name in "<fighters> of <Name>", without its article."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ == "PROPN":
                    words = [t for t in pobj.subtree if t.dep_ != "det" and t.i <= pobj.i]
                    if words and all(t.text[:1].isupper() for t in words):
                        return head.doc[words[0].i : pobj.i + 1]
    return None


def _phrase_name(head: Token, tokens: list[Token]) -> str:
    """An unregistered actor's name: the phrase without counts and place or time attachments
    ("50 militants near Menaka" -> "militants"; "militants of the formation" keeps its "of")."""
    drop: set[int] = set()
    for child in head.children:
        if child.dep_ in ("nummod", "quantmod") or (child.dep_ == "prep" and child.lower_ != "of"):
            drop.update(t.i for t in child.subtree)
    kept = [t for t in tokens if t.i not in drop]
    doc = head.doc
    return doc[kept[0].i : kept[-1].i + 1].text if kept else head.text


def _modifies(tok: Token, head: Token) -> bool:
    """Whether `tok` modifies `head` directly or through "of" ("the army of Russia"), not through
    another preposition ("troops in Ukraine" are not Ukraine's)."""
    cur = tok
    for _ in range(6):
        if cur.i == head.i:
            return True
        if cur.pos_ == "ADP" and cur.lower_ != "of":
            return False
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _possessor_country(head: Token, registry: ActorRegistry, tracker: ActorTracker) -> str | None:
    """ "its troops" / "their forces" inside what a speaker said: the speaker's country."""
    poss = next((c for c in head.children if c.dep_ == "poss" and c.lower_ in ("its", "their", "our")), None)
    if poss is None:
        return None
    speaker = _reporting_subject(poss)
    if speaker is None or speaker.i == head.i:
        return None
    ref = resolve_phrase(speaker, registry, tracker, role="claimant")
    if ref is None or ref.entry is None or ref.entry.armed_non_state:
        return None
    return ref.entry.country


def _violent_event_word(tok: Token) -> bool:
    """A noun that names an attack or a weapon ("strike", "assault", "missile", "drone")."""
    from sitreps.extract.triggers import load_lexicon

    lexicon = load_lexicon()
    lemma = tok.lemma_.lower()
    if any(r.type in VIOLENT_TYPES and "NOUN" in r.pos for r in lexicon.rules.get(lemma, ())):
        return True
    return any(lemma in words or tok.lower_ in words for _, words in lexicon.weapons)


def _modifier_force(head: Token, tokens: list[Token], registry: ActorRegistry) -> ActorEntry | None:
    """The state force a phrase names only through modifiers.

    "a Syrian army bus" (a role noun modifying the head, with a demonym) is Syria's military;
    "a Russian missile strike" / "a Russian assault" (a demonym on an attack or weapon noun, or
    the demonym itself as the agent of one) is Russia's military.
    """

    def country_among(toks) -> str | None:
        for t in toks:
            if t.dep_ in FORCE_MODIFIER_DEPS and not _negated_modifier(t):
                cc = registry.country_of_modifier(t.text)
                if cc:
                    return cc
        return None

    if head.dep_ in ("amod", "compound", "nmod") and head.head.pos_ == "NOUN" and _violent_event_word(head.head):
        cc = registry.country_of_modifier(head.text)
        return registry.compose(cc, "military") if cc else None
    mods = [c for c in head.children if c.dep_ in FORCE_MODIFIER_DEPS]
    for mod in mods:
        role_key = registry.role_of_head(mod.text) or registry.role_of_head(mod.lemma_)
        if role_key in ("military", "police"):
            cc = country_among([*mods, *mod.children])
            return registry.compose(cc, role_key) if cc else None
    if head.pos_ == "NOUN" and _violent_event_word(head):
        cc = country_among(mods)
        return registry.compose(cc, "military") if cc else None
    return None


# things a state force holds or drives, whose modifier names the force ("a police checkpoint")
FORCE_PLACES = frozenset(
    {
        "post",
        "checkpoint",
        "station",
        "base",
        "garrison",
        "barracks",
        "patrol",
        "convoy",
        "camp",
        "outpost",
        "position",
        "positions",
        "vehicle",
        "truck",
    }
)


def _bare_force_modifier(head: Token) -> str | None:
    if head.lemma_.lower() not in FORCE_PLACES:
        return None
    for child in head.children:
        if child.dep_ in ("compound", "amod", "nmod") and child.lower_ in ("police", "army", "military"):
            return "police" if child.lower_ == "police" else "military"
    return None


def _is_place_name(text: str) -> bool:
    from sitreps.places import get_gazetteer

    return bool(get_gazetteer().is_name(text))


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
                if child.lower_ in RELATIVE_PRONOUNS and tok.dep_ == "relcl" and tok.head.i != tok.i:
                    return tok.head  # "the groups which launched a raid": the groups
                return _instrument_agent(child) or child
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
            governor = tok.head.head
            if tok.head.lower_ in ("of", "for"):
                # "accused Ukrainian troops of shelling", "blamed the rebels for attacking"
                accused = next((c for c in governor.children if c.dep_ == "dobj"), None)
                if accused is not None:
                    return accused
            tok = governor
            continue
        break
    return None


def objects_of(pred: Token, trigger: Token) -> list[Token]:
    """Candidate targets: direct objects, passive subjects, "against/on/with X"."""
    out: list[Token] = []
    # "with X" is the other side of what two sides do to each other ("clashed with rebels"); of
    # any other act it is the means ("shelled the town with artillery")
    preps = TARGET_PREPS if is_reciprocal(trigger, pred) or _engages(pred) else TARGET_PREPS - {"with"}
    if trigger.dep_ == "nsubj" and trigger.head.pos_ == "VERB" and pred.i == trigger.i:
        # "an airstrike on Rafah killed 12 civilians": who the attack killed is its target
        out.extend(c for c in trigger.head.children if c.dep_ == "dobj")
    for tok in {pred, trigger}:
        for child in tok.children:
            if child.dep_ in ("dobj", "nsubjpass") and child.i != trigger.i:
                out.append(child)
            elif child.dep_ == "prep" and child.lower_ in preps:
                out.extend(g for g in child.children if g.dep_ == "pobj")
            elif child.dep_ == "poss" and tok.pos_ == "NOUN" and tok is trigger:
                continue
    return out


def _engages(pred: Token) -> bool:
    return pred.lemma_.lower() in ("engage", "confront")


# Events two sides do to each other: "A and B clashed" has B as A's opponent, not its ally
RECIPROCAL_LEMMAS = frozenset(
    {"clash", "skirmish", "fight", "fighting", "battle", "exchange", "firefight", "gunfight", "confrontation", "feud"}
)
RECIPROCAL_WORDS = frozenset({"other", "another"})  # "clashed with each other / one another"
# modifiers that say the sides are two of one kind: "rival clans", "two ethnic militias clashed"
# people named by what they belong to: "members of two churches", "followers of rival sheikhs"
MEMBER_NOUNS = frozenset({"member", "follower", "supporter", "youth", "people", "group", "faction"})
SAME_KIND_WORDS = frozenset({"rival", "two", "both", "opposing", "warring", "feuding", "same"})


def is_reciprocal(trigger: Token, pred: Token) -> bool:
    return any(t.lemma_.lower() in RECIPROCAL_LEMMAS for t in (trigger, pred))


def reciprocal_sides(
    trigger: Token,
    pred: Token,
    a1_tok: Token | None,
    actor1: ActorRef | None,
    registry: ActorRegistry,
    tracker: ActorTracker,
) -> tuple[ActorRef | None, ActorRef | None]:
    """Both sides of a clash whose target the objects do not name: (actor1, actor2).

    actor2 is the other conjunct ("Marehan and Hawadle clan militias clashed", "clashes between X
    and Y militias", where the head noun is shared), or the first side again when both are of one
    kind ("students clashed with each other", "two ethnic militias clashed", "rival clans
    fought"): ACLED names both sides, the same name twice if need be."""
    if a1_tok is None or not is_reciprocal(trigger, pred):
        return actor1, None
    each_other = any(
        t.lower_ in RECIPROCAL_WORDS and t.i > pred.i and t.head.dep_ == "prep"
        for t in pred.subtree
        if t.dep_ == "pobj"
    )
    if actor1 is None or actor1.how == "unregistered":
        people = a1_tok.lemma_.lower() in MEMBER_NOUNS or a1_tok.lower_ in CROWD_CIVILIAN_HEADS
        rival = any(t.lower_ in SAME_KIND_WORDS for t in a1_tok.subtree if t.i != a1_tok.i)
        if not people or not (each_other or rival):
            return actor1, None
        # "members of two churches clashed with each other": a brawl, rioters on both sides
        crowd = ActorRef(
            Actor(id="rioters", name="Rioters"),
            None,
            a1_tok.idx,
            a1_tok.idx + len(a1_tok),
            "crowd",
            placed=True,
            role_key="rioters",
        )
        return crowd, crowd
    for c in conjuncts(a1_tok):
        if c.dep_ != "conj":
            continue
        ref = resolve_phrase(c, registry, tracker)
        if ref is not None and ref.actor.id != actor1.actor.id:
            if actor1.entry is None and a1_tok.pos_ == "PROPN" and c.pos_ == "NOUN":
                # "between Gabra and Borana militias": the first community shares the head noun
                actor1 = _identity_militia(c, [a1_tok, c], registry, tracker) or actor1
            return actor1, ref
    tokens = [t for t in a1_tok.subtree if t.i <= a1_tok.i]
    listed = bracketed_communities(a1_tok)
    second = [*listed[1], a1_tok] if listed else _second_modifier(a1_tok, tokens)
    if second is not None:
        ref = _identity_militia(a1_tok, second, registry, tracker, listed=bool(listed))
        if ref is not None and ref.actor.id != actor1.actor.id:
            return actor1, ref
    plural = a1_tok.tag_ in ("NNS", "NNPS")
    same_kind = any(t.lower_ in SAME_KIND_WORDS for t in a1_tok.subtree if t.i != a1_tok.i) and plural
    communal = actor1.role_key in (*CROWD_ROLES, "ethnic", "clan", "sub-clan", "communal", "place", "civilians")
    if each_other or (communal and (same_kind or _conjoined_modifiers(a1_tok, tokens))):
        again = ActorRef(
            actor1.actor,
            actor1.entry,
            actor1.start_char,
            actor1.end_char,
            actor1.how,
            placed=actor1.placed,
            role_key=actor1.role_key,
            group=actor1.group,
        )
        return actor1, again
    return actor1, None


def _conjoined_modifiers(head: Token, tokens: list[Token]) -> bool:
    """ "Muslim and Christian students": two communities before one head noun."""
    return any(t.lower_ in ("and", "&") for t in tokens if t.i < head.i)


def _second_modifier(head: Token, tokens: list[Token]) -> list[Token] | None:
    """The words of the second community in "Marehan and Hawadle clan militias": what follows
    the "and" before the head, plus the head ("Hawadle clan militias")."""
    before = [t for t in tokens if t.i < head.i]
    cut = next((k for k, t in enumerate(before) if t.lower_ in ("and", "&")), None)
    if cut is None or cut + 1 >= len(before):
        return None
    return [*before[cut + 1 :], head]


def nominal_agent(trigger: Token) -> Token | None:
    """'Russia's attack', 'an attack by X', 'X's shelling', 'a Russian missile strike'."""
    if trigger.pos_ != "NOUN":
        return None
    named_modifier = None
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
        if child.dep_ == "prep" and child.lower_ == "between" and trigger.lemma_.lower() in RECIPROCAL_LEMMAS:
            for g in child.children:
                if g.dep_ == "pobj":
                    return g  # "clashes between X and Y": X, and Y its opponent (reciprocal_side)
        if child.dep_ == "acl" and (agent := _agent_of(child)) is not None:
            return agent  # "a drone strike launched by the air force", "an ambush staged by rebels"
        if child.dep_ in ("amod", "compound", "nmod") and named_modifier is None and child.ent_type_ in AGENT_LABELS:
            named_modifier = child
    if named_modifier is None and trigger.lemma_.lower() in RECIPROCAL_LEMMAS:
        # "clashes over grazing land between X and Y": the sides, however deep the "between" sits
        # ("fighting broke out between X and Y": on the verb the clash is the subject of)
        # or a few words on, where the parse hung it on another word ("clashes over land between")
        around = [*trigger.subtree, *(trigger.head.children if trigger.dep_ == "nsubj" else ())]
        around += list(trigger.doc[trigger.i + 1 : min(trigger.i + 8, trigger.sent.end)])
        between = next((t for t in around if t.dep_ == "prep" and t.lower_ == "between"), None)
        if between is not None:
            return next((g for g in between.children if g.dep_ == "pobj"), None)
    return named_modifier


# Entity labels of a modifier that names who carried out a nominal event ("Houthi drone attack").
AGENT_LABELS = frozenset({ACTOR_LABEL, "NORP", "GPE"})


def _agent_of(verb: Token) -> Token | None:
    """The "by X" of a passive participle."""
    for child in verb.children:
        if child.dep_ == "agent":
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _instrument_agent(subject: Token) -> Token | None:
    """ "A mine planted by the guerrillas killed ...": the subject is a weapon or an attack, its
    participle's agent is who acted."""
    if subject.pos_ not in ("NOUN", "PROPN") or subject.ent_type_ in ("ACTOR", "PERSON", "NORP", "ORG"):
        return None
    if not _violent_event_word(subject) and subject.ent_type_:
        return None
    for child in subject.children:
        if child.dep_ == "acl" and (agent := _agent_of(child)) is not None:
            return agent
    return None


def conjuncts(token: Token) -> list[Token]:
    return [c for c in token.conjuncts if c.i != token.i]


def toll_victims(doc: Doc, start: int, end: int, registry: ActorRegistry, tracker: ActorTracker) -> ActorRef | None:
    """The side a toll counts, read as a target: "two police officers were killed" names the
    police, "three civilians died" the civilians. People of no stated side ("three people were
    killed") are no side here; the caller decides what they are in its event's type."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    # the counted noun: what a number in the figure counts, else the figure's first noun
    counted = next((t.head for t in span if t.dep_ == "nummod" and t.head.i in range(span.start, span.end)), None)
    counted = counted or next((t for t in span if t.pos_ in ("NOUN", "PROPN")), None)
    if counted is None:
        return None
    return resolve_phrase(counted, registry, tracker, role="target")
