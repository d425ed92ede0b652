"""Bytes to text: BOMs, UTF-8, then charset detection; binary files are refused, not guessed.

Damage short of binary is repaired and counted rather than refused: UTF-8 with a few invalid
bytes is decoded with U+FFFD in their place, and stray control characters are dropped;
`DecodedText.replaced` says how many, so ingest can report it.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes

# File signatures of formats people rename to .txt by mistake (first bytes of the file).
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "ZIP"),
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"\x7fELF", "ELF"),
    (b"MZ", "Windows executable"),
    (b"RIFF", "RIFF (audio/video)"),
    (b"OggS", "Ogg"),
    (b"ID3", "MP3"),
    (b"\x00\x00\x00\x18ftyp", "MP4"),
    (b"\x00\x00\x00\x20ftyp", "MP4"),
    (b"SQLite format 3\x00", "SQLite"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office (OLE)"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Share of control characters (other than tab/newline/CR/form feed) above which the bytes (or
# the decoded "text") are really binary. Real articles have next to none; a binary file has
# about one in eight (every byte value equally likely), so one stray NUL in a report is not it.
_MAX_CONTROL_SHARE = 0.01
# Invalid UTF-8 sequences per valid multi-byte character up to which a file is UTF-8 with a
# few damaged bytes (decoded with U+FFFD for them), not text in another encoding. A legacy
# 8-bit file (cp1251, latin-1) has almost no valid multi-byte sequence, so it stays above.
_MAX_INVALID_UTF8_PER_CHAR = 0.05
# What a stray control character becomes: vertical tab is a line break in word processors'
# exports; the rest carry nothing.
_CONTROL_REPLACEMENT = {code: ("\n" if code == 0x0B else None) for code in range(0x20) if chr(code) not in "\t\n\r\f"}


class UndecodableError(ValueError):
    """The bytes are not text in any encoding we can tell; the message says why."""


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    # Characters that could not be decoded (now U+FFFD) or were stray control characters (dropped).
    replaced: int = 0


def binary_signature(data: bytes) -> str | None:
    """The name of the binary format `data` starts with, if it has a known signature."""
    for magic, name in _MAGIC:
        if data.startswith(magic):
            # "MZ" and "BZh" are short; only trust them when non-text bytes follow.
            if name in ("Windows executable", "bzip2") and _looks_textual(data[:256]):
                continue
            return name
    return None


def _looks_textual(sample: bytes) -> bool:
    return all(b >= 0x20 or b in b"\t\n\r\f" for b in sample)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a BOM: every other byte is NUL for Latin text."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nul = data[0::2].count(0) / (len(data) / 2)
    odd_nul = data[1::2].count(0) / (len(data) / 2)
    encoding = "utf-16-le" if odd_nul > 0.3 and even_nul < 0.05 else None
    if even_nul > 0.3 and odd_nul < 0.05:
        encoding = "utf-16-be"
    if encoding is None:
        return None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    controls = sum(1 for ch in text if ord(ch) < 0x20 and ch not in "\t\n\r\f")
    return controls / len(text)


def _control_byte_share(data: bytes) -> float:
    controls = sum(data.count(bytes([code])) for code in _CONTROL_REPLACEMENT)
    return controls / len(data) if data else 0.0


def _damaged_utf8(data: bytes) -> DecodedText | None:
    """`data` decoded as UTF-8 with U+FFFD for its invalid bytes, when they are few among valid
    multi-byte characters (see _MAX_INVALID_UTF8_PER_CHAR); None when it is some other encoding."""
    text = data.decode("utf-8", "replace")
    invalid = text.count("\ufffd") - data.count("\ufffd".encode())
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F) - invalid
    if invalid <= 0 or multibyte <= 0 or invalid > multibyte * _MAX_INVALID_UTF8_PER_CHAR:
        return None
    return DecodedText(text, "utf-8", invalid)


def _without_controls(decoded: DecodedText) -> DecodedText:
    found = sum(1 for ch in decoded.text if ord(ch) in _CONTROL_REPLACEMENT)
    if not found:
        return decoded
    return DecodedText(decoded.text.translate(_CONTROL_REPLACEMENT), decoded.encoding, decoded.replaced + found)


def decode_bytes(data: bytes) -> DecodedText:
    """Decode a text file's bytes, or raise UndecodableError naming why it is not text."""
    decoded = _decode(data)
    if _control_share(decoded.text) > _MAX_CONTROL_SHARE:
        raise UndecodableError("binary file (control characters)")
    return _without_controls(decoded)


def _decode(data: bytes) -> DecodedText:
    signature = binary_signature(data)
    if signature:
        raise UndecodableError(f"binary file ({signature} signature)")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data[len(bom) :].decode(encoding), encoding)
            except UnicodeDecodeError as exc:
                raise UndecodableError(f"invalid {encoding} after byte-order mark") from exc
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is not None and _control_share(text) <= _MAX_CONTROL_SHARE:
            return DecodedText(text, "utf-16")
    share = _control_byte_share(data)
    if share > _MAX_CONTROL_SHARE:
        raise UndecodableError(f"binary file ({share:.1%} control bytes)")
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged
    best = from_bytes(data).best()
    if best is None:
        raise UndecodableError("undecodable bytes (no text encoding fits)")
    return DecodedText(str(best), best.encoding)
