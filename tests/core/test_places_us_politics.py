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
