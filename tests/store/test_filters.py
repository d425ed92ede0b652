"""EventFilter: every field narrows the events; results are sorted by date, then id."""

from __future__ import annotations

import pytest

from sitreps.store import EventFilter, Store
from store.builders import article, fuse_by_type_day_place, mention

KHARKIV = article(
    "Russian missiles struck Kharkiv overnight, the regional governor said. Three people were wounded.",
    outlet="Dnipro Ledger",
)
GOMA = article("M23 fighters clashed with the army near Goma. The fighting lasted hours.", outlet="Kivu Times")
SAKE = article("Rebels seized Sake after heavy fighting, residents said.", outlet="Great Lakes Wire")
LAGOS = article("Hundreds protested fuel prices in Lagos on Tuesday.", outlet="Lagoon Post")


@pytest.fixture
def filled(store: Store) -> Store:
    store.ingest_batch(
        [KHARKIV, GOMA, SAKE, LAGOS],
        [
            mention(
                KHARKIV,
                event_type="Explosions/Remote violence",
                sub_event_type="Shelling/artillery/missile attack",
                day="2024-05-10",
                place="Kharkiv",
                country="UA",
                admin1_code="07",
                admin1="Kharkiv Oblast",
                lat=49.98,
                lon=36.25,
                actor1="Military Forces of Russia",
                actor2="Civilians (Ukraine)",
            ),
            mention(GOMA, day="2024-07-08"),
            mention(SAKE, day="2024-07-09", place="Sake", lat=-1.57, lon=29.04, sub_event_type="Armed clash"),
            mention(
                LAGOS,
                event_type="Protests",
                sub_event_type="Peaceful protest",
                day="2024-08-06",
                place="Lagos",
                country="NG",
                admin1_code="05",
                admin1="Lagos",
                lat=6.45,
                lon=3.39,
                actor1="Protesters (Nigeria)",
                actor2="",
            ),
        ],
        fuse_by_type_day_place,
    )
    # One more outlet tells the Goma clash: that event now has two sources.
    echo = article("The army and M23 fought near Goma on Monday, Kivu Radio reported.", outlet="Kivu Radio")
    store.ingest_batch([echo], [mention(echo, day="2024-07-08")], fuse_by_type_day_place)
    return store


def places(store: Store, f: EventFilter | None = None) -> list[str]:
    return [e.location.name for e in store.events(f) if e.location]


def test_events_are_sorted_by_date(filled: Store) -> None:
    assert places(filled) == ["Kharkiv", "Goma", "Sake", "Lagos"]


@pytest.mark.parametrize(
    ("f", "expected"),
    [
        (EventFilter(since="2024-07-09"), ["Sake", "Lagos"]),
        (EventFilter(until="2024-07-08"), ["Kharkiv", "Goma"]),
        (EventFilter(since="2024-07-01", until="2024-07-31"), ["Goma", "Sake"]),
        (EventFilter(type="battles"), ["Goma", "Sake"]),
        (EventFilter(sub_type="Peaceful protest"), ["Lagos"]),
        (EventFilter(actor="russia"), ["Kharkiv"]),
        (EventFilter(actor="congo"), ["Goma", "Sake"]),
        (EventFilter(country="cd"), ["Goma", "Sake"]),
        (EventFilter(admin1="07"), ["Kharkiv"]),
        (EventFilter(admin1="north kivu"), ["Goma", "Sake"]),
        (EventFilter(place="north kiv"), ["Goma", "Sake"]),  # matches the region name
        (EventFilter(place="sak"), ["Sake"]),
        (EventFilter(bbox=(28.0, -2.0, 30.0, 0.0)), ["Goma", "Sake"]),
        (EventFilter(bbox=(30.0, 40.0, 40.0, 55.0)), ["Kharkiv"]),
        (EventFilter(min_sources=2), ["Goma"]),
        (EventFilter(q="fuel prices"), ["Lagos"]),  # evidence text
        (EventFilter(q="100%"), []),  # LIKE wildcards are literal
        (EventFilter(type="Battles", country="CD", since="2024-07-09"), ["Sake"]),
        (EventFilter(limit=2), ["Kharkiv", "Goma"]),
        (EventFilter(limit=2, offset=1), ["Goma", "Sake"]),
        (EventFilter(offset=3), ["Lagos"]),
    ],
)
def test_each_filter_narrows_the_events(filled: Store, f: EventFilter, expected: list[str]) -> None:
    assert places(filled, f) == expected
    unpaged = EventFilter(**{**f.__dict__, "limit": None, "offset": 0})
    assert filled.count_events(unpaged) == len(places(filled, unpaged))


def test_a_bbox_whose_west_edge_is_east_of_its_east_edge_crosses_the_antimeridian(filled: Store) -> None:
    assert places(filled, EventFilter(bbox=(170.0, -90.0, 40.0, 90.0))) == [
        "Kharkiv",
        "Goma",
        "Sake",
        "Lagos",
    ]
    assert places(filled, EventFilter(bbox=(170.0, -90.0, 10.0, 90.0))) == ["Lagos"]
