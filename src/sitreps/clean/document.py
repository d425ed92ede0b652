"""clean_document: one RawDocument in, one Article out, through the cleaning steps in order."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from urllib.parse import urlparse

from sitreps.clean.attribution import outlet_from_header
from sitreps.clean.boilerplate import strip_boilerplate
from sitreps.clean.dateline import day_value, extract_header_date, parse_published
from sitreps.clean.glue import KnownName, repair_glue
from sitreps.clean.headline import split_title
from sitreps.clean.identity import article_id
from sitreps.clean.language import detect_language
from sitreps.clean.unicode_repair import normalize_whitespace, repair_unicode
from sitreps.clean.wire_dateline import WireDateline, strip_inline_notes
from sitreps.ingest.decoding import UndecodableError, decode_bytes
from sitreps.ingest.documents import RawDocument
from sitreps.model import Article, DateValue

# Below this many letters a cleaned text is a fragment (a caption, a stub), not a report.
MIN_TEXT_LETTERS = 20
# A publication date before this is a placeholder ("0001-01-01", a CMS's zero date), not news.
EARLIEST_PUBLISHED = date(1900, 1, 1)


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
        host = urlparse(url).hostname or ""  # parsed once already by _url: it does not raise here
        if host.removeprefix("www."):
            return host.removeprefix("www.")
    return from_header


def _url(raw: RawDocument) -> str | None:
    """The metadata URL, or CleanError when it cannot be parsed ("http://[::1")."""
    url = raw.metadata.get("url")
    if not (isinstance(url, str) and url.strip()):
        return None
    try:
        urlparse(url).hostname  # noqa: B018 - the hostname is where an invalid IPv6 literal is found
    except ValueError as exc:
        raise CleanError(f"invalid url {url[:80]!r} ({exc})") from exc
    return url


def plausible_published(published: DateValue | None, notes: list[str] | None) -> DateValue | None:
    """`published` unless it lies before 1900 or after tomorrow (UTC), which no report's date
    does; such a date is dropped (the article stays undated) and the reason added to `notes`."""
    if published is None:
        return None
    tomorrow = datetime.now(UTC).date() + timedelta(days=1)
    start = date.fromisoformat(published.start)
    if EARLIEST_PUBLISHED <= start <= tomorrow:
        return published
    if notes is not None:
        notes.append(
            f"implausible publication date {published.start} ignored (before {EARLIEST_PUBLISHED.year} "
            "or after tomorrow); the article is kept undated"
        )
    return None


def clean_document(raw: RawDocument, known_name: KnownName | None = None, notes: list[str] | None = None) -> Article:
    """Clean one document. Steps, in order:

    1. repair Unicode (ftfy, legacy code pages) and whitespace;
    2. take the title off the top (or drop the metadata title's repeat), and a masthead;
    3. read the publication date from a header date line (metadata wins when it has one);
    4. strip boilerplate lines and blocks, and the wire dateline with the editorial notes after
       it ("[Report]"); the dateline's date, when written with its year, is the publication date
       when nothing above gave one; its outlet ("(Reuters)", "— РИА Новости."), or a staff
       byline, names the outlet when metadata does not; its place is kept apart as
       `dateline_place`, a hint for extraction that is no longer in the text;
    5. cut editorial notes inside the text ("[passage omitted]"), split MT-glued words;
    6. detect the language and hash the text into the article id.

    Raises CleanError when the document cannot be an article (too little text, an unparsable
    URL). What it only drops (an implausible publication date) is said in `notes`, one line each.
    """
    url = _url(raw)
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
    unnoted, notes_cut = strip_inline_notes(stripped.text)
    removed += notes_cut
    body = normalize_whitespace(repair_glue(unnoted, known_name))

    if not body:
        raise CleanError("empty after cleaning")
    if sum(ch.isalpha() for ch in body) < MIN_TEXT_LETTERS:
        raise CleanError(f"too little text after cleaning ({len(body)} characters)")

    published = None
    meta_published = raw.metadata.get("published")
    if isinstance(meta_published, str) and meta_published.strip():
        published = plausible_published(parse_published(meta_published), notes)
    if published is None:
        published = header.published
    if published is None and stripped.wire is not None and stripped.wire.date is not None:
        published = day_value(stripped.wire.date)
    published = plausible_published(published, notes)

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
        dateline_place=_dateline_place(stripped.wire),
    )


def _dateline_place(wire: WireDateline | None) -> str | None:
    """ "NAIROBI, Kenya (AP) —" -> "NAIROBI, Kenya"; "NO CITY (PERU), ..." -> "PERU"; None
    without a dateline or a place in it."""
    parts = [part for part in (wire.place, wire.region) if part] if wire is not None else []
    return ", ".join(parts) or None
