"""A seeded, invented Telegram channel in Telegram Desktop's export schema (result.json and HTML).

`build_channel` returns the export's messages and the posts a reader should find in them, worked
out here from what was generated (never from the reader): service messages, media without a
caption, plain and formatted posts, edited posts, albums, long posts split at Telegram's limit
and forwards from another channel. Run as a script to write both exports to a folder:

    python tests/ingest/telegram_export.py OUT_DIR
"""

from __future__ import annotations

import html
import json
import random
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

CHANNEL = "Oblast Watch"
CHANNEL_ID = 1900000018
USERNAME = "oblast_watch"
ORIGIN = "Border Desk"
LOCAL = timezone(timedelta(hours=3))
START = datetime(2024, 5, 1, 7, 30, tzinfo=LOCAL)
PLACES = ("Belgorod", "Kharkiv", "Sumy", "Kursk", "Nikopol", "Kherson", "Bryansk", "Zaporizhzhia")
WEAPONS = ("drone", "missile", "glide bomb", "artillery shell")
SERVICE_ACTIONS = ("pin_message", "edit_group_photo", "edit_group_title")
# Share of each message kind after the first (channel created) message.
KINDS = (
    ("plain", 34),
    ("formatted", 18),
    ("edited", 10),
    ("album", 10),
    ("forward", 10),
    ("service", 8),
    ("media_only", 6),
    ("long", 4),
)
PAGE_SIZE = 100


@dataclass(frozen=True)
class ExpectedPost:
    first_id: int
    text_pieces: tuple[str, ...]  # each appears in the post's text
    outlet: str
    published: str  # local date-time as written, YYYY-MM-DDTHH:MM:SS
    url: str
    message_count: int  # messages joined into this post


@dataclass
class Channel:
    messages: list[dict]
    posts: list[ExpectedPost]

    def result_json(self) -> dict:
        return {"name": CHANNEL, "type": "public_channel", "id": CHANNEL_ID, "messages": self.messages}


def build_channel(seed: int = 18, kinds: int = 170) -> Channel:
    """`kinds` draws of a message kind (an album or a long post draws several messages)."""
    rng = random.Random(seed)
    messages: list[dict] = []
    posts: list[ExpectedPost] = []
    clock = START
    names, weights = zip(*KINDS, strict=True)

    def add(kind: str, when: datetime, **fields: object) -> dict:
        message = {
            "id": len(messages) + 1,
            "type": "service" if kind == "service" else "message",
            "date": when.strftime("%Y-%m-%dT%H:%M:%S"),
            "date_unixtime": str(int(when.timestamp())),
            **fields,
        }
        messages.append(message)
        return message

    add("service", clock, actor=CHANNEL, actor_id=f"channel{CHANNEL_ID}", action="create_channel", title=CHANNEL)
    for serial in range(1, kinds + 1):
        clock += timedelta(minutes=rng.randint(7, 95))
        kind = rng.choices(names, weights)[0]
        place, weapon, count = rng.choice(PLACES), rng.choice(WEAPONS), rng.randint(2, 30)
        report = (
            f"Report {serial}: air defence destroyed {count} {weapon}s over {place} overnight, "
            f"the regional administration said; damage is being assessed."
        )
        own = {"from": CHANNEL, "from_id": f"channel{CHANNEL_ID}"}
        if kind == "service":
            add(kind, clock, actor=CHANNEL, actor_id=f"channel{CHANNEL_ID}", action=rng.choice(SERVICE_ACTIONS))
            continue
        if kind == "media_only":
            add(kind, clock, **own, photo=f"photos/photo_{serial}.jpg", width=1280, height=720, text="")
            continue
        first = len(messages) + 1
        pieces: tuple[str, ...] = (report,)
        outlet, count_joined = CHANNEL, 1
        if kind == "plain":
            add(kind, clock, **own, text=report, text_entities=[{"type": "plain", "text": report}])
        elif kind == "formatted":
            link = f"https://example.org/oblast/{serial}"
            entities = [
                {"type": "bold", "text": f"{place}:"},
                {"type": "plain", "text": " " + report + " Details "},
                {"type": "text_link", "text": "on the site", "href": link},
                {"type": "plain", "text": ". "},
                {"type": "hashtag", "text": f"#{place.lower()}"},
            ]
            add(kind, clock, **own, text=entities, text_entities=entities)
            pieces = (f"{place}:", report, f"on the site ({link})", f"#{place.lower()}")
        elif kind == "edited":
            edited = clock + timedelta(minutes=rng.randint(2, 40))
            add(
                kind,
                clock,
                **own,
                edited=edited.strftime("%Y-%m-%dT%H:%M:%S"),
                edited_unixtime=str(int(edited.timestamp())),
                text=report,
                text_entities=[{"type": "plain", "text": report}],
            )
        elif kind == "album":
            count_joined = rng.randint(2, 4)
            for index in range(count_joined):
                caption = report if index == 0 else ""
                entities = [{"type": "plain", "text": caption}] if caption else []
                photo = f"photos/album_{serial}_{index}.jpg"
                add(kind, clock, **own, photo=photo, text=caption, text_entities=entities)
        elif kind == "forward":
            origin_text = f"{ORIGIN} {serial}: {report}"
            entities = [{"type": "plain", "text": origin_text}]
            add(kind, clock, **own, forwarded_from=ORIGIN, text=origin_text, text_entities=entities)
            pieces, outlet = (origin_text,), ORIGIN
        elif kind == "long":
            body = " ".join(f"Paragraph {n} of report {serial} on the {place} strikes." for n in range(1, 400))
            head, tail = body[:4000], body[4000:]
            add(kind, clock, **own, text=head, text_entities=[{"type": "plain", "text": head}])
            later = clock + timedelta(seconds=rng.randint(1, 20))
            add(kind, later, **own, text=tail, text_entities=[{"type": "plain", "text": tail}])
            pieces, count_joined = (head[:60], tail[-60:]), 2
        posts.append(
            ExpectedPost(
                first_id=first,
                text_pieces=pieces,
                outlet=outlet,
                published=clock.strftime("%Y-%m-%dT%H:%M:%S"),
                url=f"https://t.me/{USERNAME}/{first}",
                message_count=count_joined,
            )
        )
    return Channel(messages, posts)


