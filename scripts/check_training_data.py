#!/usr/bin/env python3
"""Quality gate for the event-classifier training data in `data/training/events/`.

    python scripts/check_training_data.py                       # exit 1 when a check fails
    python scripts/check_training_data.py --against FILE ...    # also: no passage near a line of FILE

Checks: every line is valid against `schema.json`; ids are unique across files; each of ACLED's
25 sub-event types has at least MIN_PER_LABEL passages and NONE at least MIN_NEGATIVES; at least
MIN_COUNTRIES countries and every style present; no two passages are near-duplicates
(rapidfuzz token_sort_ratio >= NEAR_DUPLICATE on normalised text). `--against` takes texts the
data must not resemble (an evaluation corpus, a scraped page) and reports any passage within
NEAR_DUPLICATE of one of their lines, so a contaminated passage is caught before training.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

import jsonschema
from rapidfuzz import fuzz, process

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data" / "training" / "events"
MIN_PER_LABEL = 120
MIN_NEGATIVES = 1500
MIN_TOTAL = 5000
MIN_COUNTRIES = 60
NEAR_DUPLICATE = 92


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"\d", "0", text.lower())).strip()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--against", nargs="*", type=Path, default=[])
    args = ap.parse_args()
    schema = json.loads((DATA / "schema.json").read_text("utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    problems: list[str] = []
    rows: list[tuple[str, dict]] = []
    for path in sorted(DATA.glob("*.jsonl")):
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path.name}:{n}"
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                problems.append(f"{where}: not JSON ({exc.msg})")
                continue
            errors = sorted(validator.iter_errors(row), key=lambda e: e.path)
            if errors:
                problems.append(f"{where}: {errors[0].message}")
                continue
            rows.append((where, row))
    ids = Counter(r["id"] for _, r in rows)
    problems += [f"id {i} used {n} times" for i, n in ids.items() if n > 1]
    labels = Counter(r["label"] for _, r in rows)
    label_enum = schema["properties"]["label"]["enum"]
    for label in label_enum:
        need = MIN_NEGATIVES if label == "NONE" else MIN_PER_LABEL
        if labels[label] < need:
            problems.append(f"label {label!r}: {labels[label]} passages, need {need}")
    countries = Counter(r["country"] for _, r in rows)
    styles = Counter(r["style"] for _, r in rows)
    if len(countries) < MIN_COUNTRIES:
        problems.append(f"{len(countries)} countries, need {MIN_COUNTRIES}")
    for style in schema["properties"]["style"]["enum"]:
        if not styles[style]:
            problems.append(f"style {style!r} absent")
    if len(rows) < MIN_TOTAL:
        problems.append(f"{len(rows)} passages, need {MIN_TOTAL}")
    texts = [normalise(r["text"]) for _, r in rows]
    matrix = process.cdist(texts, texts, scorer=fuzz.token_sort_ratio, score_cutoff=NEAR_DUPLICATE, workers=-1)
    for i, j in zip(*matrix.nonzero(), strict=True):
        if i < j:
            problems.append(f"near-duplicates: {rows[i][0]} and {rows[j][0]} ({matrix[i, j]:.0f})")
    for path in args.against:
        lines = [normalise(x) for x in path.read_text("utf-8", errors="replace").splitlines() if len(x) > 40]
        hits = process.cdist(texts, lines, scorer=fuzz.partial_ratio, score_cutoff=NEAR_DUPLICATE, workers=-1)
        for i, j in zip(*hits.nonzero(), strict=True):
            problems.append(f"{rows[i][0]} resembles {path.name}:{j + 1} ({hits[i, j]:.0f})")
        print(f"checked against {path}: {len(lines)} lines")
    print(f"{len(rows)} passages, {len(countries)} countries")
    print("labels: " + ", ".join(f"{k} {v}" for k, v in sorted(labels.items())))
    print("styles: " + ", ".join(f"{k} {v}" for k, v in sorted(styles.items())))
    for p in problems[:200]:
        print("FAIL " + p)
    if len(problems) > 200:
        print(f"... and {len(problems) - 200} more")
    print("ok" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
