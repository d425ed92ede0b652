"""The JSON API, spoken to over HTTP on a real uvicorn server backed by a real DuckDB store."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from tests.web.conftest import csrf_headers, running_server
from tests.web.sample_store import XSS_SCRIPT, SampleStore

from sitreps.model import Event
from sitreps.store import Store
from sitreps.web import WebSettings
from sitreps.web.app import evidence_context, parse_bbox


def event_at(client: httpx.Client, place: str) -> dict:
    events = client.get("/api/events").json()["events"]
    return next(e for e in events if e["location"]["name"] == place)


# -- health and listing ---------------------------------------------------------------------------


def test_health_answers_ok_with_the_schema_version(client: httpx.Client) -> None:
    body = client.get("/api/health").json()
    assert body["status"] == "ok"
    assert body["schema_version"] == "sitreps/1"


def test_events_are_listed_by_date_with_a_total(client: httpx.Client) -> None:
    body = client.get("/api/events").json()
    assert body["total"] == 4
    days = [e["date"]["start"] for e in body["events"]]
    assert days == sorted(days) == ["2024-03-04", "2024-03-07", "2024-03-09", "2024-03-12"]
    for event in body["events"]:
        Event.model_validate(event)  # every listed event is a valid sitreps/1 Event


@pytest.mark.parametrize(
    ("params", "places"),
    [
        ({"type": "Battles"}, ["Baidoa"]),
        ({"sub_type": "air/drone strike"}, ["Sagaing Region"]),
        ({"since": "2024-03-07", "until": "2024-03-09"}, ["Omdurman", "Sagaing Region"]),
        ({"actor": "rapid support"}, ["Kadugli"]),
        ({"country": "sd"}, ["Kadugli", "Omdurman"]),
        ({"admin1": "Bay"}, ["Baidoa"]),
        ({"bbox": "25,5,35,20"}, ["Kadugli", "Omdurman"]),
        ({"min_sources": 2}, ["Kadugli"]),
        ({"q": "army base"}, ["Baidoa"]),
        ({"type": "Riots"}, []),
    ],
)
def test_each_filter_narrows_the_events(client: httpx.Client, params: dict, places: list[str]) -> None:
    body = client.get("/api/events", params=params).json()
    assert [e["location"]["name"] for e in body["events"]] == places
    assert body["total"] == len(places)


def test_paging_returns_consecutive_slices_and_the_full_total(client: httpx.Client) -> None:
    first = client.get("/api/events", params={"limit": 2}).json()
    second = client.get("/api/events", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == second["total"] == 4
    ids = [e["id"] for e in first["events"] + second["events"]]
    assert ids == [e["id"] for e in client.get("/api/events").json()["events"]]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"since": "2024-13-45"}, "since"),
        ({"until": "yesterday"}, "until"),
        ({"type": "Skirmish"}, "type"),
        ({"bbox": "1,2,3"}, "bbox"),
        ({"bbox": "10,60,20,50"}, "south <= north"),
        ({"limit": 0}, "limit"),
        ({"limit": 100000}, "limit"),
        ({"offset": -1}, "offset"),
        ({"min_sources": "many"}, "min_sources"),
        ({"country": "Sudan"}, "country"),
        ({"since": "2024-03-10", "until": "2024-03-01"}, "since must not be after until"),
    ],
)
def test_a_bad_filter_is_a_422_that_names_the_problem(client: httpx.Client, params: dict, message: str) -> None:
    response = client.get("/api/events", params=params)
    assert response.status_code == 422
    assert message in response.json()["detail"]


# -- details --------------------------------------------------------------------------------------


def test_event_detail_has_mentions_with_evidence_in_context(client: httpx.Client, sample: SampleStore) -> None:
    kadugli = event_at(client, "Kadugli")
    detail = client.get(f"/api/events/{kadugli['id']}").json()
    assert {m["outlet"] for m in detail["mentions"]} == {"Nile Wire", "Kordofan Daily"}
    wire = next(m for m in detail["mentions"] if m["outlet"] == "Nile Wire")
    (context,) = wire["contexts"]
    text = sample.articles["kordofan_wire"].text
    assert text[context["start"] : context["end"]] == context["text"]
    assert context["text"].startswith("Artillery fire hit the market in Kadugli")
    assert context["before"] == "KADUGLI, Sudan, March 4 - "
    assert context["after"].startswith(" The Rapid Support Forces denied")
    assert wire["claimant"]["name"] == "local medical group" and wire["stance"] == "reported"


def test_event_detail_keeps_both_fatality_estimates_and_the_contradiction(client: httpx.Client) -> None:
    detail = client.get(f"/api/events/{event_at(client, 'Kadugli')['id']}").json()
    figures = {e["claimant"]["name"]: (e["best"], e["low"]) for e in detail["fatalities"]["estimates"]}
    assert figures == {"local medical group": (14, None), "Government of Sudan (2019-)": (None, 31)}
    assert [c["field"] for c in detail["contradictions"]] == ["fatalities"]


def test_an_event_can_be_fetched_by_id_prefix(client: httpx.Client) -> None:
    full_id = event_at(client, "Baidoa")["id"]
    assert client.get(f"/api/events/{full_id[:9]}").json()["id"] == full_id


@pytest.mark.parametrize("path", ["/api/events/ev-nope", "/api/articles/ffff0000", "/api/episodes/ep-nope"])
def test_an_unknown_id_is_a_404_with_a_message(client: httpx.Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert "no " in response.json()["detail"]


def test_article_detail_has_text_removed_boilerplate_and_spans(client: httpx.Client, sample: SampleStore) -> None:
    article = sample.articles["kordofan_wire"]
    body = client.get(f"/api/articles/{article.id}").json()
    assert body["text"] == article.text
    assert body["removed"] == ["Subscribe to our newsletter"]
    (span,) = body["spans"]
    assert article.text[span["start"] : span["end"]] == span["text"]
    assert span["event_type"] == "Explosions/Remote violence" and span["event_id"].startswith("ev-")


def test_markup_in_article_text_comes_back_verbatim_as_json_text(client: httpx.Client, sample: SampleStore) -> None:
    body = client.get(f"/api/articles/{sample.articles['xss_blog'].id}").json()
    assert XSS_SCRIPT in body["text"]
    assert client.get("/api/health").headers["content-type"].startswith("application/json")


def test_episodes_list_and_unknown_episode(client: httpx.Client) -> None:
    assert client.get("/api/episodes").json() == []


def test_stats_count_events_by_day_type_and_actor(client: httpx.Client) -> None:
    body = client.get("/api/stats").json()
    assert body["events"] == 4 and body["articles"] == 5
    assert body["by_type"]["Explosions/Remote violence"] == 2
    assert body["by_day"]["2024-03-09"] == 1
    assert body["by_actor"]["Al Shabaab"] == 1


# -- the page and the schema ----------------------------------------------------------------------


def test_the_page_and_its_vendored_files_are_served_with_a_strict_csp(client: httpx.Client) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "<title>sitreps" in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    for path in (
        "/static/app.js",
        "/static/vendor/leaflet/leaflet.js",
        "/static/vendor/topojson-client/topojson-client.min.js",
        "/static/vendor/world-atlas/countries-50m.json",
    ):
        assert client.get(path).status_code == 200, path


def test_openapi_describes_every_route_with_model_responses(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    assert set(spec["paths"]) >= {
        "/api/health",
        "/api/events",
        "/api/events/{event_id}",
        "/api/episodes",
        "/api/episodes/{episode_id}",
        "/api/articles/{article_id}",
        "/api/stats",
        "/api/ingest",
    }
    schemas = spec["components"]["schemas"]
    assert {
        "Event",
        "EventDetail",
        "MentionDetail",
        "ArticleDetail",
        "EventPage",
        "Episode",
        "Location",
    } <= set(schemas)
    ok = spec["paths"]["/api/events"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok["$ref"].endswith("/EventPage")


def _example(param: dict) -> str:
    name, schema = param["name"], param.get("schema", {})
    samples = {
        "since": "2024-03-01",
        "until": "2024-03-31",
        "bbox": "20,0,50,30",
        "country": "SD",
        "type": "Battles",
    }
    if name in samples:
        return samples[name]
    if "integer" in json.dumps(schema):
        return "1"
    return "Kadugli"


def test_every_openapi_path_answers_valid_and_invalid_input_without_a_5xx(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    kadugli = event_at(client, "Kadugli")["id"]
    ids = {"event_id": kadugli, "episode_id": "ep-x", "article_id": kadugli}
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            params = operation.get("parameters", [])
            url = path.format(**{k: v for k, v in ids.items() if "{" + k + "}" in path})
            valid = {p["name"]: _example(p) for p in params if p["in"] == "query"}
            invalid = {p["name"]: "%%not-valid%%" for p in params if p["in"] == "query"}
            for query in (valid, invalid, {}):
                if method == "post":
                    response = client.post(url, params=query, content=b"", headers=csrf_headers(str(client.base_url)))
                else:
                    response = client.get(url, params=query)
                assert response.status_code < 500, (method, url, query, response.text)
                assert response.headers["content-type"].startswith("application/json")


# -- ingest ---------------------------------------------------------------------------------------


REPORT = (
    "GAO, Mali, May 2 - Gunmen on motorbikes attacked a convoy near Gao on Thursday, killing four "
    "soldiers, the army said in a statement. Residents said the gunfire lasted an hour.\n"
)
OTHER_REPORT = (
    "Drone strike hits fuel depot in Timbuktu\n\nA drone struck a fuel depot in Timbuktu on Saturday, "
    "setting it ablaze, local officials said. No one was hurt, according to the regional governor.\n"
)


@pytest.fixture(scope="module")
def ingest_server(tmp_path_factory: pytest.TempPathFactory):
    """One server for the ingest tests, so the pipeline's models load once."""
    db = tmp_path_factory.mktemp("ingest") / "ingest.duckdb"
    with running_server(WebSettings(db_path=db, max_ingest_bytes=2000)) as url:
        yield url, db


