"""Core commands: ingest, articles, show, export, demo, schema.

Commands only parse arguments, call `sitreps.pipeline` / `sitreps.store` / `sitreps.export`,
and render the answer with Rich. Exit codes: 0 ok, 1 some inputs rejected (or a record not
found / store locked), 2 usage error.
"""

from __future__ import annotations

import json
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from enum import StrEnum
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from sitreps.context import AppContext, default_db_path
from sitreps.engine import EngineError
from sitreps.ingest import limits

if TYPE_CHECKING:
    from sitreps.model import Article, Event, Mention
    from sitreps.pipeline import IngestReport
    from sitreps.store import EventFilter, Store

# The store (DuckDB), the models (pydantic) and the pipeline are imported inside the commands that
# use them: `sitreps --help` and `--version` import this module and must start in well under 0.3 s.


class InputFormat(StrEnum):
    auto = "auto"
    txt = "txt"
    html = "html"
    jsonl = "jsonl"
    feed = "feed"  # RSS 2.0 / RSS 1.0 / Atom: one article per item


def _export_format(value: str) -> str:
    """`--format`: a built-in or an installed plug-in exporter (`sitreps.hookspecs`), else exit 2."""
    import difflib

    from sitreps.export import ExportFormatError, exporters

    try:
        known = exporters()
    except ExportFormatError as exc:
        raise typer.BadParameter(str(exc)) from exc
    if value not in known:
        close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
        hint = f"did you mean {close[0]!r}? " if close else ""
        raise typer.BadParameter(f"unknown format {value!r}; {hint}choose from {', '.join(known)}")
    return value


class ExportTable(StrEnum):
    events = "events"


def stdout_console() -> Console:
    # Off a terminal (pipes, logs, tests) Rich would assume 80 columns and fold every table cell.
    return Console(soft_wrap=False, width=None if sys.stdout.isatty() else 160)


def _stderr() -> Console:
    return Console(stderr=True, soft_wrap=True)  # an error is one line, however narrow the terminal


def say_waiting() -> None:
    """Store's `on_wait`: one line on stderr once a lock wait passes a second."""
    print("waiting for another sitreps process that writes this store…", file=sys.stderr, flush=True)


@contextmanager
def read_store(app_ctx: AppContext) -> Iterator[Store]:
    """The read-only store every reading command opens (one way, one exit status): an empty one
    is created first so that a fresh install answers 'nothing yet'; a store that cannot be opened
    (locked, not a sitreps store, newer schema) is one error line and exit 1."""
    from sitreps.store import Store, StoreError

    try:
        if not app_ctx.db_path.exists():
            Store(app_ctx.db_path, on_wait=say_waiting).close()
        store = Store(app_ctx.db_path, read_only=True, on_wait=say_waiting)
    except StoreError as exc:
        _stderr().print(f"[red]error:[/] {exc}")
        raise typer.Exit(1) from exc
    with store:
        yield store


def _writer(app_ctx: AppContext) -> Store:
    from sitreps.store import Store, StoreError

    try:
        return Store(app_ctx.db_path, on_wait=say_waiting)
    except StoreError as exc:
        _stderr().print(f"[red]error:[/] {exc}")
        raise typer.Exit(1) from exc


def demo_store_path(ctx: typer.Context) -> Path:
    """Where `sitreps demo` writes: the --db given on the command line, else demo.duckdb beside the
    default store ($SITREPS_DB or the user data dir), so the demo never mixes into real data."""
    source = ctx.find_root().get_parameter_source("db")
    if source is not None and source.name == "COMMANDLINE":
        return ctx.obj.db_path
    return default_db_path().with_name("demo.duckdb")


def _print_json(doc: object) -> None:
    """One JSON document on stdout (`--json`): the sitreps/1 records as exported."""
    sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")


def validated_filter(flt: EventFilter) -> EventFilter:
    """`flt` checked (ISO dates, known type and country), or exit 2 with the reason."""
    from sitreps.store import FilterError, validated

    try:
        return validated(flt)
    except FilterError as exc:
        raise typer.BadParameter(str(exc)) from exc


def _date(value: object) -> str:
    from sitreps.model import DateValue

    if not isinstance(value, DateValue):
        return "—"
    if value.start == value.end or value.precision != "day":
        text = value.start if value.precision == "day" else f"{value.start[:7]} ({value.precision})"
    else:
        text = f"{value.start}…{value.end}"
    return text + ("*" if value.inferred else "")


