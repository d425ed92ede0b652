#!/usr/bin/env python3
"""Ablation of event detection and typing on the project's own held-back passages, in the pipeline.

    python benchmarks/eval_event_heldout.py [--limit N]

Each held-back passage of `data/training/events/` (the split `scripts/train_event_model.py` keeps
out of fitting) is extracted as one article by the real extractor in each mode (rules, model,
combined), and its first mention (smallest evidence offset) is compared with the passage's label:
events detected, sub-type and event-type accuracy, weighted sub-type F1, and the share of NONE
passages that give no mention at all. Also prints the model alone (no spaCy, no place needed).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.train_event_model import held_back, load_passages, measure  # noqa: E402

from sitreps.extract.event_model import NONE_LABEL, SUB_EVENT_PARENT, EventModel  # noqa: E402
from sitreps.extract.event_step import ExtractorMode  # noqa: E402
from sitreps.extract.mentions import RuleExtractor  # noqa: E402
from sitreps.model import Article, DateValue  # noqa: E402


def weighted_f1(pairs: list[tuple[str, str]]) -> float:
    gold = Counter(g for g, _ in pairs if g != NONE_LABEL)
    total = 0.0
    for label, n in gold.items():
        tp = sum(g == label and p == label for g, p in pairs)
        fp = sum(g != label and p == label for g, p in pairs if g != NONE_LABEL)
        prec, rec = (tp / (tp + fp) if tp + fp else 0.0), tp / n
        total += n * (2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return total / max(1, sum(gold.values()))


def first_labels(extractor: RuleExtractor, rows: list[dict]) -> list[str]:
    articles = [
        Article(
            id=f"heldout-{r['id']}",
            source=f"heldout/{r['id']}",
            outlet="Held-back Wire",
            published=DateValue(start="2024-06-14", end="2024-06-14"),
            text=r["text"],
        )
        for r in rows
    ]
    out = []
    for mentions in extractor.extract(articles):
        if not mentions:
            out.append(NONE_LABEL)
            continue
        first = min(mentions, key=lambda m: min((e.start for e in m.evidence), default=0))
        out.append(first.sub_event_type or NONE_LABEL)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=0, help="only the first N held-back passages")
    args = ap.parse_args()
    rows = [r for r in load_passages() if held_back(r["id"])]
    if args.limit:
        rows = rows[: args.limit]
    gold = [r["label"] for r in rows]
    model_alone = measure(EventModel.load(), rows)
    print(f"{len(rows)} held-back passages ({sum(g != NONE_LABEL for g in gold)} events)")
    print(
        f"model alone (sentence classifier, no parse, no place): weighted F1 {model_alone['weighted_f1_subtype']:.3f}, "
        f"detected {model_alone['detection_recall']:.3f}, negatives without event "
        f"{model_alone['negatives_without_event']:.3f}"
    )
    print(f"{'mode':<10} {'weighted F1':>11} {'type acc':>8} {'detected':>8} {'neg. clean':>10} {'s':>5}")
    for mode in (ExtractorMode.RULES, ExtractorMode.MODEL, ExtractorMode.COMBINED):
        started = time.time()
        predicted = first_labels(RuleExtractor(mode=mode), rows)
        pairs = list(zip(gold, predicted, strict=True))
        events = [(g, p) for g, p in pairs if g != NONE_LABEL]
        negatives = [p for g, p in pairs if g == NONE_LABEL]
        type_acc = sum(p != NONE_LABEL and SUB_EVENT_PARENT[p] == SUB_EVENT_PARENT[g] for g, p in events)
        print(
            f"{mode:<10} {weighted_f1(pairs):>11.3f} {type_acc / max(1, len(events)):>8.3f} "
            f"{sum(p != NONE_LABEL for _, p in events) / max(1, len(events)):>8.3f} "
            f"{sum(p == NONE_LABEL for p in negatives) / max(1, len(negatives)):>10.3f} "
            f"{time.time() - started:>5.0f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
