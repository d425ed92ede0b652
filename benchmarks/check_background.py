"""Count events that background material made: huge tolls and dates long before the report.

Run by hand, on a store or an export kept outside the repository:
    python benchmarks/check_background.py STORE.duckdb [MORE ...]
    python benchmarks/check_background.py EXPORT.json  [MORE ...]   # `sitreps export --format json`

For each input it prints two counts (ids only; --show N adds N examples with their evidence, for
error study on stdout, never written anywhere):
  toll>=N     events whose fatality figure (best, else low, else high) is at least --toll
              (default 1,000): a single-day event with such a toll is nearly always a war's
              cumulative toll put on the day's event
  dated-old   events whose date ends more than the background span (data/background.yaml,
              365 days) before the publication of every article behind them: an event the
              report recalls, not one it reports
The sitreps/1 format has no background flag, so every event counted is one the extractor made.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sitreps.extract.background import background_span_days
from sitreps.model import Export


@dataclass(frozen=True)
class Flagged:
    event_id: str
    why: str
    evidence: str


def load_export(path: Path) -> Export:
    """The sitreps/1 export in a .json file, or the whole export of a .duckdb store."""
    if path.suffix == ".duckdb":
        from sitreps.store import Store

        store = Store(path, read_only=True)
        try:
            return store.export()
        finally:
            store.close()
    if path.suffix == ".json":
        return Export.model_validate(json.loads(path.read_text(encoding="utf-8")))
    raise SystemExit(f"{path}: expected a .duckdb store or a .json sitreps/1 export")


def _toll(best: int | None, low: int | None, high: int | None) -> int | None:
    return next((v for v in (best, low, high) if v is not None), None)


def check(export: Export, toll_at_least: int, span_days: int) -> tuple[list[Flagged], list[Flagged]]:
    """(events with a toll of at least `toll_at_least`, events dated over `span_days` before their reports)."""
    published = {a.id: a.published for a in export.articles}
    evidence = {m.id: (m.evidence[0].text if m.evidence else "") for m in export.mentions}
    big: list[Flagged] = []
    old: list[Flagged] = []
    for event in export.events:
        first_evidence = " ".join(evidence.get(event.mention_ids[0], "").split())[:160] if event.mention_ids else ""
        toll = _toll(event.fatalities.best, event.fatalities.low, event.fatalities.high) if event.fatalities else None
        if toll is not None and toll >= toll_at_least:
            big.append(Flagged(event.id, f"toll {toll} on {event.date.start if event.date else '?'}", first_evidence))
        dates = [published[a] for a in event.article_ids if published.get(a) is not None]
        if event.date is None or not dates:
            continue
        earliest_report = min(date.fromisoformat(d.start) for d in dates)
        if date.fromisoformat(event.date.end) < earliest_report - timedelta(days=span_days):
            why = f"dated {event.date.start}..{event.date.end} ({event.date.precision}), reported {earliest_report}"
            old.append(Flagged(event.id, why, first_evidence))
    return big, old


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("paths", type=Path, nargs="+", help=".duckdb stores or .json exports")
    parser.add_argument("--toll", type=int, default=1000, help="count events with at least this many fatalities")
    parser.add_argument("--show", type=int, default=0, help="print this many flagged events of each kind")
    args = parser.parse_args(argv)
    span = background_span_days()
    status = 0
    print(f"{'input':<28} {'events':>6} {f'toll>={args.toll}':>10} {f'dated-old(>{span}d)':>18}")
    for path in args.paths:
        if not path.exists():
            print(f"{path}: no such file", file=sys.stderr)
            status = 2
            continue
        export = load_export(path)
        big, old = check(export, args.toll, span)
        print(f"{path.name:<28} {len(export.events):>6} {len(big):>10} {len(old):>18}")
        for flagged in big[: args.show] + old[: args.show]:
            print(f"    {flagged.event_id}: {flagged.why}: {flagged.evidence}")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
