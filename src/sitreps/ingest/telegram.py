"""Telegram Desktop's "Export chat history": result.json or the HTML pages; one RawDocument per post.

A post is what a reader of the channel saw as one message: an album (several media messages
sent together, one caption) and a long post Telegram split at its length limit are joined
back into one. Service messages (channel created, message pinned) are not reports and are
skipped, as are media without any text. An edited message is read once, with the text the
export holds and the time it was first posted.

The channel is the outlet; its own posts are the outlet's own voice. A forwarded post is an
echo of the channel it came from: that channel is its outlet, so fusion's independent-source
count (outlets matched to origins) counts the original once however many channels repeat it.
The forwarding channel stays in the source, `https://t.me/<username>/<id>`, when the export
names its username (a `"username"` key, or the sidecar's t.me URL), else `FILE#<id>`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import lxml.html

from sitreps.ingest.documents import RawDocument, Rejection
from sitreps.ingest.limits import article_too_large

# Chat kinds Telegram Desktop writes in "type" at the top of a single chat's result.json.
_CHAT_TYPES = (
    "personal_chat",
    "bot_chat",
    "private_group",
    "private_supergroup",
    "public_supergroup",
    "private_channel",
    "public_channel",
    "saved_messages",
)
_JSON_SNIFF = re.compile(rb'^\s*\{\s*"name"\s*:.*?"type"\s*:\s*"(' + "|".join(_CHAT_TYPES).encode() + rb')"', re.S)
_HTML_SNIFF = re.compile(rb'class="page_header".*class="history"', re.S)
# Telegram's limits on one message's text and on a media caption: a post that long, followed by
# the same sender within the gap, was split by the client and is joined back.
_TEXT_LIMIT = 4096
_CAPTION_LIMIT = 1024
_NEAR_LIMIT = 0.9
_SPLIT_GAP_SECONDS = 120
# Keys of a JSON message that mean it carries media (photo, video, file, voice, sticker).
_MEDIA_KEYS = ("photo", "file", "media_type")
_USERNAME_URL = re.compile(r"^https?://t\.me/(?!c/)([A-Za-z][A-Za-z0-9_]{3,})/?$")
_HTML_DATE = re.compile(r"(\d{2})\.(\d{2})\.(\d{4}) (\d{2}:\d{2}:\d{2})(?: UTC([+-]\d{2}:\d{2}))?")


@dataclass
class _Message:
    id: int
    seconds: float  # for joining: seconds since the epoch, or of the export's own clock
    published: str  # ISO date-time as the export gives it
    sender: str
    text: str
    forwarded_from: str | None
    has_media: bool
    group: str | None = None


@dataclass
class _Post:
    messages: list[_Message] = field(default_factory=list)

    @property
    def first(self) -> _Message:
        return self.messages[0]

    @property
    def text(self) -> str:
        return "\n\n".join(m.text for m in self.messages if m.text.strip())


def telegram_reader(data: bytes, fmt: str) -> Callable[..., Iterator[RawDocument | Rejection]] | None:
    """The reader for a Telegram export in `data` (JSON or HTML), or None when it is not one."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    if fmt in ("auto", "jsonl") and _JSON_SNIFF.match(head):
        return read_telegram_json
    if fmt in ("auto", "html") and _HTML_SNIFF.search(data[:65536]):
        return read_telegram_html
    return None


def read_telegram_json(
    data: bytes, given: str, sidecar: dict[str, Any], max_article_bytes: int
) -> Iterator[RawDocument | Rejection]:
    """Posts of one chat's result.json; a malformed message is one Rejection `FILE#ID: why`."""
    try:
        export = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        yield Rejection(given, f"{given}: not a readable Telegram JSON export ({type(exc).__name__})")
        return
    messages = export.get("messages") if isinstance(export, dict) else None
    if not isinstance(messages, list):
        yield Rejection(given, f"{given}: Telegram export has no 'messages' list")
        return
    channel = str(export.get("name") or "").strip() or None
    username = _username(export.get("username"), sidecar)
    read: list[_Message] = []
    for position, raw in enumerate(messages):
        message = _json_message(raw, channel)
        if isinstance(message, str):
            where = f"{given}#{raw.get('id', position) if isinstance(raw, dict) else position}"
            yield Rejection(where, f"{where}: {message}")
        elif message is not None:
            read.append(message)
    yield from _documents(read, given, channel, username, max_article_bytes)


