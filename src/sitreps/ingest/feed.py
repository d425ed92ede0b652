"""RSS 2.0, RSS 1.0 and Atom feeds: one RawDocument per item (entry), its HTML cleaned as a page's is.

An item gives its title, link (the article's URL), publication date (RSS pubDate or dc:date,
Atom published else updated) and text (content:encoded else description; Atom content else
summary). A missing or unreadable date leaves the article undated: the feed's own build date
is never an item's date, nor is today.

XML is parsed with lxml refusing what a feed never needs and an attacker always does: a DTD
that declares entities is rejected before parsing (no "billion laughs"), no DTD or external
entity is ever loaded (no file or network access), and entities are not expanded. HTML named
entities that sloppy feeds leave unescaped ("&eacute;", a bare "&" in "Q&A") are written as
the XML they stand for first, since that is what every feed reader does with them.

A feed that does not parse as a whole is read item by item, so one broken item costs only
itself: each is a Rejection "FILE#N: item N ..." naming its line, and the other items ingest.
"""

from __future__ import annotations

import html
import html.entities
import re
from collections.abc import Iterator
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import Any

from lxml import etree

from sitreps.clean.identity import article_id
from sitreps.ingest.documents import RawDocument, Rejection, failure_reason
from sitreps.ingest.html_reader import extract_html
from sitreps.ingest.limits import article_too_large

ATOM = "http://www.w3.org/2005/Atom"
RSS10 = "http://purl.org/rss/1.0/"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"
XHTML = "http://www.w3.org/1999/xhtml"
# Namespaces an RSS item's own elements may be in: none (RSS 0.9x/2.0) or RSS 1.0's.
_RSS_OWN = (None, RSS10)

# Where each field of an article is found in an item, best first: (namespaces, local name).
_RSS_FIELDS: dict[str, tuple[tuple[tuple[str | None, ...], str], ...]] = {
    "title": ((_RSS_OWN, "title"), ((DUBLIN_CORE,), "title")),
    "published": ((_RSS_OWN, "pubDate"), ((DUBLIN_CORE,), "date")),
    "body": (((CONTENT,), "encoded"), (_RSS_OWN, "description")),
    "outlet": ((_RSS_OWN, "source"),),
}
_ATOM_FIELDS: dict[str, tuple[tuple[tuple[str | None, ...], str], ...]] = {
    "title": (((ATOM,), "title"),),
    "published": (((ATOM,), "published"), ((ATOM,), "updated"), ((DUBLIN_CORE,), "date")),
    "body": (((ATOM,), "content"), ((ATOM,), "summary")),
}

# The start of a feed: prolog (declaration, comments, doctype), then the root element.
_FEED_START = re.compile(
    rb"\A(?:\s+|<\?xml[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)*<(rss|feed|rdf:RDF)[\s>/]", re.S | re.I
)
_PROLOG_ENTITY = re.compile(rb"<!ENTITY", re.I)
_ROOT_OPEN = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>/]", re.I)
# An "&" that starts no character or entity reference, and a named reference.
_BARE_AMPERSAND = re.compile(rb"&(?![A-Za-z][A-Za-z0-9]*;|#[0-9]+;|#x[0-9A-Fa-f]+;)")
_NAMED_REFERENCE = re.compile(rb"&([A-Za-z][A-Za-z0-9]*);")
_XML_ENTITIES = {b"amp", b"lt", b"gt", b"quot", b"apos"}
# Where each item (entry) starts, for reading a broken feed item by item.
_ITEM_OPEN = re.compile(rb"<(?:[A-Za-z][\w.-]*:)?(item|entry)[\s>/]")
_NAMESPACE_DECLARATION = re.compile(rb"""\sxmlns(?::([\w.-]+))?\s*=\s*("[^"]*"|'[^']*')""")
_ENCODING_DECLARATION = re.compile(rb"""\A(?:\xef\xbb\xbf)?<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']""")
_MARKUP = re.compile(r"<[A-Za-z!/]")
_TAG = re.compile(r"<[^>]*>")
_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff")


