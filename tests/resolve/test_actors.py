"""The actor registry: text as written -> ACLED's canonical actor, and what happens to the rest.

Covers the matching ladder of `sitreps.resolve.actors` (exact, case-sensitive abbreviations,
normalised, fuzzy above FUZZY_MIN), the Russian/Ukrainian aliases, composition of state
forces from demonyms and capitals (metonymy), unregistered actors kept as written, and the
user's own registry (`sitreps --actors FILE.yaml`).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rapidfuzz import fuzz
from typer.testing import CliRunner

from sitreps.context import AppContext
from sitreps.extract import default_extractor
from sitreps.model import Article, DateValue, Mention
from sitreps.resolve.actors import FUZZY_MIN, ActorRegistry, load_registry, normalize_name, unregistered


@pytest.fixture(scope="module")
def registry() -> ActorRegistry:
    return load_registry()


# --- canonical names ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "actor_id", "canonical"),
    [
        ("Freedom of Russia Legion", "LSR", "Freedom of Russia Legion"),
        ("Russian Volunteer Corps", "RDK", "Russian Volunteer Corps"),
        ("Rapid Support Forces", "RSF", "Rapid Support Forces"),
        ("Sudanese Armed Forces", "SD_MIL", "Military Forces of Sudan (2019-)"),
        ("Armed Forces of Ukraine", "UA_MIL", "Military Forces of Ukraine (2019-)"),
        ("Russian Defence Ministry", "RU_GOV", "Government of Russia (2000-)"),
        ("Houthis", "HOUTHI", "Houthi Movement"),
        ("Ansar Allah", "HOUTHI", "Houthi Movement"),
        ("Janjaweed", "JANJAWEED", "Janjaweed"),  # related to the RSF, not the same actor
        ("SSPDF", "SS_MIL", "Military Forces of South Sudan (2011-)"),
        ("Tatmadaw", "MM_MIL", "Military Forces of Myanmar (2021-)"),
        ("March 23 Movement", "M23", "M23: March 23 Movement"),
        ("Group for Support of Islam and Muslims", "JNIM", "JNIM: Group for Support of Islam and Muslims"),
        ("Kachin Independence Army", "KIA", "KIA: Kachin Independence Army"),
        ("Security Service of Ukraine", "UA_SBU", "Police Forces of Ukraine (2019-) Security Service of Ukraine"),
    ],
)
def test_an_alias_gives_the_acled_canonical_name(
    registry: ActorRegistry, written: str, actor_id: str, canonical: str
) -> None:
    entry = registry.match(written)
    assert entry is not None
    assert (entry.id, entry.name) == (actor_id, canonical)
    assert entry.actor().model_dump() == {"id": actor_id, "name": canonical}


def test_state_forces_are_named_as_acled_names_them(registry: ActorRegistry) -> None:
    """'Military Forces of X (YYYY-)', 'Police Forces of ...', 'Government of ...': ACLED's pattern."""
    pattern = re.compile(
        r"^(Military Forces|Police Forces|Government) of (the )?[A-Z][\w ]+( \(\d{4}-(\d{4})?\))?( .+)?$"
    )
    state = [e for e in registry.entries.values() if e.type in ("state_forces", "state") and e.id != "KADYROVTSY"]
    assert len(state) >= 8
    for entry in state:
        assert pattern.match(entry.name), entry.name
        assert entry.inter == 1


def test_every_entry_is_complete(registry: ActorRegistry) -> None:
    for entry in registry.entries.values():
        assert entry.name and entry.type != "unknown", entry.id
        assert entry.inter in range(1, 9), entry.id
        if entry.opponent is not None:
            assert registry.get(entry.opponent) is not None, (entry.id, entry.opponent)


# --- aliases in Russian, Ukrainian and abbreviations ------------------------------------------------


@pytest.mark.parametrize(
    ("written", "actor_id"),
    [
        ("ЛСР", "LSR"),
        ("РДК", "RDK"),
        ("ВСУ", "UA_MIL"),
        ("ЗСУ", "UA_MIL"),
        ("СБУ", "UA_SBU"),
        ("ФСБ", "RU_FSB"),
        ("LSR", "LSR"),
        ("RDK", "RDK"),
        ("RVC", "RDK"),
        ("AFU", "UA_MIL"),
        ("SAF", "SD_MIL"),
        ("Легион «Свобода России»", "LSR"),
        ("Легіон Свобода Росії", "LSR"),
        ("Русский добровольческий корпус", "RDK"),
        ("Російський добровольчий корпус", "RDK"),
        ("Минобороны России", "RU_GOV"),
        ("Збройні сили України", "UA_MIL"),
        ("Russkiy Dobrovolcheskiy Korpus", "RDK"),
        ("Cuerpo de Voluntarios Rusos", "RDK"),
    ],
)
def test_russian_ukrainian_and_abbreviated_aliases(registry: ActorRegistry, written: str, actor_id: str) -> None:
    entry = registry.match(written)
    assert entry is not None and entry.id == actor_id


