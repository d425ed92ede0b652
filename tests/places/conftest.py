"""One real gazetteer per test session (built once into the cache dir, then loaded from it)."""

from __future__ import annotations

import pytest

from sitreps.places import Gazetteer, PlaceResolver


@pytest.fixture(scope="session")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    # An empty user-places folder, so files a developer added do not change the answers.
    return Gazetteer.load(places_dir=tmp_path_factory.mktemp("no-user-places"))


@pytest.fixture(scope="session")
def resolver(gazetteer: Gazetteer) -> PlaceResolver:
    return PlaceResolver(gazetteer)
