"""clean_document on whole, realistic reports: exact cleaned text, title, date and cut lines.

All texts here are written for these tests (invented wording about real places).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitreps.clean import CleanError, article_id, clean_document
from sitreps.ingest import RawDocument, read_paths
from sitreps.model import DateValue


def clean_text(text: str, source: str = "report.txt", **metadata):
    return clean_document(RawDocument(source, text.encode("utf-8"), dict(metadata)))


def day(iso: str) -> DateValue:
    return DateValue(start=iso, end=iso, precision="day", inferred=False)


WIRE = """Drone attack sets fuel depot ablaze in southern Russian port

By Olena Marchenko and Pavel Duda, Reuters

June 14, 2023 8:02 AM GMT

NOVOROSSIYSK, Russia, June 14 (Reuters) - A drone attack set fire to a fuel depot near the Black \
Sea port of Novorossiysk early on Wednesday, the regional governor said, adding that nobody had been hurt.

Firefighters brought the blaze under control after about four hours, the governor wrote on Telegram. \
Reuters could not independently verify the report.

Ukraine did not comment on the incident.

(Reporting by Olena Marchenko; Editing by Mark Holloway)
"""


def test_agency_wire_loses_byline_dateline_agency_tag_and_credits() -> None:
    article = clean_text(WIRE)
    assert article.title == "Drone attack sets fuel depot ablaze in southern Russian port"
    assert article.published == day("2023-06-14")
    assert article.text == (
        "A drone attack set fire to a fuel depot near the Black Sea port of Novorossiysk early on "
        "Wednesday, the regional governor said, adding that nobody had been hurt.\n\n"
        "Firefighters brought the blaze under control after about four hours, the governor wrote on "
        "Telegram. Reuters could not independently verify the report.\n\n"
        "Ukraine did not comment on the incident."
    )
    assert article.removed == [
        "June 14, 2023 8:02 AM GMT",
        "By Olena Marchenko and Pavel Duda, Reuters",
        "NOVOROSSIYSK, Russia, June 14 (Reuters) -",
        "(Reporting by Olena Marchenko; Editing by Mark Holloway)",
    ]
    assert article.language == "en"
    assert article.id == article_id(article.text)


def test_ap_style_dateline_without_a_date() -> None:
    article = clean_text(
        "Blast damages bridge in Zaporizhzhia region\n\n"
        "KYIV, Ukraine (AP) — An explosion damaged a road bridge in the Zaporizhzhia region on "
        "Thursday, officials said.\n\nNo casualties were reported."
    )
    assert article.text == (
        "An explosion damaged a road bridge in the Zaporizhzhia region on Thursday, officials said.\n\n"
        "No casualties were reported."
    )
    assert article.removed == ["KYIV, Ukraine (AP) —"]
    assert article.published is None, "a dateline without a year is not a publication date"


TABLOID = """Putin's air defences humiliated as drones slip through to hit airbase

Ukraine war latest

Ukrainian drones struck a military airfield deep inside Russia overnight, damaging at least two \
transport aircraft, according to local reports.

Sign up to our free daily newsletter and get the latest war news straight to your inbox.

Residents of the nearby town described hearing "several loud bangs" shortly after midnight.

We use your sign-up to provide content in ways you've consented to and to improve our understanding \
of you. You can unsubscribe at any time.

Don’t miss…
Kremlin insider claims Moscow elite 'losing patience' with generals[INSIGHT]
Map shows where Ukraine's counteroffensive could strike next[MAPPED]

The Russian Ministry of Defence said all drones had been destroyed.

Share this article

Follow us on Twitter and Facebook
"""


def test_newsletter_wrapped_tabloid_story() -> None:
    article = clean_text(TABLOID)
    assert article.text == (
        "Ukrainian drones struck a military airfield deep inside Russia overnight, damaging at least two "
        "transport aircraft, according to local reports.\n\n"
        'Residents of the nearby town described hearing "several loud bangs" shortly after midnight.\n\n'
        "The Russian Ministry of Defence said all drones had been destroyed."
    )
    assert article.removed == [
        "Ukraine war latest",
        "Sign up to our free daily newsletter and get the latest war news straight to your inbox.",
        "We use your sign-up to provide content in ways you've consented to and to improve our "
        "understanding of you. You can unsubscribe at any time.",
        "Don’t miss…",
        "Kremlin insider claims Moscow elite 'losing patience' with generals[INSIGHT]",
        "Map shows where Ukraine's counteroffensive could strike next[MAPPED]",
        "Share this article",
        "Follow us on Twitter and Facebook",
    ]
    assert article.published is None


COOKIE_PAGE = """Explosions reported in occupied Melitopol

