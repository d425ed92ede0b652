"""Actors: text as written -> a registry entry with its ACLED canonical name.

Matching order (each step only when the previous found nothing):
1. exact alias (abbreviations in capitals are matched case-sensitively: "IS" the verb is not ISIS);
2. normalised alias (case, quotes, hyphens, diacritics, a leading "the");
3. fuzzy alias match with rapidfuzz above `FUZZY_MIN` (measured on the registry's own aliases
   with one typo added: 92 keeps every noisy alias and no cross-actor hit);
4. composition: a demonym or capital ("Russian", "Putin's", "Kyiv's") with a role head noun
   ("soldiers", "authorities", "civilians") gives "Military Forces of Russia (2000-)" and friends.
Unknown actors are kept as written with an `unregistered:` id, never dropped.

The registry is data: `data/actors.yaml` (roles, people, generic nouns) and every file in
`data/actors/` (countries with their government periods, identity groups, named actors per
region), validated at load: a bad entry stops the load with an error naming its file and entry.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

from sitreps.errors import DataFileError
from sitreps.model import Actor

FUZZY_MIN = 92.0
NON_STATE_TYPES = frozenset({"rebel_group", "political_militia", "identity_militia", "private_military"})
# ACLED's inter codes by actor type: the default when an entry does not give its own.
INTER_BY_TYPE = {
    "state_forces": 1,
    "state": 1,
    "rebel_group": 2,
    "political_militia": 3,
    "identity_militia": 4,
    "rioters": 5,
    "protesters": 6,
    "civilians": 7,
    "external": 8,
    "private_military": 8,
}
ACTOR_TYPES = frozenset(INTER_BY_TYPE)
ENTRY_KEYS = frozenset(
    {
        "id",
        "name",
        "type",
        "side",
        "country",
        "countries",
        "inter",
        "opponent",
        "aliases",
        "abbreviations",
        "local_names",
        "nicknames",
        "parent",
        "allies",
        "successor_of",
        "related",
        "years",
        "note",
    }
)
YEARS_RE = re.compile(r"^(\d{4})-(\d{4})?$")
# ACLED's dated state names: "Military Forces of Kenya (2013-2022)", "Police Forces of Sudan (2019-)"
STATE_NAME_RE = re.compile(r"^(Military Forces|Police Forces|Government) of (.+?) \((\d{4})-(\d{4})?\)(.*)$")


class RegistryError(DataFileError):
    """A registry file that cannot be used: the message names the file, the entry and why."""


@dataclass(frozen=True)
class ActorEntry:
    id: str
    name: str
    type: str = "unknown"
    side: str | None = None
    country: str | None = None
    inter: int | None = None
    opponent: str | None = None
    aliases: tuple[str, ...] = ()
    nicknames: tuple[str, ...] = ()
    parent: str | None = None
    countries: tuple[str, ...] = ()  # where the actor is active; the first is its home
    abbreviations: tuple[str, ...] = ()
    local_names: tuple[str, ...] = ()
    allies: tuple[str, ...] = ()
    successor_of: str | None = None
    related: tuple[str, ...] = ()
    years: tuple[int | None, int | None] = (None, None)
    source: str = ""  # the file it was read from, for `sitreps actors lookup`

    def actor(self) -> Actor:
        return Actor(id=self.id, name=self.name)

    @property
    def armed_non_state(self) -> bool:
        return self.type in NON_STATE_TYPES

    @property
    def all_aliases(self) -> tuple[str, ...]:
        return (self.name, *self.aliases, *self.abbreviations, *self.local_names)

    def active_in(self, country_code: str | None) -> bool:
        return country_code is not None and country_code in (self.countries or (self.country,))


@dataclass(frozen=True)
class CountryEntry:
    code: str
    name: str
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    since: int | None
    periods: tuple[int, ...] = ()  # government start years, oldest first
    of_name: str | None = None  # "the United States" in "Military Forces of the United States"

    def period(self, when: date | None = None) -> tuple[int, int | None] | None:
        """The government period an event on `when` falls in (the current one when undated)."""
        if not self.periods:
            return None
        starts = self.periods
        idx = len(starts) - 1
        if when is not None:
            idx = max((i for i, y in enumerate(starts) if y <= when.year), default=0)
        end = starts[idx + 1] if idx + 1 < len(starts) else None
        return starts[idx], end

    def period_label(self, when: date | None = None) -> str:
        span = self.period(when)
        if span is None:
            return ""
        return f" ({span[0]}-{span[1] or ''})"


@dataclass(frozen=True)
class RoleEntry:
    key: str
    id_pattern: str
    name_pattern: str
    type: str
    inter: int
    heads: tuple[str, ...]


@dataclass(frozen=True)
class IdentityGroup:
    """An ethnic group, clan, sub-clan or religious community, for ACLED's communal militias:
    "Amhara Ethnic Militia (Ethiopia)", "Habar Gedir-Ayr Sub-Clan Militia (Somalia)"."""

    name: str  # as ACLED writes it in the militia's name ("Habar Gedir-Ayr" for a sub-clan)
    kind: str  # ethnic | clan | sub-clan | religious
    countries: tuple[str, ...]
    aliases: tuple[str, ...] = ()


IDENTITY_KINDS = {
    "ethnic": "Ethnic Militia",
    "clan": "Clan Militia",
    "sub-clan": "Sub-Clan Militia",
    "religious": "Militia",
}


@lru_cache(maxsize=65536)
def normalize_name(text: str) -> str:
    """Casefold, strip diacritics (keeping Cyrillic letters), quotes and a leading article.

    Cached: the extractor asks for the same few hundred words (role heads, demonyms) per
    phrase; uncached this was 6 % of extraction time on bench_extract."""
    text = unicodedata.normalize("NFKC", text).replace("ё", "е").replace("Ё", "Е")
    decomposed = unicodedata.normalize("NFD", text)
    text = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    text = re.sub(r"[\"'«»“”‘’`]", "", text.casefold())
    text = re.sub(r"[-‐‑–—_/.,:;()\[\]]", " ", text)
    text = re.sub(r"^(the|a|an)\s+", "", text.strip())
    return re.sub(r"\s+", " ", text).strip()


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9а-я]+", "-", normalize_name(text)).strip("-") or "unknown"


def unregistered(text: str) -> Actor:
    clean = re.sub(r"\s+", " ", text).strip(" \"'“”‘’«»")
    clean = re.sub(r"^(the|a|an)\s+", "", clean, flags=re.IGNORECASE)
    return Actor(id=f"unregistered:{slug(clean)}", name=clean)


@dataclass
class ActorRegistry:
    entries: dict[str, ActorEntry]
    countries: dict[str, CountryEntry]
    roles: dict[str, RoleEntry]
    people: dict[str, str] = field(default_factory=dict)  # normalised name -> actor id
    generic_armed_nouns: frozenset[str] = frozenset()
    non_armed_modifiers: frozenset[str] = frozenset()
    identity_groups: dict[str, IdentityGroup] = field(default_factory=dict)  # normalised alias -> group
    # ACLED's regional names for unnamed communal militias: (country, admin1 word) -> name
    regional_militias: dict[tuple[str, str], str] = field(default_factory=dict)
    _exact: dict[str, str] = field(default_factory=dict)
    _case_sensitive: dict[str, str] = field(default_factory=dict)
    _normalized: dict[str, str] = field(default_factory=dict)
    _demonyms: dict[str, str] = field(default_factory=dict)
    _capitals: dict[str, str] = field(default_factory=dict)
    _heads: dict[str, str] = field(default_factory=dict)
    _children: dict[str, list[str]] = field(default_factory=dict)  # parent id -> branch ids

    def __post_init__(self) -> None:
        for entry in self.entries.values():
            self._index_entry(entry)
            if entry.parent:
                self._children.setdefault(entry.parent, []).append(entry.id)
        for country in self.countries.values():
            for d in (*country.demonyms, f"{country.name}'s"):
                self._demonyms.setdefault(normalize_name(d), country.code)
            for c in country.capitals:
                self._capitals.setdefault(normalize_name(c), country.code)
        for role in self.roles.values():
            for head in role.heads:
                self._heads.setdefault(normalize_name(head), role.key)

    def _index_entry(self, entry: ActorEntry) -> None:
        for alias in entry.all_aliases:
            if len(alias) <= 5 and alias.isupper():
                self._case_sensitive.setdefault(alias, entry.id)
            else:
                self._exact.setdefault(alias, entry.id)
                self._normalized.setdefault(normalize_name(alias), entry.id)

    # -- lookups -----------------------------------------------------------------------
    def get(self, actor_id: str) -> ActorEntry | None:
        entry = self.entries.get(actor_id)
        if entry is None:
            entry = self._composed_by_id(actor_id)
        return entry

    def match(self, text: str, fuzzy: bool = True) -> ActorEntry | None:
        """The registry entry `text` names, or None."""
        found = self.explain(text, fuzzy)
        return found[0] if found else None

    def explain(self, text: str, fuzzy: bool = True) -> tuple[ActorEntry, str] | None:
        """The entry `text` names and why it matched ("exact alias 'SSPDF'", "fuzzy 94 ...")."""
        text = text.strip()
        if not text:
            return None
        norm = normalize_name(text)
        how = None
        hit = self._case_sensitive.get(text)
        if hit:
            how = f"abbreviation {text!r} (case-sensitive)"
        elif (hit := self._exact.get(text)) is not None:
            how = f"exact alias {text!r}"
        elif (hit := self._normalized.get(norm)) is not None:
            how = f"normalised alias {norm!r}"
        elif (hit := self.people.get(norm)) is not None:
            how = f"person {norm!r}"
        elif fuzzy and len(norm) >= 8:
            best = process.extractOne(norm, self._normalized.keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_MIN)
            if best is not None:
                hit = self._normalized[best[0]]
                how = f"fuzzy {best[1]:.0f} to alias {best[0]!r}"
        entry = self.get(hit) if hit else None
        return (entry, how or "") if entry is not None else None

    def person(self, text: str) -> ActorEntry | None:
        actor_id = self.people.get(normalize_name(text))
        return self.get(actor_id) if actor_id else None

    def country_of_modifier(self, word: str) -> str | None:
        """'Russian' / "Putin's" / 'Kyiv' -> 'RU' / 'RU' / 'UA'."""
        norm = normalize_name(word)
        return self._demonyms.get(norm) or self._capitals.get(norm)

    def is_demonym(self, word: str) -> bool:
        """ "Malian", "Russian": names a people, never a place."""
        return normalize_name(word) in self._demonyms

    def capital_country(self, word: str) -> str | None:
        return self._capitals.get(normalize_name(word))

    def role_of_head(self, head: str) -> str | None:
        return self._heads.get(normalize_name(head))

    def identity(self, word: str) -> IdentityGroup | None:
        """ "Amhara", "Habargidir", "Gaaljecel": the community a militia is named after."""
        return self.identity_groups.get(normalize_name(word))

    def country_label(self, country_code: str) -> str:
        country = self.countries.get(country_code)
        return country.name if country else country_code

    def compose(self, country_code: str, role_key: str, when: date | None = None) -> ActorEntry | None:
        country = self.countries.get(country_code)
        role = self.roles.get(role_key)
        if country is None or role is None:
            return None
        actor_id = role.id_pattern.format(cc=country.code)
        if actor_id in self.entries and when is None:
            return self.entries[actor_id]
        of_name = country.of_name or country.name
        name = role.name_pattern.replace("of {country}", f"of {of_name}").format(country=country.name, since="{since}")
        name = name.replace(" ({since}-)", country.period_label(when))
        base = self.entries.get(actor_id)
        if base is not None:
            return ActorEntry(**{**base.__dict__, "name": self.dated_name(base.name, when)})
        return ActorEntry(
            id=actor_id, name=name, type=role.type, country=country.code, countries=(country.code,), inter=role.inter
        )

    def dated_name(self, name: str, when: date | None) -> str:
        """ "Military Forces of Sudan (2019-)" for an event in 2018: "(1989-2019)", the period
        that event falls in (ACLED names state actors by government period)."""
        m = STATE_NAME_RE.match(name)
        if m is None or when is None:
            return name
        country = next(
            (c for c in self.countries.values() if m.group(2) in (c.name, c.of_name)),
            None,
        )
        if country is None or not country.periods:
            return name
        return f"{m.group(1)} of {m.group(2)}{country.period_label(when)}{m.group(5)}"

    def branch_in(self, entry: ActorEntry, country_code: str | None) -> ActorEntry:
        """The branch of `entry` active where the event is: "Islamic State" in a Mozambique
        story is its Mozambique province. The entry itself when it is active there or has no
        branch there."""
        if country_code is None or not entry.armed_non_state or entry.active_in(country_code):
            return entry
        # the branch for which that country counts most (listed first: its home)
        active = [self.entries[c] for c in self._children.get(entry.id, ()) if self.entries[c].active_in(country_code)]
        if active:
            best = min(active, key=lambda child: child.countries.index(country_code))
            return self.branch_in(best, country_code)
        return entry

    def unidentified_armed_group(self, country_code: str | None) -> Actor:
        """ACLED's catch-all for armed men no report names, per country."""
        return self._crowd("Unidentified Armed Group", "unidentified:armed-group", country_code)

    def protesters(self, country_code: str | None) -> Actor:
        return self._crowd("Protesters", "PRO", country_code)

    def rioters(self, country_code: str | None) -> Actor:
        return self._crowd("Rioters", "RIO", country_code)

    def _crowd(self, label: str, base_id: str, country_code: str | None) -> Actor:
        country = self.countries.get(country_code) if country_code else None
        if country is None:
            return Actor(id=base_id, name=label)
        sep = "-" if base_id.startswith("unidentified:") else "_"
        return Actor(id=f"{base_id}{sep}{country.code.lower()}", name=f"{label} ({country.name})")

    def identity_militia(self, group: IdentityGroup | None, kind: str, country_code: str | None) -> Actor:
        """ "{Group} Ethnic Militia ({Country})"; an unnamed one is "Unidentified {Kind} Militia"."""
        cc = country_code
        if group is not None and group.countries and (cc is None or cc not in group.countries):
            cc = group.countries[0]
        label = IDENTITY_KINDS.get(kind, "Communal Militia")
        who = group.name if group is not None else "Unidentified"
        if group is None and kind == "religious":
            label = "Communal Militia"
        name = f"{who} {label}"
        country = self.countries.get(cc) if cc else None
        if country is not None:
            name += f" ({country.name})"
        return Actor(id=f"militia:{slug(name)}", name=name)

    def civilians(self, country_code: str | None) -> Actor:
        entry = self.compose(country_code, "civilians") if country_code else None
        return entry.actor() if entry else Actor(id="CIV", name="Civilians")

    def _composed_by_id(self, actor_id: str) -> ActorEntry | None:
        for role in self.roles.values():
            prefix, _, suffix = role.id_pattern.partition("{cc}")
            if actor_id.startswith(prefix) and actor_id.endswith(suffix):
                cc = actor_id[len(prefix) : len(actor_id) - len(suffix)]
                if cc in self.countries:
                    return self.compose(cc, role.key)
        return None

    def inter_of(self, actor: Actor | None) -> int | None:
        """ACLED's inter code (1-8) of an actor, registered, composed or named by convention."""
        if actor is None:
            return None
        entry = self.get(actor.id)
        if entry is not None:
            return entry.inter or INTER_BY_TYPE.get(entry.type)
        for prefix, code in CONVENTION_INTER:
            if actor.name.startswith(prefix) or actor.id.startswith(prefix):
                return code
        if " Militia" in actor.name:
            return 4
        return None

    def is_generic_armed(self, word: str) -> bool:
        return normalize_name(word) in self.generic_armed_nouns

    def is_non_armed_modifier(self, word: str) -> bool:
        """ "rights" in "a rights group": the group is not an armed one."""
        return normalize_name(word) in self.non_armed_modifiers

    def patterns(self) -> list[dict]:
        """EntityRuler patterns (label ACTOR, id = actor id) for every alias and nickname-free name."""
        out = []
        for entry in self.entries.values():
            for alias in sorted(set(entry.all_aliases)):
                if _exact_case(alias):
                    out.append({"label": "ACTOR", "pattern": [{"TEXT": alias}], "id": entry.id})
                else:
                    out.append({"label": "ACTOR", "pattern": alias, "id": entry.id})
        return out