def read_telegram_html(
    data: bytes, given: str, sidecar: dict[str, Any], max_article_bytes: int
) -> Iterator[RawDocument | Rejection]:
    """Posts of one page (messages.html, messages2.html, ...) of an HTML export."""
    try:
        root = lxml.html.fromstring(data.decode("utf-8-sig", "replace"))
    except (ValueError, lxml.etree.ParserError) as exc:
        yield Rejection(given, f"{given}: not a readable Telegram HTML export ({exc})")
        return
    header = root.xpath('//div[contains(@class,"page_header")]//div[contains(@class,"text")]')
    channel = header[0].text_content().strip() or None if header else None
    read: list[_Message] = []
    sender = channel or ""
    for node in root.xpath('//div[@class="history"]/div[contains(concat(" ",@class," ")," message ")]'):
        classes = node.get("class", "").split()
        if "service" in classes:
            continue
        message = _html_message(node, sender)
        if isinstance(message, str):
            where = f"{given}#{node.get('id', '?')}"
            yield Rejection(where, f"{where}: {message}")
            continue
        sender = message.sender
        read.append(message)
    yield from _documents(read, given, channel, _username(None, sidecar), max_article_bytes)


def _username(declared: object, sidecar: dict[str, Any]) -> str | None:
    if isinstance(declared, str) and declared.strip().lstrip("@"):
        return declared.strip().lstrip("@")
    found = _USERNAME_URL.match(str(sidecar.get("url", "")))
    return found.group(1) if found else None


def _json_message(raw: object, channel: str | None) -> _Message | str | None:
    """One message, None for a service message, or why it cannot be read."""
    if not isinstance(raw, dict):
        return "message is not a JSON object"
    if raw.get("type") != "message":
        return None
    number, when = raw.get("id"), raw.get("date")
    if not isinstance(number, int) or not isinstance(when, str):
        return "message without an integer 'id' and a 'date'"
    try:
        seconds = float(raw.get("date_unixtime") or 0)
    except (TypeError, ValueError):
        return f"bad date_unixtime {raw.get('date_unixtime')!r}"
    entities = raw.get("text_entities")
    text = _flatten(entities if isinstance(entities, list) and entities else raw.get("text", ""))
    forwarded = raw.get("forwarded_from")
    group = raw.get("grouped_id") or raw.get("media_group_id")
    return _Message(
        id=number,
        seconds=seconds,
        published=when,
        sender=str(raw.get("from") or channel or ""),
        text=text,
        forwarded_from=str(forwarded).strip() if isinstance(forwarded, str) and forwarded.strip() else None,
        has_media=any(key in raw for key in _MEDIA_KEYS),
        group=str(group) if group is not None else None,
    )


def _flatten(text: object) -> str:
    """A message's text from Telegram's pieces: plain strings and {type, text, href} entities;
    a link whose words are not its address keeps the address after them."""
    if isinstance(text, str):
        return text
    if not isinstance(text, list):
        return ""
    parts = []
    for piece in text:
        if isinstance(piece, str):
            parts.append(piece)
        elif isinstance(piece, dict):
            words = str(piece.get("text", ""))
            href = piece.get("href")
            parts.append(f"{words} ({href})" if isinstance(href, str) and href and href != words else words)
    return "".join(parts)