def html_pages(channel: Channel) -> list[str]:
    """The export's HTML pages (messages.html, messages2.html, ...), PAGE_SIZE messages each."""
    pages = []
    for start in range(0, len(channel.messages), PAGE_SIZE):
        rows = []
        previous_sender = None
        for message in channel.messages[start : start + PAGE_SIZE]:
            rows.append(_html_message(message, previous_sender))
            previous_sender = None if message["type"] == "service" else message.get("forwarded_from", CHANNEL)
        pages.append(
            '<!DOCTYPE html><html><head><meta charset="utf-8"/><title>Exported Data</title></head><body>'
            '<div class="page_wrap"><div class="page_header"><div class="content"><div class="text bold">'
            f"{html.escape(CHANNEL)}</div></div></div>"
            '<div class="page_body chat_page"><div class="history">'
            + "".join(rows)
            + "</div></div></div></body></html>"
        )
    return pages


def _html_message(message: dict, previous_sender: str | None) -> str:
    when = datetime.fromtimestamp(int(message["date_unixtime"]), UTC).astimezone(LOCAL)
    title = when.strftime("%d.%m.%Y %H:%M:%S") + " UTC+03:00"
    if message["type"] == "service":
        return (
            f'<div class="message service" id="message{message["id"]}">'
            f'<div class="body details">{html.escape(message["action"])}</div></div>'
        )
    text = _html_text(message)
    media = '<div class="media_wrap clearfix"><a class="photo_wrap"></a></div>' if "photo" in message else ""
    inner = media + (f'<div class="text">{text}</div>' if text else "")
    sender = message.get("forwarded_from", CHANNEL)
    if "forwarded_from" in message:
        inner = (
            '<div class="forwarded body"><div class="from_name">'
            f'{html.escape(message["forwarded_from"])}<span class="date details" title="{title}"> {title}</span>'
            f"</div>{inner}</div>"
        )
    joined = previous_sender == CHANNEL and sender == CHANNEL
    name = "" if joined else f'<div class="from_name">{html.escape(CHANNEL)}</div>'
    return (
        f'<div class="message default clearfix{" joined" if joined else ""}" id="message{message["id"]}">'
        f'<div class="body"><div class="pull_right date details" title="{title}">{when:%H:%M}</div>'
        f"{name}{inner}</div></div>"
    )


def _html_text(message: dict) -> str:
    pieces = message["text"] if isinstance(message["text"], list) else [message["text"]]
    out = []
    for piece in pieces:
        if isinstance(piece, str):
            out.append(html.escape(piece))
        elif piece["type"] == "bold":
            out.append(f"<strong>{html.escape(piece['text'])}</strong>")
        elif piece["type"] == "text_link":
            out.append(f'<a href="{html.escape(piece["href"])}">{html.escape(piece["text"])}</a>')
        elif piece["type"] == "hashtag":
            out.append(f'<a href="" onclick="return ShowHashtag()">{html.escape(piece["text"])}</a>')
        else:
            out.append(html.escape(piece["text"]))
    return "".join(out)


def write_exports(folder: Path, channel: Channel) -> tuple[Path, Path]:
    """(result.json with its sidecar naming the channel's t.me address, the HTML export folder)."""
    json_dir, html_dir = folder / "ChatExport_json", folder / "ChatExport_html"
    json_dir.mkdir(parents=True, exist_ok=True)
    html_dir.mkdir(parents=True, exist_ok=True)
    result = json_dir / "result.json"
    result.write_text(json.dumps(channel.result_json(), ensure_ascii=False, indent=1), encoding="utf-8")
    sidecar = {"url": f"https://t.me/{USERNAME}"}
    (json_dir / "result.json.meta.json").write_text(json.dumps(sidecar), encoding="utf-8")
    for number, page in enumerate(html_pages(channel), start=1):
        name = "messages.html" if number == 1 else f"messages{number}.html"
        (html_dir / name).write_text(page, encoding="utf-8")
        (html_dir / (name + ".meta.json")).write_text(json.dumps(sidecar), encoding="utf-8")
    return result, html_dir


if __name__ == "__main__":
    write_exports(Path(sys.argv[1]), build_channel())
