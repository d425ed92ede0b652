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
        as_json: bool = typer.Option(False, "--json", help="Print one JSON document: a list of sitreps/1 Mentions."),
        as_jsonl: bool = typer.Option(False, "--jsonl", help="Print sitreps/1 Mentions as JSON lines."),
        limit: int = typer.Option(200, "--limit", help="At most this many rows."),
        explain: Optional[str] = typer.Option(  # noqa: UP045
            None,
            "--explain",
            metavar="MENTION_ID",
            help="Why this mention (id or prefix) was read: rule triggers, the model's top sub-types, the decision.",
        ),
    ) -> None:
        """List extracted mentions.

        Examples:
          sitreps mentions
          sitreps mentions --article 3f2a --json
          sitreps mentions --jsonl > mentions.jsonl
          sitreps mentions --explain 9c41e0
        """
        from sitreps.commands import read_store

        if explain is not None:
            _explain(ctx, explain)
            return
        with read_store(ctx.obj) as store:
            article_id = None
            if article:
                found = store.article(article)
                if found is None:
                    typer.echo(f"error: no article matches {article!r}", err=True)
                    raise typer.Exit(2)
                article_id = found.id
            rows = store.mentions(article_id=article_id)[:limit]
        if as_json:
            typer.echo(json.dumps([m.model_dump(mode="json") for m in rows], ensure_ascii=False))
            return
        if as_jsonl:
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


def _explain(ctx: typer.Context, mention_id: str) -> None:
    from sitreps.commands import read_store
    from sitreps.extract.event_step import ExtractorMode, explain_sentences
    from sitreps.extract.mentions import RuleExtractor

    with read_store(ctx.obj) as store:
        found = [m for m in store.mentions() if m.id.startswith(mention_id)]
        if len(found) != 1:
            reason = "no mention" if not found else f"{len(found)} mentions"
            typer.echo(f"error: {reason} match {mention_id!r}", err=True)
            raise typer.Exit(2)
        mention = found[0]
        article = store.article(mention.article_id)
    if article is None:
        typer.echo(f"error: the article of mention {mention.id} is not in the store", err=True)
        raise typer.Exit(2)
    typer.echo(f"mention {mention.id}: {mention.event_type} / {mention.sub_event_type or '-'} in article {article.id}")
    spans = [(e.start, e.end) for e in mention.evidence]
    extractor = RuleExtractor(tuple(ctx.obj.actors_files), ExtractorMode(ctx.obj.extractor))
    for line in explain_sentences(article.text, spans, extractor, published=article.published):
        typer.echo(line)
