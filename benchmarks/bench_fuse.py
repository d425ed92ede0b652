"""Benchmark sitreps.fuse on synthetic mentions (run by hand: python benchmarks/bench_fuse.py).

The synthetic feed: 2 years x 60 admin1 regions x 300 places per region; each true event
(one type, place, day, actor pair) is reported by 1-6 outlets, each mention with its own
claimant; 8% of mentions only give the region, 3% give a month instead of a day, 2% no date.
Prints seconds per size, events found, and the ratio of time per mention (100k vs 10k),
which is ~1 for linear growth.
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date, timedelta

from sitreps.fuse import fuse
from sitreps.model import Actor, Article, DateValue, Location, Mention

TYPES = [
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
    ("Strategic developments", "Looting/property destruction"),
]
CLAIMANTS = ["reporter", "GOV_A", "GOV_B", "REBEL_1", "REBEL_2"]


def synthetic(n_mentions: int, seed: int = 7) -> tuple[list[Mention], dict[str, Article]]:
    rnd = random.Random(seed)
    start = date(2022, 1, 1)
    regions = [(f"{r:02d}", 40.0 + (r % 10) * 1.2, 30.0 + (r // 10) * 1.5) for r in range(60)]
    actors = [Actor(id=f"ACT_{i}", name=f"Armed Group {i}") for i in range(40)]
    n_outlets = 200
    articles = {
        f"art{i}": Article(id=f"art{i}", source=f"https://outlet{i % n_outlets}.example/{i}", text="-")
        for i in range(n_mentions)
    }
    mentions: list[Mention] = []
    art_i = 0
    ev = 0
    while len(mentions) < n_mentions:
        ev += 1
        code, lat0, lon0 = rnd.choice(regions)
        place = rnd.randrange(300)
        gid = int(code) * 1000 + place
        lat, lon = lat0 + (place % 17) * 0.05, lon0 + (place // 17) * 0.05
        day_ = start + timedelta(days=rnd.randrange(730))
        etype, sub = rnd.choice(TYPES)
        a1 = actors[(int(code) + rnd.randrange(3)) % 40]
        a2 = actors[(int(code) + 3 + rnd.randrange(2)) % 40]
        for _ in range(rnd.randint(1, 6)):
            if len(mentions) >= n_mentions:
                break
            u = rnd.random()
            if u < 0.08:
                loc = Location(
                    name=f"Region {code}",
                    toponym=f"Region {code}",
                    country_code="XX",
                    admin1_code=code,
                    admin1=f"Region {code}",
                    lat=lat0,
                    lon=lon0,
                    geo_precision=3,
                )
            else:
                loc = Location(
                    name=f"Place {gid}",
                    toponym=f"Place {gid}",
                    geonameid=gid,
                    country_code="XX",
                    admin1_code=code,
                    admin1=f"Region {code}",
                    lat=lat,
                    lon=lon,
                )
            v = rnd.random()
            if v < 0.02:
                dv = None
            elif v < 0.05:
                first = day_.replace(day=1)
                last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
                dv = DateValue(start=first.isoformat(), end=last.isoformat(), precision="month")
            else:
                dv = DateValue(start=day_.isoformat(), end=day_.isoformat())
            claimant = rnd.choice(CLAIMANTS)
            mentions.append(
                Mention(
                    id=f"m{len(mentions):07d}",
                    article_id=f"art{art_i}",
                    event_type=etype,
                    sub_event_type=sub,
                    date=dv,
                    location=loc,
                    actor1=a1 if rnd.random() > 0.1 else None,
                    actor2=a2 if rnd.random() > 0.3 else None,
                    claimant=Actor(id=claimant, name=claimant),
                    stance="reported",
                )
            )
            art_i += 1
    return mentions, articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000])
    args = parser.parse_args()
    per_mention = {}
    for n in args.sizes:
        mentions, articles = synthetic(n)
        t0 = time.perf_counter()
        result = fuse(mentions, articles)
        dt = time.perf_counter() - t0
        per_mention[n] = dt / n
        print(
            f"{n:>7} mentions: {dt:6.1f} s, {len(result.events)} events, {len(result.episodes)} episodes,"
            f" {1e6 * dt / n:.0f} us/mention"
        )
    if len(per_mention) >= 2:
        small, large = min(per_mention), max(per_mention)
        print(f"time per mention {large} vs {small}: x{per_mention[large] / per_mention[small]:.2f}")


if __name__ == "__main__":
    main()
