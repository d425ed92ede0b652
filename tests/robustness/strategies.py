"""Hypothesis strategies for realistic sitreps records: articles, mentions, report texts, raw bytes.

Places, actors and claimants come from small fixed pools so that generated mentions collide
(same type, place and day) and fusion has real work to do; free text is arbitrary Unicode.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

from hypothesis import strategies as st

from sitreps.model import Actor, Article, DateValue, Fatalities, Location, Mention, Span

EVENT_TYPES = [
    ("Battles", "Armed clash"),
    ("Battles", "Government regains territory"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
    ("Riots", "Violent demonstration"),
    ("Strategic developments", "Looting/property destruction"),
]
PLACES = [
    Location(
        name="Kherson",
        toponym="Kherson",
        geonameid=706448,
        country_code="UA",
        admin1_code="08",
        admin1="Kherson Oblast",
        lat=46.64,
        lon=32.61,
    ),
    Location(
        name="Beryslav",
        toponym="Beryslav",
        geonameid=712160,
        country_code="UA",
        admin1_code="08",
        admin1="Kherson Oblast",
        lat=46.84,
        lon=33.42,
    ),
    Location(
        name="Kherson Oblast",
        toponym="Kherson region",
        country_code="UA",
        admin1_code="08",
        admin1="Kherson Oblast",
        lat=46.6,
        lon=32.9,
        geo_precision=3,
    ),
    Location(
        name="Graivoron",
        toponym="Graivoron",
        geonameid=560756,
        country_code="RU",
        admin1_code="09",
        admin1="Belgorod Oblast",
        lat=50.48,
        lon=35.68,
    ),
    Location(
        name="El Fasher",
        toponym="El Fasher",
        geonameid=379062,
        country_code="SD",
        admin1_code="49",
        admin1="Northern Darfur",
        lat=13.63,
        lon=25.35,
        geo_precision=2,
    ),
]
ACTORS = [
    Actor(id="RU_MIL", name="Military Forces of Russia (2000-)"),
    Actor(id="UA_MIL", name="Military Forces of Ukraine (2019-)"),
    Actor(id="RSF", name="Rapid Support Forces"),
    Actor(id="CIV", name="Civilians"),
    Actor(id="unknown:the gunmen", name="the gunmen"),
]
CLAIMANTS = [*ACTORS[:3], Actor(id="reporter", name="the outlet"), Actor(id="UA_GOV", name="Government of Ukraine")]
STANCES = ["asserted", "reported", "claimed", "alleged", "confirmed", "denied", "unverified"]
FIRST_DAY = date(2024, 5, 1)

# Arbitrary text, but no lone surrogates (not encodable, never produced by a reader).
free_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)


@st.composite
def date_values(draw: st.DrawFn) -> DateValue | None:
    kind = draw(st.sampled_from(["day", "day", "day", "week", "month", "none"]))
    if kind == "none":
        return None
    start = FIRST_DAY + timedelta(days=draw(st.integers(0, 20)))
    if kind == "day":
        return DateValue(start=start.isoformat(), end=start.isoformat(), inferred=draw(st.booleans()))
    if kind == "week":
        return DateValue(start=start.isoformat(), end=(start + timedelta(days=6)).isoformat(), precision="week")
    first = start.replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    return DateValue(start=first.isoformat(), end=last.isoformat(), precision="month")


@st.composite
def fatalities(draw: st.DrawFn) -> Fatalities | None:
    if draw(st.booleans()):
        return None
    best = draw(st.one_of(st.none(), st.integers(0, 500)))
    low = draw(st.one_of(st.none(), st.integers(0, best or 500)))
    high = draw(st.one_of(st.none(), st.integers(best or 0, 1000)))
    return Fatalities(
        best=best,
        low=low,
        high=high,
        victims=draw(st.sampled_from([None, "civilians", "soldiers"])),
        claimant=draw(st.one_of(st.none(), st.sampled_from(CLAIMANTS))),
    )


@st.composite
def articles(draw: st.DrawFn, index: int) -> Article:
    text = draw(free_text) or "(empty)"
    return Article(
        id=f"a{index:03d}",
        source=f"https://outlet{draw(st.integers(0, 3))}.example/{index}",
        outlet=draw(st.sampled_from([None, "Outlet A", "Outlet B", "Агентство"])),
        title=draw(st.one_of(st.none(), free_text)),
        published=draw(date_values()),
        language=draw(st.sampled_from(["en", "ru", "uk"])),
        text=text,
        removed=draw(st.lists(free_text, max_size=2)),
    )


@st.composite
def mention_for(draw: st.DrawFn, article: Article, index: int) -> Mention:
    event_type, sub = draw(st.sampled_from(EVENT_TYPES))
    span_text = draw(free_text)
    return Mention(
        id=f"m-{article.id}-{index}",
        article_id=article.id,
        event_type=event_type,  # type: ignore[arg-type]
        sub_event_type=draw(st.sampled_from([sub, None])),
        date=draw(date_values()),
        location=draw(st.one_of(st.none(), st.sampled_from(PLACES))),
        actor1=draw(st.one_of(st.none(), st.sampled_from(ACTORS))),
        actor2=draw(st.one_of(st.none(), st.sampled_from(ACTORS))),
        assoc_actor_1=draw(st.lists(st.sampled_from(ACTORS), max_size=2, unique_by=lambda a: a.id)),
        claimant=draw(st.one_of(st.none(), st.sampled_from(CLAIMANTS))),
        stance=draw(st.sampled_from(STANCES)),  # type: ignore[arg-type]
        fatalities=draw(fatalities()),
        evidence=[Span(start=0, end=len(span_text), text=span_text)] if span_text else [],
        outcome=draw(st.sampled_from([None, "captured", "repelled"])),
    )


@st.composite
def corpora(draw: st.DrawFn, max_articles: int = 6) -> tuple[list[Article], list[Mention]]:
    """Articles (distinct ids) and 0-4 mentions each, as the extractor would hand them over."""
    n = draw(st.integers(1, max_articles))
    arts = [draw(articles(i)) for i in range(n)]
    mentions = [draw(mention_for(a, j)) for a in arts for j in range(draw(st.integers(0, 4)))]
    return arts, mentions


# -- raw input bytes ---------------------------------------------------------------------------

_WORDS = ["the", "shelling", "Kherson", "killed", "Graivoron", "drone", "said", "обстрел", "Херсон", "ﾃｽﾄ", "—"]


def _jsonl(values: list[object]) -> bytes:
    return "\n".join(json.dumps(v, ensure_ascii=False) for v in values).encode("utf-8", "surrogatepass")


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
jsonl_records = st.fixed_dictionaries(
    {},
    optional={
        "text": st.one_of(st.text(max_size=300), st.integers(), st.none()),
        "html": st.one_of(st.text(max_size=300), st.just("<html><body><p>Troops shelled Kherson.</p></body></html>")),
        "title": st.text(max_size=40),
        "published": st.one_of(st.text(max_size=20), st.just("2024-05-12"), st.integers()),
        "url": st.text(max_size=40),
        "outlet": st.text(max_size=20),
        "language": st.text(max_size=3),
    },
)
arbitrary_inputs = st.one_of(
    st.binary(max_size=3000),
    st.text(max_size=1500).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.lists(st.sampled_from(_WORDS), max_size=200).map(lambda ws: " ".join(ws).encode("utf-8")),
    st.lists(st.sampled_from(_WORDS[:7]), min_size=5, max_size=200).map(
        lambda ws: " ".join(ws).encode("cp1251", "replace")
    ),
    st.lists(st.one_of(jsonl_records, json_values), min_size=1, max_size=4).map(_jsonl),
    # JSON may escape half a surrogate pair ("\ud800"): valid JSON, but no UTF-8 text can hold it.
    st.lists(
        st.fixed_dictionaries(
            {
                "text": st.tuples(
                    st.text(max_size=120),
                    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),
                    st.text(max_size=120),
                ).map("".join)
            }
        ),
        min_size=1,
        max_size=3,
    ).map(lambda records: "\n".join(json.dumps(r) for r in records).encode("ascii")),
    st.text(max_size=500).map(
        lambda t: f"<html><head><title>{t[:20]}</title></head><body><p>{t}</p></body></html>".encode(
            "utf-8", "surrogatepass"
        )
    ),
    st.binary(max_size=400).map(lambda b: b"\xef\xbb\xbf" + b),  # a BOM, then anything
    st.binary(max_size=400).map(lambda b: b"\xff\xfe" + b),  # a UTF-16 BOM, then anything
)
