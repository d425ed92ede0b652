"""The map page in a real browser (Debian's chromium via Playwright), against the real server."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from urllib.parse import urlparse

import pytest
from tests.web.sample_store import XSS_IMG, XSS_SCRIPT

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if not shutil.which(CHROMIUM):
        pytest.skip(f"no browser: {CHROMIUM} is not installed")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def offline_page(browser, base_url: str):
    """A page whose every request off this loopback server is blocked and recorded."""
    # bypass_csp: the page's CSP would also block Playwright's own evaluate(), and the XSS test
    # must show the page's escaping holds on its own, not only behind the CSP.
    context = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=True)
    outside: list[str] = []
    local = urlparse(base_url).netloc

    def guard(route) -> None:
        url = urlparse(route.request.url)
        if url.scheme in ("data", "blob") or url.netloc == local:
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(base_url + "/")
    page.wait_for_function("document.body.dataset.visibleEvents === '4'")
    yield page, outside, errors
    context.close()


def test_the_page_loads_offline_and_draws_every_event(offline_page) -> None:
    page, outside, errors = offline_page
    page.wait_for_selector(".leaflet-overlay-pane canvas")  # the Natural Earth outlines
    assert page.locator("#event-list li").count() == 4
    assert page.locator("path.event-marker").count() == 4
    assert outside == [] and errors == []


def test_a_region_level_event_is_an_area_not_a_pin(offline_page) -> None:
    page, _, _ = offline_page
    region = page.locator("path.event-marker.precision-3")
    assert region.count() == 1
    box = region.bounding_box()
    # Omdurman: an exact place with no fatalities, drawn as the smallest pin.
    pin = page.locator("path.event-marker.precision-1").last.bounding_box()
    assert box is not None and pin is not None and box["width"] > 1.5 * pin["width"]
    assert region.get_attribute("stroke-dasharray") == "5 4"
    assert float(region.get_attribute("fill-opacity") or 1) < 0.3  # shaded, not a solid dot


def test_brushing_the_timeline_filters_the_list_and_the_map(offline_page) -> None:
    page, _, _ = offline_page
    box = page.locator("#timeline").bounding_box()
    assert box is not None
    y = box["y"] + box["height"] / 2
    # The timeline spans 2024-03-03 .. 2024-03-13; drag over its first half (03-03 .. 03-08).
    page.mouse.move(box["x"] + 2, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.3, y, steps=5)
    page.mouse.move(box["x"] + box["width"] * 0.5, y, steps=5)
    page.mouse.up()
    page.wait_for_function("document.body.dataset.visibleEvents === '2'")
    places = page.locator("#event-list li").all_inner_texts()
    assert len(places) == 2 and "Kadugli" in places[0] and "Omdurman" in places[1]
    assert page.locator("path.event-marker").count() == 2
    page.click("#brush-clear")
    page.wait_for_function("document.body.dataset.visibleEvents === '4'")


def test_clicking_an_event_shows_each_outlets_evidence_highlighted(offline_page) -> None:
    page, _, _ = offline_page
    page.locator("#event-list li", has_text="Kadugli").locator("button").click()
    page.wait_for_selector("#event-panel .mention")
    panel = page.locator("#event-panel")
    marks = panel.locator("mark.evidence").all_inner_texts()
    assert any(m.startswith("Artillery fire hit the market in Kadugli") for m in marks)
    assert any(m.startswith("Shells struck Kadugli's central market") for m in marks)
    assert panel.locator(".badge.stance-claimed").count() == 1
    assert panel.locator(".badge.stance-reported").count() == 1
    headers = panel.locator("table.estimates thead th").all_inner_texts()
    assert any("local medical group" in h for h in headers)
    assert any("Government of Sudan" in h for h in headers)
    assert "Sources disagree on fatalities" in panel.locator(".contradiction").inner_text()


def test_clicking_a_marker_selects_its_event(offline_page) -> None:
    page, _, _ = offline_page
    page.locator("path.event-marker.precision-3").click()
    page.wait_for_selector("#event-panel .mention")
    assert "Air/drone strike" in page.locator("#event-panel h2").inner_text()
    assert "region only" in page.locator("#event-panel").inner_text()


def test_markup_in_an_article_renders_as_inert_text(offline_page) -> None:
    page, _, errors = offline_page
    page.locator("#event-list li", has_text="Omdurman").locator("button").click()
    page.wait_for_selector("#event-panel .mention")
    evidence = page.locator("#event-panel mark.evidence").inner_text()
    assert XSS_SCRIPT in evidence and XSS_IMG in evidence
    assert "Omdurman Notes <b>blog</b>" in page.locator("#event-panel .outlet").inner_text()
    page.locator("#event-panel button.link").click()
    page.wait_for_selector("#event-panel .article-view")
    assert XSS_SCRIPT in page.locator("#event-panel .article-view").inner_text()
    page.wait_for_timeout(200)  # give an injected onerror handler time to fire, were there one
    assert page.evaluate("window.__xss") is None
    assert page.locator("#event-panel script, #event-panel img").count() == 0
    assert errors == []
