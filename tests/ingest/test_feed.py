"""RSS and Atom feeds: one article per item, HTML cleaned, broken items rejected alone, XML parsed safely."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from sitreps.cli import app
from sitreps.ingest import RawDocument, Rejection, read_paths
from sitreps.ingest.feed import looks_like_feed
from sitreps.store import Store

# Feeds written for these tests: invented reports in real places, in the shapes feeds come in.
RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Sahel Monitor &amp; Wire</title>
  <link>https://sahel-monitor.example/</link>
  <lastBuildDate>Wed, 03 Apr 2024 09:00:00 +0000</lastBuildDate>
  <item>
    <title>Gunmen attack convoy near Gao</title>
    <link>https://sahel-monitor.example/2024/04/gao-convoy</link>
    <pubDate>Tue, 02 Apr 2024 06:30:00 +0000</pubDate>
    <description>Short teaser.</description>
    <content:encoded><![CDATA[<p>Gunmen attacked a military supply convoy near Gao in northern Mali on
Monday, killing four soldiers, the army said in a statement.</p>
<p>The attackers fled on motorbikes toward the border, a local official said.</p>
<script>track("gao")</script>]]></content:encoded>
  </item>
  <item>
    <title>Caf&eacute; bombed in Mopti &ndash; residents</title>
    <description>A bomb exploded outside a caf&eacute; in the centre of Mopti on Sunday evening, wounding seven
people, residents &amp; a hospital source said. Q&A to follow.</description>
  </item>
  <item>
    <title>Headline only</title>
    <link>https://sahel-monitor.example/2024/04/headline</link>
  </item>
  <item>
    <title>Drone strike on fuel depot in Kidal</title>
    <guid isPermaLink="false">sahel-monitor-4471</guid>
    <dc:date>2024-03-30T18:00:00Z</dc:date>
    <description>&lt;p&gt;A drone struck a fuel depot on the edge of Kidal on Saturday, setting it ablaze,
    witnesses said.&lt;/p&gt;&lt;p&gt;No casualties were reported.&lt;/p&gt;</description>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Donbas Desk</title>
  <id>tag:donbas-desk.example,2024:feed</id>
  <updated>2024-05-07T08:00:00Z</updated>
  <entry>
    <title>Shelling damages school in Kostiantynivka</title>
    <id>tag:donbas-desk.example,2024:1201</id>
    <link rel="alternate" type="text/html" href="https://donbas-desk.example/news/1201"/>
    <link rel="enclosure" href="https://donbas-desk.example/img/1201.jpg"/>
    <published>2024-05-06T21:15:00+03:00</published>
    <updated>2024-05-07T07:40:00+03:00</updated>
    <content type="xhtml">
      <div xmlns="http://www.w3.org/1999/xhtml">
        <p>Artillery fire damaged a school in <b>Kostiantynivka</b> late on Monday, the city
        administration said.</p>
        <p>Nobody was inside the building at the time.</p>
      </div>
    </content>
  </entry>
  <entry>
    <title type="html">Drone attack on &lt;em&gt;Kramatorsk&lt;/em&gt; rail yard</title>
    <id>tag:donbas-desk.example,2024:1202</id>
    <updated>2024-05-05T10:00:00Z</updated>
    <summary type="html">&lt;p&gt;Two drones hit a rail yard in Kramatorsk on Sunday morning,
    injuring a railway worker, the regional governor said.&lt;/p&gt;</summary>
  </entry>
  <entry>
    <title>Curfew extended in Pokrovsk</title>
    <id>tag:donbas-desk.example,2024:1203</id>
    <summary>The military administration of Pokrovsk extended the night curfew by two hours after
repeated strikes on the town.

Shops will close at six.</summary>
  </entry>
</feed>
"""

RSS_WITH_BROKEN_ITEM = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>Horn Wire</title>
<item>
  <title>Clashes in Beledweyne</title>
  <link>https://horn-wire.example/a/1</link>
  <description>Fighting broke out between clan militias in Beledweyne on Thursday, elders said.</description>
</item>
<item>
  <title>Attack in Baidoa</title>
  <description>A roadside bomb hit a police vehicle in <b>Baidoa on Friday</description>
</item>
<item>
  <title>Protest in Hargeisa</title>
  <link>https://horn-wire.example/a/3</link>
  <description>Hundreds of traders marched in Hargeisa on Saturday against new market taxes.</description>
