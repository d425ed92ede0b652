"""Properties that must hold for any input, checked with hypothesis.

* cleaning never loses a sentence whose line carries no boilerplate marker;
* ingesting arbitrary bytes never crashes a run: every input is stored or rejected with a reason;
* every stored state exports as sitreps/1 JSON valid against the shipped JSON Schema;
* fusion does not depend on the order of its input, nor the store on how a corpus is batched.
"""

from __future__ import annotations

import json
import os
import random
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from sitreps.clean import CleanError, clean_document
from sitreps.clean.boilerplate import is_hashtag_line, is_related_marker, matches_line_pattern
from sitreps.export.sitreps_json import dumps, shipped_schema_path
from sitreps.extract import Extractor
from sitreps.fuse import fuse
from sitreps.ingest import RawDocument
from sitreps.model import Article, Export, Mention
from sitreps.pipeline import load_default_extractor, load_known_name, run_ingest
from sitreps.store import Store

from .strategies import arbitrary_inputs, corpora

SLOW = settings(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
# SITREPS_PROPERTY_SCALE=10 runs ten times the examples (a deeper search, by hand).
SCALE = float(os.environ.get("SITREPS_PROPERTY_SCALE", "1"))


def examples(n: int) -> int:
    return max(1, round(n * SCALE))


# -- cleaning keeps every unmarked sentence ----------------------------------------------------

# Words of real reports plus the vocabulary of boilerplate (so markers do turn up), in three scripts.
VOCABULARY = (
    "the of in and said on forces shelling drone strike village region killed wounded residents "
    "officials Monday Tuesday Kherson Belgorod Graivoron Sudan Darfur army police troops "
    "share newsletter subscribe cookies comments related read more photo source copyright by "
    "Обстрел Херсона погибли жители Збройні сили України повідомили "
    "Ташкент Kyiv Kyïv São Tomé Mandera El-Wak 12 2024 three"
).split()
BOILERPLATE_LINES = [
    "Sign up for our daily newsletter",
    "Read more:",
    "Related stories",
    "Share this article",
    "Photo: Reuters",
    "We use cookies to improve your experience.",
    "#Kherson #Ukraine #war",
    "Advertisement",
]

words = st.sampled_from(VOCABULARY)
sentences = st.builds(
    lambda ws, end: ws[0][:1].upper() + ws[0][1:] + " " + " ".join(ws[1:]) + end,
    st.lists(words, min_size=4, max_size=18),
    st.sampled_from([".", ".", "!", "?"]),
)
lines = st.one_of(
    st.lists(sentences, min_size=1, max_size=3).map(" ".join),
    st.sampled_from(BOILERPLATE_LINES),
)
paragraphs = st.lists(lines, min_size=1, max_size=3).map("\n".join)


def has_marker(line: str) -> bool:
    return matches_line_pattern(line) or is_related_marker(line) or is_hashtag_line(line)


def squash(text: str) -> str:
    """Text without whitespace: cleaning may re-space (glue repair, whitespace) but not drop."""
    return re.sub(r"\s+", "", text)


@settings(max_examples=examples(150), deadline=None)
@given(title=st.lists(words, min_size=3, max_size=8).map(" ".join), body=st.lists(paragraphs, min_size=1, max_size=6))
def test_cleaning_never_loses_a_sentence_without_a_boilerplate_marker(title: str, body: list[str]) -> None:
    text = title + "\n\n" + "\n\n".join(body) + "\n"
    raw = RawDocument("generated.txt", text.encode("utf-8"), {"format": "txt", "text": text, "title": title})
    try:
        article = clean_document(raw, load_known_name())
    except CleanError as exc:
        assume("too little text" in str(exc) or "empty" in str(exc))
        return
    kept = squash(article.text)
    for paragraph in body:
        for line in paragraph.split("\n"):
            if has_marker(line.strip()):
                continue
            assert squash(line) in kept, f"lost {line!r}; removed: {article.removed}"


# -- arbitrary bytes never crash a run ---------------------------------------------------------


@pytest.fixture(scope="module")
def extractor() -> Extractor | None:
    return load_default_extractor(None)  # type: ignore[arg-type]


@settings(SLOW, max_examples=examples(60))
@given(
    inputs=st.lists(
        st.tuples(arbitrary_inputs, st.sampled_from([".txt", ".html", ".jsonl", ".md", ""])), min_size=1, max_size=4
    )
)
def test_ingesting_arbitrary_bytes_never_crashes_the_run(extractor: Extractor | None, inputs) -> None:  # noqa: ANN001
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        names = []
        for i, (data, suffix) in enumerate(inputs):
            path = folder / f"input{i}{suffix}"
            path.write_bytes(data)
            names.append(str(path))
        with Store(Path(tmp) / "db.duckdb") as store:
            report = run_ingest(store, names, extractor=extractor, known_name=load_known_name())
            stored = store.counts()["articles"]
    assert report.read == report.new + report.duplicate + len(report.rejected)
    assert report.read >= len(inputs) and report.new == stored
    for rejection in report.rejected:
        assert rejection.reason.strip() and "\n" not in rejection.reason, rejection
        assert rejection.source.split(":")[0] in names or rejection.source in names, rejection


# -- every stored state exports valid sitreps/1 ------------------------------------------------


@pytest.fixture(scope="module")
def schema() -> dict:
    loaded = json.loads(shipped_schema_path().read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(loaded)
    return loaded


def _strict_json(text: str) -> object:
    def no_constants(name: str) -> object:
        raise ValueError(f"{name} is not JSON")

    return json.loads(text, parse_constant=no_constants)


def split(items: list, cuts: list[int]) -> Iterator[list]:
    start = 0
    for cut in sorted(set(cuts)):
        yield items[start:cut]
        start = cut
    yield items[start:]


@settings(SLOW, max_examples=examples(40))
@given(corpus=corpora(), cuts=st.lists(st.integers(0, 6), max_size=3))
def test_every_stored_state_exports_json_valid_against_the_schema(schema: dict, corpus, cuts) -> None:  # noqa: ANN001
    articles, mentions = corpus
    validator = jsonschema.Draft202012Validator(schema)
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "db.duckdb") as store:
        for batch in split(articles, cuts):
            ids = {a.id for a in batch}
            store.ingest_batch(batch, [m for m in mentions if m.article_id in ids], fuse)
            text = dumps(store.export())
            document = _strict_json(text)
            errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
            assert not errors, errors[0].message
            assert Export.model_validate(document).to_json_dict() == document


# -- fusion is order-independent ---------------------------------------------------------------


def canonical(events: list, episodes: list, mentions: list) -> str:
    return json.dumps(
        {
            "events": sorted((e.model_dump(mode="json") for e in events), key=lambda e: e["id"]),
            "episodes": sorted((e.model_dump(mode="json") for e in episodes), key=lambda e: e["id"]),
            "mentions": sorted((m.model_dump(mode="json") for m in mentions), key=lambda m: m["id"]),
        },
        sort_keys=True,
    )


@settings(max_examples=examples(100), deadline=None)
@given(corpus=corpora(max_articles=8), seed=st.integers(0, 2**32 - 1))
def test_fusion_gives_the_same_events_for_any_input_order(corpus, seed: int) -> None:  # noqa: ANN001
    articles, mentions = corpus
    by_id = {a.id: a for a in articles}
    expected = fuse(mentions, by_id)
    shuffled = mentions[:]
    random.Random(seed).shuffle(shuffled)
    again = fuse(shuffled, dict(reversed(list(by_id.items()))))
    assert canonical(again.events, again.episodes, again.mentions) == canonical(
        expected.events, expected.episodes, expected.mentions
    )


def _store_export(batches: list[list[Article]], mentions: list[Mention]) -> str:
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "db.duckdb") as store:
        for batch in batches:
            ids = {a.id for a in batch}
            store.ingest_batch(batch, [m for m in mentions if m.article_id in ids], fuse)
        export = store.export()
    return canonical(export.events, export.episodes, export.mentions)


@settings(SLOW, max_examples=examples(30))
@given(corpus=corpora(max_articles=8), cuts=st.lists(st.integers(0, 8), max_size=4), seed=st.integers(0, 2**32 - 1))
def test_the_store_holds_the_same_events_however_a_corpus_is_batched_and_ordered(corpus, cuts, seed: int) -> None:  # noqa: ANN001
    articles, mentions = corpus
    in_one = _store_export([articles], mentions)
    shuffled = articles[:]
    random.Random(seed).shuffle(shuffled)
    assert _store_export(list(split(shuffled, cuts)), mentions) == in_one
