"""read_paths: every input becomes a RawDocument or a Rejection with one clear reason."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest

from sitreps.ingest import RawDocument, Rejection, read_paths

RUSSIAN = (
    "Обстрел Херсона\n\n"
    "Утром во вторник артиллерия обстреляла центральный рынок Херсона, сообщили региональные "
    "власти. По их словам, погибли три человека, ещё одиннадцать получили ранения. Спасатели до "
    "вечера разбирали завалы торговых рядов.\n"
)
ENGLISH = (
    "Drone strike hits fuel depot near Novorossiysk\n\n"
    "A drone struck a fuel depot on the outskirts of the port city early on Sunday, local officials "
    "said, starting a fire that burned for several hours before crews put it out.\n"
)
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"


def read_all(*paths: str, **kwargs) -> list[RawDocument | Rejection]:
    return list(read_paths(list(paths), **kwargs))


def test_plain_utf8_file_keeps_the_path_as_source(tmp_path: Path) -> None:
    path = tmp_path / "depot.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    [doc] = read_all(str(path))
    assert isinstance(doc, RawDocument)
    assert doc.source == str(path)
    assert doc.metadata["text"] == ENGLISH
    assert doc.metadata["format"] == "txt"


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r", "utf-8-sig", "utf-16"])
def test_russian_text_in_legacy_and_bom_encodings_decodes_exactly(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / f"kherson-{encoding}.txt"
    path.write_bytes(RUSSIAN.encode(encoding))
    [doc] = read_all(str(path))
    assert isinstance(doc, RawDocument)
    assert doc.metadata["text"] == RUSSIAN


def test_folder_of_mixed_encodings_read_recursively_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_bytes(RUSSIAN.encode("cp1251"))
    (tmp_path / "sub" / "b.txt").write_bytes(RUSSIAN.encode("koi8-r"))
    (tmp_path / "c.txt").write_bytes(ENGLISH.encode("utf-16"))
    docs = read_all(str(tmp_path), recursive=True)
    assert [Path(d.source).name for d in docs] == ["a.txt", "c.txt", "b.txt"]
    assert [d.metadata["text"] for d in docs] == [RUSSIAN, ENGLISH, RUSSIAN]


def test_folder_without_recursive_reads_only_its_own_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_text(ENGLISH, encoding="utf-8")
    assert [Path(d.source).name for d in read_all(str(tmp_path))] == ["a.txt"]


def test_missing_path_is_rejected_and_reading_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ENGLISH, encoding="utf-8")
    missing = str(tmp_path / "nope.txt")
    result = read_all(missing, str(good))
    assert result[0] == Rejection(missing, "no such file or directory")
    assert isinstance(result[1], RawDocument)


def test_empty_and_blank_files_are_rejected(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n\t\n")
    assert read_all(str(tmp_path / "empty.txt"), str(tmp_path / "blank.txt")) == [
        Rejection(str(tmp_path / "empty.txt"), "empty file"),
        Rejection(str(tmp_path / "blank.txt"), "empty file"),
    ]


def test_png_renamed_to_txt_is_rejected_by_its_signature(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(PNG_BYTES + bytes(range(256)))
    assert read_all(str(path)) == [Rejection(str(path), "binary file (PNG signature)")]


def test_binary_without_a_known_signature_is_rejected_for_its_share_of_control_bytes(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(bytes(range(256)) * 4)
    assert read_all(str(path)) == [Rejection(str(path), "binary file (10.9% control bytes)")]


def test_one_nul_byte_in_a_report_is_dropped_and_counted_not_taken_for_binary(tmp_path: Path) -> None:
    path = tmp_path / "depot.txt"
    data = (ENGLISH * 8).encode("utf-8")
    path.write_bytes(data[:300] + b"\x00" + data[300:])
    [doc] = read_all(str(path))
    assert isinstance(doc, RawDocument)
    assert doc.metadata["text"] == ENGLISH * 8
    assert doc.metadata["replaced_characters"] == 1


def test_utf8_text_with_a_few_invalid_bytes_is_decoded_with_replacement_and_the_count_kept(tmp_path: Path) -> None:
    path = tmp_path / "kherson.txt"
    parts = [RUSSIAN[:20].encode("utf-8"), RUSSIAN[20:70].encode("utf-8"), RUSSIAN[70:].encode("utf-8")]
    path.write_bytes(parts[0] + b"\xff" + parts[1] + b"\xc3" + parts[2])
    [doc] = read_all(str(path))
    assert isinstance(doc, RawDocument)
    assert doc.metadata["encoding"] == "utf-8" and doc.metadata["replaced_characters"] == 2
    assert doc.metadata["text"].count("\ufffd") == 2
    assert doc.metadata["text"].replace("\ufffd", "") == RUSSIAN


def test_one_invalid_byte_in_a_utf8_jsonl_file_rejects_only_its_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps({"text": RUSSIAN + f" ({n})"}, ensure_ascii=False).encode("utf-8") for n in range(20)]
    lines[7] = lines[7][:30] + b"\xfe" + lines[7][30:]
    path.write_bytes(b"\n".join(lines) + b"\n")
    result = read_all(str(path))
    rejections = [r for r in result if isinstance(r, Rejection)]
    assert rejections == [Rejection(f"{path}:8", f"{path}:8: line is not valid UTF-8")]
    assert sum(isinstance(r, RawDocument) for r in result) == 19


DEEP = "[" * 200_000 + "]" * 200_000


@pytest.mark.parametrize("fmt", ["jsonl", "auto"])
def test_a_jsonl_line_nested_200000_deep_rejects_itself_and_the_next_line_is_read(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "feed.ndjson"
    path.write_text('{"a": ' + DEEP + "}\n" + json.dumps({"text": ENGLISH}) + "\n", encoding="utf-8")
    first, second = read_all(str(path), fmt=fmt)
    assert first == Rejection(f"{path}:1", f"{path}:1: invalid JSON (nested too deeply)")
    assert isinstance(second, RawDocument)


def test_a_sniffed_first_line_nested_200000_deep_is_a_rejection_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "feed"  # no extension: the format is sniffed from the first line
    path.write_text('{"a": ' + DEEP + "}\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text(ENGLISH, encoding="utf-8")
    first, second = read_all(str(path), str(good))
    assert first == Rejection(f"{path}:1", f"{path}:1: invalid JSON (nested too deeply)")
    assert isinstance(second, RawDocument)


def test_a_sidecar_nested_200000_deep_rejects_its_file_only(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"title": ' + DEEP + "}", encoding="utf-8")
    (tmp_path / "b.txt").write_text(ENGLISH, encoding="utf-8")
    first, second = read_all(str(tmp_path))
    assert first == Rejection(str(tmp_path / "a.txt"), "bad sidecar a.meta.json: JSON nested too deeply")
    assert isinstance(second, RawDocument)


def test_oversize_file_is_rejected_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text(ENGLISH * 10, encoding="utf-8")
    size = path.stat().st_size
    assert read_all(str(path), max_bytes=100) == [Rejection(str(path), f"file too large ({size} bytes > limit of 100)")]


def test_unreadable_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user (root) whom chmod 000 does not stop")
        assert read_all(str(path)) == [Rejection(str(path), "unreadable (permission denied)")]
    finally:
        path.chmod(0o644)


def test_sidecar_metadata_is_merged_and_its_url_becomes_the_source(tmp_path: Path) -> None:
    path = tmp_path / "depot.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    sidecar = {"url": "https://news.example/depot", "published": "2023-08-13", "outlet": "Example News"}
    (tmp_path / "depot.meta.json").write_text(json.dumps(sidecar), encoding="utf-8")
    docs = read_all(str(tmp_path), recursive=True)
    assert len(docs) == 1, "the sidecar itself is not read as a document"
    [doc] = docs
    assert doc.source == "https://news.example/depot"
    assert {k: doc.metadata[k] for k in sidecar} == sidecar


def test_stdin_is_read_for_a_dash() -> None:
    [doc] = read_all("-", stdin=io.BytesIO(RUSSIAN.encode("cp1251")))
    assert doc.source == "-"
    assert doc.metadata["text"] == RUSSIAN


def test_format_is_sniffed_when_the_extension_says_nothing(tmp_path: Path) -> None:
    page = tmp_path / "page.dat"
    page.write_text(f"<html><body><p>{ENGLISH.splitlines()[2]}</p></body></html>", encoding="utf-8")
    lines = tmp_path / "feed.dat"
    lines.write_text(json.dumps({"text": ENGLISH}) + "\n", encoding="utf-8")
    [from_page, from_lines] = read_all(str(page), str(lines))
    assert from_page.metadata["format"] == "html"
    assert from_lines.metadata["line"] == 1


def test_unknown_format_name_is_a_usage_error() -> None:
    with pytest.raises(ValueError, match="unknown format"):
        read_all("x.txt", fmt="pdf")
