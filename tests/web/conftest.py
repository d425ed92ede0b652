"""Fixtures for the web tests: a real uvicorn server on a free loopback port over a real store."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from tests.web.sample_store import SampleStore, build_sample_store

from sitreps.web import WebSettings, create_app


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running_server(settings: WebSettings, wrap: Callable[[Any], Any] | None = None) -> Iterator[str]:
    """Serve `create_app(settings)` (passed through `wrap`, if given) with uvicorn in a thread;
    yield its base URL; stop it after."""
    port = free_port()
    app = create_app(settings)
    config = uvicorn.Config(wrap(app) if wrap else app, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=5)


def csrf_headers(base_url: str) -> dict[str, str]:
    """The header a write must carry to a token-less server: the CSRF token its page is given."""
    page = httpx.get(base_url + "/").text
    match = re.search(r'<meta name="sitreps-csrf" content="([^"]+)">', page)
    assert match, "the page carries no CSRF token"
    return {"X-CSRF-Token": match.group(1)}


@contextmanager
def serve_process(db: Path, log: Path, *options: str) -> Iterator[str]:
    """`sitreps serve` as a user runs it, its stderr in `log`; yields the base URL."""
    port = free_port()
    command = [sys.executable, "-c", "from sitreps.cli import main; main()", "--db", str(db), "serve"]
    with log.open("wb") as stderr:
        server = subprocess.Popen(
            [*command, "--port", str(port), *options], env={**os.environ}, stdout=subprocess.DEVNULL, stderr=stderr
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    httpx.get(url + "/api/health", timeout=1)
                    break
                except httpx.TransportError:
                    assert server.poll() is None and time.monotonic() < deadline, log.read_text()
                    time.sleep(0.2)
            yield url
        finally:
            server.terminate()
            server.wait(10)


@pytest.fixture(scope="session")
def sample(tmp_path_factory: pytest.TempPathFactory) -> SampleStore:
    """The sample store, built once; tests that write use their own store."""
    return build_sample_store(tmp_path_factory.mktemp("web") / "sample.duckdb")


@pytest.fixture(scope="session")
def base_url(sample: SampleStore) -> Iterator[str]:
    with running_server(WebSettings(db_path=sample.path)) as url:
        yield url


@pytest.fixture
def client(base_url: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, timeout=10) as http:
        yield http


@pytest.fixture
def fresh_db(tmp_path: Path) -> Path:
    return tmp_path / "fresh.duckdb"


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if not shutil.which(CHROMIUM):
        pytest.skip(f"no browser: {CHROMIUM} is not installed")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()
