"""Fusion settings: type families, scoring weights and thresholds, read from data/fusion.yaml."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Scoring:
    merge_threshold: float
    same_place: float
    near_place: float
    near_place_km: float
    region_contains: float
    actor_overlap: float
    disjoint_side: float
    same_sub_event_type: float
    day_offset: float
    day_window: int


@dataclass(frozen=True)
class FusionSettings:
    type_families: dict[str, str]
    sub_event_type_rank: dict[str, int]
    event_type_rank: dict[str, int]
    generic_actor_prefixes: tuple[str, ...]
    scoring: Scoring
    episode_days: int
    episode_km: float

    def family(self, event_type: str) -> str:
        return self.type_families.get(event_type, event_type)

    def is_generic_actor(self, actor_id: str) -> bool:
        low = actor_id.lower()
        return any(low.startswith(p) for p in self.generic_actor_prefixes)


def parse_settings(data: dict) -> FusionSettings:
    sub_ranks = {name: i for i, name in enumerate(data["sub_event_type_precedence"])}
    type_ranks = {name: i for i, name in enumerate(data["event_type_precedence"])}
    sc = data["scoring"]
    ep = data["episodes"]
    return FusionSettings(
        type_families=dict(data["type_families"]),
        sub_event_type_rank=sub_ranks,
        event_type_rank=type_ranks,
        generic_actor_prefixes=tuple(str(p).lower() for p in data["generic_actor_prefixes"]),
        scoring=Scoring(
            merge_threshold=float(sc["merge_threshold"]),
            same_place=float(sc["same_place"]),
            near_place=float(sc["near_place"]),
            near_place_km=float(sc["near_place_km"]),
            region_contains=float(sc["region_contains"]),
            actor_overlap=float(sc["actor_overlap"]),
            disjoint_side=float(sc["disjoint_side"]),
            same_sub_event_type=float(sc["same_sub_event_type"]),
            day_offset=float(sc["day_offset"]),
            day_window=int(sc["day_window"]),
        ),
        episode_days=int(ep["episode_days"]),
        episode_km=float(ep["episode_km"]),
    )


def load_settings(path: str | Path | None = None) -> FusionSettings:
    """Settings from a YAML file (default: the packaged data/fusion.yaml)."""
    if path is None:
        return default_settings()
    return parse_settings(yaml.safe_load(Path(path).read_text(encoding="utf-8")))


@functools.cache
def default_settings() -> FusionSettings:
    text = (Path(__file__).resolve().parent.parent / "data" / "fusion.yaml").read_text(encoding="utf-8")
    return parse_settings(yaml.safe_load(text))
