"""Search in an article: smart case, wrapping, and which match of how many."""

from __future__ import annotations

from annotations.search import Searcher

TEXT = "Erbil and erbil; ERBIL. Mosul, then Erbil again."
FIRST, LAST = TEXT.index("Erbil"), TEXT.rindex("Erbil")


def test_smart_case_and_counts():
    assert Searcher(TEXT, "erbil").total == 4
    assert Searcher(TEXT, "Erbil").total == 2
    assert Searcher(TEXT, "Kirkuk").step(0, 1) is None
    assert Searcher(TEXT, "").step(0, 1) is None


def test_steps_forward_and_back_and_says_when_it_wrapped():
    search = Searcher(TEXT, "Erbil")
    found = search.step(0, 1)
    assert (found.start, found.end, found.number, found.total, found.wrapped) == (LAST, LAST + 5, 2, 2, False)
    assert found.describe() == "match 2 of 2"
    again = search.step(found.start, 1)
    assert (again.start, again.wrapped) == (FIRST, True)
    assert again.describe() == "match 1 of 2 (wrapped to the top)"
    back = search.step(FIRST, -1)
    assert (back.start, back.describe()) == (LAST, "match 2 of 2 (wrapped to the bottom)")
    assert search.step(LAST, -1).start == FIRST


def test_offsets_hold_where_lower_case_would_change_the_length():
    text = "İstanbul and istanbul"  # İ lowers to two code points
    found = Searcher(text, "istanbul").step(0, 1)
    assert (found.start, text[found.start : found.end]) == (13, "istanbul")
    assert Searcher(text, "and").step(0, 1).start == text.index("and")