def articles_table(articles: list[Article]) -> Table:
    table = Table(title=f"{len(articles)} articles", title_justify="left")
    table.add_column("id", no_wrap=True)
    table.add_column("published", no_wrap=True)
    table.add_column("outlet", overflow="fold", max_width=18)
    table.add_column("title", overflow="fold", ratio=3)
    table.add_column("source", overflow="fold", ratio=1)
    for a in articles:
        source = a.source if "://" in a.source or a.source == "-" else Path(a.source).name
        table.add_row(a.id[:12], _date(a.published), a.outlet or "—", a.title or "—", source)
    return table


def events_table(events: list[Event]) -> Table:
    table = Table(title=f"{len(events)} events", title_justify="left")
    table.add_column("id", no_wrap=True)
    table.add_column("date", no_wrap=True)
    for column in ("type", "sub-event type", "place", "actor1", "actor2", "fatal.", "src"):
        table.add_column(column, overflow="fold")
    for e in events:
        place = e.location.name if e.location else "—"
        if e.location and e.location.admin1:
            place += f", {e.location.admin1}"
        table.add_row(
            e.id[:12],
            _date(e.date),
            e.event_type,
            e.sub_event_type or "—",
            place,
            e.actor1.name if e.actor1 else "—",
            e.actor2.name if e.actor2 else "—",
            "—" if e.fatalities.best is None else str(e.fatalities.best),
            str(e.sources),
        )
    return table


def mentions_table(mentions: list[Mention]) -> Table:
    table = Table(title=f"{len(mentions)} mentions", title_justify="left")
    for column in ("id", "article", "date", "type", "place", "claimant", "stance", "fatal."):
        table.add_column(column, overflow="fold")
    for m in mentions:
        table.add_row(
            m.id[:14],
            m.article_id[:10],
            _date(m.date),
            m.sub_event_type or m.event_type,
            m.location.name if m.location else "—",
            m.claimant.name if m.claimant else "—",
            m.stance,
            "—" if not m.fatalities or m.fatalities.best is None else str(m.fatalities.best),
        )
    return table


class Engine(StrEnum):
    local = "local"
    ray = "ray"


def _run_engine(
    app_ctx: AppContext,
    store: Store,
    paths: list[str],
    options: dict[str, Any],
    engine: Engine,
    ray: dict[str, Any],
    say: Callable[[str], None],
) -> tuple[IngestReport, bool]:
    """Run the chosen engine; return its report and whether an extractor was available."""
    from sitreps.pipeline import load_default_extractor, load_known_name, run_ingest

    _check_steps_config(app_ctx)
    if engine is Engine.local:
        with _loading_notice(say):
            extractor, known_name = load_default_extractor(app_ctx), load_known_name()
        report = run_ingest(store, paths, extractor=extractor, known_name=known_name, **options)
        return report, extractor is not None
    # Imported only here: the local engine never imports Ray.
    from sitreps.engine.article_worker import default_extractor_factory
    from sitreps.engine.ray_engine import run_ingest_ray

    has_extractor = _optional_module("sitreps.extract")
    factory = (
        default_extractor_factory(app_ctx.actors_files, app_ctx.extractor, app_ctx.config) if has_extractor else None
    )
    return run_ingest_ray(store, paths, extractor_factory=factory, **options, **ray), has_extractor


def _check_steps_config(app_ctx: AppContext) -> None:
    """A configuration naming a step that cannot be used stops the run before anything is read (exit 2)."""
    from sitreps.config import ConfigError, config_path, load_steps_config
    from sitreps.extract.steps import pipeline_specs
    from sitreps.hookspecs import PluginError

    try:
        pipeline_specs(load_steps_config(config_path(app_ctx.config)))
    except (ConfigError, PluginError) as exc:
        _stderr().print(f"[red]error:[/] {escape(str(exc))}")
        raise typer.Exit(2) from exc


LOADING = "loading the language model and the place-name index (the first run builds the index: about a minute)"


@contextmanager
def _loading_notice(say: Callable[[str], None]) -> Iterator[None]:
    """`say(LOADING)` when what the block loads takes over a second (the first run builds the
    gazetteer cache), so a long silence is never unexplained."""
    timer = threading.Timer(1.0, say, [LOADING])
    timer.daemon = True
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


def _optional_module(name: str) -> bool:
    from importlib.util import find_spec

    return find_spec(name) is not None