@pytest.mark.parametrize("written", ["rdk", "Rdk", "lsr", "IS", "is", "KIA", "saf"])
def test_short_abbreviations_match_only_in_capitals(registry: ActorRegistry, written: str) -> None:
    """'rdk' in running text is no actor, 'IS' the verb is not ISIS, 'KIA' is 'killed in action'."""
    assert registry.match(written) is None


def test_mixed_case_acronyms_are_matched_in_the_text_only_as_written() -> None:
    """'LeT' is Lashkar-e-Taiba; 'let' in "would not let the rebels" is a verb (the entity ruler
    matches other aliases in any case)."""
    from sitreps.nlp import load_nlp

    nlp = load_nlp()
    verb = nlp("The minister said the army would not let the rebels dictate terms.")
    assert [e.text for e in verb.ents if e.label_ == "ACTOR"] == []
    group = nlp("Militants of LeT attacked a police post in Kupwara on Sunday.")
    assert [e.text for e in group.ents if e.label_ == "ACTOR"] == ["LeT"]


# --- normalised and fuzzy matching ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "actor_id"),
    [
        ("the Freedom of Russia Legion", "LSR"),
        ("Freedom-of-Russia Legion", "LSR"),
        ('Legion "Freedom of Russia"', "LSR"),
        ("RUSSIAN VOLUNTEER CORPS", "RDK"),
        ("  Russian   Volunteer Corps ", "RDK"),
        ("Hayat Tahrir al-Shām", "HTS"),
        ("Вооружённые силы России", "RU_MIL"),
        ("Вооруженные силы России", "RU_MIL"),  # ё written as е
    ],
)
def test_normalised_spellings(registry: ActorRegistry, written: str, actor_id: str) -> None:
    entry = registry.match(written, fuzzy=False)
    assert entry is not None and entry.id == actor_id


def test_normalize_name() -> None:
    assert normalize_name("The “Freedom of Russia” Legion") == "freedom of russia legion"
    assert normalize_name("Hayat Tahrir al-Shām") == "hayat tahrir al sham"
    assert normalize_name("Вооружённые силы РФ") == "вооруженные силы рф"


@pytest.mark.parametrize(
    ("written", "actor_id"),
    [
        ("Russian Volunter Corps", "RDK"),
        ("Russian Volunteer Crops", "RDK"),
        ("Freedom of Rusia Legion", "LSR"),
        ("Rapid Suport Forces", "RSF"),
        ("Kachin Independance Army", "KIA"),
    ],
)
def test_one_typo_is_forgiven(registry: ActorRegistry, written: str, actor_id: str) -> None:
    assert registry.match(written, fuzzy=False) is None
    entry = registry.match(written)
    assert entry is not None and entry.id == actor_id


@pytest.mark.parametrize(
    ("written", "nearest_alias"),
    [
        ("Russian Volunteer Army", "russian volunteer corps"),
        ("Rapid Response Forces", "rapid support forces"),
        ("Freedom of Belarus Legion", "freedom of russia legion"),
    ],
)
def test_below_the_fuzzy_threshold_nothing_matches(registry: ActorRegistry, written: str, nearest_alias: str) -> None:
    assert fuzz.ratio(normalize_name(written), nearest_alias) < FUZZY_MIN
    assert registry.match(written) is None


def test_short_names_are_never_fuzzy(registry: ActorRegistry) -> None:
    """Under 8 characters one letter is too much of the name: 'Hamaz' is not Hamas."""
    assert registry.match("Hamas") is not None
    assert registry.match("Hamaz") is None


