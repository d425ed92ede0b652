"""The per-document index answers as a scan of every entity would (it only looks fewer up)."""

from __future__ import annotations

import random

import spacy
from spacy.tokens import Doc, Span

from sitreps.extract.doc_index import doc_index

REPORT = (
    "KHARKIV, Ukraine (Frontline Wire) - Russian troops shelled Vovchansk overnight, the regional "
    "governor Oleh Synehubov said on Telegram. Two people were killed in Kupiansk and the Kharkiv "
    "region lost power. The Freedom of Russia Legion said it had entered Tyotkino."
)


def report_doc() -> Doc:
    doc = spacy.blank("en")(REPORT)
    rnd = random.Random(13)
    spans, i = [], 0
    while i < len(doc) - 3:  # entities of 1-3 tokens with gaps, as an NER leaves them
        i += rnd.randint(0, 3)
        width = rnd.randint(1, 3)
        if i + width <= len(doc):
            spans.append(Span(doc, i, i + width, label=rnd.choice(["GPE", "PERSON", "ORG", "ACTOR"])))
        i += width
    doc.ents = spans
    return doc


def test_the_text_and_entities_are_the_docs() -> None:
    doc = report_doc()
    index = doc_index(doc)
    assert index.text == doc.text
    assert [(e.start, e.end, e.label_) for e in index.ents] == [(e.start, e.end, e.label_) for e in doc.ents]
    assert doc_index(doc) is index  # built once per doc


def test_lookups_match_a_scan_of_every_entity() -> None:
    doc = report_doc()
    index = doc_index(doc)
    ents = list(doc.ents)
    assert len(ents) > 10
    for first in range(len(doc)):
        for last in range(first, min(len(doc), first + 8)):
            touching = [e for e in ents if any(first <= t.i <= last for t in e)]
            assert list(index.ents_touching(first, last)) == touching
            within = [e for e in ents if e.start >= first and e.end <= last + 1]
            assert list(index.ents_within(first, last + 1)) == within
            holding = next((e for e in ents if e.start <= first and last + 1 <= e.end), None)
            assert index.ent_holding(first, last + 1) == holding


def test_a_doc_without_entities_answers_nothing() -> None:
    doc = spacy.blank("en")("No names here at all.")
    index = doc_index(doc)
    assert index.ents_touching(0, 4) == () and index.ents_within(0, 5) == ()
    assert index.ent_holding(1, 2) is None
