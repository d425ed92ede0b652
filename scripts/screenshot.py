"""Regenerate docs/screenshot.png from the demo store, by hand:

    python scripts/screenshot.py [--db /tmp/demo.duckdb] [--out docs/screenshot.png]

Runs `sitreps demo` into the store if it does not exist yet, serves it on a free loopback port,
opens the page in Debian's chromium through Playwright (every request off the server blocked,
as in tests/web/test_page.py), selects the event with the most sources and saves the page.
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

import httpx
import uvicorn
from playwright.sync_api import sync_playwright

from sitreps.web import WebSettings, create_app

CHROMIUM = "/usr/bin/chromium"
ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, default=Path("/tmp/demo.duckdb"))
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshot.png")
    args = parser.parse_args()
    if not args.db.exists():
        demo = [sys.executable, "-c", "from sitreps.cli import main; main()", "--db", str(args.db), "demo"]
        subprocess.run(demo, check=True, stdout=subprocess.DEVNULL)

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = uvicorn.Server(uvicorn.Config(create_app(WebSettings(db_path=args.db)), port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        events = httpx.get(base + "/api/events", params={"limit": 5000}).json()["events"]
        chosen = max(events, key=lambda e: (e["sources"], len(e["contradictions"])))
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            # bypass_csp: the page's CSP would also block Playwright's own wait_for_function.
            context = browser.new_context(viewport={"width": 1400, "height": 860}, bypass_csp=True)
            context.route(
                "**/*",
                lambda route: (
                    route.continue_() if urlparse(route.request.url).netloc == f"127.0.0.1:{port}" else route.abort()
                ),
            )
            page = context.new_page()
            page.goto(base + "/")
            page.wait_for_function("Number(document.body.dataset.visibleEvents) > 0")
            page.wait_for_selector(".leaflet-overlay-pane canvas")
            page.locator(f'#event-list li[data-id="{chosen["id"]}"] button').first.click()
            page.wait_for_selector("#event-panel .mention")
            # The map fits the events; a few steps out show the region and its borders around them.
            for _ in range(2):
                page.locator(".leaflet-control-zoom-out").click()
                page.wait_for_timeout(300)
            page.wait_for_timeout(500)
            page.screenshot(path=str(args.out))
            browser.close()
    finally:
        server.should_exit = True
        thread.join(5)
    print(f"wrote {args.out} ({len(events)} events; selected {chosen['id']}, {chosen['sources']} sources)")


if __name__ == "__main__":
    main()