def _html_message(node: lxml.html.HtmlElement, sender: str) -> _Message | str:
    number = node.get("id", "").removeprefix("message")
    if not number.lstrip("-").isdigit():
        return f"message without a numeric id ({node.get('id')!r})"
    body = node.find('div[@class="body"]')
    if body is None:
        return "message without a body"
    stamp = body.xpath('div[contains(@class,"date")]/@title')
    found = _HTML_DATE.match(stamp[0]) if stamp else None
    if not found:
        return "message without a date"
    day, month, year, clock, offset = found.groups()
    published = f"{year}-{month}-{day}T{clock}{offset or ''}"
    named = body.xpath('div[contains(@class,"from_name")]')
    if named:
        sender = named[0].text_content().strip()
    forwarded_from = None
    holder = body
    forward = body.xpath('div[contains(@class,"forwarded")]')
    if forward:
        holder = forward[0]
        origin = holder.xpath('div[contains(@class,"from_name")]')
        if origin:
            forwarded_from = (origin[0].text or "").strip() or None
    texts = holder.xpath('div[@class="text"]')
    return _Message(
        id=int(number),
        seconds=_html_seconds(year, month, day, clock, offset),
        published=published,
        sender=sender,
        text=_html_text(texts[0]) if texts else "",
        forwarded_from=forwarded_from,
        has_media=bool(holder.xpath('div[contains(@class,"media_wrap")]')),
    )


def _html_seconds(year: str, month: str, day: str, clock: str, offset: str | None) -> float:
    return datetime.fromisoformat(f"{year}-{month}-{day}T{clock}{offset or '+00:00'}").timestamp()


def _html_text(node: lxml.html.HtmlElement) -> str:
    """The text of a message's div.text: <br> as a line break, a link's address after its words."""
    for br in node.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for link in node.iter("a"):
        href = link.get("href")
        words = link.text_content()
        if href and href != words and not href.startswith("#"):
            link.tail = f" ({href})" + (link.tail or "")
    return node.text_content().strip()


def _posts(messages: list[_Message]) -> list[_Post]:
    """Messages joined into posts: an album's messages, and a split long post's pieces."""
    posts: list[_Post] = []
    for message in messages:
        last = posts[-1].messages[-1] if posts else None
        if last is not None and (_same_album(last, message) or _continues(last, message)):
            posts[-1].messages.append(message)
        else:
            posts.append(_Post([message]))
    return posts


def _same_album(last: _Message, message: _Message) -> bool:
    if last.group is not None or message.group is not None:
        return last.group == message.group
    # Without a group id (Telegram Desktop writes none) an album is media sent in the same second.
    return (
        last.has_media
        and message.has_media
        and last.sender == message.sender
        and last.forwarded_from == message.forwarded_from
        and abs(message.seconds - last.seconds) < 1
    )


def _continues(last: _Message, message: _Message) -> bool:
    limit = _CAPTION_LIMIT if last.has_media else _TEXT_LIMIT
    return (
        len(last.text) >= _NEAR_LIMIT * limit
        and bool(message.text.strip())
        and last.sender == message.sender
        and last.forwarded_from == message.forwarded_from
        and 0 <= message.seconds - last.seconds <= _SPLIT_GAP_SECONDS
    )


def _documents(
    messages: list[_Message], given: str, channel: str | None, username: str | None, max_article_bytes: int
) -> Iterator[RawDocument | Rejection]:
    for post in _posts(messages):
        text = post.text
        if not text.strip():
            continue  # media without a caption: nothing to read
        first = post.first
        where = f"{given}#{first.id}"
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > max_article_bytes:
            yield Rejection(where, article_too_large(size, max_article_bytes))
            continue
        url = f"https://t.me/{username}/{first.id}" if username else None
        metadata: dict[str, Any] = {"format": "txt", "text": text, "published": first.published}
        outlet = first.forwarded_from or channel or first.sender
        if outlet:
            metadata["outlet"] = outlet
        if url:
            metadata["url"] = url
        yield RawDocument(url or where, text.encode("utf-8", "surrogatepass"), metadata, read_from=where)