def looks_like_feed(data: bytes) -> bool:
    """True when the document element of `data` is <rss>, <feed> or <rdf:RDF>."""
    return bool(_FEED_START.match(data[:8192].removeprefix(b"\xef\xbb\xbf")))


@dataclass(frozen=True)
class _Channel:
    outlet: str | None


def _parser(recover: bool = False) -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        recover=recover,
        remove_comments=True,
        remove_pis=True,
    )


def _repaired(data: bytes) -> bytes:
    """HTML entity references written as XML character references, bare "&" as "&amp;"."""
    if data.startswith(_WIDE_BOMS):
        return data  # UTF-16: the byte patterns below do not apply; read as it is

    def character_reference(match: re.Match[bytes]) -> bytes:
        name = match.group(1)
        if name in _XML_ENTITIES:
            return match.group(0)
        characters = html.entities.html5.get(name.decode("ascii") + ";")
        if characters is None:
            return b"&amp;" + name + b";"  # not an entity anywhere: the text meant a literal "&"
        return b"".join(b"&#%d;" % ord(ch) for ch in characters)

    return _NAMED_REFERENCE.sub(character_reference, _BARE_AMPERSAND.sub(b"&amp;", data))


def _declares_entities(data: bytes) -> bool:
    root = _ROOT_OPEN.search(data)
    prolog = data[: root.start()] if root else data
    if data.startswith(_WIDE_BOMS):
        prolog = prolog.decode("utf-16", "replace").encode("utf-8")
    return bool(_PROLOG_ENTITY.search(prolog))


def read_feed(
    data: bytes, given: str, sidecar: dict[str, Any], max_article_bytes: int
) -> Iterator[RawDocument | Rejection]:
    """Items of one RSS or Atom file; a whole-file problem is one Rejection naming the file."""
    if _declares_entities(data):
        yield Rejection(given, "feed declares XML entities in its DTD (refused: a feed never needs them)")
        return
    data = _repaired(data)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        yield from _read_item_by_item(data, given, sidecar, max_article_bytes, exc)
        return
    name = etree.QName(root).localname
    if name not in ("rss", "feed", "RDF"):
        yield Rejection(given, f"not an RSS or Atom feed (document element <{name}>)")
        return
    atom = name == "feed"
    items = list(root.iterchildren(f"{{{ATOM}}}entry")) if atom else _rss_items(root)
    if not items:
        yield Rejection(given, "feed has no items")
        return
    channel = _channel(root, atom, sidecar)
    for number, item in enumerate(items, start=1):
        yield from _guarded_item(item, atom, number, item.sourceline, given, channel, sidecar, max_article_bytes)


def _rss_items(root: etree._Element) -> list[etree._Element]:
    return [e for e in root.iter("item", f"{{{RSS10}}}item")]


def _channel(root: etree._Element, atom: bool, sidecar: dict[str, Any]) -> _Channel:
    if sidecar.get("outlet"):
        return _Channel(sidecar["outlet"])
    if atom:
        title = root.find(f"{{{ATOM}}}title")
    else:
        channel = next((e for e in root.iter("channel", f"{{{RSS10}}}channel")), root)
        title = _first(channel, ((_RSS_OWN, "title"),))
    return _Channel(_plain(_inner_text(title)) if title is not None else None)


