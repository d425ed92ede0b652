"""Line-by-line geoparsing services: `places resolve --batch` and `places tag`.

Both read JSON Lines and write exactly one JSON line per input line, in order, so that line N of
the answer always belongs to line N of the question; a line that cannot be read still gets its
answer (with "error"), and the reason goes to stderr as `FILE:LINE: reason`.

- resolve: `{"id", "toponym", "text", "start", "end"}` -> `{"id", "geonameid", "name",
  "country_code", "admin1_code", "lat", "lon"}`. The article's context (countries, regions and
  sure places it names) is built once per distinct text and reused for all its toponyms.
- tag: `{"id", "text"}` -> `{"id", "toponyms": [{"start", "end", "text", "geonameid", "lat",
  "lon", "country_code"}]}`, the article read by the same spotter and resolver the ingest
  pipeline uses.
"""

from __future__ import annotations

import json
import sys
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO

from sitreps.model import Location
from sitreps.places.resolver import PlaceContext, PlaceResolver

RESOLUTION_FIELDS = ("geonameid", "name", "country_code", "admin1_code", "lat", "lon")
# Requests come grouped by article; a few recent contexts cover interleaved files too.
_CONTEXTS_KEPT = 64


def _unresolved(request_id: Any) -> dict[str, Any]:
    return {"id": request_id, **dict.fromkeys(RESOLUTION_FIELDS)}


def location_fields(loc: Location | None) -> dict[str, Any]:
    """The contract's resolution fields of a Location (all None when unresolved)."""
    if loc is None:
        return dict.fromkeys(RESOLUTION_FIELDS)
    return {
        "geonameid": loc.geonameid,
        "name": loc.name,
        "country_code": loc.country_code,
        "admin1_code": loc.admin1_code,
        "lat": loc.lat,
        "lon": loc.lon,
    }


def _read_object(line: str) -> dict[str, Any]:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON ({exc.msg})") from exc
    if not isinstance(obj, dict):
        raise ValueError("not a JSON object")
    return obj


def _text_field(obj: dict[str, Any], key: str) -> str:
    value = obj.get(key)
    if not isinstance(value, str):
        raise ValueError(f'"{key}" must be a string')
    return value


class BatchResolver:
    """Answers resolve requests, building each article's context once."""

    def __init__(self, resolver: PlaceResolver):
        self.resolver = resolver
        self._contexts: OrderedDict[str, PlaceContext] = OrderedDict()

    def context(self, text: str) -> PlaceContext:
        ctx = self._contexts.get(text)
        if ctx is None:
            ctx = self.resolver.document_context(text)
            self._contexts[text] = ctx
            if len(self._contexts) > _CONTEXTS_KEPT:
                self._contexts.popitem(last=False)
        else:
            self._contexts.move_to_end(text)
        return ctx

    def answer(self, obj: dict[str, Any]) -> dict[str, Any]:
        toponym = _text_field(obj, "toponym")
        text = obj.get("text") or ""
        if not isinstance(text, str):
            raise ValueError('"text" must be a string')
        start, end = obj.get("start"), obj.get("end")
        span = (start, end) if isinstance(start, int) and isinstance(end, int) else None
        result = self.resolver.resolve_in(toponym, self.context(text), span)
        return {"id": obj.get("id"), **location_fields(result.location)}


def _answer_lines(
    lines: Iterable[str], source: str, answer: Callable[[dict[str, Any]], dict[str, Any]], blank: Callable[[Any], dict]
) -> Iterator[dict[str, Any]]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        obj: dict[str, Any] | None = None
        try:
            obj = _read_object(line)
            yield answer(obj)
        except ValueError as exc:
            print(f"{source}:{number}: {exc}", file=sys.stderr)
            yield {**blank(obj.get("id") if obj else None), "error": str(exc)}


def resolve_lines(lines: Iterable[str], resolver: PlaceResolver, source: str = "-") -> Iterator[dict[str, Any]]:
    """One answer per non-blank request line, in order."""
    batch = BatchResolver(resolver)
    return _answer_lines(lines, source, batch.answer, _unresolved)


def tag_lines(
    lines: Iterable[str], tag_texts: Callable[[Iterable[str]], Iterable[list[dict[str, Any]]]], source: str = "-"
) -> Iterator[dict[str, Any]]:
    """One `{"id", "toponyms"}` per non-blank document line, in order.

    `tag_texts` tags many texts in one stream (spaCy parses in batches); lines that cannot be
    read answer with no toponyms and an "error".
    """
    docs: list[tuple[Any, str | None, str | None]] = []  # (id, text, error)
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        obj: dict[str, Any] | None = None
        try:
            obj = _read_object(line)
            docs.append((obj.get("id"), _text_field(obj, "text"), None))
        except ValueError as exc:
            print(f"{source}:{number}: {exc}", file=sys.stderr)
            docs.append((obj.get("id") if obj else None, None, str(exc)))
    tagged = iter(tag_texts(text for _, text, _ in docs if text is not None))
    for doc_id, text, error in docs:
        if text is None:
            yield {"id": doc_id, "toponyms": [], "error": error}
        else:
            yield {"id": doc_id, "toponyms": next(tagged)}


def write_lines(answers: Iterable[dict[str, Any]], out: TextIO) -> int:
    count = 0
    for answer in answers:
        out.write(json.dumps(answer, ensure_ascii=False) + "\n")
        count += 1
    out.flush()
    return count
