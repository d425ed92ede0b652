"""The shipped lexicons' shapes, checked when they are loaded.

Every YAML word list the extractor reads (`data/event_lexicon.yaml`, `fatalities.yaml`,
`claims.yaml`, `modality.yaml`, `dates.yaml`, `background.yaml` and each language pack's
`data/lang/<code>/lexicon.yaml`) has a model here that says exactly which keys it may hold and
what each holds. A misspelt key, a missing one, or an event type that is not ACLED's is refused
with one line naming the file, the line and the entry:

    event_lexicon.yaml line 42: triggers[17]: unknown key 'blokers' (known: lemma, pos, ...)

`load_validated` reads a file, validates it and returns the validated model; the loaders turn it
back into the plain data they read before (`as_data`), so validation changes what they refuse,
never what they return.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar, get_args

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)
from pydantic_core import ErrorDetails, PydanticCustomError

from sitreps.errors import DataFileError
from sitreps.model import EventType, Stance


class LexiconError(DataFileError):
    """A lexicon file is malformed; the message is one line naming the file, its line and the reason."""


@cache
def _sub_event_parent() -> dict[str, str]:
    # imported here, not at the top: the table's module loads numpy, which reading commands that
    # never load a lexicon must not pay for
    from sitreps.extract.event_model import SUB_EVENT_PARENT

    return SUB_EVENT_PARENT


def _acled_type(value: str) -> str:
    if value not in get_args(EventType):
        raise PydanticCustomError("acled_type", "must be an ACLED event type, not {value}", {"value": repr(value)})
    return value


def _acled_sub(value: str) -> str:
    if value not in _sub_event_parent():
        raise PydanticCustomError("acled_sub", "must be an ACLED sub-event type, not {value}", {"value": repr(value)})
    return value


def _regex(value: str) -> str:
    # the cumulative patterns hold {conflict} and {number} placeholders, filled in by the loader
    try:
        re.compile(value.replace("{conflict}", "war").replace("{number}", "1"))
    except re.error as exc:
        raise PydanticCustomError(
            "regex", "is not a valid regular expression ({reason})", {"reason": str(exc)}
        ) from None
    return value


AcledType = Annotated[str, AfterValidator(_acled_type)]
AcledSubType = Annotated[str, AfterValidator(_acled_sub)]
Pattern = Annotated[str, AfterValidator(_regex)]
Words = list[str]
# Universal POS tags (spaCy's `pos_`), the parts of speech a trigger may take
UniversalPos = Literal[
    "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ",
    "SYM", "VERB", "X",
]  # fmt: skip


def _check_parent(event_type: str, sub: str | None) -> None:
    parent = _sub_event_parent().get(sub) if sub is not None else None
    if parent is not None and parent != event_type:
        raise PydanticCustomError(
            "acled_pair",
            "sub-event type {sub} belongs to {parent}, not to {type}",
            {"sub": repr(sub), "parent": repr(parent), "type": repr(event_type)},
        )


class Strict(BaseModel):
    """A mapping that holds only the keys its model names."""

    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _known_keys(cls, data: Any) -> Any:
        # said here rather than by extra="forbid" alone: the message lists the keys that are known
        if isinstance(data, dict):
            known = [field.alias or name for name, field in cls.model_fields.items()]
            for key in data:
                if key not in known:
                    raise PydanticCustomError(
                        "unknown_key", "unknown key {key} (known: {known})", {"key": key, "known": ", ".join(known)}
                    )
        return data


# --- event_lexicon.yaml (sitreps.extract.triggers) ---------------------------------------------


class TriggerEntry(Strict):
    lemma: str
    pos: list[UniversalPos] = []
    type: AcledType
    sub: AcledSubType | None = None
    violent: bool = False
    blockers: Words = []
    with_words: Words = Field(default=[], alias="with")
    preceded_by: Words = []
    refine: list[Literal["weapon", "target", "territory", "protest"]] = []
    outcome: str | None = None
    needs_weapon: bool = False
    needs_target: Literal["civilians"] | None = None
    needs_modifier: Words = []
    needs_actor: Literal["armed"] | None = None
    consequence: bool = False
    absorbs_object: bool = False
    participant: bool = False
    needs_crowd: bool = False
    forms: Words = []

    @model_validator(mode="after")
    def _sub_of_type(self) -> TriggerEntry:
        _check_parent(self.type, self.sub)
        return self


class CrowdViolence(Strict):
    as_agent: tuple[AcledType, AcledSubType] | None = None
    as_target: tuple[AcledType, AcledSubType] | None = None
    as_target_of_non_violent: tuple[AcledType, AcledSubType] | None = None


class ProtestCue(Strict):
    type: AcledType
    sub: AcledSubType
    cues: Words = []

    @model_validator(mode="after")
    def _sub_of_type(self) -> ProtestCue:
        _check_parent(self.type, self.sub)
        return self


class ProtestEscalation(Strict):
    order: list[ProtestCue] = []
    harm_lemmas: Words = []
    protester_words: Words = []


class MobViolence(Strict):
    agents: Words = []
    acts: Words = []


class EventLexiconFile(Strict):
    triggers: list[TriggerEntry]
    crowd_violence: CrowdViolence | None = None
    protest_escalation: ProtestEscalation | None = None
    civilian_sites: Words = []
    mob_violence: MobViolence | None = None
    crowd_words: Words = []
    violent_context: Words
    weapons: dict[AcledSubType, Words]


# --- fatalities.yaml (sitreps.extract.fatalities) ----------------------------------------------


class NumberWords(Strict):
    units: dict[str, int]
    teens: dict[str, int]
    tens: dict[str, int]
    scales: dict[str, int]
    dozen: int


class Quantifiers(Strict):
    lower_exclusive: Words = []
    lower_inclusive: Words = []
    upper_inclusive: Words = []
    upper_exclusive: Words = []
    approximate: Words = []


class VagueQuantity(Strict):
    low: int | None = None
    high: int | None = None
    of: bool = False


class Cumulative(Strict):
    conflict_nouns: Words
    patterns: list[Pattern]
    record_words: Words
    large_toll_needs_day: int


FigureKind = Literal["killed", "injured", "casualties"]


class FatalitiesFile(Strict):
    number_words: NumberWords
    quantifiers: Quantifiers
    vague_quantities: dict[str, VagueQuantity]
    zero_words: Words
    cues: dict[FigureKind, Words]
    person_only_cues: dict[FigureKind, Words]
    victims: dict[Literal["civilians", "soldiers", "militants", "unspecified"], Words]
    negated_as_casualties: Words
    own_forces_markers: Words
    non_person_nouns: Words
    not_a_count_before: Words
    not_a_count_after: Words
    unknown_markers: Words
    negators: Words
    cumulative: Cumulative


# --- claims.yaml, modality.yaml, dates.yaml, background.yaml -----------------------------------


class ClaimsFile(Strict):
    reporting_verbs: dict[str, Stance]
    third_party_heads: Words
    hedges: dict[Stance, Words]
    according_to: Words


class ModalityFile(Strict):
    unreal_auxiliaries: Words
    intent_governors: Words
    durative_units: Words
    habitual_adverbs: Words
    habitual_phrases: Words
    attitude_verbs: Words


class DocumentDateCues(Strict):
    dated: Words
    document_nouns: Words
    document_verbs: Words


class DatesFile(Strict):
    month_parts: dict[str, tuple[Annotated[int, Field(ge=1, le=31)], Annotated[int, Field(ge=1, le=31)]]]
    count_words: dict[str, int]
    document_date_cues: DocumentDateCues
    story_relative_days: dict[str, int]


class BackgroundFile(Strict):
    background_span_days: Annotated[int, Field(ge=0)]


# --- data/lang/<code>/lexicon.yaml (sitreps.lang.cyrillic) --------------------------------------

StemGroup = Annotated[list[str], Field(min_length=1)]


class PackEvent(Strict):
    all_groups: Annotated[list[StemGroup], Field(min_length=1)] = Field(alias="all")
    event_type: AcledType
    sub_event_type: AcledSubType | None = None

    @model_validator(mode="after")
    def _sub_of_type(self) -> PackEvent:
        _check_parent(self.event_type, self.sub_event_type)
        return self


class PackActor(Strict):
    phrases: Words
    actor: str


class LanguagePackFile(Strict):
    events: list[PackEvent]
    region_nouns: Words
    colloquial_regions: dict[str, str]
    street_words: Words
    locative_words: Words
    metonymy_words: Words
    months: dict[str, Annotated[int, Field(ge=1, le=12)]]
    relative_days: dict[str, int]
    death_stems: Words
    injury_stems: Words
    singular_deaths: Words
    no_deaths: Words
    number_words: dict[str, int]
    not_people_stems: Words
    claim_stems: Words
    hedge_stems: Words
    denial_stems: Words
    actors: list[PackActor]
    adjective_endings: dict[str, str]
    case_endings: Words
    home_countries: Words


class TransliterationFile(Strict):
    """data/lang/<code>/transliteration.yaml: Cyrillic letters (and letter pairs) -> Latin spellings."""

    pairs: dict[str, str]
    initial: dict[str, str]
    letters: dict[str, str]


# Every shipped lexicon and its model, by its path under sitreps/data (the test checks each).
SHIPPED: dict[str, type[Strict]] = {
    "event_lexicon.yaml": EventLexiconFile,
    "fatalities.yaml": FatalitiesFile,
    "claims.yaml": ClaimsFile,
    "modality.yaml": ModalityFile,
    "dates.yaml": DatesFile,
    "background.yaml": BackgroundFile,
    "lang/ru/lexicon.yaml": LanguagePackFile,
    "lang/uk/lexicon.yaml": LanguagePackFile,
    "lang/ru/transliteration.yaml": TransliterationFile,
    "lang/uk/transliteration.yaml": TransliterationFile,
}


# --- loading -----------------------------------------------------------------------------------

M = TypeVar("M", bound=Strict)


def load_validated(name: str | Path, model: type[M]) -> M:
    """The lexicon `name` (a path under sitreps/data, or a file of the user's) validated by `model`.

    Raises LexiconError with one line, "<file> line <n>: <entry>: <reason>", for a file that
    cannot be read, is not YAML, or does not have the model's shape.
    """
    path = name if isinstance(name, Path) else Path(str(files("sitreps") / "data" / name))
    shown = str(name)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(f"{shown}: cannot be read ({exc.strerror or exc})") from None
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark is not None else 1
        raise LexiconError(f"{shown} line {line}: not valid YAML ({exc.problem})") from None
    finally:
        loader.dispose()
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise LexiconError(_one_line(shown, root, exc.errors()[0], len(exc.errors()))) from None


def as_data(lexicon: Strict) -> dict[str, Any]:
    """The validated lexicon as the plain mapping its file holds (only the keys the file sets)."""
    return lexicon.model_dump(by_alias=True, exclude_unset=True)


def _one_line(shown: str, root: yaml.Node | None, error: ErrorDetails, count: int) -> str:
    loc = tuple(error["loc"])
    kind, ctx = error["type"], error.get("ctx") or {}
    if loc and loc[-1] == "[key]":  # a mapping key that is not allowed: "weapons: {Armed clashes: ...}"
        path, reason, at = loc[:-2], f"key {error['msg']}", loc[:-1]
    elif kind == "unknown_key":
        path, reason, at = loc, error["msg"].replace(str(ctx["key"]), repr(ctx["key"]), 1), (*loc, ctx["key"])
    elif kind == "model_type":  # the file, or one of its entries, is a list or a word, not a mapping
        path, reason, at = loc, "must be a mapping of keys to values", loc
    elif kind == "missing":
        path, reason, at = loc[:-1], f"missing key {loc[-1]!r}", loc[:-1]
    elif loc and isinstance(loc[-1], str):
        path, reason, at = loc[:-1], f"{loc[-1]!r} {_lowered(error['msg'])}", loc
    else:
        path, reason, at = loc, _lowered(error["msg"]), loc
    where = _dotted(path)
    more = f" (and {count - 1} more)" if count > 1 else ""
    return f"{shown} line {_line_of(root, at)}: {where + ': ' if where else ''}{reason}{more}"


def _lowered(message: str) -> str:
    # pydantic's own messages start "Input should be ...": after the key's name it reads "'x' should be"
    return message.replace("Input should", "should", 1) if message.startswith("Input should") else message


def _dotted(loc: tuple[str | int, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _line_of(root: yaml.Node | None, loc: tuple[str | int, ...]) -> int:
    """The 1-based line of the deepest node of `loc` the file has (a key's line for a mapping's key)."""
    if root is None:
        return 1
    node, line = root, root.start_mark.line + 1
    for part in loc:
        if isinstance(node, yaml.MappingNode):
            found = next(((k, v) for k, v in node.value if k.value == str(part)), None)
            if found is None:
                break
            line, node = found[0].start_mark.line + 1, found[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line
