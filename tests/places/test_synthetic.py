"""Synthetic resolution cases from the gazetteer: the ranker's measurement harness."""

from __future__ import annotations

from sitreps.places import Gazetteer, PlaceResolver
from sitreps.places.synthetic import SEARCHED, accuracy, fit, sample_cases


def test_cases_are_ambiguous_names_with_their_target(gazetteer: Gazetteer) -> None:
    cases = sample_cases(gazetteer, 50, seed=7)
    assert len(cases) == 50
    for case in cases:
        assert len(gazetteer.match_rows(case.name, variants=False)) >= 2
        assert gazetteer.candidate(case.target, "name").name == case.name


def test_the_shipped_weights_resolve_most_cases_and_context_matters(resolver: PlaceResolver) -> None:
    cases = sample_cases(resolver.gazetteer, 300, seed=11)
    shipped = accuracy(resolver, cases)
    assert shipped >= 0.9
    blind = PlaceResolver(resolver.gazetteer)
    blind.settings = {**resolver.settings, "context_region": 0.0, "region_hint": 0.0, "context_country": 0.0}
    blind.settings["near_anchor"] = [[limit, 0.0] for limit, _ in resolver.settings["near_anchor"]]
    assert accuracy(blind, cases) < shipped


def test_fit_returns_every_searched_weight(gazetteer: Gazetteer) -> None:
    fresh = PlaceResolver(gazetteer)
    fitted = fit(fresh, sample_cases(gazetteer, 60, seed=3))
    assert set(fitted) == set(SEARCHED)
