"""The map page in a real browser (Debian's chromium via Playwright), against the real server."""

from __future__ import annotations

from contextlib import contextmanager
from urllib.parse import urlparse

import httpx
import pytest
from tests.web.conftest import running_server
from tests.web.sample_store import XSS_IMG, XSS_SCRIPT

from sitreps.fuse import fuse
from sitreps.model import Actor, Article, DateValue, Fatalities, Location, Mention, Span
from sitreps.store import Store
from sitreps.web import WebSettings

pytestmark = pytest.mark.browser


@contextmanager
def offline_page_on(browser, url: str, events: int):
    """A page on `url` whose every request off that server is blocked and recorded; yields it
    once it shows `events` events, with the blocked URLs and the page's script errors."""
    # bypass_csp: the page's CSP would also block Playwright's own evaluate(), and the XSS test
    # must show the page's escaping holds on its own, not only behind the CSP.
    context = browser.new_context(viewport={"width": 1280, "height": 800}, bypass_csp=True)
    outside: list[str] = []
    local = urlparse(url).netloc

    def guard(route) -> None:
        target = urlparse(route.request.url)
        if target.scheme in ("data", "blob") or target.netloc == local:
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url + "/")
    page.wait_for_function(f"document.body.dataset.visibleEvents === '{events}'")
    try:
        yield page, outside, errors
    finally:
        context.close()


@pytest.fixture
def offline_page(browser, base_url: str):
    with offline_page_on(browser, base_url, 4) as opened:
        yield opened


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
    claimants = panel.locator("table.estimates tbody th").all_inner_texts()
    assert claimants[0] == "sitreps (fused)"
    assert any("local medical group" in c for c in claimants)
    assert any("Government of Sudan" in c for c in claimants)
    assert panel.locator(".contradiction").inner_text() == (
        "Sources disagree on fatalities: Government of Sudan (2019-): at least 31 killed · "
        "local medical group: 14 civilians killed"
    )


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


# -- a disputed event: many claims, sides that contradict each other --------------------------------

VALLEY = Location(
    name="Kidepo",
    toponym="Kidepo",
    geonameid=229_000,
    country_code="UG",
    admin1="Northern Region",
    lat=3.9,
    lon=33.85,
    geo_precision=1,
)
ARMY = Actor(id="XL_MIL", name="Military Forces of Xland (2020-)")
XL_GOV = Actor(id="XL_GOV", name="Government of Xland (2020-)")
HILL_GUARDS = Actor(id="unregistered:hill-guards", name="Hill Guards")
# Invented reports: (outlet, text, actor1, claimant, stance, fatalities)
DISPUTED = [
    (
        "Valley Times",
        "The army said it killed 12 militants who attacked a post near Kidepo on Friday.",
        ARMY,
        XL_GOV,
        "claimed",
        Fatalities(best=12, victims="militants", claimant=XL_GOV),
    ),
    (
        "Hill Voice",
        "The Hill Guards denied any of their men were killed near Kidepo on Friday.",
        HILL_GUARDS,
        HILL_GUARDS,
        "denied",
        Fatalities(best=0, claimant=HILL_GUARDS),
    ),
    (
        "Plains Courier",
        "Fighting near Kidepo on Friday killed 12 militants, the government said.",
        ARMY,
        XL_GOV,
        "claimed",
        Fatalities(best=12, victims="militants", claimant=XL_GOV),
    ),
    (
        "Border Radio",
        "A medic said between 15 and 20 people were killed near Kidepo on Friday.",
        ARMY,
        Actor(id="unregistered:a-medic", name="A medic"),
        "reported",
        Fatalities(low=15, high=20, claimant=Actor(id="unregistered:a-medic", name="A medic")),
    ),
]


