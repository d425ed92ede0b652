"""clean_document: one RawDocument in, one Article out, through the cleaning steps in order."""

from __future__ import annotations

from urllib.parse import urlparse

from sitreps.clean.attribution import outlet_from_header
from sitreps.clean.boilerplate import strip_boilerplate
from sitreps.clean.dateline import day_value, extract_header_date, find_date, parse_published
from sitreps.clean.glue import KnownName, repair_glue
from sitreps.clean.headline import split_title
from sitreps.clean.identity import article_id
from sitreps.clean.language import detect_language
from sitreps.clean.unicode_repair import normalize_whitespace, repair_unicode
from sitreps.ingest.decoding import UndecodableError, decode_bytes
from sitreps.ingest.documents import RawDocument
from sitreps.model import Article

# Below this many letters a cleaned text is a fragment (a caption, a stub), not a report.
MIN_TEXT_LETTERS = 20


class CleanError(ValueError):
    """The document cannot become an article; the message is the one-line reason."""


def _raw_text(raw: RawDocument) -> str:
    text = raw.metadata.get("text")
    if isinstance(text, str):
        return text
    try:
        return decode_bytes(raw.data).text
    except UndecodableError as exc:
        raise CleanError(str(exc)) from exc


def _meta_outlet(raw: RawDocument) -> str | None:
    outlet = raw.metadata.get("outlet")
    return outlet.strip() if isinstance(outlet, str) and outlet.strip() else None


def _outlet(raw: RawDocument, url: str | None, from_header: str | None) -> str | None:
    """Metadata first, then the site the URL names, then the outlet the header names."""
    outlet = _meta_outlet(raw)
    if outlet:
        return outlet
    if url:
        host = urlparse(url).hostname or ""
        if host.removeprefix("www."):
            return host.removeprefix("www.")
    return from_header


def clean_document(raw: RawDocument, known_name: KnownName | None = None) -> Article:
    """Clean one document. Steps, in order:

    1. repair Unicode (ftfy, legacy code pages) and whitespace;
    2. take the title off the top (or drop the metadata title's repeat), and a masthead;
    3. read the publication date from a header date line (metadata wins when it has one);
    4. strip boilerplate lines and blocks, and the wire dateline (whose full date, if it has
       one, is the publication date when nothing above gave one; its outlet tag, or a staff
       byline, names the outlet when metadata does not);
    5. split MT-glued words;
    6. detect the language and hash the text into the article id.
    """
    text = repair_unicode(_raw_text(raw))
    meta_title = raw.metadata.get("title")
    meta_title = repair_unicode(meta_title) if isinstance(meta_title, str) and meta_title.strip() else None
    removed: list[str] = []

    titled = split_title(text, meta_title, _meta_outlet(raw))
    removed += titled.removed
    header = extract_header_date(titled.text)
    removed += header.removed
    stripped = strip_boilerplate(header.text, titled.title)
    removed += stripped.removed
    body = normalize_whitespace(repair_glue(stripped.text, known_name))

    if not body:
        raise CleanError("empty after cleaning")
    if sum(ch.isalpha() for ch in body) < MIN_TEXT_LETTERS:
        raise CleanError(f"too little text after cleaning ({len(body)} characters)")

    published = None
    meta_published = raw.metadata.get("published")
    if isinstance(meta_published, str) and meta_published.strip():
        published = parse_published(meta_published)
    if published is None:
        published = header.published
    if published is None and stripped.dateline:
        found = find_date(stripped.dateline)
        published = day_value(found[0]) if found else None

    url = raw.metadata.get("url")
    url = url if isinstance(url, str) and url.strip() else None
    language = raw.metadata.get("language")
    if not (isinstance(language, str) and len(language.strip()) == 2):
        language = detect_language(body)
    return Article(
        id=article_id(body),
        source=raw.source,
        outlet=_outlet(raw, url, outlet_from_header(stripped.dateline, removed)),
        title=titled.title,
        published=published,
        language=language.strip().lower(),
        text=body,
        removed=removed,
        url=url,
    )