def _read_item_by_item(
    data: bytes, given: str, sidecar: dict[str, Any], max_article_bytes: int, whole: etree.XMLSyntaxError
) -> Iterator[RawDocument | Rejection]:
    """A feed that is not well-formed XML, read one item at a time (see the module docstring)."""
    starts = [m for m in _ITEM_OPEN.finditer(data)]
    if not starts:
        yield Rejection(given, f"not well-formed XML at line {whole.lineno} ({_syntax_message(whole)})")
        return
    head = data[: starts[0].start()]
    declared = _ENCODING_DECLARATION.match(data)
    encoding = declared.group(1).decode("ascii") if declared else "utf-8"
    namespaces: dict[bytes | None, bytes] = {}
    for found in _NAMESPACE_DECLARATION.finditer(head):
        namespaces.setdefault(found.group(1), found.group(2))
    attributes = b"".join(
        (b" xmlns:" + prefix if prefix else b" xmlns") + b"=" + uri for prefix, uri in namespaces.items()
    )
    opening = b'<?xml version="1.0" encoding="' + encoding.encode("ascii") + b'"?><feed-items' + attributes + b">"
    try:
        head_root = etree.fromstring(head + b"</channel></rss>", _parser(recover=True))
    except etree.XMLSyntaxError:
        head_root = None
    atom = starts[0].group(1) == b"entry"
    channel = _channel(head_root, atom, sidecar) if head_root is not None else _Channel(sidecar.get("outlet"))
    for number, start in enumerate(starts, start=1):
        end = starts[number].start() if number < len(starts) else len(data)
        chunk = data[start.start() : end]
        closing = re.search(rb"</(?:[A-Za-z][\w.-]*:)?" + start.group(1) + rb"\s*>", chunk)
        if closing:
            chunk = chunk[: closing.end()]
        first_line = data.count(b"\n", 0, start.start()) + 1
        where = f"{given}#{number}"
        # Blank lines before the item put it on its own line of the file, so that the parser's
        # line numbers (in its message too) are the file's.
        padding = b"\n" * (first_line - 1)
        try:
            wrapper = etree.fromstring(opening + padding + chunk + b"</feed-items>", _parser())
        except etree.XMLSyntaxError as exc:
            why = f"line {exc.lineno}: {_syntax_message(exc)}"
            yield Rejection(where, f"{where}: item {number} is not well-formed XML ({why})")
            continue
        item = wrapper[0]
        yield from _guarded_item(item, atom, number, first_line, given, channel, sidecar, max_article_bytes)


def _syntax_message(exc: etree.XMLSyntaxError) -> str:
    message = (exc.msg or str(exc)).strip()
    return re.sub(r",? line \d+, column \d+$", "", message)


def _guarded_item(
    item: etree._Element,
    atom: bool,
    number: int,
    line: int | None,
    given: str,
    channel: _Channel,
    sidecar: dict[str, Any],
    max_article_bytes: int,
) -> Iterator[RawDocument | Rejection]:
    where = f"{given}#{number}"
    try:
        found = _item_document(item, atom, number, line, given, where, channel, sidecar, max_article_bytes)
    except Exception as exc:  # noqa: BLE001 - whatever one item does to the HTML reader, it costs only itself
        found = Rejection(where, f"{where}: item {number} cannot be read ({failure_reason(exc)})")
    yield found


def _item_document(
    item: etree._Element,
    atom: bool,
    number: int,
    line: int | None,
    given: str,
    where: str,
    channel: _Channel,
    sidecar: dict[str, Any],
    max_article_bytes: int,
) -> RawDocument | Rejection:
    fields = _ATOM_FIELDS if atom else _RSS_FIELDS
    title_element = _first(item, fields["title"])
    title = _plain(_inner_text(title_element)) if title_element is not None else ""
    body_element = _first(item, fields["body"])
    body = _body_markup(body_element, atom) if body_element is not None else None
    if body is None or not body[0].strip():
        what = "has a title but no description or content" if title else "has no title, description or content"
        return Rejection(where, f"{where}: item {number} (line {line}) {what}")
    markup, is_html = body
    url = _atom_link(item) if atom else _rss_link(item)
    metadata: dict[str, Any] = {"feed_item": number}
    if is_html:
        extracted = extract_html(markup, url=url)
        metadata.update(format="html", text=extracted["text"])
    else:
        metadata.update(format="txt", text=markup)
    if title:
        metadata["title"] = title
    if url:
        metadata["url"] = url
    published = _published(item, fields["published"])
    if published:
        metadata["published"] = published
    outlet = _item_outlet(item, atom) or channel.outlet
    if outlet:
        metadata["outlet"] = outlet
    if sidecar.get("language"):
        metadata["language"] = sidecar["language"]
    text = metadata["text"]
    if not text.strip():
        return Rejection(where, f"{where}: item {number} (line {line}) has no text once its HTML is cleaned")
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > max_article_bytes:
        return Rejection(where, f"{where}: {article_too_large(size, max_article_bytes)}")
    source = url or f"{given}#{_stable_key(item, atom, title, text)}"
    return RawDocument(source, markup.encode("utf-8", "surrogatepass"), metadata, read_from=where)


