"""Lexicons are validated at load: a malformed one is refused with one line naming its file and line."""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

import pytest
import yaml

from sitreps.extract.event_model import SUB_EVENT_PARENT
from sitreps.lexicons import (
    SHIPPED,
    EventLexiconFile,
    FatalitiesFile,
    LanguagePackFile,
    LexiconError,
    as_data,
    load_validated,
)

SHIPPED_DIR = Path(str(files("sitreps") / "data"))

# A small event lexicon in the shipped file's layout; each test spoils one thing in it.
GOOD_EVENT_LEXICON = """\
triggers:
  - {lemma: shell, pos: [VERB], type: Explosions/Remote violence, sub: Shelling/artillery/missile attack}
  - {lemma: ambush, pos: [NOUN, VERB], type: Battles, sub: Armed clash, violent: true,
     blockers: [market, charm]}
  - lemma: loot
    pos: [VERB]
    type: Strategic developments
    sub: Looting/property destruction
violent_context: [troops, gunmen, mortar]
weapons:
  Air/drone strike: [drone, drones]
"""


def _write(tmp_path: Path, text: str, name: str = "event_lexicon.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _refusal(path: Path, model: type = EventLexiconFile) -> str:
    with pytest.raises(LexiconError) as caught:
        load_validated(path, model)
    message = str(caught.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize("name", sorted(SHIPPED))
def test_every_shipped_lexicon_validates_and_reads_as_its_file(name: str) -> None:
    lexicon = load_validated(name, SHIPPED[name])
    raw = yaml.safe_load((SHIPPED_DIR / name).read_text(encoding="utf-8"))
    # validation refuses, never rewrites: the loaders get what the file says (tuples read as lists)
    assert yaml.safe_load(yaml.safe_dump(as_data(lexicon))) == yaml.safe_load(yaml.safe_dump(raw))


def test_every_file_of_every_language_pack_shipped_is_checked() -> None:
    packs = sorted(str(p.relative_to(SHIPPED_DIR)) for p in SHIPPED_DIR.glob("lang/*/*.yaml"))
    assert {p.rsplit("/", 1)[0] for p in packs} >= {"lang/ru", "lang/uk"}
    assert [p for p in packs if p not in SHIPPED] == []
    assert all(SHIPPED[p] is LanguagePackFile for p in packs if p.endswith("/lexicon.yaml"))


def test_the_small_lexicon_is_valid(tmp_path: Path) -> None:
    lexicon = load_validated(_write(tmp_path, GOOD_EVENT_LEXICON), EventLexiconFile)
    assert [t.lemma for t in lexicon.triggers] == ["shell", "ambush", "loot"]
    assert as_data(lexicon)["triggers"][1]["blockers"] == ["market", "charm"]


def test_a_misspelt_key_names_the_file_line_entry_and_the_known_keys(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD_EVENT_LEXICON.replace("     blockers:", "     blokers:"))
    message = _refusal(path)
    assert message.startswith(f"{path} line 4: triggers[1]: unknown key 'blokers' (known: lemma, pos, type, sub,")
    assert "blockers" in message.split("known:")[1]


def test_a_sub_type_that_is_not_acleds_is_refused_on_its_line(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD_EVENT_LEXICON.replace("sub: Looting/property destruction", "sub: Looting"))
    assert _refusal(path) == f"{path} line 8: triggers[2]: 'sub' must be an ACLED sub-event type, not 'Looting'"


def test_an_event_type_that_is_not_acleds_is_refused_on_its_line(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD_EVENT_LEXICON.replace("type: Battles", "type: Battle"))
    assert _refusal(path) == f"{path} line 3: triggers[1]: 'type' must be an ACLED event type, not 'Battle'"


def test_a_sub_type_under_another_type_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD_EVENT_LEXICON.replace("type: Battles", "type: Riots"))
    assert (
        _refusal(path)
        == f"{path} line 3: triggers[1]: sub-event type 'Armed clash' belongs to 'Battles', not to 'Riots'"
    )


def test_a_weapons_key_must_be_an_acled_sub_type(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD_EVENT_LEXICON.replace("Air/drone strike:", "Drone strike:"))
    assert _refusal(path) == f"{path} line 11: weapons: key must be an ACLED sub-event type, not 'Drone strike'"


def test_a_missing_section_and_a_wrong_value_are_named(tmp_path: Path) -> None:
    missing = _write(tmp_path, GOOD_EVENT_LEXICON.replace("violent_context: [troops, gunmen, mortar]\n", ""))
    assert _refusal(missing) == f"{missing} line 1: missing key 'violent_context'"
    wrong = _write(tmp_path, GOOD_EVENT_LEXICON.replace("violent: true", "violent: maybe"), "wrong.yaml")
    assert _refusal(wrong).startswith(f"{wrong} line 3: triggers[1]: 'violent' should be a valid boolean")


def test_broken_yaml_and_a_missing_file_are_one_line_errors(tmp_path: Path) -> None:
    broken = _write(tmp_path, "triggers: [\n  - lemma: shell\n")
    assert _refusal(broken).startswith(f"{broken} line 2: not valid YAML (")
    assert _refusal(tmp_path / "absent.yaml").startswith(f"{tmp_path / 'absent.yaml'}: cannot be read")


def test_a_bad_running_total_pattern_is_refused_with_its_line(tmp_path: Path) -> None:
    shipped = (SHIPPED_DIR / "fatalities.yaml").read_text(encoding="utf-8")
    path = _write(tmp_path, shipped.replace(r"- '\bto date\b'", r"- '\bto (date\b'"), "fatalities.yaml")
    line = 1 + shipped.splitlines().index(r"    - '\bto date\b'")
    message = _refusal(path, FatalitiesFile)
    assert message.startswith(f"{path} line {line}: cumulative.patterns[2]: is not a valid regular expression")


def test_a_pack_event_needs_an_acled_sub_type(tmp_path: Path) -> None:
    shipped = (SHIPPED_DIR / "lang" / "ru" / "lexicon.yaml").read_text(encoding="utf-8")
    spoilt = shipped.replace("sub_event_type: Armed clash", "sub_event_type: Clash", 1)
    path = _write(tmp_path, spoilt, "lexicon.yaml")
    index = [e.get("sub_event_type") for e in yaml.safe_load(spoilt)["events"]].index("Clash")
    line = 1 + spoilt.splitlines().index("    sub_event_type: Clash")
    assert _refusal(path, LanguagePackFile) == (
        f"{path} line {line}: events[{index}]: 'sub_event_type' must be an ACLED sub-event type, not 'Clash'"
    )


def test_every_acled_sub_type_is_accepted_under_its_own_type(tmp_path: Path) -> None:
    # every one of ACLED's 25 sub-types is accepted under its own type
    triggers = "".join(
        f"  - {{lemma: w{i}, type: {t}, sub: {s}}}\n" for i, (s, t) in enumerate(SUB_EVENT_PARENT.items())
    )
    path = _write(tmp_path, f"triggers:\n{triggers}violent_context: []\nweapons: {{}}\n")
    assert len(load_validated(path, EventLexiconFile).triggers) == len(SUB_EVENT_PARENT) == 25


def test_a_user_actor_registry_error_names_the_entrys_line(tmp_path: Path) -> None:
    from sitreps.resolve.actors import load_registry

    path = _write(
        tmp_path,
        "actors:\n"
        "  - {id: ZLF, name: Zinder Liberation Front, type: rebel_group}\n"
        "  - id: DMB\n"
        "    name: Dosso Militia Brigade\n"
        "    type: political_militia\n"
        "    aliasses: [DMB fighters]\n",
        "my_actors.yaml",
    )
    with pytest.raises(
        ValueError, match=r"my_actors\.yaml line 3: actor entry 2 \(DMB\): unknown field\(s\) aliasses$"
    ):
        load_registry([path])


def test_the_command_line_reports_a_bad_actors_file_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from sitreps.cli import main

    path = _write(tmp_path, "actors:\n  - {id: ZLF, name: Zinder Liberation Front, typ: rebel_group}\n", "mine.yaml")
    monkeypatch.setattr("sys.argv", ["sitreps", "--actors", str(path), "actors", "lookup", "Zinder"])
    with pytest.raises(SystemExit) as exited:
        main()
    assert exited.value.code == 2
    assert capsys.readouterr().err.splitlines() == [
        f"sitreps: {path} line 2: actor entry 1 (ZLF): unknown field(s) typ"
    ]
