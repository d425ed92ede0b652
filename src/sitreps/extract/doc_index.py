"""Per-document lookups built once, so that extraction stays linear in the article's length.

spaCy builds `doc.text` and `doc.ents` anew on every access (the text by joining every token,
the entities as fresh Span objects), and a scan of every entity per phrase, per toponym or per
sentence makes a long article quadratic (160 KB took 80 s where 20 KB took 3.6 s: issue 13).
`doc_index(doc)` builds the text and the entities once per Doc and answers
"which entities touch these tokens" by bisection over the entities' token offsets.

The index lives as long as its Doc (a weak mapping keyed by the Doc): no state outlives the
article, and nothing is written onto the Doc itself (its user_data is serialised with it).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from spacy.tokens import Doc, Span


@dataclass(frozen=True)
class DocIndex:
    """The text and entities of one Doc, with the entities' token offsets for bisection."""

    text: str
    ents: tuple[Span, ...]
    # doc.ents never overlap and come in text order, so both lists are sorted
    ent_starts: tuple[int, ...]
    ent_ends: tuple[int, ...]

    @classmethod
    def build(cls, doc: Doc) -> DocIndex:
        ents = tuple(doc.ents)
        return cls(
            text=doc.text,
            ents=ents,
            ent_starts=tuple(e.start for e in ents),
            ent_ends=tuple(e.end for e in ents),
        )

    def ents_touching(self, first: int, last: int) -> tuple[Span, ...]:
        """Entities (in text order) holding at least one token of `first`..`last` (inclusive)."""
        lo = bisect_right(self.ent_ends, first)  # the first entity ending after `first`
        hi = bisect_right(self.ent_starts, last)  # past the last entity starting at or before `last`
        return self.ents[lo:hi]

    def ents_within(self, start: int, end: int) -> tuple[Span, ...]:
        """Entities (in text order) wholly inside tokens `start`..`end` (end exclusive)."""
        lo = bisect_left(self.ent_starts, start)
        hi = bisect_right(self.ent_ends, end)
        return self.ents[lo:hi] if lo < hi else ()

    def ent_holding(self, start: int, end: int) -> Span | None:
        """The entity that holds all of tokens `start`..`end` (end exclusive), if any."""
        k = bisect_right(self.ent_starts, start) - 1
        if k >= 0 and end <= self.ent_ends[k]:
            return self.ents[k]
        return None


_INDEXES: WeakKeyDictionary[Doc, DocIndex] = WeakKeyDictionary()


def doc_index(doc: Doc) -> DocIndex:
    """The index of `doc`, built on first use and kept while the Doc lives."""
    index = _INDEXES.get(doc)
    if index is None:
        index = _INDEXES[doc] = DocIndex.build(doc)
    return index