def _stable_key(item: etree._Element, atom: bool, title: str, text: str) -> str:
    """What names an item without a link: its guid (Atom id), else a hash of its title and text,
    so the same item has the same source whatever its position in a later version of the feed."""
    declared = _first(item, (((ATOM,), "id"),) if atom else ((_RSS_OWN, "guid"),))
    key = _plain(_inner_text(declared)) if declared is not None else ""
    return key or article_id(f"{title}\n{text}")


def _first(element: etree._Element, where: tuple[tuple[tuple[str | None, ...], str], ...]) -> etree._Element | None:
    """The first child of `element` found at one of `where`'s (namespaces, name), in that order."""
    for namespaces, name in where:
        for child in element.iterchildren(tag=etree.Element):
            qualified = etree.QName(child)
            if qualified.localname == name and qualified.namespace in namespaces:
                if _inner_text(child).strip() or len(child):
                    return child
    return None


def _inner_text(element: etree._Element | None) -> str:
    if element is None:
        return ""
    return "".join(element.itertext())


def _plain(value: str) -> str:
    """A title or name as plain text: tags dropped, entities decoded (feeds escape them twice)."""
    return " ".join(html.unescape(_TAG.sub(" ", value)).split())


def _body_markup(element: etree._Element, atom: bool) -> tuple[str, bool]:
    """The body as (markup or text, whether it is HTML)."""
    kind = (element.get("type") or "").lower() if atom else ""
    if kind == "xhtml" or len(element):
        # Markup written as XML elements (Atom xhtml, or raw HTML in an RSS description):
        # serialised without its namespaces, as the HTML reader expects.
        copy = etree.fromstring(etree.tostring(element))
        for node in copy.iter(tag=etree.Element):
            node.tag = etree.QName(node).localname
        etree.cleanup_namespaces(copy)
        inner = (copy.text or "") + "".join(etree.tostring(child, encoding="unicode") for child in copy)
        return inner, True
    text = element.text or ""
    if atom and kind in ("", "text"):
        return text, False
    if not _MARKUP.search(text):
        # Plain text that may still hold entities: decoded here so its paragraphs stay as written.
        return html.unescape(text), False
    return text, True


def _rss_link(item: etree._Element) -> str | None:
    link = _first(item, ((_RSS_OWN, "link"),))
    if link is not None and _inner_text(link).strip():
        return _inner_text(link).strip()
    guid = _first(item, ((_RSS_OWN, "guid"),))
    # A guid is the item's address unless it says it is not (isPermaLink defaults to true).
    if guid is not None and (guid.get("isPermaLink") or "true").lower() == "true":
        value = _inner_text(guid).strip()
        if value.startswith(("http://", "https://")):
            return value
    return None


def _atom_link(entry: etree._Element) -> str | None:
    for link in entry.iterchildren(f"{{{ATOM}}}link"):
        if (link.get("rel") or "alternate") == "alternate" and link.get("href"):
            return link.get("href", "").strip() or None
    return None


def _item_outlet(item: etree._Element, atom: bool) -> str | None:
    """The outlet an item says it comes from (RSS <source>, Atom <source><title>), if any."""
    if atom:
        source = item.find(f"{{{ATOM}}}source/{{{ATOM}}}title")
    else:
        source = _first(item, _RSS_FIELDS["outlet"])
    return _plain(_inner_text(source)) or None if source is not None else None


def _published(item: etree._Element, where: tuple[tuple[tuple[str | None, ...], str], ...]) -> str | None:
    """The item's date as ISO 8601 (RFC 822 dates converted), or as written for clean to read."""
    element = _first(item, where)
    if element is None:
        return None
    written = _inner_text(element).strip()
    try:
        return parsedate_to_datetime(written).isoformat()
    except (TypeError, ValueError, IndexError):
        return written
