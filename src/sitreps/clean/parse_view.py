"""The text the parser reads: the article's own text with the same length, so every offset the
parse gives points into what the user ingested (evidence is always cut from the article itself).

Two repairs the spaCy model needs and the stored text must not get:
- hard-wrapped paragraphs (wire copy, telex, plain-text mail: a line break every 70 characters
  mid-sentence) are read as one line: "SEVEN PRESIDENTIAL\\nGUARDS WERE KILLED" parses as one noun
  phrase only without the break. A paragraph (lines between blank lines) is hard-wrapped when it
  has two or more lines and its inner lines (all but the first and the last; in a two-line
  paragraph, the first) are about as long as its longest (a short headline above a long body line
  is not); each of its single line breaks becomes a space.
- ALL-CAPS text gets its case restored (`sitreps.clean.truecase`).
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

import yaml

from sitreps.clean.truecase import restore_case

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


@cache
def _settings() -> dict[str, float]:
    text = resources.files("sitreps.data").joinpath("clean/parse_view.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)["hard_wrap"]


def parse_view(text: str) -> str:
    """`text` as the parser should read it: hard wraps joined, ALL-CAPS case restored; same length."""
    return restore_case(unwrap_lines(text))


def unwrap_lines(text: str) -> str:
    """`text` with the line breaks inside hard-wrapped paragraphs turned into spaces (same length)."""
    if "\n" not in text:
        return text
    out: list[str] = []
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        out.append(_unwrapped(text[position : match.start()]))
        out.append(match.group())
        position = match.end()
    out.append(_unwrapped(text[position:]))
    return "".join(out)


def _unwrapped(paragraph: str) -> str:
    lines = paragraph.split("\n")
    if len(lines) < 2:
        return paragraph
    settings = _settings()
    widths = [len(line.strip()) for line in lines]
    while widths and widths[-1] == 0:  # the paragraph's own closing line break
        widths.pop()
    if len(widths) < 2:
        return paragraph
    longest = max(widths)
    # the lines that were wrapped at the width: the middle ones (the first may have lost a cut
    # dateline, the last ends where the paragraph does); a two-line paragraph has only its first
    inner = widths[1:-1] if len(widths) > 2 else widths[:1]
    wrapped = longest >= settings["min_line_chars"] and all(w >= settings["width_ratio"] * longest for w in inner)
    if not wrapped:
        return paragraph
    content, closing = lines[: len(widths)], lines[len(widths) :]
    return " ".join(content) + "".join("\n" + rest for rest in closing)
