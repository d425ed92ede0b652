"""Benchmark toponym resolution: speed and accuracy on the gazetteer's own alternate names.

Run by hand:  python benchmarks/bench_places.py [--n 10000] [--seed 7]

Draws N (place, alternate name) pairs from GeoNames cities500 (Latin/Cyrillic names the index
keeps), then resolves each name three ways and reports resolutions/s and accuracy (the chosen
geonameid is the place the name was drawn from):
  exact      the alternate name as GeoNames spells it
  noisy      the same name with noise: case, stripped diacritics, hyphen/space swaps and
             (half the time) one typo
each with three contexts: bare (none), country (the article names the place's country) and
region (the text puts it in its admin1 region: "X in the Y region").
Names several places share count as wrong unless the drawn place wins, so "exact" is a lower
bound; the share of drawn names that are unique in the index is printed alongside.
"""

from __future__ import annotations

import argparse
import random
import string
import time
import unicodedata

from sitreps.places import PlaceContext, PlaceResolver, get_gazetteer
from sitreps.places.names import is_indexable_name
from sitreps.places.sources import cities500_records


def strip_diacritics(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.combining(ch))


def add_noise(name: str, rng: random.Random) -> str:
    out = name
    roll = rng.random()
    if roll < 0.3:
        out = out.lower()
    elif roll < 0.45:
        out = out.upper()
    if rng.random() < 0.5:
        out = strip_diacritics(out)
    if rng.random() < 0.3:
        out = out.replace("-", " ") if "-" in out else out.replace(" ", "-")
    if rng.random() < 0.5 and len(out) > 5:
        pos = rng.randrange(1, len(out) - 1)
        kind = rng.choice(("swap", "delete", "replace", "double"))
        if kind == "swap":
            out = out[:pos] + out[pos + 1] + out[pos] + out[pos + 2 :]
        elif kind == "delete":
            out = out[:pos] + out[pos + 1 :]
        elif kind == "replace":
            out = out[:pos] + rng.choice(string.ascii_lowercase) + out[pos + 1 :]
        else:
            out = out[:pos] + out[pos] + out[pos:]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    t0 = time.perf_counter()
    gaz = get_gazetteer()
    print(f"gazetteer: {len(gaz):,} places, loaded in {time.perf_counter() - t0:.2f}s")
    records = [r for r in cities500_records() if any(is_indexable_name(a) for a in r.alternatenames)]
    sample = []
    for record in rng.sample(records, args.n):
        names = [a for a in record.alternatenames if is_indexable_name(a)]
        sample.append((record, rng.choice(names)))
    unique = sum(1 for _, name in sample if len(gaz.lookup(name)) == 1) / len(sample)
    resolver = PlaceResolver(gaz)
    noisy = [(record, add_noise(name, rng)) for record, name in sample]

    def run(label: str, items: list, mode: str) -> None:
        contexts, hints = [], []
        for record, _ in items:
            region = gaz.region_by_code(f"{record.country_code}.{record.admin1_code}")
            # What an article would say: the country ("in Ukraine"), the region ("Y region").
            countries = frozenset({record.country_code}) if mode != "bare" else frozenset()
            contexts.append(PlaceContext(countries=countries) if countries else None)
            hints.append(region.name if (mode == "region" and region) else None)
        start = time.perf_counter()
        right = 0
        for (record, name), ctx, hint in zip(items, contexts, hints, strict=True):
            loc = resolver.resolve(name, ctx, region_hint=hint).location
            right += bool(loc and loc.geonameid == record.geonameid)
        elapsed = time.perf_counter() - start
        print(f"{label:18} {len(items) / elapsed:8.0f} resolutions/s   accuracy {right / len(items):.1%}")

    print(f"{args.n} names; {unique:.1%} of the exact names are unique in the index")
    for mode in ("bare", "country", "region"):
        run(f"exact, {mode}", sample, mode)
        run(f"noisy, {mode}", noisy, mode)


if __name__ == "__main__":
    main()