def _exact_case(alias: str) -> bool:
    """Short acronyms match only as written ("RSF", "M23", and mixed-case ones: "LeT", "JeM"):
    written in lower case they are ordinary words ("let", "arena")."""
    if len(alias) > 5:
        return False
    return alias.isupper() or (alias.isalpha() and any(c.isupper() for c in alias[1:]))


# ACLED inter codes of the conventional names no registry entry carries (prefix of name or id).
CONVENTION_INTER = (
    ("Military Forces of", 1),
    ("Police Forces of", 1),
    ("Government of", 1),
    ("Unidentified Armed Group", 3),
    ("unidentified:armed-group", 3),
    ("Rioters", 5),
    ("Protesters", 6),
    ("Civilians", 7),
    ("CIV", 7),
)


class _LinedMapping(dict):
    """A mapping read from YAML that remembers the line it starts on, so an error can name it."""

    line: int = 0


class _LineLoader(yaml.SafeLoader):
    """yaml.SafeLoader whose mappings are _LinedMapping."""


def _lined_mapping(loader: _LineLoader, node: yaml.MappingNode) -> _LinedMapping:
    loader.flatten_mapping(node)
    mapping = _LinedMapping(loader.construct_mapping(node, deep=True))
    mapping.line = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _lined_mapping)


