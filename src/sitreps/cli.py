"""The `sitreps` command line: commands parse arguments and call into the library.

Each stage contributes its commands through a `register(app)` function in its own
`cli.py` (places, fuse, web ...), so this file only wires them together.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Optional

import typer
from typer.core import TyperGroup

from sitreps import __version__
from sitreps.context import AppContext, default_db_path


def hoist_root_options(args: list[str], root: Any) -> list[str]:
    """`sitreps events --db x.duckdb` -> `sitreps --db x.duckdb events`: the root's options that take a
    value, given after the command name, move before it (unless that command has an option of the
    same name). Everything after a "--" stays where it is."""
    takes_value = {
        opt
        for p in root.params
        if p.param_type_name == "option" and not p.is_flag and not getattr(p, "count", False)
        for opt in p.opts
    }
    position = 0
    while position < len(args) and args[position].startswith("-"):
        position += 2 if args[position] in takes_value else 1
    if position >= len(args) or args[position] not in root.commands:
        return args
    command = root.commands[args[position]]
    own = {opt for p in command.params for opt in getattr(p, "opts", ())}
    hoisted = takes_value - own
    moved: list[str] = []
    rest: list[str] = []
    tail = args[position + 1 :]
    index = 0
    while index < len(tail):
        arg = tail[index]
        if arg == "--":
            rest += tail[index:]
            break
        if arg in hoisted and index + 1 < len(tail):
            moved += tail[index : index + 2]
            index += 2
            continue
        if arg.split("=", 1)[0] in hoisted and "=" in arg:
            moved.append(arg)
        else:
            rest.append(arg)
        index += 1
    return args[:position] + moved + [args[position]] + rest


class _RootOptionsAnywhere(TyperGroup):
    """The root command, accepting its options (`--db`, `--actors`) after the command name too."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        return super().parse_args(ctx, hoist_root_options(list(args), self))


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"sitreps {__version__}")
        raise typer.Exit()


app = typer.Typer(
    name="sitreps",
    cls=_RootOptionsAnywhere,
    help="Turn raw war reporting into a traceable event database.\n\n"
    "Example:  sitreps --db my.duckdb ingest reports/ && sitreps --db my.duckdb events",
    no_args_is_help=True,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


EXTRACTOR_MODES = ("combined", "rules", "model")  # sitreps.extract.event_step.ExtractorMode (not imported: start-up)


def _extractor_mode(value: str) -> str:
    """A built-in mode, or an installed `sitreps.extractors` plug-in (looked up only when asked for)."""
    if value in EXTRACTOR_MODES:
        return value
    from sitreps.hookspecs import EXTRACTORS, plugins

    known = [*EXTRACTOR_MODES, *plugins(EXTRACTORS)]
    if value not in known:
        raise typer.BadParameter(f"unknown extractor {value!r}; choose from {', '.join(known)}")
    return value


@app.callback()
def root(
    ctx: typer.Context,
    db: Optional[Path] = typer.Option(  # noqa: UP045 - Typer needs Optional on 3.11
        None, "--db", help="DuckDB store file (default: $SITREPS_DB or the user data dir).", envvar="SITREPS_DB"
    ),
    actors: list[Path] = typer.Option(
        [], "--actors", help="Extra actor registry YAML (repeatable).", exists=True, dir_okay=False
    ),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Explain decisions (debug output)."),
    version: bool = typer.Option(
        False, "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
    ),
    extractor: str = typer.Option(
        "combined",
        "--extractor",
        help="How events are found: combined (rules + learned model), rules, or model.",
        envvar="SITREPS_EXTRACTOR",
        callback=_extractor_mode,
    ),
    config: Optional[Path] = typer.Option(  # noqa: UP045
        None,
        "--config",
        help="Configuration file (default: ./sitreps.toml if present); see `sitreps pipeline`.",
        envvar="SITREPS_CONFIG",
        exists=True,
        dir_okay=False,
    ),
) -> None:
    ctx.obj = AppContext(
        db_path=db or default_db_path(),
        actors_files=list(actors),
        verbose=verbose,
        extractor=extractor,
        config=config,
    )


def _register_all() -> None:
    # Imported here so `sitreps --help` stays fast and one broken stage cannot hide the others' errors.
    from importlib import import_module

    for module in (
        "sitreps.commands",
        "sitreps.places.cli",
        "sitreps.extract.cli",
        "sitreps.fuse.cli",
        "sitreps.resolve.cli",
        "sitreps.web.cli",
        "sitreps.watch",
    ):
        try:
            mod = import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name == module:
                continue
            raise
        mod.register(app)
    _register_plugins()


def _register_plugins() -> None:
    """Commands from installed packages' `sitreps.commands` entry points (`sitreps.hookspecs`); a
    plug-in that fails to load is reported on stderr and the built-in commands still work."""
    import sys

    from sitreps.hookspecs import COMMANDS, PluginError, load_plugin, plugins

    for point in plugins(COMMANDS).values():
        try:
            load_plugin(point)(app)
        except PluginError as exc:
            print(f"warning: {exc}", file=sys.stderr)


_register_all()


def main() -> None:
    import sys

    from sitreps.errors import DataFileError

    try:
        app()
    except DataFileError as exc:  # a malformed lexicon or --actors file: its one line, no traceback
        print(f"sitreps: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
