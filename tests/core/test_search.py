"""Search in an article: smart case, wrapping, and which match of how many."""

from __future__ import annotations

from annotations.search import Searcher

TEXT = "Erbil and erbil; ERBIL. Mosul, then Erbil again."


def test_smart_case_and_counts():
    assert len(Searcher(TEXT, "erbil").spans) == 4
    assert len(Searcher(TEXT, "Erbil").spans) == 2
    assert Searcher(TEXT, "Kirkuk").step(0, 1) is None
    assert Searcher(TEXT, "").step(0, 1) is None


def test_steps_forward_and_back_and_says_when_it_wrapped():
    search = Searcher(TEXT, "Erbil")
    first, last = search.spans
    found = search.step(0, 1)
    assert (found.start, found.number, found.total, found.wrapped) == (last[0], 2, 2, False)
    assert found.describe() == "match 2 of 2"
    again = search.step(found.start, 1)
    assert (again.start, again.wrapped) == (first[0], True)
    assert again.describe() == "match 1 of 2 (wrapped to the top)"
    back = search.step(first[0], -1)
    assert (back.start, back.describe()) == (last[0], "match 2 of 2 (wrapped to the bottom)")
