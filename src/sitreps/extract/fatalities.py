"""Fatality and injury figures in a sentence, coded the UCDP/ACLED way.

`find_fatality_figures(sent)` reads one spaCy sentence and returns every figure it gives for the
killed, the injured, or casualties left unspecified. Offsets are document character offsets
(`token.idx`), so they point into the article text the Doc was built from. The claimant is not
decided here: the mention assembler attaches it from the reporting verb.

Rules (word lists in data/fatalities.yaml):

  text                                             best  low   high  notes
  "killed 2", "2 people were killed",              n     n     n     exact
  "two civilians died", "the strike killed 14"
  "around / about / some 30 killed"                30    -     -     approximate: best only
  "more than 70 / over 70 killed"                  -     71    -     exclusive lower bound
  "at least 2 killed"                              -     2     -
  "up to 30 / as many as 30"                       -     -     30
  "nearly / almost 30"                             -     -     29    exclusive upper bound
  "between 10 and 15", "10 to 15", "10-15"         -     10    15
  "dozens" / "tens of" / "scores" / "hundreds"     -     24/20/40/200  99/99/-/999
  "a handful" / "several" / "a few"                -     3/3/2 5/-/-
  "a dozen" / "two dozen" / "a civilian"           12/24/1 (= low = high)
  "no casualties", "no dead or injured",           0     0     0     negated
  "nobody was killed", "without losses",
  "deny that they suffered casualties"
  "the death toll rose from 10 to 15"              15    15    15    the update, not the old toll

- Kind: the word that says what happened to the people counted. It is looked for, in order,
  (1) among the words between the number and its noun ("two wounded soldiers"), or the noun
  itself ("14 casualties", "30 deaths"); (2) right after the counted phrase, past auxiliaries
  and adverbs ("two civilians were reportedly killed", "14 dead", "5 killed or wounded");
  (3) right before the number, past prepositions and toll verbs ("killing 14", "the death toll
  rose to 14", "the bodies of 12"); (4) up the dependency tree from a noun known to name people
  ("Two civilians, including a child, were killed"). "killed and wounded" gives casualties.
- Injuries are a separate figure (kind "injured"); "killing two and wounding five" gives two.
- Military-bulletin verbs ("eliminated", "destroyed", "neutralised", "lost") count as killed only
  when the counted noun names people.
- Victims come from the counted noun: civilians / soldiers / militants, "own forces" when "our"
  or "own" precedes it, None for "people", "others" or no noun.
- Not counts: a number glued to a hyphen or unit ("11-year-old", "9 am", "40%"), next to a month
  (a date), a year-like number with no person noun, a time ("at 13.24"), and any number whose
  noun is a thing ("five tanks", "two regions", "three assaults"). A number whose noun is not in
  the lexicon counts only when a kill/injury word is right next to it (steps 1-3, never 4).
- Negation: a zero word ("no", "nobody", "none") counts like a number; a casualty noun after a
  negator in its clause ("did not suffer losses", "denied they had suffered casualties") is a
  zero figure unless the clause says the toll is unknown ("not immediately clear whether").
- Running totals: a figure whose clause counts over a span ("since 1980", "so far this year",
  "over the past two months", "in total") or a conflict's dead ("the war has killed", "a war
  that has claimed", "killed in the two-year war") is marked `cumulative` with the words that
  say so; `running_total_reason` also counts as one a toll of 1,000 or more in a sentence that
  dates nothing to the day. The mention assembler never puts a running total on an event: "a
  bomb killed 12 on Tuesday, in a war that has killed 12,000 since 1980" gives the event 12.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING, Any

from sitreps.lexicons import FatalitiesFile, as_data, load_validated

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


@dataclass(frozen=True)
class FatalityFigure:
    kind: str  # "killed" | "injured" | "casualties" (unspecified)
    best: int | None
    low: int | None
    high: int | None
    victims: str | None  # "civilians" | "soldiers" | "militants" | "own forces" | None
    negated: bool
    start: int  # document character offsets
    end: int
    text: str
    cumulative: str | None = None  # the words that make it a running total ("since 1980"), else None


@dataclass(frozen=True)
class _Lexicon:
    units: dict[str, int]
    scales: dict[str, int]
    dozen: int
    quantifiers: tuple[tuple[tuple[str, ...], str], ...]  # (words, effect), longest first
    vague: tuple[tuple[tuple[str, ...], dict[str, Any]], ...]
    zero_words: tuple[tuple[str, ...], ...]
    cues: dict[str, str]
    person_only_cues: dict[str, str]
    victims: dict[str, str | None]
    negated_as_casualties: frozenset[str]
    own_forces_markers: frozenset[str]
    non_person_nouns: frozenset[str]
    not_a_count_before: frozenset[str]
    not_a_count_after: frozenset[str]
    unknown_markers: frozenset[str]
    negators: frozenset[str]


def _phrases(items: list[str]) -> list[tuple[str, ...]]:
    return [tuple(item.lower().split()) for item in items]


@cache
def _lexicon() -> _Lexicon:
    raw: dict[str, Any] = as_data(load_validated("fatalities.yaml", FatalitiesFile))
    words = raw["number_words"]
    quantifiers = [(phrase, effect) for effect, items in raw["quantifiers"].items() for phrase in _phrases(items)]
    vague = [(tuple(k.split()), v) for k, v in raw["vague_quantities"].items()]
    victims: dict[str, str | None] = {}
    for victim_type, nouns in raw["victims"].items():
        for noun in nouns:
            victims[noun.lower()] = None if victim_type == "unspecified" else victim_type
    return _Lexicon(
        units={**words["units"], **words["teens"], **words["tens"]},
        scales=dict(words["scales"]),
        dozen=int(words["dozen"]),
        quantifiers=tuple(sorted(quantifiers, key=lambda q: -len(q[0]))),
        vague=tuple(sorted(vague, key=lambda v: -len(v[0]))),
        zero_words=tuple(sorted(_phrases(raw["zero_words"]), key=lambda z: -len(z))),
        cues={form.lower(): kind for kind, forms in raw["cues"].items() for form in forms},
        person_only_cues={form.lower(): kind for kind, forms in raw["person_only_cues"].items() for form in forms},
        victims=victims,
        negated_as_casualties=frozenset(raw["negated_as_casualties"]),
        own_forces_markers=frozenset(raw["own_forces_markers"]),
        non_person_nouns=frozenset(w.lower() for w in raw["non_person_nouns"]),
        not_a_count_before=frozenset(w.lower() for w in raw["not_a_count_before"]),
        not_a_count_after=frozenset(w.lower() for w in raw["not_a_count_after"]),
        unknown_markers=frozenset(raw["unknown_markers"]),
        negators=frozenset(raw["negators"]),
    )


_DIGITS = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)$")
_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
# Verbs that move a toll from an old figure to a new one: "rose from 10 to 15" reports 15.
_TOLL_CHANGE = frozenset("rose risen climbed increased jumped grew soared".split())
# Words skipped when looking right after a counted phrase for what happened to it.
_SKIP_AFTER = frozenset(
    "were was been being are is have has had be reportedly allegedly also all later were later "
    "subsequently confirmed reported said believed thought feared later initially shot found burned "
    "burnt stabbed beaten left".split()
)
# Words skipped when looking left of a number for a kill word ("toll rose to 14").
_SKIP_BEFORE = frozenset(
    "of to at the a an rose risen climbed reached stood stands stand is was has had now jumped hit "
    "increased grew".split()
)
# Words that may sit between a number and the noun it counts.
_SKIP_TO_NOUN = frozenset("of the those these more other additional further its their his her".split())


@dataclass(frozen=True)
class _Quantity:
    first: int  # sentence-relative token indexes, end exclusive
    end: int
    best: int | None
    low: int | None
    high: int | None
    negated: bool
    digits: tuple[int, ...]  # indexes of digit tokens, for the date/time/age checks


@cache
def _cue_words() -> frozenset[str]:
    lex = _lexicon()
    words = {w.split()[0] for w in lex.cues} | {w.split()[0] for w in lex.person_only_cues}
    return frozenset(words | set(lex.negated_as_casualties))


def find_fatality_figures(sent: Span) -> list[FatalityFigure]:
    """Every fatality, injury or casualty figure the sentence gives, in text order."""
    cues = _cue_words()
    if not any(t.lower_ in cues for t in sent):
        return []  # no word of death, injury or loss: no figure (most sentences; checked first)
    tokens = list(sent)
    figures: list[FatalityFigure] = []
    used: set[int] = set()
    i = 0
    while i < len(tokens):
        quantity = _read_quantity(tokens, i)
        if quantity is None:
            i += 1
            continue
        figure = _figure_for(tokens, quantity, used)
        if figure is not None:
            figures.append(figure)
        i = quantity.end
    figures.extend(_negated_nouns(tokens, used))
    return _mark_running_totals(sent, sorted(figures, key=lambda f: f.start))


# --- reading numbers -------------------------------------------------------------------------


def _words(tokens: list[Token], i: int, phrase: tuple[str, ...]) -> bool:
    return i + len(phrase) <= len(tokens) and all(tokens[i + k].lower_ == word for k, word in enumerate(phrase))


def _read_number(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """(value, next index) for a number at i: digits, spelled words, "a dozen", "two dozen"."""
    lex = _lexicon()
    if i >= len(tokens):
        return None
    text = tokens[i].lower_
    if _DIGITS.match(text):
        return int(text.replace(",", "")), i + 1
    if text in ("a", "an") and i + 1 < len(tokens):
        following = tokens[i + 1].lower_
        if following == "dozen":
            return lex.dozen, i + 2
        if following in lex.scales:
            return lex.scales[following], i + 2
        return None
    total, current, j, seen = 0, 0, i, False
    while j < len(tokens):
        word = tokens[j].lower_
        parts = word.split("-")
        if all(p in lex.units for p in parts) and len(parts) <= 2 and not (seen and current % 10):
            current += sum(lex.units[p] for p in parts)
        elif word in lex.scales and seen:
            if lex.scales[word] == 100:
                current = current * 100
            else:
                total, current = total + current * lex.scales[word], 0
        elif word == "dozen" and seen:
            current *= lex.dozen
        elif word in ("-", "and") and seen and j + 1 < len(tokens) and tokens[j + 1].lower_ in lex.units:
            if word == "and" and current % 100:  # "hundred and five", not "two and five"
                break
        else:
            break
        seen = True
        j += 1
    if not seen:
        return None
    return total + current, j


@cache
def _starters() -> frozenset[str]:
    """Every word a quantity can begin with; most tokens are none of these, and are skipped."""
    lex = _lexicon()
    words = {"between", "from", "a", "an", "dozen", *lex.units, *lex.scales}
    words |= {p[0] for p in lex.zero_words} | {p[0] for p, _ in lex.quantifiers} | {p[0] for p, _ in lex.vague}
    return frozenset(words)


def _read_quantity(tokens: list[Token], i: int) -> _Quantity | None:
    lex = _lexicon()
    word = tokens[i].lower_
    if word not in _starters() and not _DIGITS.match(word) and not all(p in lex.units for p in word.split("-")):
        return None  # the cheap test first: this scan runs at every token of every sentence
    for phrase in lex.zero_words:
        if (
            _words(tokens, i, phrase)
            and not _words(tokens, i, ("no", "more"))
            and not _words(tokens, i, ("no", "longer"))
        ):
            if tokens[i].text.endswith("."):  # "No. 3", a list number
                return None
            return _Quantity(i, i + len(phrase), 0, 0, 0, True, ())
    if tokens[i].lower_ == "between":
        first = _read_number(tokens, i + 1)
        if first and first[1] < len(tokens) and tokens[first[1]].lower_ == "and":
            second = _read_number(tokens, first[1] + 1)
            if second:
                return _Quantity(i, second[1], None, first[0], second[0], False, _digit_indexes(tokens, i, second[1]))
    if tokens[i].lower_ == "from" and i > 0 and tokens[i - 1].lower_ in _TOLL_CHANGE:
        first = _read_number(tokens, i + 1)
        if first and first[1] < len(tokens) and tokens[first[1]].lower_ == "to":
            second = _read_number(tokens, first[1] + 1)
            if second:
                n = second[0]
                return _Quantity(i, second[1], n, n, n, False, _digit_indexes(tokens, first[1] + 1, second[1]))
    for phrase, effect in lex.quantifiers:
        if _words(tokens, i, phrase):
            number = _read_number(tokens, i + len(phrase))
            vague = None if number else _read_vague(tokens, i + len(phrase))
            if number:
                n, end = number
                digits = _digit_indexes(tokens, i, end)
                bounds = {
                    "lower_exclusive": (None, n + 1, None),
                    "lower_inclusive": (None, n, None),
                    "upper_inclusive": (None, None, n),
                    "upper_exclusive": (None, None, n - 1),
                    "approximate": (n, None, None),
                }[effect]
                return _Quantity(i, end, *bounds, False, digits)
            if vague:
                return _Quantity(i, vague.end, vague.best, vague.low, vague.high, False, ())
    vague = _read_vague(tokens, i)
    if vague:
        return vague
    if tokens[i].lower_ in ("a", "an") and _single_victim_follows(tokens, i + 1):
        return _Quantity(i, i + 1, 1, 1, 1, False, ())  # "killing a civilian"
    number = _read_number(tokens, i)
    if number is None:
        return None
    n, end = number
    if end + 1 < len(tokens) and tokens[end].lower_ in ("-", "–", "to", "or"):
        second = _read_number(tokens, end + 1)
        if second and second[0] > n:
            return _Quantity(i, second[1], None, n, second[0], False, _digit_indexes(tokens, i, second[1]))
    return _Quantity(i, end, n, n, n, False, _digit_indexes(tokens, i, end))


def _single_victim_follows(tokens: list[Token], j: int) -> bool:
    """ "a civilian", "a Sudanese aid worker": an article before a singular person noun."""
    lex = _lexicon()
    while j < len(tokens) and tokens[j].pos_ in ("ADJ", "PROPN") and tokens[j].lower_ not in lex.victims:
        j += 1
    return j < len(tokens) and tokens[j].tag_ == "NN" and tokens[j].lower_ in lex.victims


def _read_vague(tokens: list[Token], i: int) -> _Quantity | None:
    for phrase, bounds in _lexicon().vague:
        if _words(tokens, i, phrase):
            end = i + len(phrase)
            has_of = end < len(tokens) and tokens[end].lower_ == "of"
            if bounds.get("of") and not has_of:
                continue
            low, high = bounds.get("low"), bounds.get("high")
            best = low if low is not None and low == high else None
            return _Quantity(i, end, best, low, high, False, ())
    return None


def _digit_indexes(tokens: list[Token], start: int, end: int) -> tuple[int, ...]:
    return tuple(k for k in range(start, end) if _DIGITS.match(tokens[k].text))


# --- deciding whether a number is a fatality figure --------------------------------------------


@dataclass(frozen=True)
class _Counted:
    noun: int | None  # index of the counted noun
    cue_words: tuple[int, ...]  # kill/injury words between the number and its noun, or the noun itself
    own_forces: bool
    last: int  # index of the last token of the counted phrase


def _is_count(tokens: list[Token], q: _Quantity) -> bool:
    """False for ages, dates, times, years, indexes: numbers that count no one."""
    lex = _lexicon()
    before = tokens[q.first - 1].lower_ if q.first > 0 else ""
    after = tokens[q.end].lower_ if q.end < len(tokens) else ""
    if before in _MONTHS or after in _MONTHS:
        return False
    if q.digits:
        if before in lex.not_a_count_before or after in lex.not_a_count_after:
            return False
    elif after in ("-", "–") and q.end + 1 < len(tokens) and tokens[q.end + 1].lower_ in ("year", "years"):
        return False
    return True


def _counted_phrase(tokens: list[Token], q: _Quantity) -> _Counted:
    lex = _lexicon()
    cue_words: list[int] = []
    own = False
    j = q.end
    noun: int | None = None
    while j < len(tokens) and j < q.end + 6:
        token = tokens[j]
        word = token.lower_
        if word in lex.cues and token.pos_ in ("ADJ", "VERB", "NOUN") and _next_is_noun_phrase(tokens, j):
            cue_words.append(j)  # "two wounded soldiers", "no dead or injured troops"
        elif word in ("or", "and") and cue_words and j == cue_words[-1] + 1:
            pass
        elif word in lex.own_forces_markers:
            own = True
        elif (
            word in _SKIP_TO_NOUN
            or token.is_quote
            or (token.pos_ in ("ADJ", "PROPN") and _next_is_noun_phrase(tokens, j))
        ):
            pass
        elif token.pos_ in ("NOUN", "PROPN") or word in lex.cues or word in lex.victims:
            noun = j
            while (
                noun + 1 < len(tokens) and tokens[noun + 1].pos_ in ("NOUN", "PROPN") and not tokens[noun + 1].is_punct
            ):
                noun += 1  # the head of "service members", "Wagner mercenaries"
            break
        else:
            break
        j += 1
    if noun is None and cue_words:
        # "14 dead", "no dead or injured": the cue itself is what is counted
        return _Counted(None, tuple(cue_words), own, cue_words[-1] + _trailing_pair(tokens, cue_words[-1]))
    last = noun if noun is not None else q.end - 1
    return _Counted(noun, tuple(cue_words), own, last)


def _trailing_pair(tokens: list[Token], k: int) -> int:
    return (
        2
        if k + 2 < len(tokens) and tokens[k + 1].lower_ in ("or", "and") and tokens[k + 2].lower_ in (_lexicon().cues)
        else 0
    )


def _next_is_noun_phrase(tokens: list[Token], j: int) -> bool:
    lex = _lexicon()
    k = j + 1
    while k < len(tokens) and (tokens[k].lower_ in ("or", "and", ",") or tokens[k].lower_ in lex.cues):
        k += 1
    return k < len(tokens) and (
        tokens[k].pos_ in ("NOUN", "PROPN", "ADJ")
        and tokens[k].lower_ not in lex.cues
        or tokens[k].lower_ in lex.victims
    )


def _victims_of(tokens: list[Token], counted: _Counted) -> tuple[str | None, bool]:
    """(victim type, whether the noun names people at all)."""
    if counted.noun is None:
        return None, True
    lex = _lexicon()
    head = tokens[counted.noun].lower_
    pair = f"{tokens[counted.noun - 1].lower_} {head}" if counted.noun > 0 else head
    for key in (pair, head):
        if key in lex.victims:
            victim = lex.victims[key]
            if counted.own_forces and victim in ("soldiers", "militants", None):
                return "own forces", True
            return victim, True
    return None, False


def _kind_of(words: list[str]) -> str | None:
    kinds = {_lexicon().cues[w] for w in words if w in _lexicon().cues}
    if not kinds:
        return None
    return kinds.pop() if len(kinds) == 1 else "casualties"


def _kind_after(tokens: list[Token], k: int, person: bool) -> tuple[str | None, int]:
    lex = _lexicon()
    j = k + 1
    while j < len(tokens) and (tokens[j].lower_ in _SKIP_AFTER or tokens[j].pos_ in ("AUX", "ADV")):
        if tokens[j].lower_ in lex.cues:
            break
        j += 1
    if j >= len(tokens):
        return None, k
    kind = _cue_kind(tokens[j], person)
    if kind is None:
        return None, k
    end = j
    if j + 2 < len(tokens) and tokens[j + 1].lower_ in ("or", "and"):
        other = _cue_kind(tokens[j + 2], person)
        if other is not None:
            end = j + 2
            kind = kind if other == kind else "casualties"
    return kind, end


def _kind_before(tokens: list[Token], first: int, person: bool) -> tuple[str | None, int]:
    j = first - 1
    skipped = 0
    while j >= 0 and tokens[j].lower_ in _SKIP_BEFORE and skipped < 4:
        j -= 1
        skipped += 1
    if j < 0:
        return None, first
    kind = _cue_kind(tokens[j], person)
    return (kind, j) if kind else (None, first)


def _kind_by_tree(tokens: list[Token], k: int, person_noun: bool) -> str | None:
    token = tokens[k]
    if any(child.lower_ == "toll" for child in token.head.children):
        return "killed"  # "the death toll from the blast has reached 121"
    if not person_noun:
        return None  # a bare number hangs off whatever verb the parser found: too loose
    for _ in range(4):
        if token.head is token:
            return None
        token = token.head
        kind = _cue_kind(token, True)
        if kind is not None:
            return kind
    return None


def _cue_kind(token: Token, person: bool) -> str | None:
    lex = _lexicon()
    word = token.lower_
    if person and word in lex.person_only_cues:
        return lex.person_only_cues[word]
    return lex.cues.get(word)


def _figure_for(tokens: list[Token], q: _Quantity, used: set[int]) -> FatalityFigure | None:
    if not _is_count(tokens, q):
        return None
    lex = _lexicon()
    counted = _counted_phrase(tokens, q)
    victims, names_people = _victims_of(tokens, counted)
    noun_word = tokens[counted.noun].lower_ if counted.noun is not None else None
    if noun_word in lex.non_person_nouns:
        return None
    if q.digits and noun_word is None and len(q.digits) == 1:
        value = int(tokens[q.digits[0]].text.replace(",", ""))
        if 1900 <= value <= 2100:  # a year, not a toll
            return None
    # a noun counted that is itself a cue: "14 casualties", "30 deaths", "no losses"
    if noun_word is not None and noun_word in lex.cues and noun_word not in lex.victims:
        kind: str | None = lex.cues[noun_word]
        span_end = counted.noun
        if counted.noun is not None and _trailing_pair(tokens, counted.noun):
            kind = _kind_of([noun_word, tokens[counted.noun + 2].lower_])
            span_end = counted.noun + 2
        victims, names_people = None, True
    elif counted.cue_words:
        kind = _kind_of([tokens[c].lower_ for c in counted.cue_words] + _paired_cues(tokens, counted.cue_words))
        span_end = counted.last
    else:
        kind, span_end = _kind_after(tokens, counted.last, names_people)
        if kind is None:
            kind, before = _kind_before(tokens, q.first, names_people)
            span_end = counted.last
            if kind is not None:
                return _make(tokens, q, kind, victims, before, span_end, used)
        if kind is None and names_people:
            if counted.noun is not None:
                kind = _kind_by_tree(tokens, counted.noun, True)
            else:
                kind = _kind_by_tree(tokens, q.end - 1, False)
            span_end = counted.last
    if kind is None:
        return None
    if (
        q.negated
        and kind == "injured"
        and any(t.lower_ in lex.negated_as_casualties for t in tokens[q.first : span_end + 1])
    ):
        kind = "casualties"
    return _make(tokens, q, kind, victims, q.first, span_end, used)


def _paired_cues(tokens: list[Token], cue_words: tuple[int, ...]) -> list[str]:
    last = cue_words[-1]
    if _trailing_pair(tokens, last):
        return [tokens[last + 2].lower_]
    return []


def _make(
    tokens: list[Token], q: _Quantity, kind: str, victims: str | None, first: int, last: int, used: set[int]
) -> FatalityFigure:
    first, last = min(first, q.first), max(last, q.end - 1)
    used.update(range(first, last + 1))
    start = tokens[first].idx
    end = tokens[last].idx + len(tokens[last].text)
    # the figure's own tokens give its text: `doc.text` would join every token of the article
    # per figure, which made long articles quadratic
    text = tokens[0].doc[tokens[first].i : tokens[last].i + 1].text
    return FatalityFigure(kind, q.best, q.low, q.high, victims, q.negated, start, end, text)


# --- negated casualty nouns ("did not suffer any losses") --------------------------------------


def _negated_nouns(tokens: list[Token], used: set[int]) -> list[FatalityFigure]:
    lex = _lexicon()
    figures: list[FatalityFigure] = []
    for k, token in enumerate(tokens):
        if k in used or token.lower_ not in lex.cues or token.pos_ not in ("NOUN", "ADJ"):
            continue
        if token.lower_ in ("toll", "lives", "life", "body", "bodies"):
            continue
        negator = None
        for j in range(k - 1, max(-1, k - 7), -1):
            word = tokens[j].lower_
            if word in (",", ";", ":", "but", "while", "although") or word in lex.unknown_markers:
                break
            if word in lex.negators:
                negator = j
                break
        if negator is None:
            continue
        kind = lex.cues[token.lower_]
        end = k
        if _trailing_pair(tokens, k):
            kind = _kind_of([token.lower_, tokens[k + 2].lower_]) or kind
            end = k + 2
        used.update(range(negator, end + 1))
        start_char = tokens[negator].idx
        end_char = tokens[end].idx + len(tokens[end].text)
        text = tokens[0].doc[tokens[negator].i : tokens[end].i + 1].text  # not doc.text: see _make
        figures.append(FatalityFigure(kind, 0, 0, 0, None, True, start_char, end_char, text))
    return figures


# --- running totals ("since the war began", "so far this year") --------------------------------


@dataclass(frozen=True)
class _CumulativeRules:
    patterns: tuple[re.Pattern[str], ...]
    record_words: frozenset[str]
    large_toll_needs_day: int


@cache
def _cumulative_rules() -> _CumulativeRules:
    raw: dict[str, Any] = as_data(load_validated("fatalities.yaml", FatalitiesFile))
    section = raw["cumulative"]
    words = raw["number_words"]
    number_words = [*words["units"], *words["teens"], *words["tens"]]
    number = r"(?:\d+|" + "|".join(sorted(number_words, key=len, reverse=True)) + r")(?:[ -](?:\w+))?"
    nouns = sorted(section["conflict_nouns"], key=len, reverse=True)
    conflict = "|".join(r"\s+".join(map(re.escape, noun.split())) for noun in nouns)
    patterns = tuple(
        re.compile(p.replace("{conflict}", conflict).replace("{number}", number), re.IGNORECASE)
        for p in section["patterns"]
    )
    return _CumulativeRules(
        patterns=patterns,
        record_words=frozenset(w.lower() for w in section["record_words"]),
        large_toll_needs_day=int(section["large_toll_needs_day"]),
    )


# Where a sentence's clauses part: commas (not the thousands separator of "12,000"),
# semicolons, colons, brackets and dashes.
_CLAUSE_BREAK = re.compile(r"(?<!\d),|,(?!\d{3})|[;:()\[\]—–]|\s-{1,2}\s")


def _clauses(text: str) -> list[tuple[int, int]]:
    """(start, end) of each clause of `text`, offsets into it."""
    spans, start = [], 0
    for brk in _CLAUSE_BREAK.finditer(text):
        spans.append((start, brk.start()))
        start = brk.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _cumulative_cues(text: str) -> list[re.Match[str]]:
    """Every match in `text` of a pattern that makes a figure a running total, in text order."""
    rules = _cumulative_rules()
    found: list[re.Match[str]] = []
    for pattern in rules.patterns:
        for match in pattern.finditer(text):
            before = text[: match.start()].lower().split()[-3:]
            if match.group(0).lower() == "since" and rules.record_words & set(before):
                continue  # "the deadliest attack since 2015": a record the day's event sets
            found.append(match)
    return sorted(found, key=lambda m: m.start())


def _mark_running_totals(sent: Span, figures: list[FatalityFigure]) -> list[FatalityFigure]:
    if not figures:
        return figures
    text, base = sent.text, sent.start_char
    clauses = _clauses(text)
    holds = [any(a <= f.start - base < b for f in figures) for a, b in clauses]
    cue_of: dict[int, str] = {}  # clause index -> the cue that marks its figures
    for cue in _cumulative_cues(text):
        touched = [k for k, (a, b) in enumerate(clauses) if a < cue.end() and cue.start() < b]
        with_figures = [k for k in touched if holds[k]]
        if not touched:
            continue
        if not with_figures:
            # a clause of its own: "Since 1980, ..." opens the sentence; ", so far this year" follows
            k = touched[0]
            if k == 0:
                with_figures = [next((j for j in range(1, len(clauses)) if holds[j]), -1)]
            elif not text[clauses[k][0] : cue.start()].strip():
                with_figures = [next((j for j in range(k - 1, -1, -1) if holds[j]), -1)]
        for k in with_figures:
            if k >= 0:
                cue_of.setdefault(k, " ".join(cue.group(0).split()))
    marked: list[FatalityFigure] = []
    for figure in figures:
        k = next((i for i, (a, b) in enumerate(clauses) if a <= figure.start - base < b), None)
        cue = cue_of.get(k) if k is not None and not figure.negated else None  # "no deaths so far": the day's
        marked.append(replace(figure, cumulative=cue) if cue else figure)
    return marked


def running_total_clauses(sent: Span, figures: list[FatalityFigure]) -> list[tuple[int, int]]:
    """Document character spans of the clauses of `sent` that hold a running total among `figures`
    (those `find_fatality_figures(sent)` gave): "the war that began in 1980 has killed 12,000"."""
    base = sent.start_char
    spans = [(base + a, base + b) for a, b in _clauses(sent.text)]
    return [(a, b) for a, b in spans if any(f.cumulative and a <= f.start < b for f in figures)]


@cache
def toll_words() -> frozenset[str]:
    """Every word form of data/fatalities.yaml that says people were killed or hurt ("killed", "died")."""
    lex = _lexicon()
    return frozenset(w for w in (*lex.cues, *lex.person_only_cues) if " " not in w)


def running_total_reason(figure: FatalityFigure, sentence_dates_a_day: bool) -> str | None:
    """Why `figure` is a running total that no single event may carry, else None.

    `sentence_dates_a_day`: the figure's sentence gives a date to the day (its own, not the
    story's). A figure marked cumulative is one whatever its size; a toll of at least
    `large_toll_needs_day` killed (data/fatalities.yaml) is one unless its sentence gives the day.
    """
    if figure.cumulative is not None:
        return f"running total ({figure.cumulative!r})"
    least = next((v for v in (figure.low, figure.best) if v is not None), None)
    threshold = _cumulative_rules().large_toll_needs_day
    if figure.kind != "injured" and least is not None and least >= threshold and not sentence_dates_a_day:
        return f"running total (a toll of {least} or more with no day of its own)"
    return None