@pytest.fixture(scope="module")
def disputed_url(tmp_path_factory: pytest.TempPathFactory):
    articles, mentions = [], []
    for n, (outlet, text, actor1, claimant, stance, fatalities) in enumerate(DISPUTED):
        article = Article(
            id=f"{n:016x}",
            source=f"disputed-{n}.txt",
            outlet=outlet,
            published=DateValue(start="2024-06-08", end="2024-06-08"),
            text=text,
        )
        articles.append(article)
        mentions.append(
            Mention(
                id=f"m-disputed-{n}",
                article_id=article.id,
                event_type="Battles",
                sub_event_type="Armed clash",
                date=DateValue(start="2024-06-07", end="2024-06-07"),
                location=VALLEY,
                actor1=actor1,
                claimant=claimant,
                stance=stance,
                fatalities=fatalities,
                evidence=[Span(start=0, end=len(text), text=text)],
            )
        )
    db = tmp_path_factory.mktemp("disputed") / "disputed.duckdb"
    with Store(db) as store:
        store.ingest_batch(articles, mentions, fuse)
    with running_server(WebSettings(db_path=db)) as url:
        yield url


@pytest.fixture
def disputed_page(browser, disputed_url: str):
    with offline_page_on(browser, disputed_url, 1) as (page, _, errors):
        yield page
        assert errors == []


def test_a_hint_says_to_click_an_event_until_one_is_chosen(disputed_page) -> None:
    hint = disputed_page.locator("#hint")
    assert hint.is_visible() and "Click an event" in hint.inner_text()
    disputed_page.locator("#event-list li button").first.click()
    disputed_page.wait_for_selector("#event-panel .mention")
    assert not hint.is_visible()


def test_contradictions_read_as_sentences_with_display_names(disputed_page) -> None:
    disputed_page.locator("#event-list li button").first.click()
    disputed_page.wait_for_selector("#event-panel .contradiction")
    by_field = {
        c.get_attribute("data-field"): c.inner_text()
        for c in disputed_page.locator("#event-panel .contradiction").all()
    }
    assert by_field["fatalities"] == (
        "Sources disagree on fatalities: Government of Xland (2020-): 12 militants killed · "
        "Hill Guards: none · A medic: 15–20 killed"
    )
    assert by_field["actor1"] == (
        "Sources disagree on who acted (actor 1): Government of Xland (2020-), A medic: "
        "Military Forces of Xland (2020-) · Hill Guards: Hill Guards"
    )
    assert "Hill Guards: denies it" in by_field["stance"]
    panel_text = disputed_page.locator("#event-panel").inner_text()
    for internal in ("XL_MIL", "XL_GOV", "unregistered:", '{"best"', "m-disputed"):
        assert internal not in panel_text


def test_the_fatalities_table_fits_its_panel_at_the_narrowest_layout(browser, disputed_url: str) -> None:
    with offline_page_on(browser, disputed_url, 1) as (page, _, _):
        page.set_viewport_size({"width": 800, "height": 700})  # the right panel at its 320 px minimum
        page.locator("#event-list li button").first.click()
        page.wait_for_selector("#event-panel table.estimates")
        panel = page.locator("#right").bounding_box()
        table = page.locator("#event-panel table.estimates").bounding_box()
        assert panel is not None and table is not None
        assert table["x"] >= panel["x"] and table["x"] + table["width"] <= panel["x"] + panel["width"]
        assert page.evaluate(
            "document.getElementById('right').scrollWidth <= document.getElementById('right').clientWidth"
        )
        rows = page.locator("#event-panel table.estimates tbody tr").all_inner_texts()
        (event,) = httpx.get(disputed_url + "/api/events").json()["events"]
        estimates = event["fatalities"]["estimates"]
        claims = {(e["claimant"]["id"], e["best"], e["low"], e["high"], e["victims"]) for e in estimates}
        # fused first, then one row per distinct claim: the two outlets carrying 12 militants share one
        assert len(rows) == 1 + len(claims) < 1 + len(estimates)
        assert rows[0].startswith("sitreps (fused)")
        assert any("via Valley Times, Plains Courier" in r or "via Plains Courier, Valley Times" in r for r in rows)
