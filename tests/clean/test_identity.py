"""Article ids are content hashes of normalised text."""

from __future__ import annotations

import hashlib

from sitreps.clean import article_id


def test_id_is_the_first_16_hex_of_sha256_of_the_normalised_text() -> None:
    assert article_id("Drones  hit\nKYIV.") == hashlib.sha256(b"drones hit kyiv.").hexdigest()[:16]


def test_case_width_and_spacing_do_not_change_the_id() -> None:
    assert article_id("Ｄrones hit Kyiv") == article_id(" drones   HIT kyiv ")
    assert article_id("Drones hit Kyiv") != article_id("Drones hit Kharkiv")
