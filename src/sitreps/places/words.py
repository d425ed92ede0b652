"""Is this capitalised word an ordinary word, or a person's surname, rather than a place name?

Two word lists shipped in PyPI packages answer it:
- `english_words`' web2 list (Webster's Second International, public domain) keeps the case of
  its entries: "panic", "bishop", "hurricane" are there in lower case, "Texas" and "Kirov" only
  capitalised, so a lower-case entry means "an everyday English word";
- `names`' US Census tables rank surnames and given names by frequency; one at or above
  `surname_min_percent` (places.yaml) of the population is a known person's name ("Bishop",
  "Washington", "Paul").

wordfreq cannot tell these apart: it folds case, so "texas" (4.9) scores like "panic" (4.3).
A place name that is also such a word is a place only with positive evidence (a locative cue,
a region beside it, the NER's label); see `sitreps.extract.toponyms.spot`.
"""

from __future__ import annotations

import functools
import importlib.util
import pickle
from pathlib import Path

from sitreps.places.names import places_lexicon


def _package_dir(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the {package} package is not installed (pip install sitreps pins it)")
    return Path(next(iter(spec.submodule_search_locations)))


@functools.cache
def _lower_words() -> frozenset[str]:
    with open(_package_dir("english_words") / "data" / "web2.pickle", "rb") as fh:
        words = pickle.load(fh)  # a set of str shipped by the package
    return frozenset(w for w in words if w.islower())


@functools.cache
def _person_names(threshold: float | None = None) -> frozenset[str]:
    if threshold is None:
        threshold = places_lexicon()["scoring"]["surname_min_percent"]
    out = set()
    for table in ("dist.all.last", "dist.male.first", "dist.female.first"):
        with open(_package_dir("names") / table, encoding="utf-8") as fh:
            for line in fh:
                parts = line.split()
                if len(parts) >= 2 and float(parts[1]) >= threshold:
                    out.add(parts[0].lower())
    return frozenset(out)


def is_ordinary_word(word: str) -> bool:
    """Whether a single word (any case) is an everyday English word: 'Panic', 'BISHOP', 'Hurricane'.

    A name of several words is not ("Laurel County", "Rock Hill" are names, though each of
    their words is ordinary).
    """
    word = word.strip().strip(".'’")
    return bool(word) and " " not in word and word.lower() in _lower_words()


def is_known_surname(word: str) -> bool:
    """Whether a single word is a frequent surname or given name ('Bishop', 'Paul'; 'Orlov' is not in a US table)."""
    return " " not in word.strip() and word.strip().lower() in _person_names()


def is_any_person_name(word: str) -> bool:
    """Whether a single word is in the Census name tables at all ('Lincoln', 'Paris'; not
    'Gainesville'): asked when the NER already calls the word a person."""
    return " " not in word.strip() and word.strip().lower() in _person_names(0.0)


def needs_evidence(word: str) -> bool:
    """The one question spotting asks: is this name also an ordinary word or a known surname?"""
    return is_ordinary_word(word) or is_known_surname(word)
