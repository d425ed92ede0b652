"""Telegram Desktop exports: result.json and the HTML pages become one article per post."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.ingest.telegram_export import CHANNEL, ORIGIN, USERNAME, build_channel, write_exports

from sitreps.clean import clean_document
from sitreps.ingest import RawDocument, Rejection, read_paths


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return write_exports(tmp_path_factory.mktemp("telegram"), build_channel())


def _documents(path: Path) -> list[RawDocument]:
    items = list(read_paths([str(path)]))
    assert [i for i in items if isinstance(i, Rejection)] == []
    return [i for i in items if isinstance(i, RawDocument)]


def test_the_generated_export_has_every_kind_of_message() -> None:
    channel = build_channel()
    messages = channel.messages
    assert len(messages) >= 200
    assert sum(m["type"] == "service" for m in messages) >= 10
    assert sum("forwarded_from" in m for m in messages) >= 10
    assert sum("edited" in m for m in messages) >= 10
    assert sum(p.message_count > 1 for p in channel.posts) >= 10  # albums and split long posts


def test_result_json_gives_one_article_per_post_with_its_time_outlet_and_link(exports: tuple[Path, Path]) -> None:
    result, _ = exports
    expected = build_channel().posts
    documents = _documents(result)
    assert [d.source for d in documents] == [p.url for p in expected]
    for document, post in zip(documents, expected, strict=True):
        assert document.metadata["published"] == post.published
        assert document.metadata["outlet"] == post.outlet
        for piece in post.text_pieces:
            assert piece in document.metadata["text"], (post.first_id, piece)
    articles = [clean_document(d) for d in documents]
    assert len({a.id for a in articles}) == len(expected)
    assert [a.published.start for a in articles] == [p.published[:10] for p in expected]  # type: ignore[union-attr]
    assert {a.outlet for a in articles} == {CHANNEL, ORIGIN}


def test_the_html_export_reads_the_same_posts_as_the_json(exports: tuple[Path, Path]) -> None:
    result, html_folder = exports
    from_json = _documents(result)
    from_html = _documents(html_folder)
    assert [d.source for d in from_html] == [d.source for d in from_json]
    assert [d.metadata["outlet"] for d in from_html] == [d.metadata["outlet"] for d in from_json]
    assert [d.metadata["text"] for d in from_html] == [d.metadata["text"] for d in from_json]
    # the HTML pages write the channel's offset: the same wall time, with its zone
    assert [d.metadata["published"] for d in from_html] == [d.metadata["published"] + "+03:00" for d in from_json]


def test_albums_and_long_posts_are_joined_and_captionless_media_skipped(exports: tuple[Path, Path]) -> None:
    result, _ = exports
    channel = build_channel()
    documents = {d.source: d for d in _documents(result)}
    long_posts = [p for p in channel.posts if p.message_count == 2 and len(p.text_pieces) == 2]
    assert long_posts
    for post in long_posts:
        text = documents[post.url].metadata["text"]
        assert len(text) > 4096 and text.startswith(post.text_pieces[0]) and text.endswith(post.text_pieces[1])
    joined_ids = {p.first_id + n for p in channel.posts for n in range(1, p.message_count)}
    skipped = {m["id"] for m in channel.messages if m["type"] == "service" or not m["text"]} - joined_ids
    read_ids = {int(s.rsplit("/", 1)[1]) for s in documents}
    assert read_ids.isdisjoint(skipped | joined_ids)
    assert len(read_ids) + len(joined_ids) + len(skipped) == len(channel.messages)


def test_without_a_username_the_source_is_the_file_and_message_id(tmp_path: Path) -> None:
    channel = build_channel(kinds=12)
    path = tmp_path / "result.json"
    path.write_text(json.dumps(channel.result_json()), encoding="utf-8")
    documents = _documents(path)
    assert [d.source for d in documents] == [f"{path}#{p.first_id}" for p in channel.posts]
    assert all("url" not in d.metadata for d in documents)


def test_a_bad_message_is_rejected_by_file_and_id_and_the_rest_is_read(tmp_path: Path) -> None:
    export = build_channel(kinds=12).result_json()
    export["messages"].insert(3, {"id": 999, "type": "message", "text": "no date"})
    export["username"] = USERNAME
    path = tmp_path / "result.json"
    path.write_text(json.dumps(export), encoding="utf-8")
    items = list(read_paths([str(path)]))
    rejections = [i for i in items if isinstance(i, Rejection)]
    assert rejections == [Rejection(f"{path}#999", f"{path}#999: message without an integer 'id' and a 'date'")]
    assert len(items) - 1 == len(build_channel(kinds=12).posts)


def _channel_export(name: str, chat_id: int, posts: list[dict]) -> dict:
    messages = []
    for number, post in enumerate(posts, start=1):
        messages.append(
            {
                "id": number,
                "type": "message",
                "date": "2024-05-09T09:15:00",
                "date_unixtime": "1715235300",
                "from": name,
                "text": post["text"],
                **({"forwarded_from": post["forwarded_from"]} if "forwarded_from" in post else {}),
            }
        )
    return {"name": name, "type": "public_channel", "id": chat_id, "messages": messages}


REPORT = (
    "Drones struck an oil depot in the city of Belgorod on 9 May 2024, setting two fuel tanks on fire. "
    "Firefighters worked through the morning."
)


@pytest.mark.parametrize(("forwarded", "sources"), [(True, 1), (False, 2)])
def test_a_forwarded_post_is_an_echo_and_does_not_raise_independent_sources(
    tmp_path: Path, forwarded: bool, sources: int
) -> None:
    """The origin channel's post (edited after it was forwarded, so its text differs) and another
    channel's copy: forwarded, the copy counts for its origin; posted as its own, it is a second source."""
    from sitreps.context import AppContext
    from sitreps.pipeline import load_default_extractor, run_ingest
    from sitreps.store import Store

    origin = _channel_export(ORIGIN, 1900000001, [{"text": REPORT + " Update: the fire is out."}])
    copy = {"text": REPORT, **({"forwarded_from": ORIGIN} if forwarded else {})}
    repeater = _channel_export(CHANNEL, 1900000002, [copy])
    paths = []
    for name, export in (("origin", origin), ("repeater", repeater)):
        path = tmp_path / name / "result.json"
        path.parent.mkdir()
        path.write_text(json.dumps(export), encoding="utf-8")
        paths.append(str(path))
    db = tmp_path / "store.duckdb"
    with Store(db) as store:
        report = run_ingest(store, paths, extractor=load_default_extractor(AppContext(db_path=db)))
        assert report.new == 2
        events = [e for e in store.events() if e.location and e.location.name == "Belgorod"]
        assert len(events) == 1
        assert (events[0].sources, events[0].independent_sources) == (sources, sources)
