"""`sitreps events`, `sitreps event ID`, `sitreps episodes`: read fused events from the store.

Commands parse arguments, read through `sitreps.store.Store` (read-only) and render with Rich;
`event ID --verbose` re-runs the merge rules over the event's mentions to say why they fused.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from sitreps.context import AppContext
from sitreps.fuse.fusion import explain
from sitreps.model import Event

MAX_EVIDENCE_CHARS = 300  # one sentence or two: enough to check the mention, short enough to scan


@contextmanager
def _store(ctx: typer.Context) -> Iterator:
    from sitreps.store import Store, StoreError  # imported late: `sitreps --help` stays fast

    app_ctx: AppContext = ctx.obj
    if not app_ctx.db_path.exists():
        Console(stderr=True).print(f"[red]error:[/] no store at {app_ctx.db_path} (run `sitreps ingest` first)")
        raise typer.Exit(1)
    try:
        store = Store(app_ctx.db_path, read_only=True)
    except StoreError as exc:
        Console(stderr=True).print(f"[red]error:[/] {exc}")
        raise typer.Exit(1) from exc
    try:
        yield store
    finally:
        store.close()


def _actors(e: Event) -> str:
    left = ", ".join(a.name for a in [e.actor1, *e.assoc_actor_1] if a)
    right = ", ".join(a.name for a in [e.actor2, *e.assoc_actor_2] if a)
    return f"{left} vs {right}" if right else left


def _date(e: Event) -> str:
    if e.date is None:
        return "undated"
    text = e.date.start if e.date.start == e.date.end else f"{e.date.start}..{e.date.end}"
    return text + ("*" if e.date.inferred else "") + ("" if e.date.precision == "day" else f" ({e.date.precision})")


def _place(e: Event) -> str:
    if e.location is None:
        return "?"
    loc = e.location
    return loc.name + (f", {loc.admin1}" if loc.admin1 and loc.admin1 != loc.name else "")


def _fatalities(e: Event) -> str:
    f = e.fatalities
    if f.best is None and f.low is None and f.high is None:
        return ""
    return f"{f.best if f.best is not None else '?'} ({f.low}-{f.high})"


def events_command(
    ctx: typer.Context,
    since: Optional[str] = typer.Option(None, "--since", help="Events on or after YYYY-MM-DD."),  # noqa: UP045
    until: Optional[str] = typer.Option(None, "--until", help="Events on or before YYYY-MM-DD."),  # noqa: UP045
    type_: Optional[str] = typer.Option(None, "--type", help="ACLED event type, e.g. Battles."),  # noqa: UP045
    actor: Optional[str] = typer.Option(None, "--actor", help="Any actor name containing this."),  # noqa: UP045
    place: Optional[str] = typer.Option(None, "--place", help="Place or region containing this."),  # noqa: UP045
    min_sources: Optional[int] = typer.Option(None, "--min-sources", min=1, help="At least N outlets."),  # noqa: UP045
    limit: int = typer.Option(50, "--limit", min=1, help="Show at most N events."),
) -> None:
    """List fused events that match the filters.

    Examples:
      sitreps events
      sitreps events --since 2025-04-01 --until 2025-04-30 --type Battles --min-sources 2
      sitreps events --actor "Wagner" --place Bakhmut
    """
    from sitreps.store import EventFilter

    f = EventFilter(
        since=since, until=until, type=type_, actor=actor, place=place, min_sources=min_sources, limit=limit
    )
    with _store(ctx) as store:
        events = store.events(f)
        total = store.count_events(EventFilter(**{**f.__dict__, "limit": None}))
    table = Table(title=f"{len(events)} of {total} events")
    for col in ("id", "date", "type", "place", "actors", "killed", "src", "indep"):
        table.add_column(col, overflow="fold")
    for e in events:
        table.add_row(
            e.id,
            _date(e),
            e.sub_event_type or e.event_type,
            _place(e),
            _actors(e),
            _fatalities(e),
            str(e.sources),
            str(e.independent_sources),
        )
    Console().print(table)


def event_command(
    ctx: typer.Context,
    event_id: str = typer.Argument(..., help="Event id or a unique prefix of it."),
    as_json: bool = typer.Option(False, "--json", help="The event and its mentions as JSON."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Why these mentions fused."),
) -> None:
    """One event: its mentions, evidence per outlet, fatality estimates and contradictions.

    Examples:
      sitreps event ev-3f2a
      sitreps event ev-3f2a --verbose     # why these mentions fused
      sitreps event ev-3f2a --json
    """
    with _store(ctx) as store:
        try:
            event = store.event(event_id)
        except Exception as exc:  # the store's AmbiguousIdError: a prefix matching several events
            Console(stderr=True).print(f"[red]error:[/] {exc}")
            raise typer.Exit(1) from exc
        if event is None:
            Console(stderr=True).print(f"[red]error:[/] no event {event_id!r}")
            raise typer.Exit(1)
        mentions = store.mentions(event_id=event.id)
        articles = {a: store.article(a) for a in event.article_ids}
    if as_json:
        doc = {
            "event": event.model_dump(mode="json"),
            "mentions": [m.model_dump(mode="json") for m in mentions],
        }
        typer.echo(json.dumps(doc, ensure_ascii=False, indent=2))
        return
    out = Console()
    out.print(f"[bold]{event.id}[/]  {event.event_type} / {event.sub_event_type or '-'}")
    out.print(f"  date: {_date(event)}   place: {_place(event)}   actors: {_actors(event)}")
    out.print(
        f"  sources: {event.sources} outlets, {event.independent_sources} independent"
        + (f"   episode: {event.episode_id}" if event.episode_id else "")
    )
    f = event.fatalities
    if f.estimates:
        out.print(f"  fatalities: best {f.best}, low {f.low}, high {f.high}")
        for est in f.estimates:
            who = est.claimant.name if est.claimant else "unattributed"
            out.print(
                f"    {who}: best {est.best} low {est.low} high {est.high}"
                + (f" ({est.victims})" if est.victims else "")
                + f"  [{est.mention_id}]"
            )
    for c in event.contradictions:
        out.print(f"  [yellow]contradiction on {c.field}:[/]")
        for v in c.values:
            out.print(f"    {v.claimant.name if v.claimant else 'unattributed'}: {v.value}  [{v.mention_id}]")
    out.print("  mentions:")
    for m in mentions:
        art = articles.get(m.article_id)
        outlet = (art.outlet or art.source) if art else m.article_id
        who = m.claimant.name if m.claimant else "unattributed"
        out.print(f"    [cyan]{outlet}[/] {m.id} ({m.stance}, {who})")
        for span in m.evidence:
            text = span.text if len(span.text) <= MAX_EVIDENCE_CHARS else span.text[:MAX_EVIDENCE_CHARS] + "..."
            out.print(f"      \u201c{text}\u201d", highlight=False)
    if verbose or (ctx.obj is not None and getattr(ctx.obj, "verbose", False)):
        out.print("  why fused:")
        for line in explain(mentions, {k: v for k, v in articles.items() if v is not None}):
            out.print(f"    {line}", highlight=False)


def episodes_command(ctx: typer.Context) -> None:
    """List episodes: operations grouping events over days and places.

    Example:
      sitreps episodes
    """
    with _store(ctx) as store:
        episodes = store.episodes()
    table = Table(title=f"{len(episodes)} episodes")
    for col in ("id", "start", "end", "events", "name"):
        table.add_column(col, overflow="fold")
    for ep in episodes:
        table.add_row(ep.id, ep.start or "", ep.end or "", str(len(ep.event_ids)), ep.name or "")
    Console().print(table)


def register(app: typer.Typer) -> None:
    app.command("events")(events_command)
    app.command("event")(event_command)
    app.command("episodes")(episodes_command)
