"""The title of a plain-text article: its first line when that line looks like a headline."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sitreps.clean.boilerplate import load_settings, matches_line_pattern
from sitreps.clean.dateline import is_date_line
from sitreps.clean.text_shape import fold, is_headline_like
from sitreps.clean.wire_dateline import parse_wire_dateline


@dataclass(frozen=True)
class TitleSplit:
    title: str | None
    text: str
    removed: list[str] = field(default_factory=list)


# At most this many lines of furniture (a date line, "View this email in your browser") may sit
# above a headline; the demo newsletter and the test pages have at most two.
MAX_FURNITURE_LINES = 4
# "NAME | tagline", "Headline | Outlet": the separators sites put between a name and the rest.
_SEGMENT_SEPARATOR = re.compile(r"\s+[|·•]\s+")


# Lines of a hard-wrapped paragraph are about as long as each other; a headline above one is shorter.
_WRAPPED_WIDTH_RATIO = 0.8


def is_lead_fragment(lines: list[str], index: int) -> bool:
    """Is line `index` the first piece of a hard-wrapped lead paragraph rather than a headline?

    True when it opens with a wire dateline, or when the next line follows it directly (no blank
    line), is not the paragraph's last, and both are wrapped at about the same width.
    """
    line = lines[index].strip()
    if parse_wire_dateline(line) is not None:
        return True  # "CITY, 14 Mar 89 (Agency) --", "NAIROBI, Kenya (AP) —": the lead's opening
    if index + 2 >= len(lines) or not lines[index + 1].strip() or not lines[index + 2].strip():
        return False
    widths = sorted((len(line), len(lines[index + 1].strip())))
    return widths[0] >= _WRAPPED_WIDTH_RATIO * widths[1]


def _segments(line: str) -> list[str]:
    return _SEGMENT_SEPARATOR.split(line.strip())


def is_masthead(line: str, outlet: str | None, below: list[str]) -> bool:
    """The outlet's name heading the page, not a headline: "FRONTLINE BRIEF | Your morning digest".

    True when the line is the outlet's name, alone or first before a `|`; without a known outlet,
    when an all-capitals name of up to four words comes first before a `|` and newsletter or
    share furniture follows within three lines.
    """
    parts = _segments(line)
    if outlet and fold(parts[0]) == fold(outlet):
        return True
    head = parts[0]
    if len(parts) < 2 or not head.isupper() or not 1 <= len(head.split()) <= 4:
        return False
    return any(matches_line_pattern(b.strip()) for b in below[:3])


def _without_outlet_suffix(line: str, outlet: str | None) -> str:
    """ "Headline | Outlet" -> "Headline"."""
    parts = _segments(line)
    if outlet and len(parts) == 2 and fold(parts[1]) == fold(outlet):
        return parts[0]
    return line


def _is_furniture(line: str) -> bool:
    """A line that may sit above the headline without being it: a date line, a newsletter line."""
    return is_date_line(line) or matches_line_pattern(line)


def split_title(text: str, known_title: str | None = None, outlet: str | None = None) -> TitleSplit:
    """Take the title off the top of `text`.

    With a known title (HTML, JSONL, sidecar) a first line equal to it is dropped. Otherwise
    the first line becomes the title when it is headline-shaped and more text follows. A second
    line repeating the title, or a first line that is a breadcrumb ending in it ("Home News
    <title>"), goes to `removed`. A masthead on the top line (the outlet's name, see
    `is_masthead`) goes to `removed` too. Date lines and newsletter lines above the headline
    are passed over and left in the text for the date and boilerplate stages.
    """
    max_words = int(load_settings()["headline_max_words"]) + 5
    lines = text.split("\n")
    nonempty = [i for i, line in enumerate(lines) if line.strip()]
    if len(nonempty) < 2:
        return TitleSplit(known_title, text)
    removed: list[str] = []
    drop: set[int] = set()
    title = known_title.strip() if known_title else None

    if is_masthead(lines[nonempty[0]], outlet, [lines[i] for i in nonempty[1:4]]):
        removed.append(lines[nonempty[0]].strip())
        drop.add(nonempty[0])
        nonempty = nonempty[1:]
    skip = 0
    while skip < min(len(nonempty) - 2, MAX_FURNITURE_LINES) and _is_furniture(lines[nonempty[skip]].strip()):
        skip += 1
    candidates = nonempty[skip:]
    if len(candidates) < 2:
        body = "\n".join(line for i, line in enumerate(lines) if i not in drop)
        return TitleSplit(title, _tidy(body), removed)
    first, second = lines[candidates[0]].strip(), lines[candidates[1]].strip()
    headline = _without_outlet_suffix(first, outlet)

    lead_fragment = is_lead_fragment(lines, candidates[0])
    if (
        title is None
        and not lead_fragment
        and (is_headline_like(headline, max_words, min_words=2) or headline.endswith(("?", "!")))
    ):
        title = headline
        drop.add(candidates[0])
        # Breadcrumb trail + title on the first line, then the title alone on the second.
        if fold(first) != fold(second) and fold(first).endswith(" " + fold(second)):
            title = second
            removed.append(first)
            drop.add(candidates[1])
    elif title is not None:
        if fold(first) == fold(title) or fold(headline) == fold(title):
            drop.add(candidates[0])
        elif fold(first).endswith(" " + fold(title)) and len(first.split()) - len(title.split()) <= 6:
            removed.append(first)
            drop.add(candidates[0])
    if title is not None:
        # The title repeated right below itself is page furniture.
        for i in candidates[:3]:
            if i not in drop and fold(lines[i]) == fold(title):
                removed.append(lines[i].strip())
                drop.add(i)
    body = "\n".join(line for i, line in enumerate(lines) if i not in drop)
    return TitleSplit(title, _tidy(body), removed)


def _tidy(text: str) -> str:
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip()
