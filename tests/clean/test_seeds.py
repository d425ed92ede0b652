"""The five seed articles, cleaned and checked against the gold annotation (read at test time)."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from sitreps.clean import clean_document
from sitreps.ingest import RawDocument, read_paths

SHARED = Path(__file__).resolve().parents[3] / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "devset" / "seeds.gold.json"

pytestmark = pytest.mark.skipif(not (SEEDS.is_dir() and GOLD.is_file()), reason="seed articles not present")


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


@pytest.fixture(scope="module")
def cleaned() -> dict:
    docs = [d for d in read_paths([str(SEEDS)], recursive=True) if isinstance(d, RawDocument)]
    return {Path(d.source).name: clean_document(d) for d in docs}


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads(GOLD.read_text(encoding="utf-8"))["articles"]


def test_every_seed_is_cleaned(cleaned: dict, gold: dict) -> None:
    assert set(gold) <= set(cleaned)


def test_boilerplate_is_gone_and_body_kept(cleaned: dict, gold: dict) -> None:
    for name, annotation in gold.items():
        text = squash(cleaned[name].text)
        for line in annotation["boilerplate"]:
            assert squash(line) not in text, (name, line)
        for sentence in annotation["body"]:
            assert squash(sentence) in text, (name, sentence)


def test_mt_glue_is_repaired(cleaned: dict, gold: dict) -> None:
    for name, annotation in gold.items():
        for glued, fixed in annotation.get("mt_glue", []):
            assert glued not in cleaned[name].text, name
            assert fixed in cleaned[name].text, name


def test_published_dates_are_right_or_absent(cleaned: dict, gold: dict) -> None:
    for name, annotation in gold.items():
        published = cleaned[name].published
        expected = annotation["published"]
        if annotation["published"].get("stated_in_text"):
            assert published is not None and published.start == expected["date"], name
        else:
            assert published is None or published.start == expected["date"], name
