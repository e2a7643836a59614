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

# Verbs that tell who spoke, next to a quote: "said Caggins", "Caggins told Rudaw".
CUE_WORDS = """
said says say told tells tell added adds asked asks stated states wrote writes explained
explains noted notes insisted insists argued argues claimed claims continued continues
declared declares replied replies responded responds warned warns tweeted tweets
announced announces acknowledged acknowledges admitted admits recalled recalls suggested
suggests conceded concedes concluded concludes complained complains cautioned cautions
emphasized emphasizes emphasised stressed stresses observed remarked predicted vowed
promised pointed countered quipped joked shouted yelled whispered mused testified
affirmed agreed boasted charged contended disclosed estimated recounted reported reports
urged urges confirmed confirms denied denies exclaimed exclaims groused grouses chided chides
vented protested protests heralded heralds voiced coined reacted write cried commented
"""
# Verbs that report what someone said without quoting a sentence of it: "dismissed it as
# “absurd”", "accused him of an “artful smear”".
REPORTING_WORDS = """
called calls call calling described describes describing dubbed labeled labelled branded
dismissed rejected accused pledged pledges promised promises criticized criticised praised
slammed blasted bemoaned decried mocked touted hailed declaring saying adding insisting
deemed termed judged admitted acknowledged welcomed conceded offered
argue argues promising urging warning claiming vowing pledging ripped accusing
portrayed portraying portrays characterized characterizing
"""
# What else tells of someone's words or thoughts in a quote's sentence, so that a few
# quoted words there are theirs ('Christie refers to him as “Mr. Trump,”'), not a scare quote.
ATTRIBUTING_WORDS = """
telling refer refers referred referring assert asserts asserted asserting assertion
claim believe believes believed think thinks slogan slogans comment comments statement
statements remark remarks label labels promise accusation accusations accuse accuses
mock mocks mocking insult insults insulted insulting lament laments lamented lamenting
allege alleges alleging allegation answer answered explain explaining chant chants
chanted chanting stating noting arguing writing tweeting suggesting complaining
predicting citing talks talked pledge echoing echoed vow vows describe demand demands
demanded referenced titled cited
"""
