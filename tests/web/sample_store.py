"""A small real store for the web and export tests: reports written for these tests (invented
events in real places), their mentions as an extractor would give them, fused by `sitreps.fuse`.

The mentions are built by hand rather than extracted so that the tests can assert exact
evidence, claimants and contradictions independently of the extractor's accuracy.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from sitreps.fuse import fuse
from sitreps.model import Actor, Article, DateValue, Fatalities, Location, Mention, Span
from sitreps.store import Store

XSS_SCRIPT = "<script>window.__xss=1</script>"
XSS_IMG = '<img src=x onerror="window.__xss=1">'

RSF = Actor(id="RSF", name="Rapid Support Forces")
SD_MIL = Actor(id="SD_MIL", name="Military Forces of Sudan (2019-)")
CIV_SD = Actor(id="CIV_SD", name="Civilians (Sudan)")
MM_MIL = Actor(id="MM_MIL", name="Military Forces of Myanmar (2021-)")
PDF = Actor(id="PDF", name="People's Defence Force")
ALSHABAAB = Actor(id="ALSHABAAB", name="Al Shabaab")
SO_MIL = Actor(id="SO_MIL", name="Military Forces of Somalia (2022-)")
REPORTER = Actor(id="reporter", name="the reporting outlet")

TEXTS = {
    "kordofan_wire": (
        "KADUGLI, Sudan, March 4 - Artillery fire hit the market in Kadugli on Monday, killing 14 "
        "civilians, a local medical group said. The Rapid Support Forces denied shelling the town and "
        "blamed the army. Residents said the shelling lasted about two hours.\n"
    ),
    "kordofan_daily": (
        "Shells struck Kadugli's central market on Monday and at least 30 people died, the regional "
        "health office said on Tuesday. The army said the Rapid Support Forces fired the shells from "
        "positions east of the town.\n"
    ),
    "sagaing_radio": (
        "A military air strike hit a village in the Sagaing region on March 9, residents said. "
        "The People's Defence Force said six of its fighters and three villagers were killed. "
        "The exact village could not be confirmed.\n"
    ),
    "baidoa_post": (
        "BAIDOA, Somalia, March 12 - Al Shabaab fighters attacked an army base outside Baidoa before "
        "dawn on Tuesday, the Somali army said, adding that the attack was repelled. "
        "No casualty figures were given.\n"
    ),
    "xss_blog": (
        "Protesters gathered in Omdurman on March 7 to demand an end to the war. "
        f"One placard read {XSS_SCRIPT} and another showed {XSS_IMG} as a joke, witnesses said.\n"
    ),
}

OUTLETS = {
    "kordofan_wire": ("Nile Wire", "2024-03-05"),
    "kordofan_daily": ("Kordofan Daily", "2024-03-05"),
    "sagaing_radio": ("Irrawaddy Radio Service", "2024-03-10"),
    "baidoa_post": ("Bay Region Post", "2024-03-13"),
    "xss_blog": ("Omdurman Notes <b>blog</b>", "2024-03-08"),
}


def make_article(key: str) -> Article:
    text = TEXTS[key]
    outlet, published = OUTLETS[key]
    return Article(
        id=hashlib.sha256(text.encode()).hexdigest()[:16],
        source=f"{key}.txt",
        outlet=outlet,
        title=text.split(" - ")[-1].split(".")[0][:60],
        published=DateValue(start=published, end=published),
        text=text,
        removed=["Subscribe to our newsletter"] if key == "kordofan_wire" else [],
    )


def span(article: Article, sentence: str) -> Span:
    start = article.text.index(sentence)
    return Span(start=start, end=start + len(sentence), text=sentence)


KADUGLI = Location(
    name="Kadugli",
    toponym="Kadugli",
    geonameid=371_000,
    country_code="SD",
    admin1_code="43",
    admin1="Southern Kordofan",
    lat=11.01,
    lon=29.72,
    geo_precision=1,
)
SAGAING_REGION = Location(
    name="Sagaing Region",
    toponym="Sagaing region",
    country_code="MM",
    admin1_code="10",
    admin1="Sagaing Region",
    lat=22.5,
    lon=95.5,
    geo_precision=3,
)
BAIDOA = Location(
    name="Baidoa",
    toponym="Baidoa",
    geonameid=64_013,
    country_code="SO",
    admin1_code="01",
    admin1="Bay",
    lat=3.11,
    lon=43.65,
    geo_precision=2,
)
OMDURMAN = Location(
    name="Omdurman",
    toponym="Omdurman",
    geonameid=365_137,
    country_code="SD",
    admin1_code="29",
    admin1="Khartoum",
    lat=15.64,
    lon=32.48,
    geo_precision=1,
)


def day(iso: str) -> DateValue:
    return DateValue(start=iso, end=iso)


def make_mentions(a: dict[str, Article]) -> list[Mention]:
    wire, daily = a["kordofan_wire"], a["kordofan_daily"]
    radio, post, blog = a["sagaing_radio"], a["baidoa_post"], a["xss_blog"]
    return [
        Mention(
            id="m-kadugli-wire",
            article_id=wire.id,
            event_type="Explosions/Remote violence",
            sub_event_type="Shelling/artillery/missile attack",
            date=day("2024-03-04"),
            location=KADUGLI,
            actor2=CIV_SD,
            claimant=Actor(id="medics", name="local medical group"),
            stance="reported",
            fatalities=Fatalities(
                best=14, victims="civilians", claimant=Actor(id="medics", name="local medical group")
            ),
            evidence=[
                span(
                    wire,
                    "Artillery fire hit the market in Kadugli on Monday, killing 14 civilians, "
                    "a local medical group said.",
                )
            ],
        ),
        Mention(
            id="m-kadugli-daily",
            article_id=daily.id,
            event_type="Explosions/Remote violence",
            sub_event_type="Shelling/artillery/missile attack",
            date=day("2024-03-04"),
            location=KADUGLI,
            actor1=RSF,
            actor2=CIV_SD,
            claimant=Actor(id="SD_GOV", name="Government of Sudan (2019-)"),
            stance="claimed",
            fatalities=Fatalities(low=31, claimant=Actor(id="SD_GOV", name="Government of Sudan (2019-)")),
            evidence=[
                span(
                    daily,
                    "Shells struck Kadugli's central market on Monday and at least 30 people died, "
                    "the regional health office said on Tuesday.",
                )
            ],
        ),
        Mention(
            id="m-sagaing-radio",
            article_id=radio.id,
            event_type="Explosions/Remote violence",
            sub_event_type="Air/drone strike",
            date=day("2024-03-09"),
            location=SAGAING_REGION,
            actor1=MM_MIL,
            actor2=PDF,
            claimant=PDF,
            stance="claimed",
            fatalities=Fatalities(best=9, claimant=PDF),
            evidence=[
                span(
                    radio,
                    "A military air strike hit a village in the Sagaing region on March 9, residents said.",
                ),
                span(
                    radio,
                    "The People's Defence Force said six of its fighters and three villagers were killed.",
                ),
            ],
        ),
        Mention(
            id="m-baidoa-post",
            article_id=post.id,
            event_type="Battles",
            sub_event_type="Armed clash",
            date=day("2024-03-12"),
            location=BAIDOA,
            actor1=ALSHABAAB,
            actor2=SO_MIL,
            claimant=Actor(id="SO_MIL", name=SO_MIL.name),
            stance="claimed",
            outcome="repelled",
            evidence=[
                span(
                    post,
                    "BAIDOA, Somalia, March 12 - Al Shabaab fighters attacked an army base outside "
                    "Baidoa before dawn on Tuesday, the Somali army said, adding that the attack was "
                    "repelled.",
                )
            ],
        ),
        Mention(
            id="m-omdurman-blog",
            article_id=blog.id,
            event_type="Protests",
            sub_event_type="Peaceful protest",
            date=day("2024-03-07"),
            location=OMDURMAN,
            actor1=Actor(id="PROTESTERS_SD", name="Protesters (Sudan)"),
            claimant=REPORTER,
            stance="asserted",
            evidence=[
                span(
                    blog,
                    f"One placard read {XSS_SCRIPT} and another showed {XSS_IMG} as a joke, witnesses said.",
                )
            ],
        ),
    ]


@dataclass(frozen=True)
class SampleStore:
    path: Path
    articles: dict[str, Article]


def build_sample_store(path: Path) -> SampleStore:
    """Write the sample store at `path` with the real fusion; return what went in."""
    articles = {key: make_article(key) for key in TEXTS}
    with Store(path) as store:
        store.ingest_batch(list(articles.values()), make_mentions(articles), fuse)
    return SampleStore(path=path, articles=articles)
