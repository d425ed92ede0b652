"""Cut site furniture (newsletter boxes, consent lines, link widgets, bylines, credits) from text.

Every cut line is kept verbatim in `removed`. Markers and patterns live in
`sitreps/data/clean/boilerplate.yaml`; this module only decides how they apply:
line patterns cut one line, a related-links marker cuts itself and the headline-like lines
that follow it, a paragraph made only of headline-like lines is a link list. Article sentences
(sentence-final punctuation, or quoted speech) are never cut by the headline rules.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

from sitreps.clean.text_shape import fold, is_bullet, is_headline_like, starts_quoted
from sitreps.clean.wire_dateline import WireDateline, split_wire_dateline

_STRAIGHT_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


@dataclass(frozen=True)
class Stripped:
    text: str
    removed: list[str] = field(default_factory=list)
    # The wire dateline cut from the first paragraph ("EL WAK, Kenya, April 3 (Highland Courier) -").
    dateline: str | None = None
    # What that dateline says: its place, date and outlet.
    wire: WireDateline | None = None


@dataclass(frozen=True)
class BoilerplateRules:
    related_markers: re.Pattern[str]
    line_patterns: tuple[re.Pattern[str], ...]
    headline_max_words: int
    kicker_max_words: int
    hashtag_share: float


@cache
def load_settings() -> dict[str, Any]:
    """The parsed boilerplate.yaml (read once per process)."""
    source = resources.files("sitreps.data").joinpath("clean/boilerplate.yaml")
    return yaml.safe_load(source.read_text(encoding="utf-8"))


@cache
def load_rules() -> BoilerplateRules:
    settings = load_settings()
    markers = "|".join(f"(?:{m})" for m in settings["related_block_markers"])
    patterns = tuple(
        re.compile(pattern, re.IGNORECASE) for group in settings["line_patterns"].values() for pattern in group
    )
    return BoilerplateRules(
        related_markers=re.compile(rf"^(?:{markers})\s*[:.…!]*$", re.IGNORECASE),
        line_patterns=patterns,
        headline_max_words=int(settings["headline_max_words"]),
        kicker_max_words=int(settings["kicker_max_words"]),
        hashtag_share=float(settings["hashtag_share"]),
    )


def is_related_marker(line: str) -> bool:
    """A heading such as "Don't miss…" or "You may also like" that opens a block of links."""
    return bool(load_rules().related_markers.match(fold(line)))


def matches_line_pattern(line: str) -> bool:
    """A line that is boilerplate wherever it stands (newsletter, consent, share, credit …)."""
    # Matched with straight quotes but original case: byline patterns need capitals to tell a
    # name ("By Olena Marchenko") from a sentence ("By the end of May, ...").
    plain = " ".join(unicodedata.normalize("NFKC", line).translate(_STRAIGHT_QUOTES).split())
    return any(p.search(plain) for p in load_rules().line_patterns)


def is_hashtag_line(line: str) -> bool:
    tokens = line.split()
    tags = sum(1 for t in tokens if t.startswith("#") and len(t) > 1)
    return len(tokens) >= 2 and tags / len(tokens) >= load_rules().hashtag_share


def repeats_title(line: str, title: str | None) -> bool:
    """The title again, bare or behind a breadcrumb trail ("Home › World › <title>")."""
    if not title:
        return False
    line_f, title_f = fold(line), fold(title)
    if line_f == title_f:
        return True
    return line_f.endswith(" " + title_f) and len(line.split()) - len(title.split()) <= 6


def strip_wire_dateline(paragraph: str) -> tuple[str, str | None]:
    """Split "KYIV, June 2 (Reuters) - Ukrainian forces…" into the body and the dateline (the
    editorial notes right after a dateline, "[Report]", go with the dateline's text here)."""
    split = split_wire_dateline(paragraph)
    if split is None:
        return paragraph, None
    return split.text, " ".join((split.dateline.text, *split.notes))


def _is_kicker(paragraph: str, following: list[str], rules: BoilerplateRules) -> bool:
    """A section label right under the title: one short headline-shaped line, no digits, a
    sentence-bearing paragraph after it."""
    if "\n" in paragraph or not following or re.search(r"\d", paragraph):
        return False
    if not is_headline_like(paragraph, rules.kicker_max_words, min_words=1):
        return False
    return bool(re.search(r"[.!?]['\"’”]?$", following[0].strip()))


def _is_link_list(paragraph: str, rules: BoilerplateRules) -> bool:
    """A paragraph of two or more headline-shaped lines, none of them a list bullet."""
    lines = [line for line in paragraph.split("\n") if line.strip()]
    return len(lines) >= 2 and all(
        is_headline_like(line, rules.headline_max_words) and not is_bullet(line) for line in lines
    )


def strip_boilerplate(text: str, title: str | None = None) -> Stripped:
    """Remove boilerplate lines and blocks from `text` (paragraphs separated by blank lines)."""
    rules = load_rules()
    removed: list[str] = []
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    kept: list[str] = []
    in_link_block = False
    wire: WireDateline | None = None
    for index, paragraph in enumerate(paragraphs):
        if len(paragraphs) >= 3 and _is_link_list(paragraph, rules):
            removed.append(paragraph)
            continue
        lines: list[str] = []
        for line in paragraph.split("\n"):
            stripped = line.strip()
            if not stripped:
                continue
            if is_related_marker(stripped):
                in_link_block = True
                removed.append(stripped)
                continue
            if in_link_block and (
                is_headline_like(stripped, rules.headline_max_words)
                or (is_bullet(stripped) and len(stripped.split()) <= rules.headline_max_words)
            ):
                # A linked headline, or a bulleted one ("- Podcast: Who are they?").
                removed.append(stripped)
                continue
            in_link_block = False
            if (matches_line_pattern(stripped) or is_hashtag_line(stripped) or repeats_title(stripped, title)) and not (
                starts_quoted(stripped) and len(stripped.split()) > 3
            ):
                removed.append(stripped)
                continue
            lines.append(stripped)
        if not lines:
            continue
        kept_paragraph = "\n".join(lines)
        if not kept and _is_kicker(kept_paragraph, paragraphs[index + 1 :], rules):
            removed.append(kept_paragraph)
            continue
        if not kept and (split := split_wire_dateline(kept_paragraph)) is not None:
            # The dateline and the editorial notes after it ("[Report] [Excerpts]") are cut
            # one by one, so `removed` keeps each as written.
            kept_paragraph, wire = split.text, split.dateline
            removed += [wire.text, *split.notes]
        kept.append(kept_paragraph)
    return Stripped("\n\n".join(kept), removed, wire.text if wire else None, wire)
