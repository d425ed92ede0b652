"""Name keys for toponym matching: one spelling in, the keys its variants share out.

Two keys per name:
- `name_key`: case, diacritics, apostrophes and hyphens normalised; Cyrillic transliterated to
  Latin with unidecode ("Харків" -> "kharkiv", "Tëtkino" -> "tetkino").
- `variant_key`: the name key folded by the romanization-variant rules in data/places.yaml, so
  the Russian, Ukrainian and foreign-language renderings of one name meet
  ("Kharkov", "Kharkiv", "Charkow" -> "harkov"; "Xebekino" ~ "Shebekino").
The rules and word lists are data (places.yaml); this module only applies them.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml
from unidecode import unidecode

_APOSTROPHES = re.compile(r"['’ʼʹ`´‘ʻ\"“”«»]")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_DOUBLED = re.compile(r"(.)\1+")


@functools.cache
def places_lexicon() -> dict[str, Any]:
    """The places lexicon and thresholds (data/places.yaml), read once per process."""
    text = resources.files("sitreps").joinpath("data", "places.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


@functools.cache
def _variant_rules() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pat), repl) for pat, repl in places_lexicon()["variant_rules"])


@functools.lru_cache(maxsize=65536)  # pure; articles repeat their names
def name_key(name: str) -> str:
    """Lower-case ASCII words separated by single spaces; '' when nothing is left."""
    ascii_text = unidecode(_APOSTROPHES.sub("", name)).lower()
    ascii_text = _APOSTROPHES.sub("", ascii_text)  # unidecode turns soft signs into apostrophes
    return _NON_ALNUM.sub(" ", ascii_text).strip()


@functools.lru_cache(maxsize=65536)
def variant_key_of(key: str) -> str:
    """Fold an already normalised `name_key` to its romanization-variant key."""
    for pattern, repl in _variant_rules():
        key = pattern.sub(repl, key)
    return _DOUBLED.sub(r"\1", key.replace(" ", ""))


def variant_key(name: str) -> str:
    return variant_key_of(name_key(name))


def is_indexable_name(name: str) -> bool:
    """Whether an alternate name is worth indexing.

    GeoNames alternate names include airport codes ("HRK") and lower-case machine
    romanizations of CJK/Arabic names ("ha er ke fu"); both collide with ordinary words, and
    names in other scripts transliterate to noise. Keep Latin and Cyrillic names that carry
    a capital letter.
    """
    if not name or not any(ch.isupper() for ch in name):
        return False
    if name.isupper() and len(name) <= 4:
        return False
    for ch in name:
        code = ord(ch)
        if code < 0x250 or 0x400 <= code < 0x530 or 0x1E00 <= code < 0x1F00 or 0x2000 <= code < 0x2070:
            continue
        if 0x300 <= code < 0x370:  # combining diacritics
            continue
        return False
    return True


@dataclass(frozen=True)
class ToponymPhrase:
    """A toponym as written, split into the bare name and what its designators say."""

    text: str  # as written
    name: str  # the bare name ("Kursk" for "the Kursk region")
    kind: str  # "place", "region" or "district"
    near: bool  # "near X", "outskirts of X"


@functools.cache
def _phrase_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    lex = places_lexicon()

    def alternation(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    near_prefix = re.compile(rf"^(?:{alternation(lex['near_phrases'])})\s+(?:the\s+)?", re.I)
    near_suffix = re.compile(rf"\s+(?:{alternation(lex['near_suffixes'])})$", re.I)
    settlement = alternation(lex["settlement_words"])
    settlement_re = re.compile(rf"^(?:(?:the\s+)?(?:{settlement})\s+(?:of\s+)?)|(?:\s+(?:{settlement}))$", re.I)
    regionish = alternation(lex["region_words"] + lex["district_words"])
    designator_re = re.compile(
        rf"^(?:the\s+)?(?P<pre>{regionish})\s+of\s+|\s+(?P<post>{regionish})$|^(?P<first>{regionish})\s+",
        re.I,
    )
    return near_prefix, near_suffix, settlement_re, designator_re


@functools.cache
def _region_words() -> frozenset[str]:
    return frozenset(w.lower() for w in places_lexicon()["region_words"])


@functools.lru_cache(maxsize=16384)
def parse_toponym(text: str) -> ToponymPhrase:
    """Strip designators and proximity words: 'near the village of X' -> X, near=True."""
    near_prefix, near_suffix, settlement_re, designator_re = _phrase_patterns()
    name = " ".join(text.replace("\u00a0", " ").split()).strip(" ,.;:()")
    near = False
    if name.lower().startswith("the "):
        name = name[4:]
    stripped = near_prefix.sub("", name)
    if stripped != name:
        near, name = True, stripped
    stripped = near_suffix.sub("", name)
    if stripped != name:
        near, name = True, stripped
    if name.lower().startswith("the "):
        name = name[4:]
    kind = "place"
    region_words = _region_words()
    match = designator_re.search(name)
    if match:
        word = (match.group("pre") or match.group("post") or match.group("first") or "").lower()
        kind = "region" if word in region_words else "district"
        name = (name[: match.start()] + name[match.end() :]).strip()
    name = settlement_re.sub("", name).strip()
    return ToponymPhrase(text=text, name=name or text, kind=kind, near=near)


def adjective_stems(key: str) -> list[str]:
    """'belgorodskaia' -> ['belgorodskaia', 'belgorodsk', 'belgorod', ...]: stems to try."""
    stems = [key]
    for ending in places_lexicon()["adjective_endings"]:
        if key.endswith(ending) and len(key) - len(ending) >= 3:
            stem = key[: -len(ending)]
            if stem not in stems:
                stems.append(stem)
            if ending.startswith("sk"):
                # Russian adjectives drop a final vowel or insert -n-: Glushkovo -> Glushkovsky,
                # Sudzha -> Sudzhansky, Shebekino -> Shebekinsky.
                extra = [stem + "o", stem + "a", stem[:-1] if stem.endswith("n") else ""]
                stems.extend(x for x in extra if len(x) >= 3 and x not in stems)
    return stems
