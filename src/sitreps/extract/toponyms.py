"""Toponyms in an article: spot them, tie each to its sentence, resolve them with context.

Spotting uses the NER's place-like entities plus capitalised word runs the gazetteer knows,
and designator phrases ("the village of X", "X in the Kursk region") that name places too
small for any gazetteer. Resolution is `sitreps.places`' job; this module passes it the whole
article as context, the "near X" flag and the region the text puts a village in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from sitreps.model import Location

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "PERSON", "ORG", "PRODUCT", "NORP", "WORK_OF_ART", "EVENT"})
DESIGNATORS = re.compile(
    r"\b(?:village|town|city|settlement|locality|hamlet|district|region|oblast|province|township|municipality|"
    r"border settlement|border village|border town|urban-type settlement)s?\s+of\s+$",
    re.IGNORECASE,
)
NEAR = re.compile(
    r"\b(?:near|outside|outskirts of|close to|vicinity of|approaches to|environs of|around)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
REGION_AFTER = re.compile(
    r"^\s*,?\s*(?:which is\s+(?:based|located|situated)\s+)?(?:in|of)\s+(?:the\s+)?"
    r"([A-ZА-Я][\w'’\-]+(?:\s+[A-ZА-Я][\w'’\-]+)?)\s+(?:region|oblast|province|krai|kray|republic|governorate|state)\b"
)
REGION_WORDS = re.compile(r"^\s*(?:region|oblast|province|krai|kray|governorate)s?\b", re.IGNORECASE)
# Origins are not where an event happened ("a raid from Ukraine", "from Belgorod to Vladivostok").
ORIGIN_PREPS = frozenset({"from", "to", "toward", "towards"})


@dataclass
class Toponym:
    start: int  # char offsets into the article text
    end: int
    text: str
    sent_start: int
    near: bool
    region_hint: str | None
    designated: bool
    origin: bool
    location: Location | None = None
    why: str = ""

    @property
    def specific(self) -> bool:
        return self.location is not None and self.location.geonameid is not None and self.location.geo_precision <= 2

    @property
    def precision_rank(self) -> int:
        """Lower is more specific: settlement 1-2, region 3, country 4, unresolved 9."""
        if self.location is None:
            return 9
        if self.location.geonameid is None and self.location.admin1_code is None:
            return 4
        return self.location.geo_precision


def _capitalised_runs(sent: Span) -> list[tuple[int, int]]:
    runs, i = [], sent.start
    doc = sent.doc
    while i < sent.end:
        tok = doc[i]
        if tok.text[:1].isupper() and tok.is_alpha or (tok.text[:1].isupper() and "-" in tok.text):
            j = i + 1
            while j < sent.end and (
                (doc[j].text[:1].isupper() and (doc[j].is_alpha or "-" in doc[j].text))
                or (doc[j].text == "-" and j + 1 < sent.end and doc[j + 1].text[:1].isupper())
            ):
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def spot(doc: Doc, gazetteer, actor_spans: list[tuple[int, int]]) -> list[Toponym]:
    """Candidate toponyms with their phrase context (not yet resolved)."""
    text = doc.text
    seen: set[tuple[int, int]] = set()
    out: list[Toponym] = []

    def inside_actor(s: int, e: int) -> bool:
        return any(a <= s and e <= b for a, b in actor_spans)

    def add(start_tok: int, end_tok: int, sent: Span, designated: bool = False) -> None:
        span = doc[start_tok:end_tok]
        # trim leading determiners / trailing possessives
        while len(span) and span[0].lower_ in ("the", "a", "an"):
            span = doc[span.start + 1 : span.end]
        if not len(span):
            return
        s, e = span.start_char, span.end_char
        if (s, e) in seen or inside_actor(s, e):
            return
        name = span.text
        before = text[max(sent.start_char, s - 40) : s]
        after = text[e : min(sent.end_char, e + 80)]
        is_designated = designated or bool(DESIGNATORS.search(before))
        hint = None
        m = REGION_AFTER.match(after)
        if m:
            hint = m.group(1)
        if REGION_WORDS.match(after):
            # "the Belgorod region": the region itself
            name = text[s : e + REGION_WORDS.match(after).end()]
            e = e + REGION_WORDS.match(after).end()
        known = gazetteer.is_name(span.text) or gazetteer.find_region(name) is not None
        if not known and not (is_designated or hint):
            return
        prev = doc[span.start - 1] if span.start > sent.start else None
        origin = prev is not None and prev.lower_ in ORIGIN_PREPS
        near = bool(NEAR.search(before))
        seen.add((span.start_char, span.end_char))
        out.append(Toponym(s, e, name, sent.start_char, near, hint, is_designated, origin))

    for sent in doc.sents:
        runs = _capitalised_runs(sent)
        ents = [
            (e.start, e.end)
            for e in doc.ents
            if e.label_ in PLACE_LABELS and e.start >= sent.start and e.end <= sent.end
        ]
        for start, end in sorted(set(ents) | set(runs)):
            # Sentence-initial capitals are ordinary words unless the gazetteer says otherwise.
            add(start, end, sent)
            # A run may hold several names ("Graivoronsky Kozinka") or a name glued to a title word.
            if end - start > 1:
                for k in range(start, end):
                    add(k, k + 1, sent)
    out.sort(key=lambda t: t.start)
    return out


def resolve_all(toponyms: list[Toponym], text: str, resolver) -> None:
    """Resolve every toponym with the whole article as context (in place)."""
    if not toponyms:
        return
    context = resolver.context_for(text, [t.text for t in toponyms])
    for top in toponyms:
        res = resolver.resolve(top.text, context, near=top.near, region_hint=top.region_hint)
        top.location, top.why = res.location, res.why
        if top.location is not None and top.location.toponym is None:
            top.location = top.location.model_copy(update={"toponym": top.text})
