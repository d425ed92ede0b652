"""HTML pages: the article text, title, date and outlet; nothing from scripts, styles or iframes."""

from __future__ import annotations

from pathlib import Path

from sitreps.ingest import read_paths
from sitreps.ingest.html_reader import extract_html

NOISY_PAGE = """<!DOCTYPE html>
<html><head>
<title>Ferry crossing shelled near Kherson | Dnipro Dispatch</title>
<meta property="og:site_name" content="Dnipro Dispatch">
<meta property="article:published_time" content="2023-07-04T09:30:00+03:00">
<script>window.dataLayer = [{"SCRIPT_MARKER": "tracking"}];</script>
<style>.SCRIPT_MARKER_STYLE { display: none }</style>
</head><body>
<nav><a href="/">Home</a> <a href="/war">War</a></nav>
<iframe src="https://ads.example/frame">IFRAME_MARKER advert</iframe>
<article>
<h1>Ferry crossing shelled near Kherson</h1>
<p>Artillery fire hit a river ferry crossing south of Kherson on Tuesday morning, the regional
administration said, wounding two volunteers who were unloading humanitarian aid.</p>
<script>document.write("INLINE_SCRIPT_MARKER");</script>
<p>The administration said the shells were fired from positions on the left bank of the
Dnipro, which Russian forces have held since they withdrew from the city last November.</p>
<noscript>NOSCRIPT_MARKER enable javascript</noscript>
<p>Crossings along this stretch of the river have been shelled repeatedly since the spring.</p>
</article>
<script src="/app.js"></script><script>console.log("TRAILING_SCRIPT_MARKER")</script>
</body></html>
"""


def test_article_text_and_metadata_come_out_without_any_script_text() -> None:
    found = extract_html(NOISY_PAGE)
    assert found["title"] == "Ferry crossing shelled near Kherson"
    assert found["outlet"] == "Dnipro Dispatch"
    assert found["published"] == "2023-07-04"
    text = found["text"]
    assert "MARKER" not in text
    assert text.split("\n\n")[-1] == (
        "Crossings along this stretch of the river have been shelled repeatedly since the spring."
    )
    assert "Artillery fire hit a river ferry crossing south of Kherson on Tuesday morning" in text


def test_page_too_small_for_trafilatura_falls_back_to_visible_block_text() -> None:
    found = extract_html(
        "<html><head><script>var x='SCRIPT_MARKER'</script></head><body><iframe>IFRAME_MARKER</iframe>"
        "<p>Two drones hit Kursk.</p><style>p{}</style></body></html>"
    )
    assert found["text"] == "Two drones hit Kursk."
    assert "published" not in found, "no date in the page means none, never today's"


def test_html_file_is_recognised_by_extension(tmp_path: Path) -> None:
    path = tmp_path / "ferry.html"
    path.write_text(NOISY_PAGE, encoding="utf-8")
    [doc] = list(read_paths([str(path)]))
    assert doc.metadata["format"] == "html"
    assert doc.metadata["outlet"] == "Dnipro Dispatch"
    assert doc.data == NOISY_PAGE.encode("utf-8")
