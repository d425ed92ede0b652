"""`sitreps places ...`: resolve a toponym, add place files, show what is loaded."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer
from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:
    from sitreps.places.resolver import PlaceContext, Resolution

# the gazetteer and the resolver (numpy, rapidfuzz) are imported by the commands that use them:
# this module is imported by every `sitreps` start-up, `--help` included

places_app = typer.Typer(
    name="places",
    help="The offline gazetteer: resolve toponyms, add GeoNames dumps or your own places.\n\n"
    "Examples:\n\n"
    '  sitreps places resolve "Kharkov"\n\n'
    '  sitreps places resolve "Lyubimovka" --context "shelling of Lyubimovka in the Kursk region" --json\n\n'
    "  sitreps places add RU.txt\n\n"
    "  sitreps places info",
    no_args_is_help=True,
    rich_markup_mode="rich",
)


def _open_lines(path: str) -> tuple[Iterator[str], str]:
    """Lines of FILE, or of stdin for '-'; exits 2 with a one-line error when FILE is unreadable."""
    if path == "-":
        return iter(sys.stdin), "-"
    try:
        handle = open(path, encoding="utf-8")  # noqa: SIM115 - read lazily, closed at exit
    except OSError as exc:
        typer.echo(f"error: {path}: {exc.strerror}", err=True)
        raise typer.Exit(2) from exc
    return iter(handle), path


@places_app.command("resolve")
def resolve_command(
    toponym: Optional[str] = typer.Argument(  # noqa: UP045
        None, help="The place name as written, e.g. 'near Vovchansk'."
    ),
    batch: Optional[str] = typer.Option(  # noqa: UP045
        None,
        "--batch",
        help="JSONL of {id, toponym, text, start, end} (or - for stdin): one JSON answer per line to stdout.",
    ),
    explain: bool = typer.Option(
        False, "--explain", help="Show the article's context and every candidate's score and reasons."
    ),
    context: Optional[str] = typer.Option(  # noqa: UP045 - Typer needs Optional on 3.11
        None, "--context", "-c", help="Article text (or a sentence) to resolve the name in."
    ),
    region: Optional[str] = typer.Option(  # noqa: UP045
        None, "--region", help="The region the text puts it in, e.g. 'Kursk region'."
    ),
    near: bool = typer.Option(False, "--near", help="The text says near/outskirts of (precision 2)."),
    as_json: bool = typer.Option(False, "--json", help="Print the sitreps/1 Location JSON (null if none)."),
    top: int = typer.Option(8, "--top", min=1, help="Candidates to list in the table."),
) -> None:
    """Resolve TOPONYM to a GeoNames place or region.

    Examples:
      sitreps places resolve "Харків"
      sitreps places resolve "Novoselivka" --context "Russian forces shelled Novoselivka near Kupiansk"
      sitreps places resolve "Tyotkino" --json
      sitreps places resolve "Alexandria" --context "A bus crashed near Alexandria, La." --explain
      sitreps places resolve --batch requests.jsonl > answers.jsonl
    """
    from sitreps.places.batch import resolve_lines, write_lines
    from sitreps.places.gazetteer import get_gazetteer
    from sitreps.places.resolver import PlaceResolver

    if batch is not None:
        lines, source = _open_lines(batch)
        batch_resolver = PlaceResolver(get_gazetteer())
        count = write_lines(resolve_lines(lines, batch_resolver, source), sys.stdout)
        typer.echo(f"answered {count} requests", err=True)
        return
    if not toponym:
        typer.echo("error: give a TOPONYM or --batch FILE", err=True)
        raise typer.Exit(2)
    resolver = PlaceResolver(get_gazetteer())
    ctx = resolver.document_context(context) if context else None
    result = resolver.resolve(toponym, ctx, near=near, region_hint=region)
    if context and result.location is None and not near and not region:
        result = resolver.resolve_in(toponym, ctx) if ctx is not None else result
    if as_json:
        typer.echo(json.dumps(_answer_json(result, top, explain), ensure_ascii=False))
        return
    console = Console()
    _print_answer(console, toponym, result)
    if explain:
        _print_explanation(console, result, ctx, top)


def _answer_json(result: Resolution, top: int, explain: bool) -> dict | None:
    """The sitreps/1 Location (None if unresolved); with --explain, the rule and the candidates too."""
    payload = result.location.model_dump(mode="json") if result.location else None
    if not explain:
        return payload
    candidates = [
        {
            "name": c.name,
            "kind": c.kind,
            "country_code": c.country_code,
            "admin1_code": c.admin1_code,
            "geonameid": c.geonameid,
            "population": c.population,
            "match": c.matched,
            "score": round(c.score, 3),
            "reasons": list(c.reasons),
        }
        for c in result.candidates[:top]
    ]
    return {"location": payload, "kind": result.kind, "why": result.why, "candidates": candidates}


def _print_answer(console: Console, toponym: str, result: Resolution) -> None:
    loc = result.location
    if loc is None:
        console.print(f"[bold red]unresolved[/]: {toponym}  ({result.why})")
        return
    where = f"{loc.name}, {loc.admin1 or '?'}, {loc.country_code}"
    console.print(f"[bold green]{where}[/] ({result.kind})  geonameid={loc.geonameid}  precision={loc.geo_precision}")
    console.print(f"rule: {result.why}")


def _print_explanation(console: Console, result: Resolution, ctx: PlaceContext | None, top: int) -> None:
    """The article's context, then every candidate's score and reasons."""
    if ctx is not None:
        console.print(
            f"context: countries {', '.join(sorted(ctx.countries)) or '-'}; regions "
            f"{', '.join(r.name for r in ctx.regions.values()) or '-'}; sure places "
            f"{', '.join(a.name for a in ctx.anchors) or '-'}"
        )
    table = Table("#", "place", "kind", "geonameid", "country", "admin1", "population", "match", "score", "why")
    for rank, cand in enumerate(result.candidates[:top], start=1):
        table.add_row(
            str(rank),
            cand.name,
            cand.kind,
            str(cand.geonameid),
            cand.country_code,
            cand.admin1_code,
            f"{cand.population:,}",
            cand.matched,
            f"{cand.score:.2f}",
            "; ".join(cand.reasons),
        )
    if result.candidates:
        console.print(table)


@places_app.command("tag")
def tag_command(
    file: str = typer.Argument(..., help="JSONL of {id, text} (or - for stdin)."),
) -> None:
    """Find and resolve every toponym of each text: one {id, toponyms} JSON line per input line.

    Each toponym has start/end (code-point offsets), text, geonameid, lat, lon, country_code and
    geo_precision; a place found but not resolved keeps its span with nulls.

    Examples:
      sitreps places tag articles.jsonl > tags.jsonl
      echo '{"id": 1, "text": "Shelling hit Kupiansk in the Kharkiv region."}' | sitreps places tag -
    """
    from sitreps.places.batch import tag_lines, write_lines
    from sitreps.places.tagger import Geoparser

    lines, source = _open_lines(file)
    parser = Geoparser()
    count = write_lines(tag_lines(lines, parser.tag_texts, source), sys.stdout)
    typer.echo(f"tagged {count} documents", err=True)


@places_app.command("add")
def add_command(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="GeoNames dump (RU.txt) or places CSV."),
) -> None:
    """Add a GeoNames country dump or a CSV of your own places, and rebuild the index.

    The CSV columns are name,lat,lon,country_code,admin1_code[,alternatenames,population]
    (alternate names separated by '|').

    Examples:
      sitreps places add RU.txt
      sitreps places add my_villages.csv
    """
    from sitreps.places import sources
    from sitreps.places.gazetteer import Gazetteer

    places_dir = sources.user_places_dir()
    try:
        stored, count = sources.add_user_file(file, places_dir)
    except ValueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    gaz = Gazetteer.load(places_dir)
    typer.echo(f"added {count} places from {file.name} (stored as {stored}); gazetteer now {len(gaz)} places")


@places_app.command("info")
def info_command(as_json: bool = typer.Option(False, "--json", help="Print as JSON.")) -> None:
    """Show what the gazetteer holds: counts, sources, cache path.

    Example:
      sitreps places info
    """
    from sitreps.places.gazetteer import get_gazetteer

    info = get_gazetteer().info()
    if as_json:
        typer.echo(json.dumps(info, indent=2))
        return
    table = Table("what", "value")
    for key in ("places", "names", "regions", "countries", "cache", "user_places_dir"):
        table.add_row(key, str(info[key]))
    for source, count in info["sources"].items():
        table.add_row(f"source: {source}", f"{count:,} places")
    Console().print(table)


def register(app: typer.Typer) -> None:
    app.add_typer(places_app, name="places")