</item>
</channel>
</rss>
"""


def read(tmp_path: Path, name: str, content: str | bytes, fmt: str = "auto") -> list[RawDocument | Rejection]:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return list(read_paths([str(path)], fmt=fmt))


def test_rss_items_give_title_link_date_and_cleaned_text(tmp_path: Path) -> None:
    items = read(tmp_path, "sahel.xml", RSS)
    assert [type(i).__name__ for i in items] == ["RawDocument", "RawDocument", "Rejection", "RawDocument"]
    gao, mopti, headline, kidal = items
    assert isinstance(gao, RawDocument) and isinstance(mopti, RawDocument) and isinstance(kidal, RawDocument)
    assert gao.source == "https://sahel-monitor.example/2024/04/gao-convoy"
    assert gao.read_from == f"{tmp_path / 'sahel.xml'}#1"
    # content:encoded wins over the teaser in description; the script is gone
    assert gao.metadata["text"] == (
        "Gunmen attacked a military supply convoy near Gao in northern Mali on Monday, killing four soldiers, "
        "the army said in a statement.\n\nThe attackers fled on motorbikes toward the border, a local official said."
    )
    assert gao.metadata["title"] == "Gunmen attack convoy near Gao"
    assert gao.metadata["published"] == "2024-04-02T06:30:00+00:00"
    assert gao.metadata["outlet"] == "Sahel Monitor & Wire"
    # HTML entities and a bare "&" that strict XML refuses, read as a browser would
    assert mopti.metadata["title"] == "Café bombed in Mopti – residents"
    assert mopti.metadata["text"] == (
        "A bomb exploded outside a café in the centre of Mopti on Sunday evening, wounding seven\n"
        "people, residents & a hospital source said. Q&A to follow."
    )
    # no date in the item: none at all (the channel's build date is not the item's)
    assert "published" not in mopti.metadata and "url" not in mopti.metadata
    assert headline == Rejection(
        f"{tmp_path / 'sahel.xml'}#3",
        f"{tmp_path / 'sahel.xml'}#3: item 3 (line 23) has a title but no description or content",
    )
    # escaped HTML in description, dc:date, a guid that is not a link
    assert kidal.metadata["text"] == (
        "A drone struck a fuel depot on the edge of Kidal on Saturday, setting it ablaze, witnesses said.\n\n"
        "No casualties were reported."
    )
    assert kidal.metadata["published"] == "2024-03-30T18:00:00Z"
    assert kidal.source == f"{tmp_path / 'sahel.xml'}#sahel-monitor-4471" and "url" not in kidal.metadata


def test_an_item_without_link_or_guid_keeps_its_source_when_the_feed_grows(tmp_path: Path) -> None:
    (first,) = [i for i in read(tmp_path, "a.xml", RSS) if isinstance(i, RawDocument) and "#" in i.source][:1]
    newer = RSS.replace(
        "<item>",
        "<item><title>New item</title><description>Militants raided a village near Menaka on Tuesday, "
        "residents said.</description></item>\n  <item>",
        1,
    )
    later = [i for i in read(tmp_path, "a.xml", newer) if isinstance(i, RawDocument)]
    assert first.source in [i.source for i in later]
    assert first.read_from != next(i.read_from for i in later if i.source == first.source)  # moved down one


def test_atom_entries_with_xhtml_html_and_text_content(tmp_path: Path) -> None:
    school, rail, curfew = read(tmp_path, "donbas.atom", ATOM)
    assert isinstance(school, RawDocument) and isinstance(rail, RawDocument) and isinstance(curfew, RawDocument)
    assert school.source == "https://donbas-desk.example/news/1201"  # the alternate link, not the enclosure
    assert school.metadata["text"] == (
        "Artillery fire damaged a school in Kostiantynivka late on Monday, the city administration said.\n\n"
        "Nobody was inside the building at the time."
    )
    assert school.metadata["published"] == "2024-05-06T21:15:00+03:00"  # published, not updated
    assert school.metadata["outlet"] == "Donbas Desk"
    assert rail.metadata["title"] == "Drone attack on Kramatorsk rail yard"
    assert rail.metadata["published"] == "2024-05-05T10:00:00Z"  # only updated given
    assert rail.metadata["text"] == (
        "Two drones hit a rail yard in Kramatorsk on Sunday morning, injuring a railway worker, "
        "the regional governor said."
    )
    assert curfew.metadata["format"] == "txt" and "\n\nShops will close at six." in curfew.metadata["text"]
    assert curfew.source == f"{tmp_path / 'donbas.atom'}#tag:donbas-desk.example,2024:1203"
    assert "published" not in curfew.metadata


def test_rss_1_0_items_are_read(tmp_path: Path) -> None:
    rdf = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://lake-chad.example/"><title>Lake Chad Notes</title></channel>
  <item rdf:about="https://lake-chad.example/n/9">
    <title>Raid on fishing camp</title>
    <link>https://lake-chad.example/n/9</link>
    <dc:date>2024-02-11</dc:date>
    <description>Fighters raided a fishing camp on an island in Lake Chad on Saturday, fishermen said.</description>
  </item>
</rdf:RDF>
"""
    (item,) = read(tmp_path, "chad.rdf", rdf)
    assert isinstance(item, RawDocument)
    assert (item.source, item.metadata["published"], item.metadata["outlet"]) == (
        "https://lake-chad.example/n/9",
        "2024-02-11",
        "Lake Chad Notes",
    )


