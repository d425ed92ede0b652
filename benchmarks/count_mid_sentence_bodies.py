"""Count articles whose stored body starts mid-sentence (cleaning ate the start of the lead).

Run by hand:
    python benchmarks/count_mid_sentence_bodies.py STORE.duckdb
    python benchmarks/count_mid_sentence_bodies.py EXPORT.json        # `sitreps export --format json`
    python benchmarks/count_mid_sentence_bodies.py INGEST.jsonl       # cleaned here, as ingest would

The input is read at run time and nothing from it is written anywhere but stdout (ids only,
unless --show N prints the first characters of N flagged bodies for error study).

An article counts when one of these holds (each is a sign that a line break was taken for the
end of a title, or a cut went through a sentence):
  lower_start     the body's first letter is lower case ("wounding three guards, police said")
  fragment_start  the body opens with closing punctuation, or with a ")" or "]" before any "(" or
                  "[" on its first line ("Mendoza] [Excerpts] Early this morning ...")
  source_excerpt  the body opens with an ellipsis: the source's own mark that it quotes from the
                  middle ("[Text] ...the rest of the statement"); counted apart, since it is not
                  cleaning damage and no cleaning can give back the missing start
  dateline_title  the title is (or opens with) a wire dateline: "CITY, 14 Mar 89 (Agency) -- ..."
  broken_title    the title ends as no headline does: on a comma, hyphen, dash or one of the
                  closed-class words in BROKEN_TITLE_ENDINGS ("... said that the", "... in the")
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from sitreps.model import Article

# Closed-class words a sentence cannot end on; a title ending on one is the first line of a
# wrapped paragraph, not a headline.
BROKEN_TITLE_ENDINGS = frozenset(
    "a an the of to in on at by for from with and or but nor that which who whose as than "
    "into onto upon its their his her our your this these those".split()
)
_DATELINE_START = re.compile(r"^[^\W\d_][\w .'’-]*,[^()\n]{0,40}(?:\([^()\n]{2,60}\))?\s*(?:--|—|–)")
_CLOSING_START = re.compile(r"^[\])}>,;:.!?»”’]")


def _first_line(text: str) -> str:
    return text.lstrip().split("\n", 1)[0]


def reasons(article: Article) -> list[str]:
    """Why `article`'s body looks like it starts mid-sentence (empty when it does not)."""
    found: list[str] = []
    body = article.text.lstrip()
    first_letter = next((ch for ch in body if ch.isalpha()), "")
    if first_letter.islower():
        found.append("lower_start")
    if body.startswith(("...", "…")):
        return ["source_excerpt"]
    line = _first_line(body)
    unopened = any(
        line.find(close) != -1 and not -1 < line.find(open_) < line.find(close) for open_, close in ("()", "[]")
    )
    if _CLOSING_START.match(body) or unopened:
        found.append("fragment_start")
    title = (article.title or "").strip()
    if title:
        if _DATELINE_START.match(title):
            found.append("dateline_title")
        last_word = re.sub(r"\W+$", "", title.rsplit(None, 1)[-1]).casefold()
        if title.endswith((",", "-", "—", "–")) or last_word in BROKEN_TITLE_ENDINGS:
            found.append("broken_title")
    return found


def _from_store(path: Path) -> Iterator[Article]:
    from sitreps.store import Store

    store = Store(path, read_only=True)
    try:
        yield from store.articles()
    finally:
        store.close()


def _from_export(path: Path) -> Iterator[Article]:
    for record in json.loads(path.read_text(encoding="utf-8"))["articles"]:
        yield Article.model_validate(record)


def _from_ingest_jsonl(path: Path, glue: bool) -> Iterator[Article]:
    from sitreps.clean import CleanError, clean_document
    from sitreps.ingest import Rejection, read_paths

    known_name = None
    if glue:
        from sitreps.pipeline import load_known_name

        known_name = load_known_name()
    for item in read_paths([str(path)], fmt="jsonl"):
        if isinstance(item, Rejection):
            print(f"skipped: {item.reason}", file=sys.stderr)
            continue
        try:
            yield clean_document(item, known_name)
        except CleanError as exc:
            print(f"skipped: {item.location}: {exc}", file=sys.stderr)


def articles_of(path: Path, glue: bool = False) -> Iterator[Article]:
    """The articles in a store (.duckdb), an export (.json) or an ingest JSONL (cleaned here)."""
    if path.suffix == ".duckdb":
        return _from_store(path)
    if path.suffix == ".json":
        return _from_export(path)
    if path.suffix in (".jsonl", ".ndjson"):
        return _from_ingest_jsonl(path, glue)
    raise SystemExit(f"{path}: expected a .duckdb store, a .json export or a .jsonl ingest file")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--examples", type=int, default=8, help="how many flagged ids to print")
    parser.add_argument("--show", type=int, default=0, help="print the start of this many flagged bodies")
    parser.add_argument("--glue", action="store_true", help="(JSONL) repair MT glue with the gazetteer, as ingest does")
    args = parser.parse_args(argv)
    if not args.path.exists():
        print(f"{args.path}: no such file", file=sys.stderr)
        return 2
    total = 0
    flagged: list[tuple[str, list[str], Article]] = []
    for article in articles_of(args.path, args.glue):
        total += 1
        why = reasons(article)
        if why:
            flagged.append((article.url or article.source, why, article))
    by_reason = Counter(r for _, why, _ in flagged for r in why)
    excerpts = by_reason.get("source_excerpt", 0)
    print(f"mid-sentence bodies: {len(flagged) - excerpts} of {total} articles (+ {excerpts} source excerpts)")
    for reason, count in sorted(by_reason.items()):
        print(f"  {reason}: {count}")
    for ident, why, _ in flagged[: args.examples]:
        print(f"  {ident}: {', '.join(why)}")
    for _, _, article in flagged[: args.show]:
        print(f"    title={article.title!r} body={article.text[:80]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
