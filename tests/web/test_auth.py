"""Who may call the API: anyone on loopback; off loopback only holders of the bearer token."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from tests.web.conftest import running_server
from tests.web.sample_store import SampleStore

from sitreps.web import WebSettings
from sitreps.web.cli import is_loopback

TOKEN = "s3cret-token-for-tests"


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.3.2.1", True),
        ("::1", True),
        ("[::1]", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("192.168.1.20", False),
        ("::", False),
        ("example.org", False),
    ],
)
def test_only_loopback_hosts_count_as_local(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_serving_off_loopback_without_a_token_is_refused(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from sitreps.cli import main; main()",
            "--db",
            str(tmp_path / "s.duckdb"),
            "serve",
            "--host",
            "0.0.0.0",
            "--port",
            "9",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == 2
    assert "--token" in result.stderr


@pytest.fixture(scope="module")
def guarded_url(sample: SampleStore):
    with running_server(WebSettings(db_path=sample.path, token=TOKEN)) as url:
        yield url


@pytest.mark.parametrize("path", ["/api/health", "/api/events", "/api/stats", "/api/episodes"])
def test_with_a_token_every_api_call_needs_the_bearer_header(guarded_url: str, path: str) -> None:
    missing = httpx.get(guarded_url + path)
    assert missing.status_code == 401
    assert missing.headers["www-authenticate"] == "Bearer"
    assert "bearer token" in missing.json()["detail"]
    wrong = httpx.get(guarded_url + path, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    right = httpx.get(guarded_url + path, headers={"Authorization": f"Bearer {TOKEN}"})
    assert right.status_code == 200


def test_ingest_is_guarded_too(guarded_url: str) -> None:
    response = httpx.post(guarded_url + "/api/ingest", content=b"Some report text.")
    assert response.status_code == 401


def test_the_page_itself_loads_without_a_token(guarded_url: str) -> None:
    # The page holds no data; it asks for the token and sends it with its API calls.
    assert httpx.get(guarded_url + "/").status_code == 200
