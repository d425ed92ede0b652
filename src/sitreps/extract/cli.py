"""`sitreps mentions`: the events each article reports, as it reports them."""

from __future__ import annotations

import json
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table


def register(app: typer.Typer) -> None:
    @app.command("mentions")
    def mentions_command(
        ctx: typer.Context,
        article: Optional[str] = typer.Option(None, "--article", "-a", help="Only this article (id or prefix)."),  # noqa: UP045
        as_json: bool = typer.Option(False, "--json", help="Print sitreps/1 Mention JSON lines."),
        limit: int = typer.Option(200, "--limit", help="At most this many rows."),
    ) -> None:
        """List extracted mentions.

        Examples:
          sitreps mentions
          sitreps mentions --article 3f2a --json
        """
        from sitreps.store import Store

        with Store(ctx.obj.db_path, read_only=True) as store:
            article_id = None
            if article:
                found = store.article(article)
                if found is None:
                    typer.echo(f"error: no article matches {article!r}", err=True)
                    raise typer.Exit(2)
                article_id = found.id
            rows = store.mentions(article_id=article_id)[:limit]
        if as_json:
            for m in rows:
                typer.echo(json.dumps(m.model_dump(mode="json"), ensure_ascii=False))
            return
        table = Table(title=f"{len(rows)} mentions")
        for col in ("id", "date", "type", "sub-type", "place", "actor1", "actor2", "claimant", "stance", "deaths"):
            table.add_column(col, overflow="fold")
        for m in rows:
            f = m.fatalities
            deaths = "" if f is None else str(f.best if f.best is not None else f"{f.low or ''}..{f.high or ''}")
            table.add_row(
                m.id[:10],
                m.date.start if m.date else "",
                m.event_type,
                m.sub_event_type or "",
                m.location.name if m.location else "",
                m.actor1.name if m.actor1 else "",
                m.actor2.name if m.actor2 else "",
                m.claimant.name if m.claimant else "",
                m.stance,
                deaths,
            )
        Console().print(table)