def test_ingest_runs_the_pipeline_on_posted_reports_text_and_jsonl(ingest_server) -> None:
    url, db = ingest_server
    with httpx.Client(base_url=url, timeout=120, headers=csrf_headers(url)) as http:
        response = http.post("/api/ingest", content=REPORT.encode(), headers={"Content-Type": "text/plain"})
        assert response.status_code == 200, response.text
        assert response.json()["read"] == 1 and response.json()["new"] == 1
        again = http.post("/api/ingest", content=REPORT.encode(), headers={"Content-Type": "text/plain"})
        assert again.json()["new"] == 0 and again.json()["duplicate"] == 1
        lines = [
            json.dumps({"text": OTHER_REPORT, "outlet": "Sahel Wire", "published": "2024-05-03"}),
            "{not json",
        ]
        jsonl = http.post(
            "/api/ingest",
            content=("\n".join(lines) + "\n").encode(),
            headers={"Content-Type": "application/x-ndjson"},
        )
        assert jsonl.status_code == 200
        assert jsonl.json()["new"] == 1 and len(jsonl.json()["rejected"]) == 1
        stored = http.get("/api/stats").json()
    assert stored["articles"] == 2
    with Store(db, read_only=True) as store:
        assert any("Gunmen on motorbikes" in a.text for a in store.articles())


