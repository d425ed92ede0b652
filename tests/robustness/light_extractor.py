"""A fast stand-in for the spaCy extractor, for fault tests that start many ingest processes.

It reads the fixed report template of `reports()` with regular expressions and returns real
sitreps/1 Mentions (type, place with admin1, day, actor, claimant, fatalities), so fusion
merges reports of the same place and day and records their disagreeing death tolls.

Run as a script it is a minimal `sitreps ingest`: `python light_extractor.py DB FOLDER BATCH`,
printing "ready" before the run and "batch N committed" after each store transaction.
"""

from __future__ import annotations

import hashlib
import random
import re
import sys
from collections.abc import Sequence

from sitreps.model import Actor, Article, DateValue, Fatalities, Location, Mention, Span

PLACES = {
    "El Fasher": Location(
        name="El Fasher",
        toponym="El Fasher",
        geonameid=379062,
        country_code="SD",
        admin1_code="49",
        admin1="Northern Darfur",
        lat=13.63,
        lon=25.35,
    ),
    "Nyala": Location(
        name="Nyala",
        toponym="Nyala",
        geonameid=366847,
        country_code="SD",
        admin1_code="50",
        admin1="Southern Darfur",
        lat=12.05,
        lon=24.88,
    ),
    "Kherson": Location(
        name="Kherson",
        toponym="Kherson",
        geonameid=706448,
        country_code="UA",
        admin1_code="08",
        admin1="Kherson Oblast",
        lat=46.64,
        lon=32.61,
    ),
    "Kharkiv": Location(
        name="Kharkiv",
        toponym="Kharkiv",
        geonameid=706483,
        country_code="UA",
        admin1_code="07",
        admin1="Kharkiv Oblast",
        lat=49.99,
        lon=36.23,
    ),
}
COUNTRIES = {"El Fasher": "Sudan", "Nyala": "Sudan", "Kherson": "Ukraine", "Kharkiv": "Ukraine"}
ACTORS = {
    "Rapid Support Forces": Actor(id="RSF", name="Rapid Support Forces"),
    "Russian army": Actor(id="RU_MIL", name="Military Forces of Russia (2000-)"),
}
CLAIMANTS = ["a local volunteer group", "the regional governor", "the health ministry"]
_REPORT = re.compile(
    r"Fighters of the (?P<actor>[\w ]+?) shelled the main market of (?P<city>[\w ]+?) on (?P<day>\d+) May 2024, "
    r"killing at least (?P<n>\d+) civilians, according to (?P<claimant>[\w ]+?) \(bulletin \d+\)"
)


def reports(start: int, count: int, seed: int = 0) -> dict[str, str]:
    """`count` distinct reports numbered from `start`: file name -> text."""
    rnd = random.Random(seed * 100_003 + start)
    out = {}
    for i in range(start, start + count):
        city = rnd.choice(sorted(PLACES))
        actor = "Rapid Support Forces" if COUNTRIES[city] == "Sudan" else "Russian army"
        day, killed, claimant = rnd.randint(1, 4), rnd.randint(2, 30), rnd.choice(CLAIMANTS)
        out[f"report-{i:05d}.txt"] = (
            f"{actor} attack {city} market\n\n"
            f"{city.upper()}, {COUNTRIES[city]}, May {day} - Fighters of the {actor} shelled the main market of "
            f"{city} on {day} May 2024, killing at least {killed} civilians, according to {claimant} "
            f"(bulletin {i}). The force denied targeting civilians and said it had struck army positions.\n"
        )
    return out


class KeywordExtractor:
    """The `sitreps.extract.Extractor` protocol, by regular expression over `reports()` texts."""

    name = "keywords"

    def extract(self, articles: Sequence[Article]) -> list[list[Mention]]:
        return [self._one(a) for a in articles]

    def _one(self, article: Article) -> list[Mention]:
        match = _REPORT.search(article.text)
        if match is None or match["city"] not in PLACES:
            return []
        day = f"2024-05-{int(match['day']):02d}"
        key = f"{article.id}|shelling|{match['city']}|{day}"
        claimant = Actor(id="src:" + match["claimant"].replace(" ", "_"), name=match["claimant"])
        return [
            Mention(
                id="m-" + hashlib.sha256(key.encode()).hexdigest()[:16],
                article_id=article.id,
                event_type="Explosions/Remote violence",
                sub_event_type="Shelling/artillery/missile attack",
                date=DateValue(start=day, end=day),
                location=PLACES[match["city"]].model_copy(),
                actor1=ACTORS.get(match["actor"]),
                claimant=claimant,
                stance="reported",
                fatalities=Fatalities(best=int(match["n"]), victims="civilians", claimant=claimant),
                evidence=[Span(start=match.start(), end=match.end(), text=match.group(0))],
            )
        ]


def main(db: str, folder: str, batch_size: int, log: str | None = None) -> None:
    """Ingest `folder` into `db`, writing "ready" and "batch N committed" lines to `log` (or stdout)."""
    from sitreps.pipeline import IngestReport, run_ingest
    from sitreps.store import Store

    out = open(log, "a", buffering=1, encoding="utf-8") if log else sys.stdout  # noqa: SIM115
    committed = [0]

    def progress(report: IngestReport) -> None:
        if report.batches_committed != committed[0]:
            committed[0] = report.batches_committed
            print(f"batch {committed[0]} committed", file=out, flush=True)

    with Store(db) as store:
        print("ready", file=out, flush=True)
        run_ingest(
            store, [folder], recursive=True, extractor=KeywordExtractor(), batch_size=batch_size, progress=progress
        )
    print("done", file=out, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
