"""`sitreps actors unknown` and `sitreps actors lookup NAME`: the actor registry seen from the CLI.

`unknown` lists the actor names the store's mentions carry that no registry entry knows (kept as
written, id `unregistered:...`), most frequent first, so a user can add them to an `--actors`
file; `lookup` shows the entry a name resolves to, its aliases and links, and why it matched.
"""

from __future__ import annotations

from collections import Counter

import typer
from rich.console import Console
from rich.table import Table

from sitreps.context import AppContext

actors_app = typer.Typer(help="The actor registry: unregistered names in the store, and lookups.", no_args_is_help=True)


@actors_app.command("unknown")
def unknown(
    ctx: typer.Context,
    limit: int = typer.Option(30, "--limit", "-n", help="How many names to list."),
) -> None:
    """Most frequent actor names in the store that no registry entry knows.

    Example: sitreps actors unknown --limit 50
    """
    from sitreps.commands import read_store

    with read_store(ctx.obj) as store:
        mentions = store.mentions()
    counts = unregistered_counts(mentions)
    table = Table("mentions", "name as written", "id")
    for (actor_id, name), n in counts.most_common(limit):
        table.add_row(str(n), name, actor_id)
    Console().print(table if counts else "no unregistered actor names in the store")


def unregistered_counts(mentions) -> Counter[tuple[str, str]]:
    """(id, name) of every unregistered actor on either side of the mentions, with its count."""
    counts: Counter[tuple[str, str]] = Counter()
    for m in mentions:
        for actor in (m.actor1, m.actor2, *m.assoc_actor_1, *m.assoc_actor_2):
            if actor is not None and actor.id.startswith("unregistered:"):
                counts[(actor.id, actor.name)] += 1
    return counts


@actors_app.command("lookup")
def lookup(ctx: typer.Context, name: str = typer.Argument(..., help="A name as a report writes it.")) -> None:
    """The registry entry a name resolves to, its aliases, and why it matched.

    Example: sitreps actors lookup "SSPDF"
    """
    from sitreps.resolve.actors import get_registry

    app_ctx: AppContext = ctx.obj
    registry = get_registry(tuple(app_ctx.actors_files))
    found = registry.explain(name)
    console = Console()
    if found is None:
        group = registry.identity(name)
        if group is not None:
            militia = registry.identity_militia(group, group.kind, None)
            console.print(f"{name!r}: a community ({group.kind}); its militia is named {militia.name!r}")
            return
        cc = registry.country_of_modifier(name)
        if cc is not None:
            forces = registry.compose(cc, "military")
            console.print(f"{name!r}: names {registry.country_label(cc)}; its forces are {forces.name!r}")
            return
        console.print(f"{name!r}: no registry entry (kept as written when read in a report)")
        raise typer.Exit(1)
    entry, how = found
    table = Table(show_header=False)
    rows = [
        ("name", entry.name),
        ("id", entry.id),
        ("matched by", how),
        ("type / inter", f"{entry.type} / {entry.inter}"),
        ("countries", ", ".join(entry.countries)),
        ("years", "-".join(str(y) if y else "" for y in entry.years) if entry.years[0] else ""),
        ("aliases", ", ".join(entry.aliases)),
        ("abbreviations", ", ".join(entry.abbreviations)),
        ("local names", ", ".join(entry.local_names)),
        ("parent", entry.parent or ""),
        ("allies", ", ".join(entry.allies)),
        ("successor of", entry.successor_of or ""),
        ("related", ", ".join(entry.related)),
        ("branches", ", ".join(c for c, e in registry.entries.items() if e.parent == entry.id)),
        ("from", entry.source),
    ]
    for key, value in rows:
        if value:
            table.add_row(key, value)
    console.print(table)


def register(app: typer.Typer) -> None:
    app.add_typer(actors_app, name="actors")
