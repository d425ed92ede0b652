"""The seams: every place where code outside sitreps plugs in, in one module.

Each seam is a Python entry point group. A package adds to sitreps by declaring entry points in
its own `pyproject.toml`, e.g.

    [project.entry-points."sitreps.exporters"]
    kml = "sitreps_kml:EXPORTER"

    [project.entry-points."sitreps.extractors"]
    my-llm = "sitreps_llm:make_extractor"

    [project.entry-points."sitreps.commands"]
    kml = "sitreps_kml.cli:register"

and, once installed, `sitreps export --format kml`, `sitreps --extractor my-llm ingest ...` and
`sitreps kml ...` work. What each entry point must load to:

    sitreps.exporters   an `Exporter`: a name, a `write(store, target, filter)` callable and the
                        target it writes (`stream`: bytes to a stream the CLI opens and renames into
                        place; `file` or `folder`: a path the exporter writes atomically itself).
    sitreps.extractors  a factory `(ctx: AppContext) -> Extractor` (`sitreps.extract.Extractor`:
                        a `name` and `extract(articles) -> mentions per article`).
    sitreps.commands    a `register(app: typer.Typer) -> None` that adds commands or groups, as
                        sitreps' own command modules do.
    sitreps.steps       an extraction step factory `(resources) -> Step` (`sitreps.extract.steps`),
                        named in `sitreps.toml` to replace or add a step: `[steps] events = "name"`.

Built-in exporters and extractor modes are registered through the same types
(`sitreps.export.BUILTIN_EXPORTERS`, `sitreps.extract.event_step.ExtractorMode`), and a plug-in
may not take a built-in name: the built-in wins and the clash is reported once on stderr.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from importlib.metadata import EntryPoint, entry_points
from typing import Any, Literal

EXPORTERS = "sitreps.exporters"
EXTRACTORS = "sitreps.extractors"
COMMANDS = "sitreps.commands"
STEPS = "sitreps.steps"

ExportTarget = Literal["stream", "file", "folder"]


@dataclass(frozen=True)
class Exporter:
    """One `--format`. `write` is the callable, or "module:function" imported on first use (so a
    format's heavy dependency, e.g. pyarrow, is imported only when that format is asked for)."""

    name: str
    write: Callable[..., None] | str
    target: ExportTarget = "stream"
    help: str = ""

    def writer(self) -> Callable[..., None]:
        if callable(self.write):
            return self.write
        module, _, function = self.write.partition(":")
        return getattr(import_module(module), function)


def plugins(group: str) -> dict[str, EntryPoint]:
    """The installed entry points of `group`, by name (first one of a name wins)."""
    found: dict[str, EntryPoint] = {}
    for point in entry_points(group=group):
        found.setdefault(point.name, point)
    return found


def load_plugin(point: EntryPoint, expected: type | None = None) -> Any:
    """Load one entry point; a plug-in that fails to import is an error naming it and its package."""
    try:
        value = point.load()
    except Exception as exc:  # noqa: BLE001 - any import failure of a plug-in is reported the same way
        dist = point.dist.name if point.dist is not None else "?"
        raise PluginError(f"plug-in {point.name!r} ({point.group}, from {dist}) cannot load: {exc}") from exc
    if expected is not None and not isinstance(value, expected):
        raise PluginError(
            f"plug-in {point.name!r} ({point.group}) is a {type(value).__name__}, not {expected.__name__}"
        )
    return value


def warn_clash(group: str, name: str) -> None:
    print(f"warning: plug-in {name!r} in {group} has a built-in's name; the built-in is used", file=sys.stderr)


class PluginError(RuntimeError):
    """A plug-in named by an entry point cannot be used."""
