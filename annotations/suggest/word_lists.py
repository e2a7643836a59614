"""Small word lists of English that the suggesters share: ordinary words that open a
sentence with a capital (and so look like names), honorifics, and months and days.

Each list is one string, split when the module loads: as a literal list the formatter
gives every word a line of its own."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TypeAlias

_ORDINARY = """
about above according after again against all along also although among an and another
any are army as at aurora bath bay because before being bell below between big both
bristol buffalo but by can cape captain carmel central charlotte chief church city
colonel columbia commerce commonwealth concord conservative corona could county court
democratic did district do does during each east eastern either enterprise eugene even
every federal florence for fort friendly from further general god governor grand great
greater had has have having he her here hers high him his homestead hope how however if
in independence industry instead into is island islands it its jackson just justice king
kingdom labour lake last later let liberal liberty little long lord low lower many
marion mayor meanwhile mercedes minister mission mobile more most mount much my national
neither new next nice no nor normal north northern not now of off officer old olympic on
once one only opportunity or orange other our out over own paradise party per perhaps
please plenty police pope port president prince princess providence province queen
reading region republic river royal saint same sandy senator sergeant several she should
since so some south southern split st state still such surprise temple than that the
their them then there these they this those though through thus to today tomorrow too
troy under union unless until up upon upper us valley very victoria was we welcome were
west western what whatever when where whether which while who whom whose why will with
within without would yesterday yet you young your across amid around behind beyond
despite elsewhere inside near outside throughout toward towards unlike former then
"""
_HONORIFICS = """
Ambassador Capt Captain Chief Col Colonel Commander Dame Dr Gen General Gov Governor
Judge Justice King Lady Lord Lt Mayor Minister Miss Mr Mrs Ms Officer Pope Premier Pres
President Prince Princess Prof Queen Rep Rev Secretary Sen Senator Sergeant Sgt Sheikh
Sir
"""
_MONTHS = "January February March April May June July August September October November December"
_DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"

COMMON_WORDS = frozenset(word.capitalize() for word in _ORDINARY.split()) | {"A", "I"}
HONORIFICS = frozenset(_HONORIFICS.split())
MONTHS = frozenset(_MONTHS.split())
DAYS = frozenset(_DAYS.split())


_Tree: TypeAlias = "dict[str, _Tree]"  # a letter to the letters that may follow it ("" ends a word)


def alternation(words: Iterable[str]) -> str:
    """A regex matching any of words, the longest first (so "said" is not matched as
    "sa…"), written as a tree of their letters ("t(?:en|wo)", not "ten|two"): a regex
    engine tries a plain alternation's every word at every place, the tree one letter."""
    tree: _Tree = {}
    for word in words:
        node = tree
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}  # a word ends here
    return _branches(tree)


def _branches(node: _Tree) -> str:
    """The regex of a letter tree's node: its children, then the end of a word."""
    children = [re.escape(letter) + _branches(child) for letter, child in sorted(node.items()) if letter]
    if not children:
        return ""
    ends = "" in node
    if len(children) == 1 and not ends:
        return children[0]
    return f"(?:{'|'.join(children)}){'?' if ends else ''}"


# Capitalised words that open sentences and are no one's name ("The", "But", "He").
# A capitalised word of a name: "Caggins", "O’Brien", "Sanders'", "al-Sudani"'s "Al-Sudani";
# a hyphen only inside it, never at its end ("Kurdistan Region- The" is no name).
CAPITALISED_WORD = r"\p{Lu}[\p{L}\p{M}'’]*(?:-[\p{L}\p{M}'’]+)*"

_OPENERS = "The A An But And In On At It This That If When As After He She They We I There Some Many"
SENTENCE_OPENERS = frozenset(_OPENERS.split())
