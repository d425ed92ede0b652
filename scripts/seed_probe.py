"""Developer probe: run read -> clean -> extract over a folder and print the mentions.

python scripts/seed_probe.py ../shared/seeds [--json out.json]
"""

from __future__ import annotations

import json
import sys

from sitreps.clean import clean_document
from sitreps.extract.mentions import RuleExtractor
from sitreps.ingest import RawDocument, read_paths
from sitreps.model import Export


def main(argv: list[str]) -> int:
    folder = argv[0]
    raws = [r for r in read_paths([folder], recursive=True) if isinstance(r, RawDocument)]
    articles = [clean_document(r) for r in raws]
    ex = RuleExtractor()
    mentions = ex.extract(articles)
    for a, ms in zip(articles, mentions, strict=True):
        print("==", a.source, a.published and a.published.start)
        for m in ms:
            loc = m.location
            print(
                f"  {m.event_type[:12]:12} {m.sub_event_type or '':28.28} {m.date and m.date.start}"
                f"..{m.date and m.date.end} {loc and loc.name}({loc and loc.geo_precision}) "
                f"a1={m.actor1 and m.actor1.name} a2={m.actor2 and m.actor2.name} "
                f"cl={m.claimant and m.claimant.name}/{m.stance} "
                f"fat={m.fatalities and m.fatalities.model_dump(exclude={'claimant'})}"
            )
            for ev in m.evidence:
                print("      >", ev.text[:140].replace("\n", " "))
    if "--json" in argv:
        out = argv[argv.index("--json") + 1]
        exp = Export(articles=articles, mentions=[m for ms in mentions for m in ms])
        with open(out, "w") as fh:
            json.dump(exp.to_json_dict(), fh, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
