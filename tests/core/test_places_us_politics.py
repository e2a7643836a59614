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


@pytest.mark.parametrize(
    ("text", "places"),
    [
        pytest.param(
            "Then R-Rated films arrived, and a D-Day film opened in Paris.",
            ["Paris"],
            id="a party letter before other words is no label",
        ),
        pytest.param(
            "Ohio Gov. Tom Reed met Iowa Sen. Jo Hart in Utah. Former Arkansas governor Lee Dunn "
            "and New York City Mayor Ed Ward came. Gov. Ann Bell of Oregon did not.",
            ["Ohio", "Iowa", "Utah", "Arkansas", "New York City", "Oregon"],
            id="a state before a title is the state, and the title begins a person",
        ),
        pytest.param(
            "She lost in Vermont Tuesday and won Nevada Saturday.",
            ["Vermont", "Nevada"],
            id="a day after a place is no part of it",
        ),
        pytest.param(
            "Their interests conflict with America's. The plan goes beyond the policies of "
            "President Barack Obama. Obama’s own plan was praised in Nevada.",
            ["America", "Nevada"],
            id="a possessive at the end of a sentence, and a person's name before a full stop",
        ),
        pytest.param(
            "WASHINGTON (AP) — Leaders praised the DACA program in Utah.\n"
            '"RAMOS: What will you do for DACA recipients?\n'
            "IRAQ, JAPAN TALK\n",
            ["WASHINGTON", "Utah", "IRAQ"],
            id="a name in capitals is a place in a dateline or a headline, not an acronym",
        ),
        pytest.param(
            "Staff for the House Select Committee on Benghazi and the Caucus of Ohio met in Libya.",
            ["Libya"],
            id="a place inside a committee's name is no place",
        ),
        pytest.param(
            "Voters Say Ohio Plan Is Great for Business\n\n"
            "Voters in Ohio like the plan. The Washington Post Said So, and Say Idaho Is Next.\n",
            ["Ohio", "Ohio"],
            id="a place in a headline in title case that the article names too",
        ),
        pytest.param(
            "They make hats that say great things again. Hats Say Make Mexico Great Again. He went to Mexico.",
            ["Mexico", "Mexico"],
            id="a slogan whose words the article writes in lower case",
        ),
        pytest.param(  # the title-case rule must not put back what the acronym rule left out
            "Voters in Iowa were asked.\nWe talked about the IOWA program.\nTRUMP: We love IOWA.",
            ["Iowa"],
            id="a name in capitals stays an acronym where the place is named too",
        ),
    ],
)
def test_places_in_us_political_news(text, places, gazetteer):
    assert names(text, gazetteer) == places


def test_a_town_is_the_one_in_the_state_the_article_names(gazetteer):
    """Springfield, Peoria and Bloomington are each larger elsewhere (Missouri, Arizona,
    Minnesota); in a story from "SPRINGFIELD, Ill." they are Illinois's."""
    text = "SPRINGFIELD, Ill. — Officials met on Monday. Residents of Peoria and Bloomington came.\n\nIn Springfield, the mayor spoke."
    assert {(f.text, f.place.region) for f in find_places(text, gazetteer)} == {
        ("SPRINGFIELD", "IL"),
        ("Ill.", "IL"),
        ("Peoria", "IL"),
        ("Bloomington", "IL"),
        ("Springfield", "IL"),
    }
    elsewhere = "Voters in Springfield and Peoria went to the polls on Tuesday."
    assert [f.place.region for f in find_places(elsewhere, gazetteer)] == ["MO", "AZ"]  # no state named: the larger
