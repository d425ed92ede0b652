"""The `sitreps` command line: commands parse arguments and call into the library.

Each stage contributes its commands through a `register(app)` function in its own
`cli.py` (places, fuse, web ...), so this file only wires them together.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from sitreps.context import AppContext, default_db_path

app = typer.Typer(
    name="sitreps",
    help="Turn raw war reporting into a traceable event database.\n\n"
    "Example:  sitreps --db my.duckdb ingest reports/ && sitreps --db my.duckdb events",
    no_args_is_help=True,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


EXTRACTOR_MODES = ("combined", "rules", "model")  # sitreps.extract.event_step.ExtractorMode (not imported: start-up)


def _extractor_mode(value: str) -> str:
    if value not in EXTRACTOR_MODES:
        raise typer.BadParameter(f"unknown extractor {value!r}; choose from {', '.join(EXTRACTOR_MODES)}")
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
    extractor: str = typer.Option(
        "combined",
        "--extractor",
        help="How events are found: combined (rules + learned model), rules, or model.",
        envvar="SITREPS_EXTRACTOR",
        callback=_extractor_mode,
    ),
) -> None:
    ctx.obj = AppContext(
        db_path=db or default_db_path(), actors_files=list(actors), verbose=verbose, extractor=extractor
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
    ):
        try:
            mod = import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name == module:
                continue
            raise
        mod.register(app)


_register_all()


def main() -> None:
    app()