def _at_line(raw: object) -> str:
    """The " line N" an error names for a mapping read from a file, else nothing."""
    return f" line {raw.line}" if isinstance(raw, _LinedMapping) else ""


def _load_yaml(text: str, source: str = "actor registry") -> dict:
    try:
        loader = _LineLoader(text)
        try:
            data = loader.get_single_data() or {}
        finally:
            loader.dispose()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        raise RegistryError(f"{source}{where}: not valid YAML ({getattr(exc, 'problem', exc)})") from None
    if not isinstance(data, dict):
        raise RegistryError(f"{source}: an actor registry must be a YAML mapping")
    return data


def _strings(raw: dict, key: str, where: str) -> tuple[str, ...]:
    value = raw.get(key) or ()
    if isinstance(value, str):
        value = (value,)
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, (str, int)) for v in value):
        raise RegistryError(f"{where}: '{key}' must be a list of names")
    return tuple(str(v) for v in value)


def _years(raw: dict, where: str) -> tuple[int | None, int | None]:
    value = raw.get("years")
    if value is None:
        return (None, None)
    m = YEARS_RE.match(str(value).replace(" ", ""))
    if m is None:
        raise RegistryError(f"{where}: 'years' must look like 1980- or 1980-1992, not {value!r}")
    return int(m.group(1)), int(m.group(2)) if m.group(2) else None


