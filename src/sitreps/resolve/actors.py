"""Actors: text as written -> a registry entry with its ACLED canonical name.

Matching order (each step only when the previous found nothing):
1. exact alias (abbreviations in capitals are matched case-sensitively: "IS" the verb is not ISIS);
2. normalised alias (case, quotes, hyphens, diacritics, a leading "the");
3. fuzzy alias match with rapidfuzz above `FUZZY_MIN` (measured on the registry's own aliases
   with one typo added: 92 keeps every noisy alias and no cross-actor hit);
4. composition: a demonym or capital ("Russian", "Putin's", "Kyiv's") with a role head noun
   ("soldiers", "authorities", "civilians") gives "Military Forces of Russia (2000-)" and friends.
Unknown actors are kept as written with an `unregistered:` id, never dropped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

from sitreps.model import Actor

FUZZY_MIN = 92.0
NON_STATE_TYPES = frozenset({"rebel_group", "political_militia", "identity_militia", "private_military"})


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

    def actor(self) -> Actor:
        return Actor(id=self.id, name=self.name)

    @property
    def armed_non_state(self) -> bool:
        return self.type in NON_STATE_TYPES


@dataclass(frozen=True)
class CountryEntry:
    code: str
    name: str
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    since: int | None


@dataclass(frozen=True)
class RoleEntry:
    key: str
    id_pattern: str
    name_pattern: str
    type: str
    inter: int
    heads: tuple[str, ...]


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
    _exact: dict[str, str] = field(default_factory=dict)
    _case_sensitive: dict[str, str] = field(default_factory=dict)
    _normalized: dict[str, str] = field(default_factory=dict)
    _demonyms: dict[str, str] = field(default_factory=dict)
    _capitals: dict[str, str] = field(default_factory=dict)
    _heads: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for entry in self.entries.values():
            self._index_entry(entry)
        for country in self.countries.values():
            for d in country.demonyms:
                self._demonyms[normalize_name(d)] = country.code
            for c in country.capitals:
                self._capitals[normalize_name(c)] = country.code
        for role in self.roles.values():
            for head in role.heads:
                self._heads.setdefault(normalize_name(head), role.key)

    def _index_entry(self, entry: ActorEntry) -> None:
        for alias in (entry.name, *entry.aliases):
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
        text = text.strip()
        if not text:
            return None
        hit = self._case_sensitive.get(text) or self._exact.get(text)
        norm = normalize_name(text)
        hit = hit or self._normalized.get(norm)
        if hit is None and norm in self.people:
            hit = self.people[norm]
        if hit is None and fuzzy and len(norm) >= 8:
            best = process.extractOne(norm, self._normalized.keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_MIN)
            if best is not None:
                hit = self._normalized[best[0]]
        return self.get(hit) if hit else None

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

    def compose(self, country_code: str, role_key: str) -> ActorEntry | None:
        country = self.countries.get(country_code)
        role = self.roles.get(role_key)
        if country is None or role is None:
            return None
        actor_id = role.id_pattern.format(cc=country.code)
        if actor_id in self.entries:
            return self.entries[actor_id]
        since = f" ({country.since}-)" if country.since else ""
        name = role.name_pattern.format(country=country.name, since="{since}").replace(" ({since}-)", since)
        return ActorEntry(id=actor_id, name=name, type=role.type, side=None, country=country.code, inter=role.inter)

    def unidentified_armed_group(self, country_code: str | None) -> Actor:
        """ACLED's catch-all for armed men no report names, per country."""
        country = self.countries.get(country_code) if country_code else None
        if country is None:
            return Actor(id="unidentified:armed-group", name="Unidentified Armed Group")
        return Actor(
            id=f"unidentified:armed-group-{country.code.lower()}", name=f"Unidentified Armed Group ({country.name})"
        )

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

    def is_generic_armed(self, word: str) -> bool:
        return normalize_name(word) in self.generic_armed_nouns

    def is_non_armed_modifier(self, word: str) -> bool:
        """ "rights" in "a rights group": the group is not an armed one."""
        return normalize_name(word) in self.non_armed_modifiers

    def patterns(self) -> list[dict]:
        """EntityRuler patterns (label ACTOR, id = actor id) for every alias and nickname-free name."""
        out = []
        for entry in self.entries.values():
            for alias in sorted({entry.name, *entry.aliases}):
                if len(alias) <= 5 and alias.isupper():
                    out.append({"label": "ACTOR", "pattern": [{"TEXT": alias}], "id": entry.id})
                else:
                    out.append({"label": "ACTOR", "pattern": alias, "id": entry.id})
        return out

    def lower_patterns(self) -> list[dict]:
        """Case-insensitive token patterns for multi-word aliases (headline case, lower case)."""
        out = []
        for entry in self.entries.values():
            for alias in sorted({entry.name, *entry.aliases}):
                words = alias.split()
                if len(words) < 2:
                    continue
                out.append({"label": "ACTOR", "pattern": [{"LOWER": w.lower()} for w in words], "id": entry.id})
        return out