We use cookies to personalise content and ads. By continuing to browse this site you agree to our \
cookie policy.

Accept all cookies

Several explosions were heard in the occupied city of Melitopol on Saturday evening, the exiled mayor said.

He said the blasts hit an area where Russian troops had set up a base in a former school.

Advertisement

Photo: Smoke rises over the city, file image

Related articles

Partisans claim sabotage of railway line near Tokmak
Occupation authorities announce evacuation of frontline villages

Leave a comment

You must be logged in to post a comment.
"""


def test_scraped_page_with_cookie_banner_ads_credits_and_link_widget() -> None:
    article = clean_text(COOKIE_PAGE)
    assert article.text == (
        "Several explosions were heard in the occupied city of Melitopol on Saturday evening, the exiled "
        "mayor said.\n\n"
        "He said the blasts hit an area where Russian troops had set up a base in a former school."
    )
    assert article.removed == [
        "We use cookies to personalise content and ads. By continuing to browse this site you agree to "
        "our cookie policy.",
        "Accept all cookies",
        "Advertisement",
        "Photo: Smoke rises over the city, file image",
        "Related articles",
        "Partisans claim sabotage of railway line near Tokmak\n"
        "Occupation authorities announce evacuation of frontline villages",
        "Leave a comment",
        "You must be logged in to post a comment.",
    ]


def test_machine_translated_glue_is_split_and_names_stay_whole() -> None:
    article = clean_text(
        "Shelling reported near Vovchansk\n\n"
        "The regional administration reported that shelling hit Vovchanskthey said two houses were "
        "destroyed. Emergency crews arrived at the sitein the afternoon and the Federationin turn "
        "blamed the Ukrainian side.\n\n"
        "A resident, Mykola Bondarin, told reporters that the shelling lasted an hour."
    )
    assert article.text == (
        "The regional administration reported that shelling hit Vovchansk they said two houses were "
        "destroyed. Emergency crews arrived at the site in the afternoon and the Federation in turn "
        "blamed the Ukrainian side.\n\n"
        "A resident, Mykola Bondarin, told reporters that the shelling lasted an hour."
    )


RUSSIAN_PAGE = """Беспилотники атаковали Белгородскую область

22.05.2023

Губернатор Белгородской области сообщил, что ночью над регионом были сбиты несколько беспилотников. \
По его словам, пострадавших нет, повреждены окна в двух частных домах.

Подписывайтесь на наш канал в Telegram

