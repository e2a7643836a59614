"""Word lists as regexes: a letter tree matches what a longest-first alternation does."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from annotations.suggest.word_lists import alternation

WORDS = st.lists(st.text(alphabet="abc .", min_size=1, max_size=5), min_size=1, max_size=12)


@given(WORDS, st.text(alphabet="abc .", max_size=30))
def test_a_letter_tree_matches_as_the_longest_first_alternation_does(words, text):
    plain = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    tree, flat = re.compile(f"(?:{alternation(words)})"), re.compile(f"(?:{plain})")
    assert [m.span() for m in tree.finditer(text)] == [m.span() for m in flat.finditer(text)]
    assert all(tree.fullmatch(word) for word in words)


def test_the_tree_shares_first_letters():
    assert alternation(["ten", "two", "twelve"]) == "t(?:en|w(?:elve|o))"
    assert alternation(["sa", "said"]) == "sa(?:id)?"
