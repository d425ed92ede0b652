"""A hostile page on another loopback origin tries to write to a token-less server, in a real
browser; the server's own page writes through its "Add a report" form."""

from __future__ import annotations

import functools
import http.server
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from tests.web.conftest import free_port, running_server

from sitreps.store import Store
from sitreps.web import WebSettings

pytestmark = pytest.mark.browser

ATTACK_PAGE = """<!doctype html>
<html><body>
<iframe name="sink"></iframe>
<form id="forged" method="POST" action="TARGET/api/ingest" enctype="text/plain" target="sink">
  <input type="hidden" name="Reuters - Forged report: rebels seized the airport on Monday, officials said. x"
         value="y">
</form>
<script>
window.results = {};
(async () => {
  const target = "TARGET/api/ingest";
  try {
    const opaque = await fetch(target, {method: "POST", mode: "no-cors", body: "Forged report: a second one."});
    window.results.noCors = opaque.type;
  } catch (e) { window.results.noCors = "failed: " + e.message; }
  try {
    const json = await fetch(target, {method: "POST", headers: {"Content-Type": "application/json"},
                                      body: JSON.stringify({text: "Forged report: a third one.", outlet: "Reuters"})});
    window.results.json = json.status;
  } catch (e) { window.results.json = "failed: " + e.message; }
  document.getElementById("forged").submit();
  window.results.formSubmitted = true;
})();
</script>
</body></html>
"""


def recording(app, seen: list[tuple[str, str, int]]):
    """The app, noting (method, path, status) of every HTTP response it sends."""

    async def wrapped(scope, receive, send):
        if scope["type"] != "http":
            return await app(scope, receive, send)

        async def noting(message):
            if message["type"] == "http.response.start":
                seen.append((scope["method"], scope["path"], message["status"]))
            await send(message)

        return await app(scope, receive, noting)

    return wrapped


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def attacker_origin(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A plain static web server on 127.0.0.2: another origin, as any site the analyst visits."""
    site = tmp_path / "site"
    site.mkdir()
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.2", free_port()), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site, f"http://127.0.0.2:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _articles(db: Path) -> int:
    with Store(db, read_only=True) as store:
        return len(store.articles())


def test_a_page_on_another_origin_cannot_write_and_the_apps_own_page_can(
    browser, tmp_path: Path, attacker_origin: tuple[Path, str]
) -> None:
    db = tmp_path / "target.duckdb"
    seen: list[tuple[str, str, int]] = []
    with running_server(WebSettings(db_path=db), wrap=lambda app: recording(app, seen)) as target:
        site, attacker = attacker_origin
        (site / "attack.html").write_text(ATTACK_PAGE.replace("TARGET", target), encoding="utf-8")
        before = _articles(db)
        context = browser.new_context()
        try:
            page = context.new_page()
            page.goto(attacker + "/attack.html")
            page.wait_for_function("window.results.formSubmitted === true", timeout=15000)
            deadline = time.monotonic() + 10
            while sum(1 for method, path, _ in seen if method == "POST") < 2 and time.monotonic() < deadline:
                time.sleep(0.05)  # the form's post goes out as the frame navigates
            results = page.evaluate("window.results")
            posts = [(path, status) for method, path, status in seen if method == "POST"]
            # The form and the no-cors fetch reach the server and are refused there; the JSON fetch
            # needs a CORS preflight this server never grants, so the browser does not even send it.
            assert posts == [("/api/ingest", 403), ("/api/ingest", 403)], (seen, results)
            assert results["noCors"] == "opaque" and str(results["json"]).startswith("failed")
            assert any(method == "OPTIONS" and status >= 400 for method, _, status in seen)
            assert _articles(db) == before == 0

            # DNS rebinding: the attacker's name pointed at 127.0.0.1 still names another host.
            rebound = httpx.get(target + "/api/events", headers={"Host": "attacker.example"})
            assert rebound.status_code == 421

            # The app's own page writes through its form, with the token the server gave it.
            # (bypass_csp only lets Playwright's wait_for_function run under the page's CSP.)
            own = browser.new_context(bypass_csp=True).new_page()
            own.goto(target + "/")
            own.wait_for_function("document.body.dataset.visibleEvents === '0'")
            own.click("#add-report summary")
            own.fill(
                "#report-text",
                "Gunmen attacked a convoy near Gao on Thursday, killing four soldiers, the army said in a statement.",
            )
            own.click("#report-form button[type=submit]")
            own.wait_for_function(
                "document.getElementById('report-result').textContent.startsWith('1 new article')", timeout=120000
            )
            assert _articles(db) == 1
            own.wait_for_function("Number(document.body.dataset.visibleEvents) >= 1")
            own.context.close()
        finally:
            context.close()