Источник: ТАСС
"""


def test_russian_page_in_cp1251_read_and_cleaned(tmp_path: Path) -> None:
    path = tmp_path / "belgorod.txt"
    path.write_bytes(RUSSIAN_PAGE.encode("cp1251"))
    [raw] = list(read_paths([str(path)]))
    article = clean_document(raw)
    assert article.title == "Беспилотники атаковали Белгородскую область"
    assert article.published == day("2023-05-22")
    assert article.language == "ru"
    assert article.text == (
        "Губернатор Белгородской области сообщил, что ночью над регионом были сбиты несколько "
        "беспилотников. По его словам, пострадавших нет, повреждены окна в двух частных домах."
    )
    assert article.removed == ["22.05.2023", "Подписывайтесь на наш канал в Telegram", "Источник: ТАСС"]


def test_kicker_hashtags_shortcode_and_source_footer_go_but_a_quoted_slogan_stays() -> None:
    article = clean_text(
        "Protesters gather in Tbilisi against foreign agents bill\n\nPolitics\n\n"
        "Thousands of people rallied outside the parliament in Tbilisi on Tuesday night to protest "
        'against a draft law on "foreign agents", local media reported.\n\n'
        "“No to the Russian law”\n\n"
        "Police used water cannon to disperse part of the crowd after midnight, the interior ministry "
        "said.\n\n#Georgia #Tbilisi #protest #foreignagents\n\n[newsletter_form id=7]\n\nSource: Agencies\n"
    )
    assert article.text == (
        "Thousands of people rallied outside the parliament in Tbilisi on Tuesday night to protest "
        'against a draft law on "foreign agents", local media reported.\n\n'
        "“No to the Russian law”\n\n"
        "Police used water cannon to disperse part of the crowd after midnight, the interior ministry said."
    )
    assert article.removed == [
        "Politics",
        "#Georgia #Tbilisi #protest #foreignagents",
        "[newsletter_form id=7]",
        "Source: Agencies",
    ]


def test_breadcrumb_title_repeat_and_two_digit_year_dateline() -> None:
    article = clean_text(
        "Home World Europe Fire breaks out at ammunition depot in Crimea\n"
        "Fire breaks out at ammunition depot in Crimea\n\n"
        "Published 9th Aug 24\n\n"
        "A fire broke out at an ammunition depot in northern Crimea on Friday, forcing the evacuation of "
        "two villages, the Russian-installed authorities said.\n\n"
        "Read more related news:\n\n"
        "Why the Kerch bridge matters to Moscow\n\n"
        "Satellite images show new trenches along the coast\n\n"
        "Trains between the peninsula and the mainland were halted for several hours."
    )
    assert article.title == "Fire breaks out at ammunition depot in Crimea"
    assert article.published == day("2024-08-09")
    assert article.text == (
        "A fire broke out at an ammunition depot in northern Crimea on Friday, forcing the evacuation of "
        "two villages, the Russian-installed authorities said.\n\n"
        "Trains between the peninsula and the mainland were halted for several hours."
    )
    assert article.removed == [
        "Home World Europe Fire breaks out at ammunition depot in Crimea",
        "Published 9th Aug 24",
        "Read more related news:",
        "Why the Kerch bridge matters to Moscow",
        "Satellite images show new trenches along the coast",
    ]


def test_thai_code_page_mojibake_of_no_break_spaces_is_repaired() -> None:
    # UTF-8 text read as cp874: each no-break space (C2 A0) turns into "ย" + U+00A0.
    original = (
        "Strike on Odesa port\n\nMissiles hit grain terminals in Odesa overnight,\u00a0the port "
        "authority said.\n\nFollow our social media accounts on\u00a0\u00a0Telegram"
    )
    damaged = original.encode("utf-8").decode("cp874")
    assert "ย\u00a0" in damaged
    article = clean_text(damaged)
    assert article.text == "Missiles hit grain terminals in Odesa overnight, the port authority said."
    assert article.removed == ["Follow our social media accounts on Telegram"]


def test_metadata_title_date_and_outlet_win_over_guesses() -> None:
    article = clean_text(
        "Grain barge sunk on the Danube\n\n"
        "A drone sank a grain barge near Izmail on the Danube, the port operator said on Monday.",
        source="https://river.example/2023/barge",
        url="https://river.example/2023/barge",
        title="Grain barge sunk on the Danube",
        published="2023-08-02T06:15:00Z",
        language="en",
    )
    assert article.title == "Grain barge sunk on the Danube"
    assert article.published == day("2023-08-02")
    assert article.outlet == "river.example"
    assert article.url == "https://river.example/2023/barge"
    assert article.text == "A drone sank a grain barge near Izmail on the Danube, the port operator said on Monday."
    assert article.removed == []


def test_html_page_with_cookie_banner_and_scripts_end_to_end(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Border village shelled | Sumy Today</title>"
        '<meta property="og:site_name" content="Sumy Today">'
        "<script>var s='SCRIPT_MARKER';</script></head><body>"
        '<div class="cookie">We use cookies to improve your experience on our site.</div>'
        "<article><h1>Border village shelled</h1>"
        "<p>Russian artillery shelled a village in the Sumy region near the border on Sunday, damaging "
        "a school and several houses, the regional military administration said.</p>"
        "<p>There were no casualties, the administration added, but power lines in the village were "
        "cut and repair crews could not reach them.</p>"
        "<p>We use cookies to improve your experience on our site.</p></article></body></html>",
        encoding="utf-8",
    )
    [raw] = list(read_paths([str(page)]))
    article = clean_document(raw)
    assert article.title == "Border village shelled"
    assert article.outlet == "Sumy Today"
    assert article.text == (
        "Russian artillery shelled a village in the Sumy region near the border on Sunday, damaging a "
        "school and several houses, the regional military administration said.\n\n"
        "There were no casualties, the administration added, but power lines in the village were cut "
        "and repair crews could not reach them."
    )
    assert "SCRIPT_MARKER" not in article.text


def test_undated_report_gets_no_date_rather_than_today() -> None:
    article = clean_text(
        "Partisans claim railway sabotage\n\n"
        "A partisan group said it had damaged a railway line near Melitopol in May 2023, cutting a "
        "supply route for several days."
    )
    assert article.published is None


def test_document_that_is_only_boilerplate_is_refused() -> None:
    with pytest.raises(CleanError, match="empty after cleaning"):
        clean_text("Daily war briefing\n\nSign up to our daily news alerts\n\nLeave a Comment\n\n[ms-form id=4]")


def test_a_fragment_too_short_to_be_a_report_is_refused() -> None:
    with pytest.raises(CleanError, match="too little text"):
        clean_text("Kyiv, live\n\nMore soon.")


def test_jsonl_record_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    record = {
        "text": "Kharkiv hit by glide bombs\n\nTwo glide bombs struck an industrial area of Kharkiv on "
        "Saturday, the mayor said, injuring four workers.",
        "outlet": "Slobozhanshchyna Wire",
        "published": "13.04.2024",
    }
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    [raw] = list(read_paths([str(path)]))
    article = clean_document(raw)
    assert (article.title, article.outlet, article.published) == (
        "Kharkiv hit by glide bombs",
        "Slobozhanshchyna Wire",
        day("2024-04-13"),
    )
    assert article.text == (
        "Two glide bombs struck an industrial area of Kharkiv on Saturday, the mayor said, injuring four workers."
    )


EMAILED_BRIEFING = """LAKE REGION DISPATCH | Your evening briefing
View this email in your browser
Subscribe to our newsletter to get the briefing in your inbox every evening.

