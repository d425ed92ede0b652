"""End-to-end geoparsing of whole texts: every toponym with its span and resolution.

The same spotter (`sitreps.extract.toponyms.spot`) and resolver the ingest pipeline uses, on the
same spaCy pipeline with the actor ruler, so what `sitreps places tag` shows is what ingest reads.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from sitreps.places.gazetteer import get_gazetteer
from sitreps.places.resolver import PlaceResolver


class Geoparser:
    """spaCy + the toponym spotter + the context resolver, loaded once."""

    def __init__(self) -> None:
        from sitreps.nlp import load_nlp
        from sitreps.resolve.actors import get_registry

        self.nlp = load_nlp()
        self.registry = get_registry()
        self.gazetteer = get_gazetteer()
        self.resolver = PlaceResolver(self.gazetteer)

    def tag_doc(self, doc, original: str | None = None) -> list[dict[str, Any]]:
        """The toponyms of a parsed text; `original` is the text as given when the doc was parsed
        from its case-restored form (the same length), so each toponym's text is what was given."""
        from sitreps.extract.roles import actor_entities
        from sitreps.extract.toponyms import resolve_all, spot

        actor_spans = [(e.start_char, e.end_char) for e in actor_entities(doc)]
        toponyms = spot(doc, self.gazetteer, actor_spans, self.registry.capital_country, self.registry.is_demonym)
        resolve_all(toponyms, doc.text, self.resolver)
        out = []
        for top in toponyms:
            loc = top.location or top.area
            out.append(
                {
                    "start": top.start,
                    "end": top.end,
                    "text": (original or doc.text)[top.start : top.end],
                    "geonameid": loc.geonameid if loc else None,
                    "lat": loc.lat if loc else None,
                    "lon": loc.lon if loc else None,
                    "country_code": loc.country_code if loc else None,
                    "kind": top.kind if loc else None,
                    "geo_precision": loc.geo_precision if loc else None,
                }
            )
        return out

    def tag_texts(self, texts: Iterable[str]) -> Iterator[list[dict[str, Any]]]:
        from sitreps.clean.parse_view import parse_view

        given: deque[str] = deque()  # texts spaCy has read ahead, in order; the input stays a stream

        def restored() -> Iterator[str]:
            for text in texts:
                given.append(text)
                yield parse_view(text)

        for doc in self.nlp.pipe(restored(), batch_size=16):
            yield self.tag_doc(doc, given.popleft())

    def tag_text(self, text: str) -> list[dict[str, Any]]:
        from sitreps.clean.parse_view import parse_view

        return self.tag_doc(self.nlp(parse_view(text)), text)