def _load_yaml(text: str) -> dict:
    data = yaml.safe_load(text) or {}
    if not isinstance(data, dict):
        raise ValueError("actor registry must be a YAML mapping")
    return data


def _entries_from(data: dict) -> list[ActorEntry]:
    out = []
    for raw in data.get("actors") or []:
        if "id" not in raw or "name" not in raw:
            raise ValueError(f"actor entry needs id and name: {raw!r}")
        out.append(
            ActorEntry(
                id=str(raw["id"]),
                name=str(raw["name"]),
                type=str(raw.get("type", "unknown")),
                side=raw.get("side"),
                country=raw.get("country"),
                inter=raw.get("inter"),
                opponent=raw.get("opponent"),
                aliases=tuple(str(a) for a in raw.get("aliases") or ()),
                nicknames=tuple(str(a) for a in raw.get("nicknames") or ()),
                parent=raw.get("parent"),
            )
        )
    return out


def load_registry(extra_files: Sequence[Path] = ()) -> ActorRegistry:
    """The packaged registry plus the user's YAML files (later files win on id clashes)."""
    base = _load_yaml(resources.files("sitreps.data").joinpath("actors.yaml").read_text(encoding="utf-8"))
    entries = {e.id: e for e in _entries_from(base)}
    countries = {
        code: CountryEntry(
            code=code,
            name=c["name"],
            demonyms=tuple(c.get("demonyms") or ()),
            capitals=tuple(c.get("capitals") or ()),
            since=c.get("since"),
        )
        for code, c in (base.get("countries") or {}).items()
    }
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
    people_rows = list(base.get("people") or [])
    generic = set(base.get("generic_armed_nouns") or ())
    non_armed = set(base.get("non_armed_modifiers") or ())
    for path in extra_files:
        extra = _load_yaml(Path(path).read_text(encoding="utf-8"))
        for entry in _entries_from(extra):
            entries[entry.id] = entry
        people_rows.extend(extra.get("people") or [])
        generic.update(extra.get("generic_armed_nouns") or ())
        non_armed.update(extra.get("non_armed_modifiers") or ())
    people: dict[str, str] = {}
    for row in people_rows:
        for name in (row["name"], *(row.get("aliases") or ())):
            people[normalize_name(name)] = row["actor"]
    return ActorRegistry(
        entries=entries,
        countries=countries,
        roles=roles,
        people=people,
        generic_armed_nouns=frozenset(normalize_name(g) for g in generic),
        non_armed_modifiers=frozenset(normalize_name(m) for m in non_armed),
    )


@cache
def get_registry(extra_files: tuple[Path, ...] = ()) -> ActorRegistry:
    """The registry, loaded once per process for a given set of extra files."""
    return load_registry(extra_files)


def actor_ids(actors: Iterable[Actor | None]) -> list[str]:
    return [a.id for a in actors if a is not None]
