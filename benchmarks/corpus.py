"""A synthetic corpus of war reports for benchmarks: python benchmarks/corpus.py N OUT_DIR

Reports are written from templates over the real gazetteer (populated places of countries the
actor registry covers) and the real actor registry (canonical names and aliases of armed
groups, composed state forces "Sudanese army"), so every stage does the work it does on real
news: place resolution with context, actor matching, claims and hedges, casualty figures,
dates relative to a publication line, boilerplate to strip. Each invented event is told by
1-4 outlets with their own claimant and toll, so fusion merges and records contradictions.
The shared seed articles are added when present. Deterministic for a given N and seed.
"""

from __future__ import annotations

import random
import shutil
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
OUTLETS = ["Frontline Wire", "Border Observer", "Regional Daily", "Night Radio", "Capital Times", "Field Monitor"]
AGENCIES = ["Reuters", "AFP", "AP"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
CLAIMANTS = [
    "the regional governor said on Telegram",
    "local officials said",
    "the health ministry said in a statement",
    "a spokesman for the group said",
    "residents told reporters by phone",
    "the defence ministry claimed",
]
HEDGES = [
    "The claims could not be independently verified.",
    "There was no evidence to suggest the figures were accurate.",
    "Unverified reports on social media put the toll higher.",
    "",
]
BOILERPLATE = [
    "Sign up for our daily newsletter to get the latest news in your inbox.",
    "Read more:\nDrone debris falls on apartment block\nTalks stall over prisoner exchange",
    "Share this article",
    "Photo: Reuters",
    "",
    "",
]
# (event kind, headline verb, sentence template); {a1} attacker, {a2} target, {place}, {when}
KINDS = [
    ("shelling", "shells", "{a1} shelled residential areas of {place} {when}, {toll}, {claim}."),
    (
        "drone",
        "drone strike hits",
        "A drone launched by {a1} struck an industrial site in {place} {when}, {toll}, {claim}.",
    ),
    ("clash", "clashes near", "Fighting broke out between {a1} and {a2} near {place} {when}, {toll}, {claim}."),
    ("attack", "attack on", "Gunmen from {a1} attacked a market in {place} {when}, {toll}, {claim}."),
    ("protest", "protest in", "Hundreds of residents protested in central {place} {when} over power cuts, {claim}."),
    ("capture", "take", "{a1} said they had captured the village of {place} {when} after heavy fighting, {claim}."),
]
FOLLOW_UPS = [
    "{a2} denied the account and said its positions had not been hit.",
    "Emergency crews worked through the night to clear the rubble, {claim}.",
    "The attack was the third in the area this month.",
    "Schools and shops stayed closed the next day.",
]


@dataclass(frozen=True)
class Place:
    name: str
    country: str  # country name as the registry writes it


@dataclass(frozen=True)
class Sides:
    country: str
    attackers: tuple[str, ...]
    targets: tuple[str, ...]


def _places_and_sides(per_country: int = 12) -> tuple[dict[str, list[Place]], list[Sides]]:
    from sitreps.places import get_gazetteer
    from sitreps.resolve.actors import get_registry

    registry = get_registry()
    gazetteer = get_gazetteer()
    groups: dict[str, list[str]] = {}
    for entry in registry.entries.values():
        if entry.country and entry.armed_non_state and entry.aliases:
            groups.setdefault(entry.country, []).extend(a for a in entry.aliases[:3] if a.isascii())
    countries = {code: c for code, c in registry.countries.items() if code in groups}
    by_country: dict[str, list[tuple[int, str]]] = {code: [] for code in countries}
    for row in range(len(gazetteer)):
        country, _admin1, population, _lat, _lon = gazetteer.row_facts(row)
        if country in by_country and population >= 20_000:
            name = gazetteer.candidate(row, "name").name
            if name.isascii() and " " not in name.strip():
                by_country[country].append((population, name))
    places: dict[str, list[Place]] = {}
    sides: list[Sides] = []
    for code, rows in by_country.items():
        if len(rows) < 3:
            continue
        top = [name for _, name in sorted(rows, reverse=True)[: per_country * 3 : 3]]
        country = countries[code]
        if not country.demonyms:
            continue  # no adjective to name its state forces with ("Sudanese army")
        places[code] = [Place(n, country.name) for n in top]
        demonym = country.demonyms[0]
        state = (f"{demonym} forces", f"{demonym} troops", f"the {demonym} army")
        sides.append(Sides(code, tuple(groups[code]) + state[:1], state + tuple(groups[code][:1])))
    return places, sides


def write_corpus(out: Path, n: int, seed: int = 7, with_seeds: bool = True) -> list[Path]:
    """Write `n` synthetic reports (plus the seeds) under `out`; return the files written."""
    rnd = random.Random(seed)
    places, sides = _places_and_sides()
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    first_day = date(2024, 3, 1)
    i = 0
    while i < n:
        side = rnd.choice(sides)
        place = rnd.choice(places[side.country])
        kind, verb, template = rnd.choice(KINDS)
        a1, a2 = rnd.choice(side.attackers), rnd.choice(side.targets)
        day = first_day + timedelta(days=rnd.randrange(120))
        killed = rnd.randint(0, 40)
        for _ in range(rnd.randint(1, 4)):  # outlets telling the same event
            if i >= n:
                break
            published = day + timedelta(days=rnd.choice([0, 0, 1, 2]))
            lag = (published - day).days
            when = "on " + WEEKDAYS[day.weekday()] if lag else "overnight"
            told = max(0, killed + rnd.choice([0, 0, -2, 3, 10]))
            toll = f"killing {told} civilians" if told else "causing no casualties"
            claim = rnd.choice(CLAIMANTS)
            body = template.format(a1=a1, a2=a2, place=place.name, when=when, toll=toll, claim=claim)
            body = body[0].upper() + body[1:]
            dateline = (
                f"{place.name.upper()}, {place.country}, {published:%B} {published.day} ({rnd.choice(AGENCIES)}) - "
            )
            follow = rnd.choice(FOLLOW_UPS).format(a2=a2, claim=rnd.choice(CLAIMANTS))
            follow = follow[0].upper() + follow[1:]
            paragraphs = [
                f"{a1[0].upper() + a1[1:]} {verb} {place.name}",
                f"Published {published:%d %B %Y}",
                dateline + body + " " + rnd.choice(HEDGES),
                follow + f" Report number {i} from {rnd.choice(OUTLETS)}.",
                rnd.choice(BOILERPLATE),
            ]
            path = out / f"synthetic-{i:06d}.txt"
            path.write_text("\n\n".join(p for p in paragraphs if p) + "\n", encoding="utf-8")
            written.append(path)
            i += 1
    if with_seeds and SEEDS.is_dir():
        for seed_file in sorted(SEEDS.glob("*.txt")):
            target = out / f"seed-{seed_file.name}"
            shutil.copyfile(seed_file, target)
            written.append(target)
    return written


if __name__ == "__main__":
    files = write_corpus(Path(sys.argv[2]), int(sys.argv[1]))
    print(f"wrote {len(files)} reports to {sys.argv[2]}")