FEED = """<?xml version="1.0"?>
<rss version="2.0"><channel><title>Sahel Wire</title>
<item><title>Convoy ambushed near Menaka</title><link>https://sahel.example/menaka</link>
<pubDate>Sat, 04 May 2024 09:00:00 GMT</pubDate>
<description><![CDATA[<p>Gunmen ambushed a convoy near Menaka on Friday, killing two drivers.</p>]]></description>
</item></channel></rss>
"""


def test_ingest_takes_an_rss_feed_posted_as_such(ingest_server) -> None:
    url, db = ingest_server
    with httpx.Client(base_url=url, timeout=120, headers=csrf_headers(url)) as http:
        response = http.post("/api/ingest", content=FEED.encode(), headers={"Content-Type": "application/rss+xml"})
        assert response.status_code == 200, response.text
        assert response.json()["new"] == 1
    with Store(db, read_only=True) as store:
        (article,) = [a for a in store.articles() if "Menaka" in a.text]
    assert article.title == "Convoy ambushed near Menaka" and article.outlet == "Sahel Wire"


def test_ingest_refuses_a_body_over_the_cap_with_413_and_an_empty_one_with_422(ingest_server) -> None:
    url, db = ingest_server
    with httpx.Client(base_url=url, timeout=10, headers=csrf_headers(url)) as http:
        too_big = http.post("/api/ingest", content=b"x" * 2001, headers={"Content-Type": "text/plain"})
        assert too_big.status_code == 413 and "2000 bytes" in too_big.json()["detail"]

        def chunks():  # no Content-Length: the cap must hold while streaming too
            for _ in range(5):
                yield b"y" * 500

        streamed = http.post("/api/ingest", content=chunks(), headers={"Content-Type": "text/plain"})
        assert streamed.status_code == 413
        assert http.post("/api/ingest", content=b"  \n").status_code == 422


def test_a_fresh_server_creates_an_empty_store_and_lists_nothing(fresh_db: Path) -> None:
    with running_server(WebSettings(db_path=fresh_db)) as url:
        body = httpx.get(url + "/api/events").json()
    assert body == {"total": 0, "limit": 100, "offset": 0, "events": []}


# -- pure helpers ---------------------------------------------------------------------------------


def test_bbox_is_parsed_west_south_east_north() -> None:
    assert parse_bbox("29.5, 10.5,30,11.2") == (29.5, 10.5, 30.0, 11.2)
    with pytest.raises(ValueError, match="within -180..180"):
        parse_bbox("-200,0,10,10")


def test_evidence_context_falls_back_to_a_text_search_when_offsets_drifted() -> None:
    from sitreps.model import Span

    text = "First sentence here. The shelling killed three. Last one."
    drifted = Span(start=0, end=5, text="The shelling killed three.")
    context = evidence_context(text, drifted)
    assert (context.before, context.text, context.after) == (
        "First sentence here. ",
        "The shelling killed three.",
        " Last one.",
    )
