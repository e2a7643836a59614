"""Places in short articles of our own, one per class of issue 25: what a newsroom marks
as a place (possessives and compounds, features, regions, abbreviations, small towns with
evidence) and what it does not (people, organisations, lone common words, demonyms, a
place inside an organisation's name). Measured against the real gazetteer."""

from __future__ import annotations

import pytest

from annotations.suggest.gazetteer import load
from annotations.suggest.places import find_places


@pytest.fixture(scope="module")
def gazetteer(gazetteer_cache):
    return load(gazetteer_cache)


def names(text: str, gazetteer) -> list[str]:
    return [f.text for f in find_places(text, gazetteer)]


def test_the_place_inside_a_possessive_or_a_compound(gazetteer):
    text = (
        "Ohio's governor met a Paris-based group on Tuesday. Officials in Raleigh, N.C., said "
        "the plan would reach Texas’s border towns and the U.S.-led coalition."
    )
    assert names(text, gazetteer) == ["Ohio", "Paris", "Raleigh", "N.C.", "Texas", "U.S."]


def test_administrative_and_natural_features_and_regions(gazetteer):
    text = (
        "Flooding closed roads in Polk County, Iowa, and the Mississippi River rose again. "
        "Troops at Bagram Air Base left for the Middle East. Farmers across the Midwest and "
        "traders in West Africa watched prices. Lake Erie froze. The Kurdistan Region held "
        "talks, and traffic stopped on Wall Street and on the Golden Gate Bridge."
    )
    assert names(text, gazetteer) == [
        "Polk County",
        "Iowa",
        "Mississippi River",
        "Bagram Air Base",
        "Middle East",
        "Midwest",
        "West Africa",
        "Lake Erie",
        "Kurdistan Region",
        "Wall Street",
        "Golden Gate Bridge",
    ]


def test_abbreviations_of_countries_unions_and_states(gazetteer):
    text = (
        "The U.S. and the UK asked the EU to act. In Washington, D.C., lawmakers agreed. "
        "A plant in Paducah, Ky., closed, and US officials said so."
    )
    found = {f.text: f.place for f in find_places(text, gazetteer)}
    assert list(found) == ["U.S.", "UK", "EU", "Washington", "D.C.", "Paducah", "Ky.", "US"]
    assert found["Ky."].name == "Kentucky" and found["D.C."].country == "US"


def test_a_small_town_only_with_evidence(gazetteer):
    evidence = "Ranchers in Gettysburg, Pa., sold cattle. Later Gettysburg voted. Fighting near Al-Musayfirah went on."
    found = find_places(evidence, gazetteer)
    assert [f.text for f in found] == ["Gettysburg", "Pa.", "Gettysburg", "Al-Musayfirah"]
    assert found[0].place.population < 15_000 and found[3].place.country == "SY"
    assert names("Gettysburg voted on Tuesday, and Musayfirah officials agreed.", gazetteer) == []


def test_people_organisations_and_common_words_are_no_places(gazetteer):
    text = (
        "Obama spoke at length in Austin, Texas. Mr. Lincoln disagreed, and Taylor said the vote "
        "would wait. Hamas rejected the offer, Xinhua reported. University officials and "
        "Republic voters met. Man, that was close. Iraqi and American officials met at the "
        "University of Texas and the Bank of England. Allen told reporters he would stay."
    )
    assert names(text, gazetteer) == ["Austin", "Texas"]


def test_a_town_after_in_is_a_town_though_said_follows(gazetteer):
    """ "Taylor said" is a person; "officials in Kirkuk said" is the town's officials."""
    assert names("Officials in Kirkuk said 3,400 homes were flooded.", gazetteer) == ["Kirkuk"]
    assert names("Kirkuk said nothing; officials near Mosul told reporters.", gazetteer) == ["Mosul"]
