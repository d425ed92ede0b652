"""Split words that machine translation or scraping glued together ("Federationin" -> "Federation in").

Two rules, both from word frequencies (wordfreq, English) and the optional `known_name`
callback, never from a list of glued forms; thresholds are in data/clean/glue.yaml with how
they were measured. A token is only considered when it is not a word itself.
  1. both halves are common words: "volunteersthe" -> "volunteers the";
  2. a name-like head and a function-word tail: "Belgorodthey" -> "Belgorod they", when the
     next word fits the tail ("Xebékinoin the ..." yes, "Mysiagin said" no).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache

from pydantic import ConfigDict
from wordfreq import zipf_frequency

from sitreps.lexicons import Strict, load_validated

KnownName = Callable[[str], bool]

_CANDIDATE = re.compile(r"(?<![\w'’-])([^\W\d_]{5,})(?![\w-])")
_NEXT_TOKEN = re.compile(r"[ \t]+([^\s]+)")
# A sentence glued to the next by scraping: "Ukraine.His", "region.\"We": a whole word with a lower-case
# letter, a full stop, an optional quote, then a capitalised word. "U.S.Army" and "3.5" never match.
_GLUED_SENTENCE = re.compile(r"(?<![\w.])([^\W\d_]*[a-z][^\W\d_]*)([.!?])([\"“”]?)(?=[A-Z](?:[a-z]|[ \t]))")
_LINK_MARKS = ("://", "www.", "@", "/")
# A known name's frequency for scoring splits: as good as a common word (rule 1 threshold+1).
_KNOWN_NAME_SCORE = 5.0


class GlueSettings(Strict):
    """data/clean/glue.yaml, checked at load (`sitreps.lexicons`: a misspelt key is one line)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    glued_max_zipf: float
    word_min_zipf: float
    function_word_min_zipf: float
    name_head_min_letters: int
    prepositions: frozenset[str]
    clause_tails: frozenset[str]
    after_preposition: frozenset[str]
    min_tail_letters: int
    min_head_letters: int
    name_endings: frozenset[str] = frozenset()
    sentence_glue_abbreviations: frozenset[str]


@cache
def load_glue_settings() -> GlueSettings:
    return load_validated("clean/glue.yaml", GlueSettings)


@lru_cache(maxsize=65536)  # bounded: a long ingest sees an open-ended vocabulary
def _zipf(word: str) -> float:
    return zipf_frequency(word.casefold(), "en")


def _next_word_fits(tail: str, following: str, settings: GlueSettings) -> bool:
    """Does the word after the glued token read naturally after `tail`?"""
    match = _NEXT_TOKEN.match(following)
    if not match:
        return False
    word = match.group(1)
    if tail in settings.prepositions:
        bare = word.strip("\"'“‘«(")
        return bool(bare) and (bare.casefold() in settings.after_preposition or bare[0].isupper() or bare[0].isdigit())
    if tail in settings.clause_tails:
        return word[0].islower() and word.isalpha()
    return False


def best_split(token: str, following: str = "", known_name: KnownName | None = None) -> tuple[str, str] | None:
    """The (head, tail) a glued token should be split into, or None to leave it whole."""
    settings = load_glue_settings()
    if _zipf(token) > settings.glued_max_zipf or (known_name is not None and known_name(token)):
        return None
    best: tuple[float, str, str] | None = None
    for cut in range(settings.min_head_letters, len(token) - settings.min_tail_letters + 1):
        head, tail = token[:cut], token[cut:]
        if not tail.islower() or tail in settings.name_endings:
            continue
        # Only a capitalised head can be a name; gazetteers hold lower-case-looking oddities
        # ("Mil") that would otherwise split ordinary words.
        head_known = head[0].isupper() and known_name is not None and known_name(head)
        head_score = _KNOWN_NAME_SCORE if head_known else _zipf(head)
        tail_score = _zipf(tail)
        # a name is as good as a word before another word ("Kupianskthe"), but not before a
        # two-letter ending: "Bossaso" is a town, not "Bossa so" (rule 2 still splits "Xin the")
        name_before_ending = head_known and _zipf(head) < settings.word_min_zipf and len(tail) < 3
        both_words = (
            head_score >= settings.word_min_zipf and tail_score >= settings.word_min_zipf and not name_before_ending
        )
        name_and_function_word = (
            tail_score >= settings.function_word_min_zipf
            and head[0].isupper()
            and len(head) >= settings.name_head_min_letters
            and _next_word_fits(tail, following, settings)
        )
        if not (both_words or name_and_function_word):
            continue
        score = min(head_score, tail_score) if both_words else tail_score - settings.function_word_min_zipf
        if best is None or score > best[0]:
            best = (score, head, tail)
    return None if best is None else (best[1], best[2])


def split_glued_sentences(text: str) -> str:
    """Insert the space scraping dropped after a sentence's full stop ("region.However" -> "region. However")."""
    abbreviations = load_glue_settings().sentence_glue_abbreviations

    def split(match: re.Match[str]) -> str:
        word = match.group(1)
        token_start = max(text.rfind(" ", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
        token_end = min(
            (i for i in (text.find(" ", match.end()), text.find("\n", match.end())) if i >= 0), default=len(text)
        )
        token = text[token_start:token_end]
        if len(word) < 3 or word.casefold() in abbreviations or any(mark in token for mark in _LINK_MARKS):
            return match.group(0)
        quote = match.group(3)
        # A closing curly quote ends the sentence before the gap; any other quote opens the next one.
        if quote == "”":
            return f"{word}{match.group(2)}{quote} "
        return f"{word}{match.group(2)} {quote}"

    return _GLUED_SENTENCE.sub(split, text)


def repair_glue(text: str, known_name: KnownName | None = None) -> str:
    """Insert the missing space into every glued token of `text`, and after glued sentences' full stops."""
    text = split_glued_sentences(text)

    def split(match: re.Match[str]) -> str:
        token = match.group(1)
        found = best_split(token, match.string[match.end() :], known_name)
        return token if found is None else f"{found[0]} {found[1]}"

    return _CANDIDATE.sub(split, text)