def _ingest_and_report(
    ctx: typer.Context,
    paths: list[str],
    options: dict[str, Any],
    engine: Engine = Engine.local,
    ray: dict[str, Any] | None = None,
) -> int:
    """Run the pipeline with progress on stderr, print the summary; return the number rejected.

    `options` are `run_ingest` keywords (fmt, recursive, batch_size, the max_* caps).
    """
    from sitreps.ingest import TooManyFilesError

    app_ctx: AppContext = ctx.obj
    err = _stderr()
    store = _writer(app_ctx)
    with store:
        if err.is_terminal:
            bar = Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(),
                TextColumn("{task.fields[counts]}"),
                TimeElapsedColumn(),
                console=err,
                transient=True,
            )
            task = bar.add_task("ingesting", total=None, counts="")

            def say(text: str) -> None:
                bar.update(task, description=text)

            def progress(r: IngestReport) -> None:
                latest[0] = r
                counts = f"read {r.read} · new {r.new} · dup {r.duplicate} · rejected {len(r.rejected)}"
                bar.update(task, description="ingesting", counts=counts)

        else:
            # No live bar off a terminal (logs, pipes): one line per committed transaction instead.
            bar = None
            committed = [0]

            def say(text: str) -> None:
                print(text + "…", file=sys.stderr, flush=True)

            def progress(r: IngestReport) -> None:
                latest[0] = r
                if r.batches_committed != committed[0]:
                    committed[0] = r.batches_committed
                    print(f"batch {r.batches_committed} committed: {r.new} new articles so far", file=sys.stderr)
                    sys.stderr.flush()

        latest: list[IngestReport | None] = [None]
        stdin = sys.stdin.buffer if "-" in paths else None
        if bar is not None:
            bar.start()
        try:
            report, has_extractor = _run_engine(
                app_ctx, store, paths, {**options, "progress": progress, "stdin": stdin}, engine, ray or {}, say
            )
        except (TooManyFilesError, EngineError) as exc:
            err.print(f"[red]error:[/] {escape(str(exc))}", soft_wrap=True)
            raise typer.Exit(2) from exc
        except KeyboardInterrupt as exc:
            # The batch in flight rolled back; every committed one is whole (one transaction each).
            if bar is not None:
                bar.stop()
                bar = None
            done = latest[0].batches_committed if latest[0] else 0
            print(f"interrupted; {done} batches committed, the rest can be re-run", file=sys.stderr, flush=True)
            raise typer.Exit(130) from exc
        finally:
            if bar is not None:
                bar.stop()
    table = Table(title=f"ingest into {app_ctx.db_path}", title_justify="left")
    for column in ("read", "new", "duplicate", "rejected", "mentions", "events"):
        table.add_column(column, justify="right")
    counts = (report.read, report.new, report.duplicate, len(report.rejected), report.mentions, report.events)
    table.add_row(*(str(n) for n in counts))
    stdout_console().print(table)
    if not has_extractor:
        err.print("note: no extractor installed yet, articles were stored without mentions")
    for note in report.notes:
        print(f"{note.source}: note: {note.reason}", file=sys.stderr)
    for rejection in report.rejected:
        # JSONL reasons already start with "FILE:LINE:"; say it once.
        located = rejection.reason.startswith(f"{rejection.source}: ")
        print(rejection.reason if located else f"{rejection.source}: {rejection.reason}", file=sys.stderr)
    return len(report.rejected)


