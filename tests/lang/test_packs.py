"""Language packs: a missing pack leaves a one-line hint; a malformed lexicon names its file and field."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from sitreps.clean import clean_document
from sitreps.ingest import RawDocument
from sitreps.lang import PACKS, Pack
from sitreps.lang.dispatch import LanguageDispatch
from sitreps.model import Article, Mention


class Recorder:
    name = "recorder"

    def __init__(self) -> None:
        self.seen: list[str] = []

    def extract(self, articles: Sequence[Article]) -> list[list[Mention]]:
        self.seen += [a.language for a in articles]
        return [[] for _ in articles]


def _article(text: str) -> Article:
    return clean_document(RawDocument("x", text.encode(), {"text": text, "published": "2024-05-09"}))


def test_an_article_without_its_pack_is_stored_with_a_hint_naming_the_extra(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(PACKS, "ru", Pack("ru", "Russian", "ru", ("sitreps_no_such_module",)))
    english = Recorder()
    dispatch = LanguageDispatch(english)
    articles = [
        _article("Губернатор сообщил, что беспилотник атаковал Белгород ночью, пострадавших нет."),
        _article("A drone attacked Belgorod overnight, the governor said; nobody was hurt."),
        _article("Другой беспилотник сбит над Курской областью, сообщило Минобороны России."),
    ]
    assert [a.language for a in articles] == ["ru", "en", "ru"]
    assert dispatch.extract(articles) == [[], [], []]
    assert english.seen == ["en"]  # Russian text never reaches the English extractor
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["sitreps: Russian articles are stored without mentions; install: pip install 'sitreps[ru]'"]


def test_a_malformed_lexicon_is_refused_with_its_file_and_field(tmp_path: Path) -> None:
    pytest.importorskip("pymorphy3")
    from sitreps.lang.cyrillic import LEXICON_DIR, load_lexicon
    from sitreps.lexicons import LexiconError

    folder = tmp_path / "xx"
    folder.mkdir()
    good = (LEXICON_DIR / "ru" / "lexicon.yaml").read_text(encoding="utf-8")
    (folder / "lexicon.yaml").write_text(good.replace("event_type: Battles", "event_type: Skirmish"), encoding="utf-8")
    expected = r"xx/lexicon.yaml line \d+: events\[\d+\]: 'event_type' must be an ACLED event type, not 'Skirmish'"
    with pytest.raises(LexiconError, match=expected):
        load_lexicon("xx", tmp_path)
