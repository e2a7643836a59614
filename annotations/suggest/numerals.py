"""How an article writes its numbers: "4,500 people, up 3.5%" (English, the decimal point)
or "4.500 personas, un 3,5%" (Spanish, German, French, Italian, Portuguese and Dutch: the
decimal comma, thousands grouped by a dot or a space). Decided once per article, from the
whole article, so that its suggestions, `reader suggest` and a tag made by hand read
"4.500" alike; a tag's text alone is too short to say.

The numbers decide when they can: "1.234.567", "1.234,5" and "4 500 personas" are
written only with the decimal comma, "4,500" only with the point. When they show
neither, or both (an article quoting the other kind), the article's language decides,
judged from its commonest function words in its first SAMPLE characters; "3,5" alone
(a decimal, or a list, or a score: "sections 3,4", "won 6,4") decides only a text too
short to judge. English is the default.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

SAMPLE = 3_000  # characters whose function words judge the language: a news story's first paragraphs
SPACES = "\u00a0\u2009\u202f "  # no-break, thin and narrow no-break space; a plain one too
# A number written with separators, then what each kind of sign is. (One pattern of all
# of them, with look-behinds, took 0.5 ms a news article; this, 0.07.)
_SEPARATED = re.compile(rf"(?<!\d)\d++(?:[.,{SPACES}]\d++)+")  # possessive: a long run of digits is read once
_COMMA_SIGN = re.compile(r"\d{1,3}(?:\.\d{3}){2,}|\d{1,3}(?:\.\d{3})+,\d{1,2}")  # 1.234.567, 1.234,5
# "3,5" is a decimal comma, or a list or a score ("sections 3,4", "won 6,4"): it decides
# only when the language does not, in a text too short to judge.
_WEAK_COMMA_SIGN = re.compile(r"\d+,\d{1,2}")
_SPACED = re.compile(rf"\d{{1,3}}(?:[{SPACES}]\d{{3}})+")  # 4 500, before a word
_SPACED_BEFORE = re.compile(rf"[{SPACES}]?[^\W\d_]")
_POINT_SIGN = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")  # 4,500 and 1,234.5
# The words each language writes most; "en" judges them against English.
FUNCTION_WORDS = {
    "en": "the of and to a in is that for it was on with as said",
    "es": "de la que el en y los del las por",
    "de": "der die und das ist nicht den von",
    "fr": "le la les des et est pas une",
    "it": "il di che è la per non gli",
    "pt": "de que não uma os para com",
    "nl": "de het een en van is niet",
}
_LANGUAGES_OF: dict[str, list[str]] = {}
for _language, _words in FUNCTION_WORDS.items():
    for _word in _words.split():
        _LANGUAGES_OF.setdefault(_word, []).append(_language)
LEAST = 5  # function words a language needs in the sample before it outvotes English


@dataclass(frozen=True)
class Numbers:
    """An article's number convention: the decimal comma or not, and its language when it
    was judged ("en" when it was not, or is English)."""

    decimal_comma: bool = False
    language: str = "en"


POINT_NUMBERS = Numbers()  # the decimal point: English, and the default


@lru_cache(maxsize=8)  # a tag made by hand asks again of the same article (its hash is kept)
def numbers_of(text: str) -> Numbers:
    """The convention text writes its numbers in (text: a whole article)."""
    comma = weak = point = False
    for token in _SEPARATED.finditer(text):
        number = token.group()
        if _SPACED.fullmatch(number):
            comma = comma or bool(_SPACED_BEFORE.match(text, token.end()))
            continue
        for part in number.split():  # "3 4,500" is two numbers
            comma = comma or bool(_COMMA_SIGN.fullmatch(part))
            weak = weak or bool(_WEAK_COMMA_SIGN.fullmatch(part))
            point = point or bool(_POINT_SIGN.fullmatch(part))
        if comma and point:
            break
    if point and not comma and not weak:
        return POINT_NUMBERS
    counts = _counts(text[:SAMPLE])
    language = _judged(counts)
    if comma and not point:
        return Numbers(True, language)
    # Both kinds, or no sign, or only "3,5": the language decides, and "3,5" in a text
    # too short to judge ("El paro subió al 3,5 por ciento.").
    return Numbers(language != "en" or (weak and not point and counts["en"] < LEAST), language)


def language_of(text: str) -> str:
    """The language whose function words text has most of ("en" unless another has at
    least LEAST and more than English)."""
    return _judged(_counts(text))


def _counts(text: str) -> dict[str, int]:
    """How many of each language's function words text has."""
    counts = dict.fromkeys(FUNCTION_WORDS, 0)
    for word in text.lower().split():  # a word with a comma after it is missed: the rest say enough
        for language in _LANGUAGES_OF.get(word, ()):
            counts[language] += 1
    return counts


def _judged(counts: dict[str, int]) -> str:
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] >= LEAST and counts[best] > counts["en"] else "en"
