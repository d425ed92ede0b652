"""`sitreps serve`: run the web API and map page with uvicorn."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from typing import Optional

import typer

from sitreps.context import AppContext

LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


def is_loopback(host: str) -> bool:
    """True for hosts only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


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
    settings = WebSettings(
        db_path=Path(app_ctx.db_path),
        token=token or None,
        max_ingest_bytes=max_ingest_bytes,
        actors_files=tuple(app_ctx.actors_files),
    )
    app = create_app(settings)
    typer.echo(f"sitreps: serving {settings.db_path} at http://{host}:{port}/", err=True)
    uvicorn.run(app, host=host, port=port, log_level="debug" if app_ctx.verbose else "warning")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