def _entries_from(data: dict, source: str = "actor registry") -> list[ActorEntry]:
    out = []
    raws = data.get("actors") or []
    if not isinstance(raws, list):
        raise RegistryError(f"{source}: 'actors' must be a list of entries")
    for i, raw in enumerate(raws, 1):
        label = raw.get("id") if isinstance(raw, dict) else None
        where = f"{source}{_at_line(raw)}: actor entry {i}" + (f" ({label})" if label else "")
        if not isinstance(raw, dict):
            raise RegistryError(f"{where}: an entry must be a mapping")
        if "id" not in raw or "name" not in raw:
            raise RegistryError(f"{where}: an entry needs id and name")
        unknown = sorted(set(raw) - ENTRY_KEYS)
        if unknown:
            raise RegistryError(f"{where}: unknown field(s) {', '.join(unknown)}")
        kind = str(raw.get("type", "unknown"))
        if kind not in ACTOR_TYPES:
            raise RegistryError(f"{where}: type {kind!r} is not one of {', '.join(sorted(ACTOR_TYPES))}")
        inter = raw.get("inter", INTER_BY_TYPE[kind])
        if not isinstance(inter, int) or not 1 <= inter <= 8:
            raise RegistryError(f"{where}: inter must be an ACLED inter code 1-8, not {inter!r}")
        countries = _strings(raw, "countries", where)
        country = raw.get("country") or (countries[0] if countries else None)
        out.append(
            ActorEntry(
                id=str(raw["id"]),
                name=str(raw["name"]),
                type=kind,
                side=raw.get("side"),
                country=country,
                countries=countries or ((country,) if country else ()),
                inter=inter,
                opponent=raw.get("opponent"),
                aliases=_strings(raw, "aliases", where),
                abbreviations=_strings(raw, "abbreviations", where),
                local_names=_strings(raw, "local_names", where),
                nicknames=_strings(raw, "nicknames", where),
                parent=raw.get("parent"),
                allies=_strings(raw, "allies", where),
                successor_of=raw.get("successor_of"),
                related=_strings(raw, "related", where),
                years=_years(raw, where),
                source=source,
            )
        )
    return out


