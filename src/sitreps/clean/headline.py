"""The title of a plain-text article: its first line when that line looks like a headline."""

from __future__ import annotations

from dataclasses import dataclass, field

from sitreps.clean.boilerplate import load_settings
from sitreps.clean.text_shape import fold, is_headline_like


@dataclass(frozen=True)
class TitleSplit:
    title: str | None
    text: str
    removed: list[str] = field(default_factory=list)


def split_title(text: str, known_title: str | None = None) -> TitleSplit:
    """Take the title off the top of `text`.

    With a known title (HTML, JSONL, sidecar) a first line equal to it is dropped. Otherwise
    the first line becomes the title when it is headline-shaped and more text follows. A second
    line repeating the title, or a first line that is a breadcrumb ending in it ("Home News
    <title>"), goes to `removed`.
    """
    max_words = int(load_settings()["headline_max_words"]) + 5
    lines = text.split("\n")
    nonempty = [i for i, line in enumerate(lines) if line.strip()]
    if len(nonempty) < 2:
        return TitleSplit(known_title, text)
    first, second = lines[nonempty[0]].strip(), lines[nonempty[1]].strip()
    removed: list[str] = []
    drop: set[int] = set()
    title = known_title.strip() if known_title else None

    if title is None and (is_headline_like(first, max_words, min_words=2) or first.endswith(("?", "!"))):
        title = first
        drop.add(nonempty[0])
        # Breadcrumb trail + title on the first line, then the title alone on the second.
        if fold(first) != fold(second) and fold(first).endswith(" " + fold(second)):
            title = second
            removed.append(first)
            drop.add(nonempty[1])
    elif title is not None:
        if fold(first) == fold(title):
            drop.add(nonempty[0])
        elif fold(first).endswith(" " + fold(title)) and len(first.split()) - len(title.split()) <= 6:
            removed.append(first)
            drop.add(nonempty[0])
    if title is not None:
        # The title repeated right below itself is page furniture.
        for i in nonempty[:3]:
            if i not in drop and fold(lines[i]) == fold(title):
                removed.append(lines[i].strip())
                drop.add(i)
    body = "\n".join(line for i, line in enumerate(lines) if i not in drop)
    return TitleSplit(title, _tidy(body), removed)


def _tidy(text: str) -> str:
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    return text.strip()
