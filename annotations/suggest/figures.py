"""What a figure says: the number, what it counts or measures, and whether it is approximate.

"5,200 troops" is 5200 troops; "four billion dollars" 4000000000 USD; "$3 million" 3000000
USD; "12.5%" 12.5 %; "some 7,500 coalition troops" approximately 7500 troops. Used to fill
in a figure tag's attributes, so that most need no typing. Reads English as news writes
it; anything it cannot read as one number gives None, never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .word_lists import MONTHS, alternation

_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen"
_SMALL = {word: number for number, word in enumerate([*_ONES.split(), "seventeen", "eighteen", "nineteen"])}
_TENS = {
    word: 10 * number
    for number, word in enumerate(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], 2)
}
_SCALES = {
    "dozen": 12,
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 10**12,
}
_SCALE_ABBREVIATIONS = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000}
_CURRENCY_SIGNS = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
_CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "dinar": "IQD",
    "dinars": "IQD",
    "usd": "USD",
    "eur": "EUR",
    "gbp": "GBP",
    "iqd": "IQD",
}
_NATIONAL_CURRENCIES = {
    "us dollars": "USD",
    "american dollars": "USD",
    "canadian dollars": "CAD",
    "australian dollars": "AUD",
    "hong kong dollars": "HKD",
    "singapore dollars": "SGD",
    "iraqi dinars": "IQD",
    "british pounds": "GBP",
}
_PERCENT = {"%", "percent", "per cent", "pct"}  # "percentage points" too, as %
_SHARES = ("%", "percent", "per cent", "percentage point", "percentage points")
_APPROXIMATE = (
    "about",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "some",
    "more than",
    "over",
    "less than",
    "fewer than",
    "under",
    "at least",
    "up to",
    "an estimated",
    "estimated",
    "close to",
)
_FILLER = {"a", "an", "and", "of", "the"}

_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
_NUMBER_WORD = alternation([*_SMALL, *_TENS, *_SCALES, "a", "and", "half"])
_FIGURE = re.compile(
    r"(?P<sign>US\$|[$€£¥])?\s*"
    rf"(?P<digits>{_DIGITS})?"
    r"(?P<abbreviation>(?:k|m|mn|bn|b)\b)?\s*"
    rf"(?P<words>(?:(?:{_NUMBER_WORD})(?:[\s-]+|$))*)"
    r"(?P<rest>.*)",
    re.IGNORECASE | re.DOTALL,
)


@dataclass(frozen=True)
class Figure:
    value: int | float
    unit: str  # "" when the figure names no unit
    approx: bool

    def attrs(self) -> dict[str, object]:
        found: dict[str, object] = {"value": self.value, "unit": self.unit}
        if self.approx:
            found["approx"] = True
        return found


def _words_value(words: list[str]) -> int | None:
    """English number words: "four billion", "twenty-five thousand", "a million", "half a dozen"."""
    if words[:2] == ["half", "a"] and len(words) > 2 and words[2] in _SCALES:
        whole = _words_value(words[1:])
        return None if whole is None or whole % 2 else whole // 2
    total, current, seen = 0, 0, False
    for word in words:
        if word == "a":  # "a million": one
            current = max(current, 1)
            continue
        if word in _FILLER:
            continue
        if word in _SMALL:
            current += _SMALL[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in _SCALES:
            total += max(current, 1) * _SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _approximate(text: str) -> tuple[str, bool]:
    lowered = text.lower()
    for cue in _APPROXIMATE:
        if lowered.startswith(cue + " "):
            return text[len(cue) + 1 :].lstrip(), True
    return text, False


# Counts written as plural words: "hundreds of Humvees", "tens of thousands of people",
# "dozens of", "millions of dollars". The value is the least the words say (hundreds:
# 100), approximate.
_PLURAL_SCALES = {"tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1_000}
_PLURAL_SCALES |= {"millions": 1_000_000, "billions": 1_000_000_000, "trillions": 10**12}
_PLURAL_COUNT = re.compile(rf"(?:(?:{alternation(_PLURAL_SCALES)})\s+of\s+)+", re.IGNORECASE)


def _plural_count(text: str) -> Figure | None:
    """The figure of a count written as plural words ("hundreds of Humvees"), else None."""
    match = _PLURAL_COUNT.match(text)
    if match is None:
        return None
    value = 1
    for word in re.findall(r"[a-z]+", match.group().lower()):
        value *= _PLURAL_SCALES.get(word, 1)
    unit = _unit(None, text[match.end() :])
    counted = unit and unit.lower() not in _PLURAL_SCALES and not unit.endswith("-")  # "hundreds of thousands" alone
    return Figure(value, unit, True) if counted and not re.search(r"\d", text[match.end() :]) else None


def parse_figure(text: str) -> Figure | None:
    """The figure in a tagged span, or None if it holds no single number."""
    text, approx = _approximate(" ".join(text.split()))
    plural = _plural_count(text)
    if plural is not None:
        return plural
    match = _FIGURE.match(text)
    if match is None:
        return None
    digits, abbreviation = match["digits"], (match["abbreviation"] or "").lower()
    number_end = match.end("abbreviation") if abbreviation else match.end("digits")
    follows = text[number_end : number_end + 1] if digits else ""
    hyphened = follows == "-" and text[number_end + 1 : number_end + 2].isalpha()  # "800-acre"
    if re.search(r"\d", match["rest"]) or (follows and not (follows.isspace() or follows == "%" or hyphened)):
        return None  # "10-15 soldiers", "1e5", "3.2.1", "350km": not one number as written
    words = [w for w in re.split(r"[\s-]+", (match["words"] or "").lower()) if w]
    value: int | float | None
    if digits:
        number = float(digits.replace(",", ""))
        scale = _SCALE_ABBREVIATIONS.get(abbreviation, 1)
        for word in words:  # "3 million", "1.5 billion"
            if word in _SCALES:
                scale *= _SCALES[word]
            elif word not in _FILLER:
                return None
        value = number * scale
    else:
        if abbreviation:
            return None
        value = _words_value(words)
        if value is None:
            return None
    if isinstance(value, float) and value.is_integer() and ("." not in digits or value >= 1000):
        value = int(value)  # 5200, and "1.5 million" as 1500000; 2.0 as written
    unit = _unit(match["sign"], match["rest"])
    return Figure(value, unit, approx)


def _unit(sign: str | None, rest: str) -> str:
    rest = rest.strip()
    lowered = rest.lower()
    if sign:
        return _CURRENCY_SIGNS[sign.upper()]  # "us$" too
    for percent in _PERCENT:
        if lowered.startswith(percent):
            return "%"
    words = re.findall(r"[^\W\d_][\w'-]*", rest)
    if not words:
        return ""
    if words[0].lower() in _CURRENCY_WORDS:
        return _CURRENCY_WORDS[words[0].lower()]
    # What is counted is the last word ("7,500 coalition troops", "20 missile attacks").
    last: str = words[-1]
    currency = _CURRENCY_WORDS.get(last.lower())
    if currency and len(words) > 1 and words[-2][0].isupper():  # "Canadian dollars" are not USD
        return _NATIONAL_CURRENCIES.get(f"{words[-2]} {last}".lower(), f"{words[-2]} {last}")
    return currency or last


# ---------------------------------------------------------------- finding figures in text

_NUMBER_WORDS_FOUND = alternation([*_SMALL, *_TENS, *_SCALES])
_CANDIDATE = re.compile(
    r"(?<![\w$€£¥.,])(?<![^/]-)"  # not inside a word, a number or a range; "+/-3" is a number
    r"(?:(?:US\$|[$€£¥])\s?)?"
    rf"(?:{_DIGITS}|(?:(?:{_NUMBER_WORDS_FOUND})(?:[\s-]+(?:and\s+)?(?={_NUMBER_WORDS_FOUND}))?)+)"
    r"(?:\s?(?:dozen|million|billion|trillion|thousand|hundred|mn|bn|m|k)\b)*"
    r"(?:\s?(?:%|percent\b|per cent\b|percentage points?\b))?",
    re.IGNORECASE,
)
_UNIT_WORD = re.compile(r"\s+([A-Za-z][a-z'’-]*)")
_HYPHENED_UNIT = re.compile(r"-([a-z][a-z'’]*)")  # "800-acre"; "74-year-old" stops at "year"
# "two other states", "five more soldiers": what is counted comes after these.
_BEFORE_UNIT = {"other", "more", "additional", "extra"}
# A number right after a capitalised word is part of a name ("Future 45", "Article 5")...
_NAME_BEFORE = re.compile(r"(?<![\w.])([A-Z][\w'’]*(?<!['’]s)(?<!s['’])) $")
# Words that name things by number: "Route 75", "Article 5", "Flight 370".
_NUMBERED_WORDS = """
route highway interstate article section chapter clause title amendment rule flight room
gate terminal platform channel bus line proposition district ward precinct level phase
stage boeing airbus fortune apollo
"""
_NUMBERED = frozenset(_NUMBERED_WORDS.split())
_HALF_BEFORE = re.compile(r"\bhalf\s+an?\s+$", re.I)
_A_BEFORE = re.compile(r"\ban?\s+$", re.I)
_SCALE_FIRST = re.compile(r"(?:dozen|hundred|thousand|million|billion)\b", re.I)
_VAGUE_BEFORE = re.compile(rf"(?:\d|\b(?:{_NUMBER_WORDS_FOUND})) (?:in|out of|of) $|\b(?:several|few|many) $", re.I)
# ... and "one" is a count only when the text says so ("only one person", "at least one child").
_ONE_COUNTED = re.compile(
    r"\b(?:only|just|at least|exactly|as (?:much|many|little|few) as|(?:more|less|fewer) than) $", re.I
)
# Words after a number that are not what it counts.
_NOT_UNIT_WORDS = """
a a.m about after all also am an and any are as at be been before being but by can could
day days did do does down each every for from had has have he her here him his hour
hours i if in into is it its just least less may me might minute minutes month months
more most must my no not of old on only onto or other others our out over own p.m per
percent pm same second seconds she should since so some such than that the their them
then there these they this those time times to under until up us was we week weeks were
what which who will with would year years you your
across against along among around behind below beside between beyond despite during
inside near outside past through throughout toward towards upon via within without
"""
_NOT_UNITS = frozenset(_NOT_UNIT_WORDS.split())
_DATE_BEFORE = re.compile(rf"\b(?:{alternation([*MONTHS, *(month[:3] for month in MONTHS), 'Sept'])})\.?\s+$")
_YEAR = re.compile(r"(?:1[6-9]|20)\d\d")
_APPROX_BEFORE = re.compile(rf"\b(?:{alternation(_APPROXIMATE)})\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class FoundFigure:
    start: int
    end: int
    text: str
    figure: Figure


def _unit_words(text: str, end: int) -> int:
    """Where what a number counts ends: a plain word ("troops", "Democrats"), or up to
    three ending in a plural ("coalition troops", "Ohio registered voters"); after "other"
    or "more" ("two other states"); nothing when no noun-like word follows. A capitalised
    word is counted only in words ending in a plural: "5 Main Street" counts nothing."""
    hyphened = _HYPHENED_UNIT.match(text, end)
    if hyphened is not None:  # "800-acre", not "two-party" or "five-alarm": a word number is a modifier
        digits = text[end - 1].isdigit()
        return hyphened.end(1) if digits and _plain(hyphened, text) and hyphened.group(1) != "plus" else end
    words: list[re.Match[str]] = []
    at = end
    while len(words) < 3:
        word = _UNIT_WORD.match(text, at)
        if word is None or not (_plain(word, text) or (not words and word.group(1).lower() in _BEFORE_UNIT)):
            break
        words.append(word)
        at = word.end(1)
        if _plural(word.group(1)):
            break
    if words and words[0].group(1).lower() in _BEFORE_UNIT:  # "two other states", not "a thousand more cheered"
        return words[-1].end(1) if len(words) > 1 and _plural(words[-1].group(1)) else end
    if not words:
        return end
    if _plural(words[-1].group(1)):
        return words[-1].end(1)
    if words[0].group(1)[0].isupper():
        return end
    return words[0].end(1)


def _a_name(before: str, word: re.Match[str]) -> bool:
    """The capitalised word before a number names it ("Future 45", "Route 75"), unless
    it is capitalised because a sentence or a headline starts with it ("That's 33,000
    people", "In 2014", "SHOOTING Three people")."""
    name = word.group(1)
    if name.lower() in _NUMBERED:
        return True  # "Route 75 stays closed" starts a sentence and is a name all the same
    ahead = before[: word.start(1)].rstrip(" \t\"“‘'")
    starts = not ahead or ahead[-1] in ".!?:\n"
    return not (starts or name.isupper() or name.lower() in _NOT_UNITS)


def _plural(word: str) -> bool:
    """A plural noun, as far as its ending tells: "troops", "Democrats"; a capitalised
    word ending like a name is not one ("Chris", "Sanders", "Texas", "Lewis")."""
    if word[0].isupper() and word.endswith(("is", "as", "us", "rs")):
        return False
    return word.endswith("s") and not word.endswith("ss") and len(word) > 2


def _plain(word: re.Match[str], text: str) -> bool:
    """A word that can say what is counted: not a function word, an abbreviation or a line away."""
    return (
        len(word.group(1)) > 1
        and not word.group(1).endswith("ing")  # "263 entering": a verb, not a unit
        and word.group(1).lower() not in _NOT_UNITS
        and "\n" not in word.group(0)
        and not re.match(r"\.\w", text[word.end(1) : word.end(1) + 2])
    )


def find_figures(text: str) -> list[FoundFigure]:
    """Every number in text with what it counts or measures ("5,200 troops", "$3 million",
    "12.5%", "hundreds of Humvees"): a number with no unit, a year, a date or a time is
    not a figure."""
    found = _plural_counts(text)
    taken = [(f.start, f.end) for f in found]
    for match in _CANDIDATE.finditer(text):
        start, end = match.start(), match.end()
        if any(a <= start < b for a, b in taken):
            continue
        half = _HALF_BEFORE.search(text, max(0, start - 8), start) or _A_BEFORE.search(text, max(0, start - 3), start)
        if half is not None and _SCALE_FIRST.match(match.group()):
            start = half.start()  # "half a dozen", "a dozen": the candidate began at "dozen"
        number = match.group().strip()
        before = text[max(0, start - 24) : start]
        if number.lower() in {"a", "zero", "half"} or (number.lower() == "one" and not _ONE_COUNTED.search(before)):
            continue
        money_or_share = number[0] in "$€£¥U" or number.endswith(_SHARES)
        if not money_or_share:
            if _DATE_BEFORE.search(text, max(0, start - 12), start):
                continue  # "June 7 primary": a date
            name = _NAME_BEFORE.search(before)
            if name is not None and not number[0].isupper() and _a_name(before, name):
                continue  # "Future 45 ran" ("Florida's 99 delegates" is no name)
            if _VAGUE_BEFORE.search(before):
                continue  # "3 in 10 voters" is a share, not ten voters; "several dozen" no number
            end = _unit_words(text, end)
            if end == match.end():
                continue  # a bare number: a count of nothing named, or a year
            if _YEAR.fullmatch(number):
                continue
        figure = parse_figure(text[start:end])
        if figure is None:
            continue
        if _APPROX_BEFORE.search(text, max(0, start - 20), start):
            figure = Figure(figure.value, figure.unit, True)
        found.append(FoundFigure(start, end, text[start:end], figure))
    return sorted(found, key=lambda f: f.start)


_PLURAL_IN_TEXT = re.compile(rf"(?<![\w-])(?:(?:{alternation(_PLURAL_SCALES)})\s+of\s+)+", re.IGNORECASE)


def _plural_counts(text: str) -> list[FoundFigure]:
    """Counts written as plural words, with what they count: "tens of thousands of protesters"."""
    found = []
    for match in _PLURAL_IN_TEXT.finditer(text):
        end = _unit_words(text, match.end() - 1)
        figure = parse_figure(text[match.start() : end]) if end > match.end() - 1 else None
        if figure is not None:
            found.append(FoundFigure(match.start(), end, text[match.start() : end], figure))
    return found
