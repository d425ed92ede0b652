"""Repair broken Unicode: ftfy first, then the legacy code-page damage ftfy does not know.

ftfy undoes UTF-8 read as cp1252/latin-1/cp1251 and friends, but not UTF-8 read as the Thai
code page (cp874) or other single-byte pages outside its list: a no-break space (C2 A0)
becomes "ย" + U+00A0. We find runs of characters such a code page could have produced,
re-encode them through it and keep the UTF-8 reading only when it decodes cleanly into
characters that belong in the surrounding text.
"""

from __future__ import annotations

import re
import unicodedata

import ftfy

# Code pages ftfy does not try, with the Unicode block their high half maps into. A run of
# characters from that block inside Latin-script text is the mark of a wrong decode.
_LEGACY_PAGES: tuple[tuple[str, str], ...] = (
    ("cp874", "\u0e00-\u0e7f"),  # Thai
    ("cp1255", "\u0590-\u05ff"),  # Hebrew
    ("cp1256", "\u0600-\u06ff"),  # Arabic
)
# Above this share of a text's letters, the script is the text's own, not mojibake (mojibake
# of Latin text produces one or two foreign letters per damaged character, never a majority).
_GENUINE_SCRIPT_SHARE = 0.5


def _suspicious_runs(codepage: str, block: str) -> re.Pattern[str]:
    """Runs of characters the page's high half (bytes 80-FF) decodes to, holding at least one
    letter of the page's own script."""
    high = {bytes([b]).decode(codepage, errors="ignore") for b in range(0x80, 0x100)}
    high_class = "".join(re.escape(ch) for ch in sorted(high) if ch)
    return re.compile(f"[{high_class}]*[{block}][{high_class}]*")


def _decode_through(run: str, codepage: str) -> str | None:
    """The UTF-8 reading of `run` re-encoded through `codepage`, or None if there is none.

    A lead byte whose continuation byte was lost (typically the A0 of a no-break space that
    a whitespace normaliser turned into a plain space) decodes to nothing; we accept it only
    when at least one complete sequence in the same run decoded, the evidence that the run
    is mojibake and not genuine text in that script.
    """
    try:
        raw = run.encode(codepage)
    except UnicodeEncodeError:
        return None
    out: list[str] = []
    complete = 0
    i = 0
    while i < len(raw):
        byte = raw[i]
        if byte < 0x80:
            out.append(chr(byte))
            i += 1
            continue
        width = 2 if 0xC2 <= byte <= 0xDF else 3 if 0xE0 <= byte <= 0xEF else 4 if 0xF0 <= byte <= 0xF4 else 0
        if width == 0:
            if byte == 0xA0:  # an unpaired no-break space survives as itself
                out.append("\u00a0")
                i += 1
                continue
            return None
        chunk = raw[i : i + width]
        try:
            out.append(chunk.decode("utf-8"))
            complete += 1
            i += width
        except UnicodeDecodeError:
            if width == 2 and byte == 0xC2:  # lone lead byte of a lost C2 xx sequence
                out.append(" ")
                i += 1
                continue
            return None
    if complete == 0:
        return None
    decoded = "".join(out)
    # Keep the reading only if it left the foreign script entirely: real mojibake of Latin
    # text decodes to Latin-1 punctuation and spaces, never to more Thai/Hebrew/Arabic.
    if any(unicodedata.category(ch).startswith("L") and ord(ch) > 0x24F for ch in decoded):
        return None
    return decoded


def fix_legacy_mojibake(text: str) -> str:
    """Undo UTF-8 text that was decoded through a code page ftfy does not cover."""
    for codepage, block in _LEGACY_PAGES:
        if not re.search(f"[{block}]", text):
            continue
        # Genuine text in that script (most letters from the block) is left alone.
        letters = [ch for ch in text if ch.isalpha()]
        foreign = sum(1 for ch in letters if re.match(f"[{block}]", ch))
        if letters and foreign / len(letters) > _GENUINE_SCRIPT_SHARE:
            continue

        def repair(match: re.Match[str], codepage: str = codepage) -> str:
            decoded = _decode_through(match.group(0), codepage)
            return match.group(0) if decoded is None else decoded

        text = _suspicious_runs(codepage, block).sub(repair, text)
    return text


def normalize_whitespace(text: str) -> str:
    """One space between words, one newline between lines, a blank line between paragraphs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    text = re.sub(r"[\u2028\u2029]", "\n\n", text)
    # Zero-width characters and soft hyphens carry nothing once the text is plain.
    text = re.sub(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]", "", text)
    text = re.sub(r"[^\S\n]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def repair_unicode(text: str) -> str:
    """ftfy, then the legacy code-page pass, then NFC and whitespace normalisation."""
    text = ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False)
    text = fix_legacy_mojibake(text)
    return normalize_whitespace(unicodedata.normalize("NFC", text))