def _countries_from(data: dict, source: str) -> dict[str, CountryEntry]:
    out = {}
    for code, c in (data.get("countries") or {}).items():
        where = f"{source}{_at_line(c)}: country {code}"
        if not isinstance(c, dict) or "name" not in c:
            raise RegistryError(f"{where}: a country needs a name")
        periods = tuple(int(y) for y in c.get("periods") or ())
        if list(periods) != sorted(periods):
            raise RegistryError(f"{where}: periods must be start years, oldest first")
        since = c.get("since", periods[-1] if periods else None)
        out[str(code)] = CountryEntry(
            code=str(code),
            name=str(c["name"]),
            demonyms=_strings(c, "demonyms", where),
            capitals=_strings(c, "capitals", where),
            since=since,
            periods=periods or ((since,) if since else ()),
            of_name=c.get("of"),
        )
    return out


def _identity_from(data: dict, source: str) -> list[IdentityGroup]:
    out = []
    for i, raw in enumerate(data.get("identity_groups") or (), 1):
        where = f"{source}{_at_line(raw)}: identity group {i}" + (
            f" ({raw.get('name')})" if isinstance(raw, dict) else ""
        )
        if not isinstance(raw, dict) or "name" not in raw:
            raise RegistryError(f"{where}: a group needs a name")
        kind = str(raw.get("kind", "ethnic"))
        if kind not in IDENTITY_KINDS:
            raise RegistryError(f"{where}: kind {kind!r} is not one of {', '.join(IDENTITY_KINDS)}")
        out.append(
            IdentityGroup(
                name=str(raw["name"]),
                kind=kind,
                countries=_strings(raw, "countries", where),
                aliases=_strings(raw, "aliases", where),
            )
        )
    return out