def test_one_typo_in_any_alias_never_lands_on_another_actor(registry: ActorRegistry) -> None:
    """How FUZZY_MIN was chosen: every long alias with one letter dropped still finds its own actor."""
    tried = 0
    for entry in registry.entries.values():
        for alias in (entry.name, *entry.aliases):
            if len(normalize_name(alias)) < 9 or (len(alias) <= 5 and alias.isupper()):
                continue
            for cut in (len(alias) // 3, len(alias) // 2):
                tried += 1
                found = registry.match(alias[:cut] + alias[cut + 1 :])
                assert found is not None and found.id == entry.id, (alias, cut, found and found.id)
    assert tried > 100


# --- composition and metonymy --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("capital", "country", "government"),
    [
        ("Moscow", "RU", "Government of Russia (2000-)"),
        ("the Kremlin", "RU", "Government of Russia (2000-)"),
        ("Kyiv", "UA", "Government of Ukraine (2019-)"),
        ("Kiev", "UA", "Government of Ukraine (2019-)"),
        ("Khartoum", "SD", "Government of Sudan (2019-)"),
    ],
)
def test_a_capital_stands_for_its_government(
    registry: ActorRegistry, capital: str, country: str, government: str
) -> None:
    assert registry.capital_country(capital) == country
    entry = registry.compose(country, "government")
    assert entry is not None and entry.name == government


def test_a_city_that_is_no_capital_is_no_government(registry: ActorRegistry) -> None:
    assert registry.capital_country("Kharkiv") is None
    assert registry.capital_country("Omdurman") is None


@pytest.mark.parametrize(
    ("modifier", "role", "name"),
    [
        ("Russian", "soldiers", "Military Forces of Russia (2000-)"),
        ("Putin's", "troops", "Military Forces of Russia (2000-)"),
        ("Kyiv's", "forces", "Military Forces of Ukraine (2019-)"),
        ("Sudanese", "police", "Police Forces of Sudan (2019-)"),
        ("Myanmar", "army", "Military Forces of Myanmar (2021-)"),
        ("Ukrainian", "civilians", "Civilians (Ukraine)"),
        ("Libyan", "forces", "Military Forces of Libya"),  # no regime year in the registry: the bare name
    ],
)
def test_demonym_and_role_noun_compose_a_state_actor(
    registry: ActorRegistry, modifier: str, role: str, name: str
) -> None:
    country = registry.country_of_modifier(modifier)
    role_key = registry.role_of_head(role)
    assert country is not None and role_key is not None
    entry = registry.compose(country, role_key)
    assert entry is not None and entry.name == name


def test_composed_ids_resolve_back(registry: ActorRegistry) -> None:
    assert registry.get("CIV_UA").name == "Civilians (Ukraine)"  # type: ignore[union-attr]
    assert registry.get("SD_POL").name == "Police Forces of Sudan (2019-)"  # type: ignore[union-attr]
    assert registry.get("XX_MIL") is None
    assert registry.compose("XX", "military") is None
    assert registry.civilians(None).model_dump() == {"id": "CIV", "name": "Civilians"}


def test_people_speak_for_their_institution(registry: ActorRegistry) -> None:
    assert registry.person("Volodymyr Zelenskyy").id == "UA_GOV"  # type: ignore[union-attr]
    assert registry.person("Zelensky").id == "UA_GOV"  # type: ignore[union-attr]
    assert registry.person("Kyrylo Budanov").id == "UA_GUR"  # type: ignore[union-attr]
    assert registry.person("John Smith") is None


# --- unregistered actors ---------------------------------------------------------------------


def test_an_unknown_actor_is_kept_as_written() -> None:
    actor = unregistered("the Sudan Doctors Network")
    assert actor.model_dump() == {"id": "unregistered:sudan-doctors-network", "name": "Sudan Doctors Network"}
    assert unregistered("  «Tigray Defence Forces» ").name == "Tigray Defence Forces"
    assert unregistered("Tigray Defence Forces").id == unregistered("TIGRAY DEFENCE FORCES").id


# --- through the extractor -------------------------------------------------------------------


def _article(text: str) -> Article:
    return Article(
        id=str(abs(hash(text))),
        source="t",
        outlet="Test Wire",
        published=DateValue(start="2024-06-14", end="2024-06-14"),
        text=text,
    )


@pytest.fixture(scope="module")
def read():
    extractor = default_extractor()

    def run(text: str) -> list[Mention]:
        [mentions] = extractor.extract([_article(text)])
        return mentions

    return run


def test_capital_metonymy_in_a_report(read) -> None:
    [mention] = read("Kyiv said its forces had repelled a Russian assault near Vovchansk on Tuesday.")
    assert mention.claimant is not None and mention.claimant.name == "Government of Ukraine (2019-)"
    assert mention.actor1 is not None and mention.actor1.name == "Military Forces of Ukraine (2019-)"
    [mention] = read("Moscow denied that its troops had shelled the town of Vasylivka on Monday.")
    assert (mention.claimant.name, mention.stance) == ("Government of Russia (2000-)", "denied")


