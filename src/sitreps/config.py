"""User configuration: `sitreps.toml` (or the file `--config` / $SITREPS_CONFIG names).

Today it configures the extraction steps (see `sitreps.extract.steps`):

    [steps]
    events = "my_package.events:make_step"    # replace a step by name
    # or the name of an installed `sitreps.steps` entry point:  events = "my-events"

    [[steps.add]]                             # add a step after a named one
    after = "background"
    step = "my_package.checks:make_step"

A misspelt key or a wrong type is an error naming the file and the key.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

CONFIG_FILE = "sitreps.toml"


class ConfigError(ValueError):
    """The configuration file cannot be used; the message names the file and the key."""


@dataclass(frozen=True)
class AddedStep:
    after: str
    step: str


@dataclass(frozen=True)
class StepsConfig:
    replace: dict[str, str] = field(default_factory=dict)
    add: tuple[AddedStep, ...] = ()
    source: str | None = None  # the file it was read from


def config_path(given: Path | None = None) -> Path | None:
    """The configuration file in force: the one given, else $SITREPS_CONFIG, else ./sitreps.toml if present."""
    if given is not None:
        return given
    env = os.environ.get("SITREPS_CONFIG")
    if env:
        return Path(env)
    local = Path(CONFIG_FILE)
    return local if local.is_file() else None


def load_steps_config(path: Path | None) -> StepsConfig:
    """The `[steps]` table of `path` (no file: the default steps)."""
    if path is None:
        return StepsConfig()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read ({exc})") from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not TOML ({exc})") from exc
    unknown = set(data) - {"steps"}
    if unknown:
        raise ConfigError(f"{path}: unknown table {sorted(unknown)[0]!r} (known: steps)")
    steps = data.get("steps", {})
    if not isinstance(steps, dict):
        raise ConfigError(f"{path}: [steps] must be a table")
    replace: dict[str, str] = {}
    added: list[AddedStep] = []
    for key, value in steps.items():
        if key == "add":
            added += [_added(path, n, item) for n, item in enumerate(_list(path, value), 1)]
        elif isinstance(value, str):
            replace[key] = value
        else:
            raise ConfigError(f"{path}: steps.{key} must be a string ('module:factory' or a plug-in name)")
    return StepsConfig(replace, tuple(added), str(path))


def _list(path: Path, value: object) -> list[object]:
    if not isinstance(value, list):
        raise ConfigError(f"{path}: steps.add must be an array of tables ([[steps.add]])")
    return value


def _added(path: Path, n: int, item: object) -> AddedStep:
    if not isinstance(item, dict) or set(item) != {"after", "step"}:
        raise ConfigError(f"{path}: steps.add #{n} needs exactly 'after' and 'step'")
    if not all(isinstance(v, str) for v in item.values()):
        raise ConfigError(f"{path}: steps.add #{n}: 'after' and 'step' are strings")
    return AddedStep(item["after"], item["step"])
