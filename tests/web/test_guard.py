"""Requests that must not reach the store: wrong Host (DNS rebinding), cross-site and token-less writes."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import httpx
import pytest
from tests.web.conftest import csrf_headers, running_server, serve_process

from sitreps.store import Store
from sitreps.web import WebSettings
from sitreps.web.guard import host_is_allowed

SERVER = ("127.0.0.1", 8765)


@pytest.mark.parametrize(
    ("host", "server", "allowed", "expected"),
    [
        ("127.0.0.1:8765", SERVER, (), True),
        ("localhost:8765", SERVER, (), True),  # loopback names cannot be rebound by anyone
        ("LOCALHOST:8765", SERVER, (), True),
        ("127.0.0.1:8766", SERVER, (), False),  # another port: another origin
        ("127.0.0.1", SERVER, (), False),  # port 80 implied
        ("127.0.0.2:8765", SERVER, (), False),  # not the address the connection came in on
        ("evil.example", SERVER, (), False),
        ("evil.example:8765", SERVER, (), False),
        ("localhost:8765", ("192.168.1.20", 8765), (), False),  # bound off loopback: a name is no proof
        ("192.168.1.20:8765", ("192.168.1.20", 8765), (), True),
        ("[::1]:8765", ("::1", 8765), (), True),
        ("sitreps.lan", SERVER, ("sitreps.lan",), True),  # --allow-host, on any port (a proxy's)
        ("sitreps.lan:443", SERVER, ("sitreps.lan",), True),
        ("other.lan", SERVER, ("sitreps.lan",), False),
        ("user@127.0.0.1:8765", SERVER, (), False),
        ("127.0.0.1:8765/path", SERVER, (), False),
        ("127.0.0.1:port", SERVER, (), False),
    ],
)
def test_a_host_header_is_accepted_only_when_it_names_this_server(
    host: str, server: tuple[str, int], allowed: tuple[str, ...], expected: bool
) -> None:
    assert host_is_allowed(host, server, frozenset(allowed)) is expected


def test_a_request_for_another_host_name_is_refused_421(client: httpx.Client) -> None:
    for path in ("/api/events", "/", "/static/app.js", "/openapi.json"):
        response = client.get(path, headers={"Host": "evil.example"})
        assert response.status_code == 421, path
        assert "--allow-host" in response.json()["detail"]
    port = urlparse(str(client.base_url)).port
    assert client.get("/api/health", headers={"Host": f"localhost:{port}"}).status_code == 200
    assert client.get("/api/health").status_code == 200


def test_allow_host_admits_a_name(tmp_path: Path) -> None:
    with running_server(WebSettings(db_path=tmp_path / "s.duckdb", allowed_hosts=("sitreps.lan",))) as url:
        assert httpx.get(url + "/api/health", headers={"Host": "sitreps.lan"}).status_code == 200
        assert httpx.get(url + "/api/health", headers={"Host": "evil.example"}).status_code == 421


@pytest.fixture(scope="module")
def write_target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A token-less server over its own store; every write below must be stopped before the pipeline."""
    db = tmp_path_factory.mktemp("guard") / "guard.duckdb"
    with running_server(WebSettings(db_path=db)) as url:
        yield url, db


REPORT = b"Gunmen attacked a convoy near Gao on Thursday, killing four soldiers, the army said."


def _stored_articles(db: Path) -> int:
    with Store(db, read_only=True) as store:
        return len(store.articles())


@pytest.mark.parametrize(
    ("extra_headers", "status", "message"),
    [
        ({}, 403, "X-CSRF-Token"),
        ({"X-CSRF-Token": "guessed"}, 403, "X-CSRF-Token"),
        ({"csrf": True, "Origin": "http://127.0.0.1:9999"}, 403, "another origin"),
        ({"csrf": True, "Origin": "null"}, 403, "another origin"),
        ({"csrf": True, "Sec-Fetch-Site": "cross-site"}, 403, "Sec-Fetch-Site"),
        ({"csrf": True, "Sec-Fetch-Site": "same-site"}, 403, "Sec-Fetch-Site"),  # another port of 127.0.0.1
        ({"csrf": True, "Content-Type": "application/x-www-form-urlencoded"}, 415, "Content-Type"),
        ({"csrf": True, "Content-Type": "multipart/form-data; boundary=x"}, 415, "Content-Type"),
        ({"csrf": True, "Host": "evil.example"}, 421, "--allow-host"),
    ],
)
def test_a_write_without_same_origin_proof_is_refused_and_stores_nothing(
    write_target: tuple[str, Path], extra_headers: dict, status: int, message: str
) -> None:
    url, db = write_target
    headers = {"Content-Type": "text/plain"}
    if extra_headers.pop("csrf", False):
        headers.update(csrf_headers(url))
    headers.update(extra_headers)
    before = _stored_articles(db)
    response = httpx.post(url + "/api/ingest", content=REPORT, headers=headers)
    assert response.status_code == status, response.text
    assert message in response.json()["detail"]
    assert _stored_articles(db) == before


def test_the_csrf_token_with_the_pages_own_origin_passes_the_guard(write_target: tuple[str, Path]) -> None:
    url, _ = write_target
    headers = {**csrf_headers(url), "Origin": url, "Sec-Fetch-Site": "same-origin", "Content-Type": "text/plain"}
    # An empty body is refused by the route itself (422), past every guard.
    response = httpx.post(url + "/api/ingest", content=b" ", headers=headers)
    assert response.status_code == 422 and "empty body" in response.json()["detail"]


def test_each_server_run_has_its_own_csrf_token(tmp_path: Path) -> None:
    with running_server(WebSettings(db_path=tmp_path / "a.duckdb")) as first:
        one = csrf_headers(first)["X-CSRF-Token"]
        assert httpx.get(first + "/").headers["cache-control"] == "no-store"
    with running_server(WebSettings(db_path=tmp_path / "a.duckdb")) as second:
        assert csrf_headers(second)["X-CSRF-Token"] != one


def test_with_a_bearer_token_the_token_is_the_proof(tmp_path: Path) -> None:
    with running_server(WebSettings(db_path=tmp_path / "t.duckdb", token="t0ken")) as url:
        bearer = {"Authorization": "Bearer t0ken", "Content-Type": "text/plain"}
        assert httpx.post(url + "/api/ingest", content=b" ", headers=bearer).status_code == 422
        crossed = httpx.post(url + "/api/ingest", content=b" ", headers={**bearer, "Sec-Fetch-Site": "cross-site"})
        assert crossed.status_code == 403
        assert httpx.post(url + "/api/ingest", content=b" ", headers={"Content-Type": "text/plain"}).status_code == 401


def test_sitreps_serve_allow_host_admits_a_name_and_refuses_a_bad_one(tmp_path: Path) -> None:
    with serve_process(tmp_path / "s.duckdb", tmp_path / "serve.log", "--allow-host", "Sitreps.LAN:8443") as url:
        assert httpx.get(url + "/api/health", headers={"Host": "sitreps.lan"}).status_code == 200
        assert httpx.get(url + "/api/health", headers={"Host": "evil.example"}).status_code == 421
    command = [sys.executable, "-c", "from sitreps.cli import main; main()", "--db", str(tmp_path / "s.duckdb")]
    bad = subprocess.run(
        [*command, "serve", "--allow-host", "a/b"], capture_output=True, text=True, timeout=60, env={**os.environ}
    )
    assert bad.returncode == 2 and "--allow-host 'a/b' is not a host name" in bad.stderr