def _registry_files() -> list[tuple[str, str]]:
    """(name, text) of the packaged registry files: actors.yaml, then data/actors/*.yaml by name."""
    data = resources.files("sitreps.data")
    out = [("data/actors.yaml", data.joinpath("actors.yaml").read_text(encoding="utf-8"))]
    folder = data.joinpath("actors")
    for item in sorted(folder.iterdir(), key=lambda p: p.name):
        if item.name.endswith(".yaml"):
            out.append((f"data/actors/{item.name}", item.read_text(encoding="utf-8")))
    return out


def _check_links(entries: dict[str, ActorEntry], countries: dict[str, CountryEntry]) -> None:
    for entry in entries.values():
        where = f"{entry.source}: actor {entry.id}"
        for key in ("parent", "opponent", "successor_of"):
            ref = getattr(entry, key)
            if ref and ref not in entries and _composed_ref(ref, countries) is None:
                raise RegistryError(f"{where}: {key} {ref!r} is no registry id")
        for key in ("allies", "related"):
            for ref in getattr(entry, key):
                if ref not in entries and _composed_ref(ref, countries) is None:
                    raise RegistryError(f"{where}: {key} {ref!r} is no registry id")
        for cc in entry.countries:
            if cc not in countries:
                raise RegistryError(f"{where}: country {cc!r} is not in the countries table")