def test_an_unregistered_group_in_a_report_keeps_its_name(read) -> None:
    [mention] = read("Fighters of the Raya Valley Defence Forces attacked Ethiopian troops near Alamata on Monday.")
    assert mention.actor1 is not None
    assert mention.actor1.model_dump() == {
        "id": "unregistered:raya-valley-defence-forces",
        "name": "Raya Valley Defence Forces",
    }
    assert mention.actor2 is not None and mention.actor2.name == "Military Forces of Ethiopia (2018-)"


def test_a_civil_group_is_not_the_militia_named_before_it(read) -> None:
    [mention] = read(
        "Wagner fighters executed dozens of civilians in a village near Gao on Monday, a rights group said."
    )
    assert mention.actor1 is not None and mention.actor1.name == "Wagner Group"
    assert mention.claimant is not None and mention.claimant.name == "rights group"


# --- the user's registry (--actors FILE.yaml) ----------------------------------------------------

USER_REGISTRY = """
actors:
  - id: ZLF
    name: Zinder Liberation Front
    type: rebel_group
    side: zlf
    country: NE
    inter: 2
    opponent: NE_MIL
    aliases: [Zinder Liberation Front, ZLF, Front de libération de Zinder, Фронт освобождения Зиндера]
  - id: RDK
    name: Russian Volunteer Corps (user spelling)
    type: rebel_group
    inter: 2
    aliases: [Russian Volunteer Corps, RDK]
  - id: NE_MIL
    name: Military Forces of Niger (2023-)
    type: state_forces
    country: NE
    inter: 1
    aliases: [Nigerien army, FAN]
people:
  - {name: Amadou Kountche, aliases: [Kountche], actor: ZLF, role: ZLF spokesman}
generic_armed_nouns: [combatants]
"""


@pytest.fixture
def user_file(tmp_path: Path) -> Path:
    path = tmp_path / "my_actors.yaml"
    path.write_text(USER_REGISTRY, encoding="utf-8")
    return path


def test_a_user_file_extends_the_registry(user_file: Path) -> None:
    registry = load_registry([user_file])
    for written in ("Zinder Liberation Front", "ZLF", "Front de libération de Zinder", "Фронт освобождения Зиндера"):
        entry = registry.match(written)
        assert entry is not None and entry.id == "ZLF", written
    assert registry.person("Kountche").id == "ZLF"  # type: ignore[union-attr]
    assert registry.is_generic_armed("combatants")
    # the packaged registry is still there
    assert registry.match("Rapid Support Forces").id == "RSF"  # type: ignore[union-attr]
    # and the packaged registry alone does not know the user's actors
    assert load_registry().match("Zinder Liberation Front") is None


def test_a_user_entry_wins_an_id_clash(user_file: Path) -> None:
    assert load_registry([user_file]).get("RDK").name == "Russian Volunteer Corps (user spelling)"  # type: ignore[union-attr]
    assert load_registry().get("RDK").name == "Russian Volunteer Corps"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("content", "message"),
    [("- just\n- a list\n", "mapping"), ("actors:\n  - {name: Nameless}\n", "id and name")],
)
def test_a_malformed_user_file_is_refused(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_registry([path])


def test_the_extractor_reads_the_user_actors(user_file: Path) -> None:
    """AppContext.actors_files (what `--actors` fills) reaches the NLP ruler and the resolver."""
    extractor = default_extractor(AppContext(actors_files=[user_file]))
    text = "ZLF fighters attacked an army post near Agadez on Monday, the group's spokesman Kountche said."
    [mentions] = extractor.extract([_article(text)])
    [mention] = mentions
    assert mention.actor1 is not None and mention.actor1.model_dump() == {
        "id": "ZLF",
        "name": "Zinder Liberation Front",
    }
    assert mention.actor2 is not None and mention.actor2.name == "Military Forces of Niger (2023-)"
    # without the file the same words name no registered actor
    [[plain]] = default_extractor().extract([_article(text)])
    assert plain.actor1 is None or plain.actor1.id != "ZLF"


def test_the_cli_option_loads_the_user_file(user_file: Path, tmp_path: Path) -> None:
    from sitreps.cli import app

    report = tmp_path / "agadez.txt"
    report.write_text(
        "Rebels attack army post near Agadez\n\n"
        "Fighters of the Zinder Liberation Front attacked an army post near Agadez on Monday, residents said.\n",
        encoding="utf-8",
    )
    db = tmp_path / "db.duckdb"
    runner = CliRunner()
    result = runner.invoke(app, ["--db", str(db), "--actors", str(user_file), "ingest", str(report)])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["--db", str(db), "mentions", "--json"])
    assert result.exit_code == 0, result.output
    assert '"id": "ZLF", "name": "Zinder Liberation Front"' in result.output
