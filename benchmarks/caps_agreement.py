"""Case agreement: the same reports ingested as written and upper-cased give the same events.

    python benchmarks/caps_agreement.py [REPORTS.yaml]

The reports (tests/data/caps/reports.yaml, written for this check) are written to two JSONL
files, one as written and one with title and text upper-cased, and each is ingested into its
own temporary store through the real CLI (`sitreps ingest`, then `sitreps export`). Events are
matched per report by type + place + day, and the F1 of the upper-cased run against the
as-written run is printed, with type-only and place-only agreement and the cost of restoring
case (ms per 10 KB of ALL-CAPS text).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

REPORTS = Path(__file__).resolve().parents[1] / "tests" / "data" / "caps" / "reports.yaml"
URL_PREFIX = "caps-check://"
# the three ways two runs are compared: the fields of an event's key
KEYS = {
    "type+place+day": ("type", "place", "day"),
    "type": ("type",),
    "place": ("place",),
}


def load_reports(path: Path = REPORTS) -> list[dict[str, Any]]:
    """The reports, each checked for the fields the check needs (a bad one names its number)."""
    rows = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(rows, list):
        raise ValueError(f"{path}: expected a list of reports")
    for number, row in enumerate(rows, 1):
        missing = [k for k in ("id", "published", "outlet", "text") if not row.get(k)]
        if missing:
            raise ValueError(f"{path}: report {number} lacks {', '.join(missing)}")
    return rows


def as_record(report: dict[str, Any], upper: bool) -> dict[str, str]:
    """The JSONL record of a report; `upper` writes its title and text in capitals."""
    record = {
        "url": URL_PREFIX + report["id"],
        "published": str(report["published"]),
        "outlet": report["outlet"],
        "text": report["text"].upper() if upper else report["text"],
    }
    if report.get("title"):
        record["title"] = report["title"].upper() if upper else report["title"]
    return record


def event_keys(events: Iterable[dict[str, Any]]) -> Counter[tuple[str, ...]]:
    """(report id, type, place, day) of each event: a Counter, as a report may tell one event twice."""
    out: Counter[tuple[str, ...]] = Counter()
    for event in events:
        location = event.get("location") or {}
        place = str(location.get("geonameid") or location.get("name") or "-")
        day = (event.get("date") or {}).get("start") or "-"
        out[(event["report"], event["type"], place, day)] += 1
    return out


def project(keys: Counter[tuple[str, ...]], fields: tuple[str, ...]) -> Counter[tuple[str, ...]]:
    index = {"type": 1, "place": 2, "day": 3}
    out: Counter[tuple[str, ...]] = Counter()
    for key, n in keys.items():
        out[(key[0], *(key[index[f]] for f in fields))] += n
    return out


def f1(found: Counter[tuple[str, ...]], expected: Counter[tuple[str, ...]]) -> float:
    """Matched keys counted with their multiplicity; 1.0 when both runs find nothing."""
    matched = sum((found & expected).values())
    total = sum(found.values()) + sum(expected.values())
    return 2 * matched / total if total else 1.0


def agreement(upper: Counter[tuple[str, ...]], written: Counter[tuple[str, ...]]) -> dict[str, float]:
    return {name: f1(project(upper, fields), project(written, fields)) for name, fields in KEYS.items()}


def _sitreps(db: Path, *args: str) -> None:
    # the CLI's entry point, run by this interpreter (as `sitreps` on PATH would be)
    cmd = [sys.executable, "-c", "from sitreps.cli import main; main()", "--db", str(db), *args]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"sitreps {' '.join(args)} exited {done.returncode}: {done.stderr.strip()[-500:]}")


def ingest_events(records: list[dict[str, str]], folder: Path) -> list[dict[str, Any]]:
    """Ingest `records` into a fresh store in `folder` through the CLI; its events, each with the
    id of the report it came from (`report`), its type, location and date."""
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "reports.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    db, export = folder / "store.duckdb", folder / "export.json"
    _sitreps(db, "ingest", str(source), "--format", "jsonl")
    _sitreps(db, "export", "--format", "json", "--output", str(export))
    data = json.loads(export.read_text(encoding="utf-8"))
    report_of = {a["id"]: str(a.get("url", "")).removeprefix(URL_PREFIX) for a in data["articles"]}
    out = []
    for event in data["events"]:
        for article_id in event.get("article_ids") or ():
            out.append(
                {
                    "report": report_of.get(article_id, article_id),
                    "type": event["event_type"],
                    "location": event.get("location"),
                    "date": event.get("date"),
                }
            )
    return out


def restore_cost_ms_per_10kb(reports: list[dict[str, Any]]) -> tuple[float, float]:
    """Milliseconds restore_case takes per 10 KB of the upper-cased reports: (every word new to
    its caches, every word seen before). The gazetteer and registry are loaded first."""
    from sitreps.clean.truecase import restore_case

    text = "\n\n".join(r["text"].upper() for r in reports)
    restore_case("THE GAZETTEER AND THE REGISTRY LOAD ONCE PER PROCESS")
    per_10kb = 1000 * 10240 / len(text.encode("utf-8"))
    timings = []
    for variant in (text, text + " AGAIN"):  # a new text each time: no whole-text cache
        started = time.perf_counter()
        restore_case(variant)
        timings.append((time.perf_counter() - started) * per_10kb)
    return timings[0], timings[1]


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else REPORTS
    reports = load_reports(path)
    with tempfile.TemporaryDirectory(prefix="caps-agreement-") as tmp:
        written = ingest_events([as_record(r, upper=False) for r in reports], Path(tmp) / "as-written")
        upper = ingest_events([as_record(r, upper=True) for r in reports], Path(tmp) / "upper")
    keys_written, keys_upper = event_keys(written), event_keys(upper)
    scores = agreement(keys_upper, keys_written)
    print(f"{len(reports)} reports; events as written {len(written)}, upper-cased {len(upper)}")
    print(f"{'match on':<16} {'F1':>6}")
    for name, value in scores.items():
        print(f"{name:<16} {value:6.3f}")
    for key in sorted((keys_written - keys_upper) + (keys_upper - keys_written)):
        side = "as written only" if keys_written[key] > keys_upper[key] else "upper only"
        print(f"  differs ({side}): {' / '.join(key)}")
    cold, warm = restore_cost_ms_per_10kb(reports)
    print(f"restore_case: {cold:.0f} ms per 10 KB of ALL-CAPS text with every word new, {warm:.0f} ms once seen")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
