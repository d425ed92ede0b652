"""Who may reach the server and who may write through it: checks made before any route runs.

A server on 127.0.0.1 is reachable by every web page the analyst opens: the browser sends a
page's form posts and `no-cors` fetches to any address, and DNS rebinding can point a name the
attacker owns at 127.0.0.1 so that even its responses become readable to the attacker's page.
Three rules close those doors:

* **Host.** A request's `Host` must name this server: the address the connection came in on
  (with the port it listens on), `localhost` when that address is loopback, or a name given with
  `sitreps serve --allow-host`. Anything else is answered 421, so a rebound name gets nothing.
* **Same origin for writes.** A state-changing request (any method but GET, HEAD, OPTIONS) whose
  `Origin` is not this server's, or that the browser labels `Sec-Fetch-Site` other than
  `same-origin` / `none`, is refused 403, whatever it carries.
* **Proof for writes.** Without `--token`, a write must send the per-server CSRF token in the
  `X-CSRF-Token` header; the page receives it in a `<meta>` element of its own HTML, which a
  page from another origin cannot read. A custom header is also something a form cannot send
  and a cross-origin `fetch` cannot send without a CORS preflight, which this server never
  grants. With `--token`, the bearer token (required on every /api call) is that proof.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import urlsplit

CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Sec-Fetch-Site values a write may carry: the page itself, or the user typing the address.
SAME_ORIGIN_FETCH_SITES = frozenset({"same-origin", "none"})
# Names that resolve to this machine without DNS, so no other party can rebind them.
LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


def is_loopback(host: str) -> bool:
    """True for hosts only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def split_host(value: str) -> tuple[str, int | None]:
    """'Example.org:8765' -> ('example.org', 8765); '[::1]' -> ('::1', None). ValueError if malformed."""
    parts = urlsplit("//" + value.strip())
    if parts.username is not None or parts.path or parts.query or parts.fragment or not parts.hostname:
        raise ValueError(f"malformed host {value!r}")
    return parts.hostname.lower(), parts.port


def host_is_allowed(host_header: str, server: tuple[str, int] | None, allowed_names: frozenset[str]) -> bool:
    """Whether a request's Host header names this server (see the module docstring).

    `server` is the (address, port) the connection arrived on; `allowed_names` are lower-case
    names accepted on any port (a reverse proxy in front may listen on another one).
    """
    try:
        name, port = split_host(host_header)
    except ValueError:
        return False
    if name in allowed_names:
        return True
    if server is None:
        return False
    address, listening_port = server[0].lower(), int(server[1])
    if (port if port is not None else 80) != listening_port:
        return False
    return name == address.strip("[]") or (name in LOOPBACK_NAMES and is_loopback(address))


def cross_site_reason(headers: dict[str, str], host_header: str) -> str | None:
    """Why a write looks like it comes from another origin's page, or None if it does not."""
    fetch_site = headers.get("sec-fetch-site")
    if fetch_site is not None and fetch_site.lower() not in SAME_ORIGIN_FETCH_SITES:
        return f"the browser marked it Sec-Fetch-Site: {fetch_site}"
    origin = headers.get("origin")
    if origin is not None and (origin == "null" or urlsplit(origin).netloc.lower() != host_header.lower()):
        return f"it comes from the page of another origin ({origin})"
    return None


class RequestGuard:
    """ASGI middleware applying the Host, same-origin and CSRF rules before the app sees a request."""

    def __init__(self, app: ASGIApp, *, csrf_token: str, bearer_required: bool, allowed_hosts: frozenset[str]):
        self.app = app
        self.csrf_token = csrf_token
        self.bearer_required = bearer_required
        self.allowed_hosts = allowed_hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        host = headers.get("host", "")
        server = scope.get("server")
        refusal = self._refusal(scope["method"], headers, host, server)
        if refusal is None:
            await self.app(scope, receive, send)
            return
        status, detail = refusal
        body = json.dumps({"detail": detail}).encode("utf-8")
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"x-content-type-options", b"nosniff"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})

    def _refusal(
        self, method: str, headers: dict[str, str], host: str, server: tuple[str, int] | None
    ) -> tuple[int, str] | None:
        if not host:
            return 400, "missing Host header"
        if not host_is_allowed(host, server, self.allowed_hosts):
            here = f"{server[0]}:{server[1]}" if server else "this server"
            return 421, (
                f"Host {host!r} is not this server ({here}); to reach it under another name "
                "start it with sitreps serve --allow-host NAME"
            )
        if method.upper() in SAFE_METHODS:
            return None
        reason = cross_site_reason(headers, host)
        if reason is not None:
            return 403, f"cross-site write refused: {reason}"
        if self.bearer_required:
            return None  # the bearer-token check on every /api route proves the caller
        given = headers.get(CSRF_HEADER, "")
        if not hmac.compare_digest(given.encode("utf-8"), self.csrf_token.encode("utf-8")):
            return 403, (
                "write refused: send the server's CSRF token in the X-CSRF-Token header (the page "
                "does so; reload it if the server restarted), or start the server with --token "
                "and send Authorization: Bearer <token>"
            )
        return None
