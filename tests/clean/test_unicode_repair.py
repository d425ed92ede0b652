"""Unicode repair: ftfy's fixes, the legacy code pages it misses, and whitespace."""

from __future__ import annotations

from sitreps.clean.unicode_repair import fix_legacy_mojibake, normalize_whitespace, repair_unicode


def test_utf8_read_as_cp1252_is_fixed_by_ftfy() -> None:
    damaged = "Kyiv’s mayor — Vitali Klitschko".encode().decode("cp1252")
    assert repair_unicode(damaged) == "Kyiv’s mayor — Vitali Klitschko"


def test_utf8_read_as_thai_cp874_is_decoded_back() -> None:
    damaged = "price\u00a0100 \u2014 ok".encode().decode("cp874", errors="replace")
    assert damaged == "priceย\u00a0100 โ€” ok"
    assert fix_legacy_mojibake(damaged) == "price\u00a0100 \u2014 ok"


def test_lost_continuation_byte_next_to_a_decoded_no_break_space_becomes_a_space() -> None:
    # "ยย\xa0": two C2 lead bytes, only the second kept its A0.
    assert normalize_whitespace(fix_legacy_mojibake("here onยย\u00a0and there")) == "here on and there"


def test_genuine_thai_text_is_left_alone() -> None:
    thai = "ภาษาไทยเป็นภาษาราชการของประเทศไทย"
    assert repair_unicode(thai) == thai


def test_whitespace_is_collapsed_but_paragraph_breaks_survive() -> None:
    assert normalize_whitespace("  One\u00a0 line\t here.\r\n\r\n\r\n\nTwo\u200b lines \n here. ") == (
        "One line here.\n\nTwo lines\nhere."
    )
