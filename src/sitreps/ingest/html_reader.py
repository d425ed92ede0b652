"""HTML pages: trafilatura finds the article text and its metadata; htmldate backs up the date."""

from __future__ import annotations

import re
from typing import Any

import htmldate
import lxml.html
import trafilatura

# Elements whose text is never article text, whatever the page's layout.
_NON_TEXT_TAGS = ("script", "style", "iframe", "noscript", "template", "svg", "object", "embed", "head")
_BLOCK_TAGS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "section", "article", "td"}
_HTML_SNIFF = re.compile(rb"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]|<p[\s>]|<div[\s>]", re.I)


def looks_like_html(data: bytes) -> bool:
    """True when the start of a file is HTML markup rather than prose."""
    return bool(_HTML_SNIFF.search(data[:4096]))


def _without_non_text(html: str) -> str:
    """The page with script, style, iframe (etc.) elements dropped, before any extraction.

    trafilatura skips most of them itself but keeps the text of some (an iframe's fallback
    content); dropping them first guarantees none reaches the article. JSON-LD blocks stay:
    they carry the publication date and are never rendered as text.
    """
    try:
        tree = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return html
    for element in list(tree.iter(*(t for t in _NON_TEXT_TAGS if t != "head"))):
        if element.tag == "script" and "ld+json" in (element.get("type") or ""):
            continue
        element.drop_tree()
    return lxml.html.tostring(tree, encoding="unicode")


def _fallback_text(html: str) -> str:
    """All visible block text of a page, for pages trafilatura finds no article in."""
    try:
        tree = lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return ""
    for element in tree.iter(*_NON_TEXT_TAGS):
        element.drop_tree()
    paragraphs: list[str] = []
    for element in tree.iter(*_BLOCK_TAGS):
        if any(child.tag in _BLOCK_TAGS for child in element):
            own = (element.text or "").strip()
            if own:
                paragraphs.append(own)
            continue
        text = " ".join(element.text_content().split())
        if text:
            paragraphs.append(text)
    if not paragraphs:
        paragraphs = [" ".join(tree.text_content().split())]
    return "\n\n".join(p for p in paragraphs if p)


def extract_html(html: str, url: str | None = None) -> dict[str, Any]:
    """Main text (paragraphs joined by blank lines), title, date and outlet of one page.

    Keys are only set when found, so a caller's own metadata (JSONL fields, sidecars) can win.
    """
    found: dict[str, Any] = {"format": "html"}
    cleaned = _without_non_text(html)
    document = trafilatura.bare_extraction(
        cleaned, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    text = ""
    if document is not None:
        text = document.text or ""
        if document.title:
            found["title"] = document.title
        if document.date:
            found["published"] = document.date
        if document.sitename:
            found["outlet"] = document.sitename
        if document.url:
            found["url"] = document.url
    if not text.strip():
        text = _fallback_text(cleaned)
    else:
        # trafilatura puts one block per line; the rest of sitreps marks paragraphs with "\n\n".
        text = "\n\n".join(line.strip() for line in text.split("\n") if line.strip())
    if "published" not in found:
        # extensive_search=False: only dates the page states in its markup, never a guess
        # from free text or from the current day.
        date = htmldate.find_date(html, extensive_search=False, url=url)
        if date:
            found["published"] = date
    found["text"] = text
    return found
