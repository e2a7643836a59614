"""Places in US political news of our own writing, in the shapes PolNeAR's outlets use
(2015–2016): lawmakers' party-and-state labels, states named before a title, datelines,
title-case headlines. Measured against the real gazetteer."""

from __future__ import annotations

import pytest

from annotations.suggest.gazetteer import load
from annotations.suggest.places import find_places


@pytest.fixture(scope="module")
def gazetteer(gazetteer_cache):
    return load(gazetteer_cache)


def names(text: str, gazetteer) -> list[str]:
    return [f.text for f in find_places(text, gazetteer)]


def test_a_lawmakers_party_and_state_label_names_the_state(gazetteer):
    text = (
        "Sen. Dana Holt (R-Tex.) met Rep. Al Moss (D-N.Y.) and Sen. Jo Hart, R-Ariz., while "
        "Sen. Al Roe (R-AL) stayed in Dallas. Money went to D.C. lobbyists."
    )
    found = find_places(text, gazetteer)
    assert [f.text for f in found] == ["Tex.", "N.Y.", "Ariz.", "AL", "Dallas", "D.C."]
    assert [f.place.name for f in found][:4] == ["Texas", "New York", "Arizona", "Alabama"]


def test_a_party_letter_before_other_words_is_no_label(gazetteer):
    assert names("Then R-Rated films arrived, and a D-Day film opened in Paris.", gazetteer) == ["Paris"]


def test_a_state_before_a_title_is_the_state_and_the_title_begins_a_person(gazetteer):
    text = (
        "Ohio Gov. Tom Reed met Iowa Sen. Jo Hart in Utah. Former Arkansas governor Lee Dunn "
        "and New York City Mayor Ed Ward came. Gov. Ann Bell of Oregon did not."
    )
    assert names(text, gazetteer) == ["Ohio", "Iowa", "Utah", "Arkansas", "New York City", "Oregon"]


def test_a_day_after_a_place_is_no_part_of_it(gazetteer):
    assert names("She lost in Vermont Tuesday and won Nevada Saturday.", gazetteer) == ["Vermont", "Nevada"]


def test_a_possessive_at_the_end_of_a_sentence_and_a_persons_name_before_a_full_stop(gazetteer):
    text = (
        "Their interests conflict with America's. The plan goes beyond the policies of "
        "President Barack Obama. Obama’s own plan was praised in Nevada."
    )
    assert names(text, gazetteer) == ["America", "Nevada"]


def test_a_name_in_capitals_is_a_place_in_a_dateline_or_a_headline_not_an_acronym(gazetteer):
    text = (
        "WASHINGTON (AP) — Leaders praised the DACA program in Utah.\n"
        '"RAMOS: What will you do for DACA recipients?\n'
        "IRAQ, JAPAN TALK\n"
    )
    assert names(text, gazetteer) == ["WASHINGTON", "Utah", "IRAQ"]


def test_a_place_inside_a_committees_name_is_no_place(gazetteer):
    text = "Staff for the House Select Committee on Benghazi and the Caucus of Ohio met in Libya."
    assert names(text, gazetteer) == ["Libya"]


def test_a_place_in_a_headline_in_title_case_that_the_article_names_too(gazetteer):
    text = (
        "Voters Say Ohio Plan Is Great for Business\n\n"
        "Voters in Ohio like the plan. The Washington Post Said So, and Say Idaho Is Next.\n"
    )
    assert names(text, gazetteer) == ["Ohio", "Ohio"]


def test_a_slogan_whose_words_the_article_writes_in_lower_case(gazetteer):
    text = "They make hats that say great things again. Hats Say Make Mexico Great Again. He went to Mexico."
    assert names(text, gazetteer) == ["Mexico", "Mexico"]


def test_a_name_in_capitals_stays_an_acronym_where_the_place_is_named_too(gazetteer):
    """The rule that puts a place back in a title-case run ("Make Iowa Great Again") must
    not put back what the acronym rule left out."""
    text = "Voters in Iowa were asked.\nWe talked about the IOWA program.\nTRUMP: We love IOWA."
    assert names(text, gazetteer) == ["Iowa"]