def register(app: typer.Typer) -> None:
    @app.command()
    def ingest(
        ctx: typer.Context,
        paths: list[str] = typer.Argument(..., metavar="PATH...", help="Files, folders, or - for stdin."),
        recursive: bool = typer.Option(False, "--recursive", "-r", help="Descend into sub-folders."),
        fmt: InputFormat = typer.Option(InputFormat.auto, "--format", help="Input format (auto: by content)."),
        max_bytes: int = typer.Option(
            limits.DEFAULT_MAX_BYTES,
            "--max-bytes",
            min=1,
            envvar=limits.ENV_MAX_BYTES,
            help="Reject input files (or stdin) larger than this many bytes.",
        ),
        max_article_bytes: int = typer.Option(
            limits.DEFAULT_MAX_ARTICLE_BYTES,
            "--max-article-bytes",
            min=1,
            envvar=limits.ENV_MAX_ARTICLE_BYTES,
            help="Reject an article whose text is larger than this (UTF-8 bytes).",
        ),
        max_line_bytes: int = typer.Option(
            limits.DEFAULT_MAX_LINE_BYTES,
            "--max-line-bytes",
            min=1,
            envvar=limits.ENV_MAX_LINE_BYTES,
            help="Reject a JSONL line longer than this (bytes).",
        ),
        max_files: int = typer.Option(
            limits.DEFAULT_MAX_FILES,
            "--max-files",
            min=1,
            envvar=limits.ENV_MAX_FILES,
            help="Refuse a run that names more files than this (exit 2, nothing read).",
        ),
        batch_size: int = typer.Option(50, "--batch-size", min=1, help="Articles per store transaction."),
        engine: Engine = typer.Option(
            Engine.local, "--engine", help="local: this process. ray: a Ray cluster (needs the ray extra, see README)."
        ),
        address: Optional[str] = typer.Option(  # noqa: UP045
            None,
            "--address",
            help="With --engine ray: 'auto' (the cluster this machine is in) or ray://HOST:10001; "
            "default: $RAY_ADDRESS, else start a local Ray.",
        ),
        workers: Optional[int] = typer.Option(  # noqa: UP045
            None, "--workers", min=1, help="With --engine ray: actors per stage (default: the cluster's CPUs)."
        ),
        parquet_dir: Optional[Path] = typer.Option(  # noqa: UP045
            None,
            "--parquet-dir",
            file_okay=False,
            help="With --engine ray: keep the extracted articles and mentions here as Parquet.",
        ),
    ) -> None:
        """Read reports, clean them, extract events and store everything.

        Re-ingesting the same text is a no-op (articles are keyed by a hash of their text).
        Exits 1 when some inputs were rejected (one line each on stderr: "FILE: reason"),
        2 on a usage error (e.g. more files than --max-files: nothing is read).

        Examples:
          sitreps ingest reports/ --recursive
          sitreps ingest feed.jsonl --format jsonl
          sitreps ingest world.xml                # RSS or Atom: one article per item
          curl -s https://example.org/report.html | sitreps ingest -
          sitreps ingest archive/ -r --engine ray --address auto
        """
        ray_only = {"--address": address, "--workers": workers, "--parquet-dir": parquet_dir}
        misplaced = [name for name, value in ray_only.items() if value is not None and engine is Engine.local]
        if misplaced:
            _stderr().print(f"[red]error:[/] {', '.join(misplaced)} only apply with --engine ray")
            raise typer.Exit(2)
        options = {
            "fmt": fmt.value,
            "recursive": recursive,
            "max_bytes": max_bytes,
            "max_article_bytes": max_article_bytes,
            "max_line_bytes": max_line_bytes,
            "max_files": max_files,
            "batch_size": batch_size,
        }
        ray = {"address": address, "workers": workers, "parquet_dir": parquet_dir}
        rejected = _ingest_and_report(ctx, paths, options, engine, ray)
        if rejected:
            raise typer.Exit(1)

    @app.command()
    def articles(
        ctx: typer.Context,
        limit: Optional[int] = typer.Option(None, "--limit", "-n", min=1, help="Show at most N."),  # noqa: UP045
        offset: int = typer.Option(0, "--offset", min=0, help="Skip the first N."),
        as_json: bool = typer.Option(False, "--json", help='One JSON document: {"articles": [sitreps/1 Article]}.'),
    ) -> None:
        """List stored articles (oldest publication first, undated last).

        Example:  sitreps articles --limit 20
        """
        with read_store(ctx.obj) as store:
            found = store.articles(limit=limit, offset=offset)
        if as_json:
            _print_json({"articles": [a.model_dump(mode="json") for a in found]})
            return
        stdout_console().print(articles_table(found))

    @app.command()
    def show(
        ctx: typer.Context,
        article_id: str = typer.Argument(..., metavar="ID", help="Article id or a unique prefix of it."),
        as_json: bool = typer.Option(
            False, "--json", help='One JSON document: {"article": sitreps/1 Article, "mentions": [Mention]}.'
        ),
    ) -> None:
        """Show one article: cleaned text with evidence highlighted, what cleaning removed, its mentions.

        Example:  sitreps show 3fa9c2 --json
        """
        from sitreps.store import AmbiguousIdError

        with read_store(ctx.obj) as store:
            try:
                article = store.article(article_id)
            except AmbiguousIdError as exc:
                raise typer.BadParameter(str(exc), param_hint="ID") from exc
            if article is None:
                _stderr().print(f"[red]error:[/] no article with id {article_id!r}")
                raise typer.Exit(1)
            mentions = store.mentions(article_id=article.id)
        if as_json:
            _print_json(
                {"article": article.model_dump(mode="json"), "mentions": [m.model_dump(mode="json") for m in mentions]}
            )
            return
        out = stdout_console()
        published = "unknown"
        if article.published:
            p = article.published
            published = f"{_date(p)} (precision {p.precision}{', inferred' if p.inferred else ''})"
        out.print(f"[bold]{article.title or '(no title)'}[/]")
        out.print(f"id:        {article.id}")
        out.print(f"source:    {article.source}")
        out.print(f"outlet:    {article.outlet or 'unknown'}")
        out.print(f"published: {published}")
        out.print(f"language:  {article.language}")
        out.print()
        body = Text(article.text)
        for mention in mentions:
            for span in mention.evidence:
                body.stylize("bold yellow on grey23", span.start, span.end)
        out.print(body)
        if mentions:
            out.print()
            out.print(mentions_table(mentions))
        out.print()
        out.print(f"[bold]removed by cleaning[/] ({len(article.removed)})")
        for block in article.removed:
            out.print(Text("  − " + block.replace("\n", " ⏎ "), style="dim"))

    @app.command()
    def export(
        ctx: typer.Context,
        fmt: str = typer.Option(
            "json",
            "--format",
            "-f",
            help="Output format: json, csv, geojson, parquet, parquet-events, or an installed plug-in's.",
            callback=_export_format,
        ),
        output: str = typer.Option(
            "-", "--output", "-o", help="Output file, or - for stdout (parquet: a folder, or a file with --table)."
        ),
        table: Optional[ExportTable] = typer.Option(  # noqa: UP045
            None, "--table", help="With --format parquet: write this one table, flat, to the file -o names."
        ),
        since: Optional[str] = typer.Option(None, help="Events on or after YYYY-MM-DD."),  # noqa: UP045
        until: Optional[str] = typer.Option(None, help="Events on or before YYYY-MM-DD."),  # noqa: UP045
        event_type: Optional[str] = typer.Option(None, "--type", help="ACLED event type."),  # noqa: UP045
        country: Optional[str] = typer.Option(None, help="ISO country code, e.g. RU."),  # noqa: UP045
        min_sources: Optional[int] = typer.Option(None, "--min-sources", min=1),  # noqa: UP045
    ) -> None:
        """Export the database: sitreps/1 JSON (everything), ACLED CSV, GeoJSON or Parquet.

        With filters, only the matching events and the mentions and articles behind them; a bad
        filter value (a date not YYYY-MM-DD, an unknown type or country) exits 2.
        Parquet: -o DIR writes articles/mentions/events/episodes.parquet into the folder DIR;
        --table events -o FILE.parquet writes one flat table: ACLED's columns then sitreps' own
        (sources, independent_sources, fatalities_best/low/high, ...), readable without unnesting.
        independent_sources counts the outlets that trace to an origin of their own (their own
        reporting, or a claimant none of the others quotes): never more than sources.

        Examples:
          sitreps export --format json -o events.json
          sitreps export --format csv --country RU --since 2024-03-01 -o acled.csv
          sitreps export --format parquet -o out/            # a folder of four tables
          sitreps export --format parquet --table events -o events.parquet
        """
        from sitreps.export import ExportFormatError, write
        from sitreps.export.parquet import folder_problem
        from sitreps.store import EventFilter

        flt = None
        if any(v is not None for v in (since, until, event_type, country, min_sources)):
            flt = validated_filter(
                EventFilter(since=since, until=until, type=event_type, country=country, min_sources=min_sources)
            )
        parquet = fmt == "parquet"
        if table is not None and not parquet:
            raise typer.BadParameter("--table only applies with --format parquet", param_hint="--table")
        if parquet and output == "-":
            raise typer.BadParameter(
                "parquet needs a file or folder: -o DIR, or --table events -o FILE.parquet", param_hint="--output"
            )
        if parquet and table is None and (problem := folder_problem(Path(output))):
            raise typer.BadParameter(problem, param_hint="--output")
        with read_store(ctx.obj) as store:
            try:
                write(store, fmt, output, flt, table.value if table else None)
            except ExportFormatError as exc:
                _stderr().print(f"[red]error:[/] {escape(str(exc))}")
                raise typer.Exit(1) from exc
        if output != "-":
            _stderr().print(
                f"wrote {output}"
                + ("/ (articles, mentions, events, episodes .parquet)" if parquet and table is None else ""),
                highlight=False,
            )

    @app.command()
    def demo(ctx: typer.Context) -> None:
        """Ingest the bundled sample reports (one invented border raid, many outlets) into a demo store.

        The demo store is demo.duckdb beside the default store (or the --db given on the command
        line), never the default store itself; its path is printed. Running it twice changes nothing.

        Example:  sitreps demo     (then: sitreps --db THE_PRINTED_PATH events)
        """
        app_ctx: AppContext = ctx.obj
        ctx.obj = app_ctx = replace(app_ctx, db_path=demo_store_path(ctx))
        print(f"demo store: {app_ctx.db_path} (your default store is left as it was)", file=sys.stderr)
        demo_dir = Path(str(files("sitreps") / "demo"))
        _ingest_and_report(ctx, [str(demo_dir)], {"fmt": "auto", "recursive": True})
        with read_store(app_ctx) as store:
            out = stdout_console()
            out.print(articles_table(store.articles()))
            out.print(mentions_table(store.mentions()))
            out.print(events_table(store.events()))
        db = str(app_ctx.db_path)
        out.print(f"Next: sitreps --db {db} show ID · sitreps --db {db} serve", highlight=False)

    @app.command()
    def delete(
        ctx: typer.Context,
        article_ids: list[str] = typer.Argument(..., metavar="ARTICLE_ID...", help="Article ids or unique prefixes."),
    ) -> None:
        """Delete articles with their mentions, and re-fuse the events they were part of (one transaction).

        Every id must name one stored article, or nothing is deleted (exit 1).

        Example:  sitreps delete 3fa9c2 81be07
        """
        from sitreps.pipeline import load_default_fuse
        from sitreps.store import AmbiguousIdError

        store = _writer(ctx.obj)
        with store:
            found: dict[str, str] = {}
            problems = []
            for given in article_ids:
                try:
                    article = store.article(given)
                except AmbiguousIdError as exc:
                    problems.append(str(exc))
                    continue
                if article is None:
                    problems.append(f"no article with id {given!r}")
                else:
                    found[article.id] = given
            if problems:
                for problem in problems:
                    _stderr().print(f"[red]error:[/] {escape(problem)}")
                _stderr().print("nothing deleted")
                raise typer.Exit(1)
            result = store.delete_articles(list(found), load_default_fuse())
        print(
            f"deleted {result.new_articles} articles and {result.new_mentions} mentions; "
            f"the store now holds {result.events} events in {result.episodes} episodes"
        )

    @app.command()
    def stats(
        ctx: typer.Context,
        as_json: bool = typer.Option(False, "--json", help="One JSON document: counts, and events by type and day."),
    ) -> None:
        """What the store holds: counts of articles, mentions, events, episodes; events by type; dates.

        Example:  sitreps stats --json
        """
        with read_store(ctx.obj) as store:
            numbers = store.stats()
        if as_json:
            _print_json(numbers)
            return
        out = stdout_console()
        out.print(f"store: {ctx.obj.db_path}", highlight=False)
        out.print(", ".join(f"{numbers[k]} {k}" for k in ("articles", "mentions", "events", "episodes")))
        days = list(numbers["by_day"])
        if days:
            out.print(f"events dated {days[0]} to {days[-1]} ({sum(numbers['by_day'].values())} dated)")
        by_type = Table(title="events by type", title_justify="left")
        by_type.add_column("type")
        by_type.add_column("events", justify="right")
        for event_type, count in numbers["by_type"].items():
            by_type.add_row(event_type, str(count))
        out.print(by_type)
        actors = list(numbers["by_actor"].items())[:10]
        if actors:
            out.print("most active actors: " + "; ".join(f"{name} ({n})" for name, n in actors), highlight=False)

    @app.command()
    def schema() -> None:
        """Print the sitreps/1 JSON Schema that every `export --format json` validates against.

        Example:  sitreps schema > sitreps-1.schema.json
        """
        from sitreps.export.sitreps_json import shipped_schema_path

        sys.stdout.write(shipped_schema_path().read_text(encoding="utf-8"))
