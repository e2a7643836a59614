"""Reading a figure's number, unit and approximation from the text of its tag."""

from __future__ import annotations

import pytest

from annotations.suggest.figures import Figure, parse_figure


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("5,200 troops", Figure(5200, "troops", False)),
        ("300 advisers", Figure(300, "advisers", False)),
        ("four billion dollars", Figure(4_000_000_000, "USD", False)),
        ("$3 million", Figure(3_000_000, "USD", False)),
        ("US$1.5 billion", Figure(1_500_000_000, "USD", False)),
        ("€20m", Figure(20_000_000, "EUR", False)),
        ("12.5%", Figure(12.5, "%", False)),
        ("40 per cent", Figure(40, "%", False)),
        ("Some 7,500 coalition troops", Figure(7500, "troops", True)),
        ("more than 300 people", Figure(300, "people", True)),
        ("nearly twenty-five thousand families", Figure(25_000, "families", True)),
        ("a million refugees", Figure(1_000_000, "refugees", False)),
        ("20 missile attacks", Figure(20, "attacks", False)),
        ("350 km", Figure(350, "km", False)),
        ("2,500", Figure(2500, "", False)),
        ("1.75 million dinars", Figure(1_750_000, "IQD", False)),
        ("Thirteen", Figure(13, "", False)),
        ("half a million", Figure(500_000, "", False)),
        ("half a dozen aid workers", Figure(6, "workers", False)),
        ("a dozen emails", Figure(12, "emails", False)),
        ("800-acre", Figure(800, "acre", False)),
        ("3 percentage points", Figure(3, "%", False)),
        ("50 million Canadian dollars", Figure(50_000_000, "CAD", False)),
        ("20 Fijian dollars", Figure(20, "Fijian dollars", False)),
    ],
)
def test_figures_as_news_writes_them(text, figure):
    assert parse_figure(text) == figure


@pytest.mark.parametrize("text", ["troops", "the coalition", "", "many soldiers", "K1 Air Base 5"])
def test_no_number_no_figure(text):
    assert parse_figure(text) is None


def test_attributes_say_approx_only_when_it_is():
    assert parse_figure("5,200 troops").attrs() == {"value": 5200, "unit": "troops"}
    assert parse_figure("about 5,200 troops").attrs() == {"value": 5200, "unit": "troops", "approx": True}


@pytest.mark.parametrize("text", ["10-15 soldiers", "3.2.1 troops", "1e5 people", "350km", "half a dozen and one"])
def test_what_is_not_one_number_as_written_gives_none_not_a_guess(text):
    assert parse_figure(text) is None


def test_attributes_as_text_and_back():
    from annotations.attributes import as_text, from_text

    attrs = {"value": 5200, "unit": "troops", "approx": True, "lat": 36.19, "name": "Erbil, Iraq"}
    assert as_text(attrs) == "value=5200; unit=troops; approx; lat=36.19; name=Erbil, Iraq; "  # open at the end
    assert from_text(as_text(attrs)) == attrs
    assert from_text("range=1-2; x=inf; flag=false; odd=1,2") == {
        "range": "1-2",
        "x": "inf",
        "flag": False,
        "odd": "1,2",
    }


def found(text: str) -> list[str]:
    from annotations.suggest.figures import find_figures

    return [f.text for f in find_figures(text)]


def test_what_a_number_counts_may_be_capitalised_or_come_after_other():
    text = "Polls show 300,000 Chinese students, two Democrats and two other rival states; 140 House members signed."
    assert found(text) == ["300,000 Chinese students", "two Democrats", "two other rival states", "140 House members"]


def test_a_number_in_a_name_a_ratio_or_a_compound_adjective_is_no_figure():
    text = (
        "A PAC called Future 45 ran ads. Only 4 in 10 voters and three of four members agreed on a two-party plan; "
        "Sanders won 7 states. They flew Boeing 757 jets. That's 33,000 people. Florida's 99 delegates voted.\n"
        "Route 75 stays closed."
    )
    assert found(text) == ["7 states", "33,000 people", "99 delegates"]


def test_one_is_a_count_when_the_text_says_so_and_a_hyphen_joins_a_unit():
    text = "One organisation said only one person and at least one child were hurt on the 800-acre site, one of many."
    assert found(text) == ["one person", "one child", "800-acre"]


def test_a_capitalised_word_ending_like_a_name_is_not_what_is_counted():
    assert found("The list: 4 Chris Christie, 5 Texas Rangers.") == []