def test_a_broken_item_is_rejected_alone_with_its_number_and_line(tmp_path: Path) -> None:
    items = read(tmp_path, "horn.xml", RSS_WITH_BROKEN_ITEM)
    first, broken, third = items
    assert isinstance(first, RawDocument) and isinstance(third, RawDocument)
    assert [first.metadata["title"], third.metadata["title"]] == ["Clashes in Beledweyne", "Protest in Hargeisa"]
    assert first.metadata["outlet"] == "Horn Wire"
    where = f"{tmp_path / 'horn.xml'}#2"
    assert broken == Rejection(
        where,
        f"{where}: item 2 is not well-formed XML (line 12: Opening and ending tag mismatch: b line 12 and description)",
    )


def test_a_malformed_file_is_one_line_naming_the_file_and_line(tmp_path: Path) -> None:
    truncated = '<?xml version="1.0"?>\n<rss version="2.0">\n<channel>\n<title>Cut off</title\n'
    (rejection,) = read(tmp_path, "cut.xml", truncated)
    assert isinstance(rejection, Rejection) and rejection.source == str(tmp_path / "cut.xml")
    assert rejection.reason == "not well-formed XML at line 5 (expected '>')"  # line 5: where the file ends


def test_entity_declarations_are_refused_before_parsing(tmp_path: Path) -> None:
    laughs = (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY a "haha">\n'
        + "".join(f'<!ENTITY {chr(98 + n)} "{("&" + chr(97 + n) + ";") * 10}">\n' for n in range(9))
        + "]>\n<rss><channel><item><title>&j;</title><description>&j;</description></item></channel></rss>\n"
    )
    external = (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
        "<rss><channel><item><title>x</title><description>&secret;</description></item></channel></rss>\n"
    )
    for name, feed in (("laughs.xml", laughs), ("external.xml", external)):
        (rejection,) = read(tmp_path, name, feed)
        assert rejection == Rejection(
            str(tmp_path / name), "feed declares XML entities in its DTD (refused: a feed never needs them)"
        )


def test_format_feed_on_something_else_says_what_it_found(tmp_path: Path) -> None:
    (rejection,) = read(tmp_path, "page.xml", "<html><body><p>Hello there, reader.</p></body></html>", fmt="feed")
    assert rejection == Rejection(str(tmp_path / "page.xml"), "not an RSS or Atom feed (document element <html>)")


def test_feeds_are_recognised_by_content_not_name() -> None:
    assert looks_like_feed(b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- generator -->\n<rss version="2.0">')
    assert looks_like_feed(b'<feed xmlns="http://www.w3.org/2005/Atom">')
    assert not looks_like_feed(b"<html><body><p>rss feed</p></body></html>")
    assert not looks_like_feed(b"Reports about <rss> feeds.")


runner = CliRunner()


def test_cli_ingests_a_feed_once_and_a_later_version_adds_only_its_new_items(tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    feed = tmp_path / "sahel.xml"
    feed.write_text(RSS, encoding="utf-8")
    first = runner.invoke(app, ["--db", str(db), "ingest", str(feed)])
    # one item has no text: named on stderr, exit 1 as for any partial failure; the rest stored
    assert first.exit_code == 1, first.output
    assert f"{feed}#3: item 3 (line 23) has a title but no description or content" in first.stderr
    again = runner.invoke(app, ["--db", str(db), "ingest", "--format", "feed", str(feed)])
    assert again.exit_code == 1
    with Store(db, read_only=True) as store:
        stored = store.articles()
    assert len(stored) == 3
    by_title = {a.title: a for a in stored}
    assert by_title["Gunmen attack convoy near Gao"].published is not None
    assert by_title["Gunmen attack convoy near Gao"].published.start == "2024-04-02"
    assert by_title["Café bombed in Mopti – residents"].published is None  # no date: never today
    newer = RSS.replace(
        "<item>",
        "<item><title>Militants raid Menaka village</title><link>https://sahel-monitor.example/menaka</link>"
        "<pubDate>Thu, 04 Apr 2024 05:00:00 GMT</pubDate><description>Militants raided a village near Menaka "
        "on Wednesday night, burning granaries, residents said.</description></item>\n  <item>",
        1,
    )
    feed.write_text(newer, encoding="utf-8")
    later = runner.invoke(app, ["--db", str(db), "ingest", str(feed)])
    assert later.exit_code == 1
    exported = runner.invoke(app, ["--db", str(db), "export", "--format", "json"])
    assert exported.exit_code == 0, exported.output
    articles = json.loads(exported.stdout)["articles"]
    titles = sorted(a["title"] for a in articles)
    assert titles == [
        "Café bombed in Mopti – residents",
        "Drone strike on fuel depot in Kidal",
        "Gunmen attack convoy near Gao",
        "Militants raid Menaka village",
    ]


def test_cli_names_a_malformed_feed_in_one_line_and_exits_1(tmp_path: Path) -> None:
    broken = tmp_path / "cut.rss"
    broken.write_text('<?xml version="1.0"?>\n<rss version="2.0">\n<channel>\n<title>Cut off</title\n', "utf-8")
    result = runner.invoke(app, ["--db", str(tmp_path / "store.duckdb"), "ingest", str(broken)])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == f"{broken}: not well-formed XML at line 5 (expected '>')"
