"""Synthetic resolution cases made from the gazetteer itself, to measure and fit the ranker.

A case is a place whose name several places share, and the context an article about it could
give: its region named, its country named, a few of its neighbours already placed, a region
hint, in random combinations (some with none). Targets are drawn with probability growing with
population (news names big places more often), so the population prior is measured, not
assumed. No text of any corpus is involved.

    python -m sitreps.places.synthetic            # accuracy of the weights in places.yaml
    python -m sitreps.places.synthetic --fit      # coordinate search over the main weights

The search prints each weight's best value and the held-out accuracy; places.yaml records what
was taken from it.
"""

from __future__ import annotations

import argparse
import copy
import random
from dataclasses import dataclass

import numpy as np

from sitreps.places.gazetteer import Gazetteer, get_gazetteer
from sitreps.places.names import name_key
from sitreps.places.resolver import Anchor, PlaceContext, PlaceResolver

# Probability of each piece of context in a case (independently).
P_REGION_NAMED = 0.4
P_COUNTRY_NAMED = 0.5
P_NEIGHBOURS = 0.5
P_HINT = 0.2
NEIGHBOUR_KM = 80.0
# How often news names a place grows with its population as population ** this. The population
# weight the search finds depends on it, and the gazetteer cannot tell it: 1.0 (attention in
# proportion to population) is the assumption taken; at 0.5 the search sets the weight to 0.
ATTENTION_EXPONENT = 1.0
# Weights the search tries, as multiples of their current value.
SEARCHED = ("population_weight", "context_country", "context_region", "region_hint", "far_penalty")
MULTIPLES = (0.0, 0.5, 0.75, 1.0, 1.5, 2.0)


@dataclass
class Case:
    name: str
    target: int  # gazetteer row
    context: PlaceContext
    hint: str | None  # region code the sentence puts it in


def sample_cases(gaz: Gazetteer, count: int, seed: int, attention: float = ATTENTION_EXPONENT) -> list[Case]:
    rng = random.Random(seed)
    rows = np.arange(len(gaz))
    populations = np.array([gaz.row_facts(int(r))[2] for r in rows], dtype=np.float64)
    weights = (populations + 100.0) ** attention
    weights /= weights.sum()
    generator = np.random.default_rng(seed)
    cases: list[Case] = []
    while len(cases) < count:
        for row in generator.choice(rows, size=count, p=weights):
            row = int(row)
            name = gaz.candidate(row, "name").name
            if len(gaz.match_rows(name, variants=False)) < 2:
                continue  # a unique name needs no ranking
            cases.append(_case(gaz, row, name, rng))
            if len(cases) == count:
                break
    return cases


def _case(gaz: Gazetteer, row: int, name: str, rng: random.Random) -> Case:
    place = gaz.candidate(row, "name")
    countries: set[str] = set()
    support: dict[str, set[str]] = {}
    regions = {}
    anchors: list[Anchor] = []
    region = gaz.region_by_code(place.region)
    if region is not None and rng.random() < P_REGION_NAMED:
        regions[region.code] = region
        countries.add(region.country_code)
        support.setdefault(region.country_code, set()).add(name_key(region.name))
    if rng.random() < P_COUNTRY_NAMED:
        countries.add(place.country_code)
        support.setdefault(place.country_code, set()).add(name_key(gaz.country_name(place.country_code) or ""))
    if rng.random() < P_NEIGHBOURS:
        near = [r for r in gaz.rows_near(place.lat, place.lon, NEIGHBOUR_KM) if r != row]
        for other in rng.sample(near, min(len(near), rng.randint(1, 3))):
            cand = gaz.candidate(other, "name")
            key = name_key(cand.name)
            anchors.append(Anchor(key, cand.name, cand.lat, cand.lon, cand.country_code, cand.region))
            countries.add(cand.country_code)
            support.setdefault(cand.country_code, set()).add(key)
    hint = place.region if region is not None and rng.random() < P_HINT else None
    ctx = PlaceContext(countries=frozenset(countries), regions=regions, anchors=anchors, country_support=support)
    return Case(name=name, target=row, context=ctx, hint=hint)


def accuracy(resolver: PlaceResolver, cases: list[Case]) -> float:
    gaz = resolver.gazetteer
    right = 0
    for case in cases:
        hint = gaz.region_by_code(case.hint) if case.hint else None
        scored = resolver._scored(case.name, case.context, hard_region=None, soft_region=hint)
        alive = [c for c in scored if not any(r.startswith("rejected") for r in c.reasons)] or scored
        right += bool(alive) and alive[0].index == case.target
    return right / len(cases)


def fit(resolver: PlaceResolver, train: list[Case]) -> dict[str, float]:
    """Coordinate search, two rounds, over SEARCHED (each as multiples of its current value)."""
    base = copy.deepcopy(resolver.settings)
    best = accuracy(resolver, train)
    for _ in range(2):
        for key in SEARCHED:
            start = base[key]
            for multiple in MULTIPLES:
                resolver.settings = {**base, key: start * multiple}
                score = accuracy(resolver, train)
                if score > best + 1e-9:
                    best, base = score, {**base, key: start * multiple}
            resolver.settings = base
    return {key: base[key] for key in SEARCHED}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=20261202)
    parser.add_argument("--fit", action="store_true")
    parser.add_argument("--attention", type=float, default=ATTENTION_EXPONENT, help="population exponent of targets")
    args = parser.parse_args()
    gaz = get_gazetteer()
    resolver = PlaceResolver(gaz)
    held_out = sample_cases(gaz, args.cases, args.seed + 1, args.attention)
    print(f"held-out accuracy with places.yaml weights: {accuracy(resolver, held_out):.3f} ({args.cases} cases)")
    if args.fit:
        train = sample_cases(gaz, args.cases, args.seed, args.attention)
        fitted = fit(resolver, train)
        print(f"fitted: {fitted}")
        print(f"train accuracy {accuracy(resolver, train):.3f}; held-out accuracy {accuracy(resolver, held_out):.3f}")


if __name__ == "__main__":
    main()
