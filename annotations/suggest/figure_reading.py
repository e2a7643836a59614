"""The patterns and words figures.py reads an article's figures with, one set for each
number convention (numerals.py): English as news writes it, or the decimal comma
("4.500 personas", "3,5 por ciento", "2,3 Millionen Euro", "4 500 personnes", "12,5 €").

The decimal comma's reading keeps English's scales and currency signs (an article may
quote "$4.5 billion") but not its number words or "m" and "k" ("100 m" is metres); a
dot there groups thousands only before three digits, and is read as a decimal point
otherwise ("4.5").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from . import figure_words as words
from .numerals import SPACES, Numbers
from .word_lists import alternation

_ENGLISH_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_GROUPED = rf"\d{{1,3}}(?:\.\d{{3}})+(?:,\d+)?(?!\d|\.\d)|\d{{1,3}}(?:[{SPACES}]\d{{3}})+(?:,\d+)?(?![\d.,])"
_COMMA_DIGITS = rf"{_GROUPED}|\d+,\d+|\d+(?:\.\d+)?"
_GROUPED_WHOLE = re.compile(_GROUPED)
_NUMBER_WORDS = alternation([*words.SMALL, *words.TENS, *words.SCALES])
_LINK = re.compile(rf"\s+(?:{alternation(words.COMMA_LINKS)})(?=\s)", re.IGNORECASE)
_LINK_FIRST = re.compile(rf"(?:(?:{alternation(words.COMMA_LINKS)})\s+|d['’])(?=\w)", re.IGNORECASE)


@dataclass(frozen=True)
class Reading:
    comma: bool
    figure: re.Pattern[str]  # a tag's text: sign, digits, abbreviation, number words, the rest
    candidate: re.Pattern[str]  # a figure's number in an article, before what it counts
    unit_word: re.Pattern[str]  # a word after it that may say what it counts
    scales: dict[str, int]
    percent: tuple[str, ...]
    shares: tuple[str, ...]  # how a money or share figure's number may end
    not_units: frozenset[str]
    abbreviations: dict[str, int]
    after_digits: str  # characters that may touch the digits ("12.5%", "4.500€")

    def value(self, digits: str) -> tuple[float, bool]:
        """The number digits write, and whether they write a decimal part."""
        if not self.comma:
            return float(digits.replace(",", "")), "." in digits
        if "," in digits or _GROUPED_WHOLE.fullmatch(digits):
            whole, _, decimals = digits.partition(",")
            return float(re.sub(rf"[.{SPACES}]", "", whole) + "." + (decimals or "0")), bool(decimals)
        return float(digits), "." in digits  # "4.5", as quoted from English

    def without_link(self, rest: str) -> str:
        """What a figure counts, without "de" before it ("de euros", "d'euros")."""
        return _LINK_FIRST.sub("", rest, count=1) if self.comma else rest

    def link(self, text: str, end: int, number: str) -> int | None:
        """Where "de" after a number's scale ends ("2,3 millones de euros"), else None."""
        scaled = self.comma and number.rsplit(None, 1)[-1].lower() in self.scales
        found = _LINK.match(text, end) if scaled else None
        return found.end() if found is not None else None


def _candidate(digits: str, scales: str, percent: str) -> re.Pattern[str]:
    return re.compile(
        r"(?<![\w$€£¥.,])(?<![^/]-)"  # not inside a word, a number or a range; "+/-3" is a number
        r"(?:(?:US\$|[$€£¥])\s?)?"
        rf"(?:{digits})"
        rf"(?:\s?(?:{scales})\b)*"
        rf"(?:\s?(?:{percent}))?",
        re.IGNORECASE,
    )


def _figure(digits: str, abbreviations: str, number_words: str) -> re.Pattern[str]:
    return re.compile(
        r"(?P<sign>US\$|[$€£¥])?\s*"
        rf"(?P<digits>{digits})?"
        rf"(?P<abbreviation>(?:{abbreviations})\b)?\s*"
        rf"(?P<words>(?:(?:{number_words})(?:[\s-]+|$))*)"
        r"(?P<rest>.*)",
        re.IGNORECASE | re.DOTALL,
    )


_ENGLISH_NUMBERS = rf"{_ENGLISH_DIGITS}|(?:(?:{_NUMBER_WORDS})(?:[\s-]+(?:and\s+)?(?={_NUMBER_WORDS}))?)+"
POINT_READING = Reading(  # English as news writes it: the decimal point
    comma=False,
    figure=_figure(
        _ENGLISH_DIGITS, "k|m|mn|bn|b", alternation([*words.SMALL, *words.TENS, *words.SCALES, "a", "and", "half"])
    ),
    candidate=_candidate(
        _ENGLISH_NUMBERS,
        "dozen|million|billion|trillion|thousand|hundred|mn|bn|m|k",
        r"%|percent\b|per cent\b|percentage points?\b",
    ),
    unit_word=re.compile(r"\s+([A-Za-z][a-z'’-]*)"),
    scales=words.SCALES,
    percent=words.PERCENT,
    shares=words.SHARES,
    not_units=words.NOT_UNITS,
    abbreviations=words.SCALE_ABBREVIATIONS,
    after_digits="%",
)


@cache  # built on the first article that writes the decimal comma
def _comma() -> Reading:
    scales = alternation(words.COMMA_SCALES)
    percent = alternation([*words.COMMA_PERCENT[1:], *words.SHARES[3:]])
    return Reading(
        comma=True,
        figure=_figure(
            _COMMA_DIGITS, "mn|bn", alternation([*words.SMALL, *words.TENS, *words.COMMA_SCALES, "a", "and", "half"])
        ),
        candidate=_candidate(_COMMA_DIGITS, scales, rf"(?:{percent})\b|%|[€$£¥](?!\w)"),
        unit_word=re.compile(r"\s+([^\W\d_][\w'’-]*)"),
        scales=words.COMMA_SCALES,
        percent=words.COMMA_PERCENT,
        shares=(*words.COMMA_SHARES, "€", "$", "£", "¥"),
        not_units=words.COMMA_NOT_UNITS,
        abbreviations={key: words.SCALE_ABBREVIATIONS[key] for key in ("mn", "bn")},
        after_digits="%€$£¥",
    )


def reading(numbers: Numbers) -> Reading:
    """The reading of an article's figures in its convention."""
    return _comma() if numbers.decimal_comma else POINT_READING
