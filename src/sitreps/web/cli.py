"""`sitreps serve`: run the web API and map page with uvicorn."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from sitreps.context import AppContext
from sitreps.web.guard import is_loopback, split_host

__all__ = ["is_loopback", "register", "serve"]


def serve(
    ctx: typer.Context,
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to bind; off loopback a token is required."),
    port: int = typer.Option(8765, "--port", min=1, max=65535, help="TCP port."),
    token: Optional[str] = typer.Option(  # noqa: UP045 - Typer needs Optional on 3.11
        None,
        "--token",
        envvar="SITREPS_TOKEN",
        help="Bearer token every /api call must send (required when --host is not loopback).",
    ),
    max_ingest_bytes: int = typer.Option(
        5_000_000, "--max-ingest-bytes", min=1, help="Largest POST /api/ingest body; larger gets 413."
    ),
    allow_host: list[str] = typer.Option(
        [],
        "--allow-host",
        help="Also answer requests whose Host header is this name (repeatable), e.g. behind a reverse "
        "proxy; any other name but the bound address (and localhost) gets 421, against DNS rebinding.",
    ),
    body_timeout: float = typer.Option(
        30.0, "--body-timeout", min=0.1, help="Cut a request body that sends nothing for this many seconds (408)."
    ),
    write_queue: int = typer.Option(
        16, "--write-queue", min=0, help="POST /api/ingest requests that may wait behind the running one; more get 503."
    ),
) -> None:
    """Serve the JSON API (/api, OpenAPI at /openapi.json) and the offline map page (/).

    Example:  sitreps --db my.duckdb serve --port 8765   then open http://127.0.0.1:8765/
    """
    import uvicorn

    from sitreps.web.app import WebSettings, create_app

    app_ctx: AppContext = ctx.obj
    if not is_loopback(host) and not token:
        typer.echo(
            f"error: --host {host} exposes the API beyond this machine; give --token T (or SITREPS_TOKEN)",
            err=True,
        )
        raise typer.Exit(2)
    allowed_hosts = []
    for name in allow_host:
        try:
            allowed_hosts.append(split_host(name)[0])
        except ValueError:
            typer.echo(f"error: --allow-host {name!r} is not a host name", err=True)
            raise typer.Exit(2) from None
    settings = WebSettings(
        db_path=Path(app_ctx.db_path),
        token=token or None,
        max_ingest_bytes=max_ingest_bytes,
        actors_files=tuple(app_ctx.actors_files),
        allowed_hosts=tuple(allowed_hosts),
        body_timeout=body_timeout,
        max_queued_writes=write_queue,
    )
    app = create_app(settings)
    typer.echo(f"sitreps: serving {settings.db_path} at http://{host}:{port}/", err=True)
    uvicorn.run(app, host=host, port=port, log_level="debug" if app_ctx.verbose else "warning")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
