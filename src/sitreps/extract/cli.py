"""`sitreps mentions`: the events each article reports, as it reports them."""

from __future__ import annotations

import json
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table


def register(app: typer.Typer) -> None:
    app.command("pipeline")(pipeline_command)

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
    from sitreps.config import config_path, load_steps_config

    steps = load_steps_config(config_path(ctx.obj.config))
    extractor = RuleExtractor(tuple(ctx.obj.actors_files), ExtractorMode(ctx.obj.extractor), steps)
    for line in explain_sentences(article.text, spans, extractor, published=article.published):
        typer.echo(line)


def pipeline_command(
    ctx: typer.Context,
    as_json: bool = typer.Option(False, "--json", help="Print the steps as one JSON document."),
) -> None:
    """The extraction steps, in order: what each reads and writes on the article's record, and its data files.

    Steps are replaced or added by name in sitreps.toml (or the file --config names):

      [steps]
      events = "my_package.events:make_step"     # or an installed sitreps.steps plug-in's name

      [[steps.add]]
      after = "background"
      step = "my_package.checks:make_step"

    Examples:
      sitreps pipeline
      sitreps --config sitreps.toml pipeline --json
    """
    from sitreps.config import ConfigError, config_path, load_steps_config
    from sitreps.extract.steps import pipeline_specs
    from sitreps.hookspecs import PluginError

    try:
        specs = pipeline_specs(load_steps_config(config_path(ctx.obj.config)))
    except (ConfigError, PluginError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from exc
    described = [spec.describe() for spec in specs]
    if as_json:
        typer.echo(json.dumps(described, indent=2))
        return
    table = Table("#", "step", "reads", "writes", "data", "from", title="extraction steps (per article)")
    for n, step in enumerate(described, 1):
        table.add_row(
            str(n),
            step["name"],
            ", ".join(step["reads"]),
            ", ".join(step["writes"]),
            ", ".join(step["data"]) or "-",
            step["origin"],
        )
    Console().print(table)
