"""`sitreps events`, `sitreps event ID`, `sitreps episodes`: read fused events from the store.

Commands parse arguments, read through `sitreps.store.Store` (read-only) and render with Rich;
`event ID --verbose` re-runs the merge rules over the event's mentions to say why they fused.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Optional

import typer
from rich.console import Console
from rich.table import Table

from sitreps.commands import read_store

if TYPE_CHECKING:  # fusion and the models (pydantic) load in the commands that need them: start-up
    from sitreps.model import Contradiction, Event, Fatalities, Mention

MAX_EVIDENCE_CHARS = 300  # one sentence or two: enough to check the mention, short enough to scan


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


def figure(f: Fatalities | dict) -> str:
    """A fatality figure as a person says it: "23 killed (militants)", "more than 70", "none"."""
    best, low, high, victims = (
        (f.get("best"), f.get("low"), f.get("high"), f.get("victims"))
        if isinstance(f, dict)
        else (f.best, f.low, f.high, f.victims)
    )
    if best == 0 or (best is None and high == 0):
        text = "none killed"
    elif best is not None:
        text = f"{best} killed"
    elif low is not None and high is not None:
        text = f"{low} to {high} killed"
    elif low is not None:
        text = f"at least {low} killed"
    else:
        text = f"up to {high} killed"
    return text + (f" ({victims})" if victims else "")


def contradiction_sentence(c: Contradiction, mentions: dict[str, Mention], outlets: dict[str, str]) -> str:
    """ "fatalities: Government of Kenya: 23 killed · Frontier Sentinels: none killed" (names, never
    ids); the outlet's own voice is named by the outlet (`outlets`: mention id -> outlet)."""
    parts = []
    for v in c.values:
        own = v.claimant is None or v.claimant.id == "reporter"
        who = outlets.get(v.mention_id, "unattributed") if own else v.claimant.name  # type: ignore[union-attr]
        value: object = v.value
        if c.field == "fatalities" and isinstance(value, dict):
            value = figure(value)
        elif c.field in ("actor1", "actor2") and v.mention_id in mentions:
            actor = getattr(mentions[v.mention_id], c.field)
            value = actor.name if actor else value
        parts.append(f"{who}: {value}")
    return f"{c.field}: " + " · ".join(parts)


def events_command(
    ctx: typer.Context,
    since: Optional[str] = typer.Option(None, "--since", help="Events on or after YYYY-MM-DD."),  # noqa: UP045
    until: Optional[str] = typer.Option(None, "--until", help="Events on or before YYYY-MM-DD."),  # noqa: UP045
    type_: Optional[str] = typer.Option(None, "--type", help="ACLED event type, e.g. Battles."),  # noqa: UP045
    country: Optional[str] = typer.Option(None, "--country", help="ISO country code, e.g. KE."),  # noqa: UP045
    actor: Optional[str] = typer.Option(None, "--actor", help="Any actor name containing this."),  # noqa: UP045
    place: Optional[str] = typer.Option(None, "--place", help="Place or region containing this."),  # noqa: UP045
    min_sources: Optional[int] = typer.Option(None, "--min-sources", min=1, help="At least N outlets."),  # noqa: UP045
    limit: int = typer.Option(50, "--limit", min=1, help="Show at most N events."),
    as_json: bool = typer.Option(False, "--json", help="One JSON document: {total, events: [sitreps/1 Event]}."),
) -> None:
    """List fused events that match the filters.

    Columns: src is the number of outlets carrying the event; indep how many of them trace to an
    origin of their own (their own reporting, or a claimant no other of them quotes), so never more
    than src. A bad filter value (a date not YYYY-MM-DD, an unknown type or country) exits 2.

    Examples:
      sitreps events
      sitreps events --since 2025-04-01 --until 2025-04-30 --type Battles --min-sources 2
      sitreps events --actor "Wagner" --place Bakhmut --json
    """
    from sitreps.commands import validated_filter
    from sitreps.store import EventFilter

    f = validated_filter(
        EventFilter(
            since=since,
            until=until,
            type=type_,
            country=country,
            actor=actor,
            place=place,
            min_sources=min_sources,
            limit=limit,
        )
    )
    with read_store(ctx.obj) as store:
        events = store.events(f)
        total = store.count_events(EventFilter(**{**f.__dict__, "limit": None}))
    if as_json:
        typer.echo(
            json.dumps({"total": total, "events": [e.model_dump(mode="json") for e in events]}, ensure_ascii=False)
        )
        return
    from sitreps.commands import stdout_console

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
    stdout_console().print(table)


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
    from sitreps.fuse.event_fields import FATALITY_RULE
    from sitreps.fuse.fusion import explain

    with read_store(ctx.obj) as store:
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
    by_id = {m.id: m for m in mentions}
    outlets = {}
    for m in mentions:
        art = articles.get(m.article_id)
        outlets[m.id] = (art.outlet or art.source) if art else m.article_id
    out = Console(highlight=False, soft_wrap=True)
    out.print(f"[bold]{event.id}[/]  {event.event_type} / {event.sub_event_type or '-'}")
    out.print(f"  date: {_date(event)}   place: {_place(event)}   actors: {_actors(event)}")
    out.print(
        f"  sources: {event.sources} outlets, {event.independent_sources} independent "
        "(outlets tracing to an origin of their own)" + (f"   episode: {event.episode_id}" if event.episode_id else "")
    )
    f = event.fatalities
    if f.estimates or f.best is not None:
        best = "unknown" if f.best is None else str(f.best)
        out.print(f"  fatalities: best {best} (low {f.low}, high {f.high})")
        out.print(f"    [dim]{FATALITY_RULE}[/]")
        told: dict[str, list[str]] = {}  # "who: figure" -> the mentions that say it
        for est in f.estimates:
            own = est.claimant is None or est.claimant.id == "reporter"
            who = outlets.get(est.mention_id, "the outlet") if own else est.claimant.name  # type: ignore[union-attr]
            told.setdefault(f"{who}: {figure(est)}", []).append(est.mention_id)
        for line, ids in told.items():
            seen = ids[0] if len(ids) == 1 else f"{len(ids)} mentions, e.g. {ids[0]}"
            out.print(f"    {line}  [dim]({seen})[/]")
    for c in event.contradictions:
        out.print(f"  [yellow]contradiction[/] on {contradiction_sentence(c, by_id, outlets)}")
    out.print("  mentions:")
    for m in mentions:
        outlet = outlets[m.id]
        who = m.claimant.name if m.claimant else "unattributed"
        out.print(f"    [cyan]{outlet}[/] {m.id} ({m.stance}, {who})")
        for span in m.evidence:
            text = span.text if len(span.text) <= MAX_EVIDENCE_CHARS else span.text[:MAX_EVIDENCE_CHARS] + "..."
            out.print(f"      \u201c{text}\u201d", highlight=False)
    if verbose or (ctx.obj is not None and getattr(ctx.obj, "verbose", False)):
        out.print("  why fused:")
        for line in explain(mentions, {k: v for k, v in articles.items() if v is not None}):
            out.print(f"    {line}", highlight=False)


def episodes_command(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help='One JSON document: {"episodes": [sitreps/1 Episode]}.'),
) -> None:
    """List episodes: operations grouping events over days and places.

    Example:
      sitreps episodes --json
    """
    with read_store(ctx.obj) as store:
        episodes = store.episodes()
    if as_json:
        typer.echo(json.dumps({"episodes": [ep.model_dump(mode="json") for ep in episodes]}, ensure_ascii=False))
        return
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