Curfew extended in Kisumu after night of clashes

Police and protesters clashed in Kisumu's Kondele area on Monday night, and the county commissioner \
extended the curfew by a week, a police spokesperson said.

Related stories:
- Why the lake ports matter
- Listen: the week in five minutes

You are receiving this email because you signed up at lakeregion.example. Unsubscribe | Manage preferences
"""


def test_emailed_briefing_loses_masthead_web_view_link_list_and_footer() -> None:
    article = clean_text(EMAILED_BRIEFING, outlet="Lake Region Dispatch")
    assert article.title == "Curfew extended in Kisumu after night of clashes"
    assert article.text == (
        "Police and protesters clashed in Kisumu's Kondele area on Monday night, and the county "
        "commissioner extended the curfew by a week, a police spokesperson said."
    )
    assert article.removed == [
        "LAKE REGION DISPATCH | Your evening briefing",
        "View this email in your browser",
        "Subscribe to our newsletter to get the briefing in your inbox every evening.",
        "Related stories:",
        "- Why the lake ports matter",
        "- Listen: the week in five minutes",
        "You are receiving this email because you signed up at lakeregion.example. Unsubscribe | Manage preferences",
    ]


PRESS_STATEMENT = """Garissa County Government - Press Statement

GARISSA, Friday 7 March 2025 - The county government condemns the attack on the Dadaab road \
this morning, in which two drivers were wounded.

The governor urged travellers to move in convoys until further notice.
"""


def test_a_capitalised_dateline_with_a_weekday_gives_the_date_and_is_cut() -> None:
    article = clean_text(PRESS_STATEMENT)
    assert article.title == "Garissa County Government - Press Statement"
    assert article.published == day("2025-03-07")
    assert article.text == (
        "The county government condemns the attack on the Dadaab road this morning, in which two "
        "drivers were wounded.\n\nThe governor urged travellers to move in convoys until further notice."
    )
    assert article.removed == ["GARISSA, Friday 7 March 2025 -"]


STAFF_BLOG = """Posted 14th Feb 25

Ferry crossings to Likoni suspended after grenade blast

By a Coast Review correspondent

A grenade exploded near the Likoni ferry terminal on Thursday evening, injuring four people, police said.
"""


def test_a_date_line_above_the_headline_and_a_staff_byline() -> None:
    article = clean_text(STAFF_BLOG)
    assert article.title == "Ferry crossings to Likoni suspended after grenade blast"
    assert article.published == day("2025-02-14")
    assert article.outlet == "Coast Review"
    assert article.text == (
        "A grenade exploded near the Likoni ferry terminal on Thursday evening, injuring four people, police said."
    )
    assert article.removed == ["Posted 14th Feb 25", "By a Coast Review correspondent"]


def test_a_dateline_without_a_year_names_the_outlet_but_gives_no_date() -> None:
    article = clean_text(
        "Market reopens in Beledweyne\n\n"
        "BELET WEYNE, Somalia, March 9 (Shabelle Courier) - Traders reopened the main market on "
        "Sunday, three days after floodwaters receded.\n"
    )
    assert article.outlet == "Shabelle Courier"
    assert article.published is None
    assert article.text.startswith("Traders reopened the main market on Sunday")
    assert article.removed == ["BELET WEYNE, Somalia, March 9 (Shabelle Courier) -"]