def _composed_ref(ref: str, countries: dict[str, CountryEntry]) -> str | None:
    """ "SO_MIL", "CIV_KE": a composed state/civilian id of a known country."""
    m = re.match(r"^(?:([A-Z]{2})_(MIL|POL|GOV)|CIV_([A-Z]{2}))$", ref)
    if m is None:
        return None
    cc = m.group(1) or m.group(3)
    return cc if cc in countries else None


def load_registry(extra_files: Sequence[Path] = ()) -> ActorRegistry:
    """The packaged registry plus the user's YAML files (later files win on id clashes)."""
    files = _registry_files()
    base = _load_yaml(files[0][1], files[0][0])
    entries: dict[str, ActorEntry] = {}
    countries: dict[str, CountryEntry] = {}
    groups: list[IdentityGroup] = []
    people_rows = list(base.get("people") or [])
    generic = set(base.get("generic_armed_nouns") or ())
    non_armed = set(base.get("non_armed_modifiers") or ())
    regional: dict[tuple[str, str], str] = {}
    sources = [(name, _load_yaml(text, name)) for name, text in files]
    sources += [(str(p), _load_yaml(Path(p).read_text(encoding="utf-8"), str(p))) for p in extra_files]
    for name, data in sources:
        countries.update(_countries_from(data, name))
        for entry in _entries_from(data, name):
            entries[entry.id] = entry
        groups.extend(_identity_from(data, name))
        if data is not base:
            people_rows.extend(data.get("people") or [])
            generic.update(data.get("generic_armed_nouns") or ())
            non_armed.update(data.get("non_armed_modifiers") or ())
        for row in data.get("regional_militias") or ():
            regional[(str(row["country"]), normalize_name(str(row["admin1_word"])))] = str(row["name"])
    _check_links(entries, countries)
    roles = {
        key: RoleEntry(
            key=key,
            id_pattern=r["id"],
            name_pattern=r["name"],
            type=r["type"],
            inter=r["inter"],
            heads=tuple(r["heads"]),
        )
        for key, r in (base.get("roles") or {}).items()
    }
    people: dict[str, str] = {}
    for row in people_rows:
        for person in (row["name"], *(row.get("aliases") or ())):
            people[normalize_name(person)] = row["actor"]
    identity: dict[str, IdentityGroup] = {}
    for group in groups:
        for alias in (group.name, *group.aliases):
            identity.setdefault(normalize_name(alias), group)
    return ActorRegistry(
        entries=entries,
        countries=countries,
        roles=roles,
        people=people,
        generic_armed_nouns=frozenset(normalize_name(g) for g in generic),
        non_armed_modifiers=frozenset(normalize_name(m) for m in non_armed),
        identity_groups=identity,
        regional_militias=regional,
    )


@cache
def get_registry(extra_files: tuple[Path, ...] = ()) -> ActorRegistry:
    """The registry, loaded once per process for a given set of extra files."""
    return load_registry(extra_files)


def actor_ids(actors: Iterable[Actor | None]) -> list[str]:
    return [a.id for a in actors if a is not None]
