"""What a figure says: the number, what it counts or measures, and whether it is approximate.

"5,200 troops" is 5200 troops; "four billion dollars" 4000000000 USD; "$3 million" 3000000
USD; "12.5%" 12.5 %; "some 7,500 coalition troops" approximately 7500 troops. Used to fill
in a figure tag's attributes, so that most need no typing. Reads English as news writes
it, and an article that writes the decimal comma by its convention (numerals.py:
"4.500 personas" 4500, "2,3 Millionen Euro" 2300000 EUR); anything it cannot read as
one number gives None, never a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .figure_reading import POINT_READING, Reading, reading
from .figure_words import (
    APPROXIMATE,
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    FILLER,
    NATIONAL_CURRENCIES,
    NUMBERED,
    SCALES,
    SMALL,
    TENS,
)
from .numerals import POINT_NUMBERS, Numbers, numbers_of
from .word_lists import MONTHS, alternation

__all__ = ["Figure", "FoundFigure", "find_figures", "parse_figure"]


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
    if words[:2] == ["half", "a"] and len(words) > 2 and words[2] in SCALES:
        whole = _words_value(words[1:])
        return None if whole is None or whole % 2 else whole // 2
    total, current, seen = 0, 0, False
    for word in words:
        if word == "a":  # "a million": one
            current = max(current, 1)
            continue
        if word in FILLER:
            continue
        if word in SMALL:
            current += SMALL[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in SCALES:
            total += max(current, 1) * SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _approximate(text: str) -> tuple[str, bool]:
    lowered = text.lower()
    for cue in APPROXIMATE:
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
    unit = _unit(None, text[match.end() :], POINT_READING)
    counted = unit and unit.lower() not in _PLURAL_SCALES and not unit.endswith("-")  # "hundreds of thousands" alone
    return Figure(value, unit, True) if counted and not re.search(r"\d", text[match.end() :]) else None


def parse_figure(text: str, numbers: Numbers = POINT_NUMBERS) -> Figure | None:
    """The figure in a tagged span, read in its article's number convention (English
    unless told), or None if it holds no single number."""
    return _parsed(text, reading(numbers))


def _parsed(text: str, read: Reading) -> Figure | None:
    text, approx = _approximate(" ".join(text.split()))
    plural = _plural_count(text)
    if plural is not None:
        return plural
    match = read.figure.match(text)
    if match is None:
        return None
    digits, abbreviation = match["digits"], (match["abbreviation"] or "").lower()
    number_end = match.end("abbreviation") if abbreviation else match.end("digits")
    follows = text[number_end : number_end + 1] if digits else ""
    hyphened = follows == "-" and text[number_end + 1 : number_end + 2].isalpha()  # "800-acre"
    if re.search(r"\d", match["rest"]) or (
        follows and not (follows.isspace() or follows in read.after_digits or hyphened)
    ):
        return None  # "10-15 soldiers", "1e5", "3.2.1", "350km": not one number as written
    words = [w for w in re.split(r"[\s-]+", (match["words"] or "").lower()) if w]
    value: int | float | None
    if digits:
        number, decimals = read.value(digits)
        scale = read.abbreviations.get(abbreviation, 1)
        for word in words:  # "3 million", "1.5 billion"
            if word in read.scales:
                scale *= read.scales[word]
            elif word not in FILLER:
                return None
        value = number * scale
    else:
        if abbreviation:
            return None
        value = _words_value(words)
        if value is None:
            return None
    if isinstance(value, float) and value.is_integer() and (not decimals or value >= 1000):
        value = int(value)  # 5200, and "1.5 million" as 1500000; 2.0 as written
    unit = _unit(match["sign"], match["rest"], read)
    return Figure(value, unit, approx)


def _unit(sign: str | None, rest: str, read: Reading) -> str:
    rest = read.without_link(rest.strip())
    lowered = rest.lower()
    if sign:
        return CURRENCY_SIGNS[sign.upper()]  # "us$" too
    if read.comma and rest[:1] in CURRENCY_SIGNS:
        return CURRENCY_SIGNS[rest[0]]  # "4.500 €"
    for percent in read.percent:
        if lowered.startswith(percent):
            return "%"
    words = re.findall(r"[^\W\d_][\w'-]*", rest)
    if not words:
        return ""
    if words[0].lower() in CURRENCY_WORDS:
        return CURRENCY_WORDS[words[0].lower()]
    # What is counted is the last word ("7,500 coalition troops", "20 missile attacks").
    last: str = words[-1]
    currency = CURRENCY_WORDS.get(last.lower())
    if currency and len(words) > 1 and words[-2][0].isupper():  # "Canadian dollars" are not USD
        return NATIONAL_CURRENCIES.get(f"{words[-2]} {last}".lower(), f"{words[-2]} {last}")
    return currency or last


# ---------------------------------------------------------------- finding figures in text

_NUMBER_WORDS_FOUND = alternation([*SMALL, *TENS, *SCALES])
_HYPHENED_UNIT = re.compile(r"-([a-z][a-z'’]*)")  # "800-acre"; "74-year-old" stops at "year"
# "two other states", "five more soldiers": what is counted comes after these.
_BEFORE_UNIT = {"other", "more", "additional", "extra"}
# A number right after a capitalised word is part of a name ("Future 45", "Article 5")...
_NAME_BEFORE = re.compile(r"(?<![\w.])([A-Z][\w'’]*(?<!['’]s)(?<!s['’])) $")
_HALF_BEFORE = re.compile(r"\bhalf\s+an?\s+$", re.I)
_A_BEFORE = re.compile(r"\ban?\s+$", re.I)
_SCALE_FIRST = re.compile(r"(?:dozen|hundred|thousand|million|billion)\b", re.I)
_VAGUE_BEFORE = re.compile(rf"(?:\d|\b(?:{_NUMBER_WORDS_FOUND})) (?:in|out of|of) $|\b(?:several|few|many) $", re.I)
# ... and "one" is a count only when the text says so ("only one person", "at least one child").
_ONE_COUNTED = re.compile(
    r"\b(?:only|just|at least|exactly|as (?:much|many|little|few) as|(?:more|less|fewer) than) $", re.I
)
_DATE_BEFORE = re.compile(rf"\b(?:{alternation([*MONTHS, *(month[:3] for month in MONTHS), 'Sept'])})\.?\s+$")
_YEAR = re.compile(r"(?:1[6-9]|20)\d\d")
_APPROX_BEFORE = re.compile(rf"\b(?:{alternation(APPROXIMATE)})\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class FoundFigure:
    start: int
    end: int
    text: str
    figure: Figure


def _unit_words(text: str, end: int, read: Reading) -> int:
    """Where what a number counts ends: a plain word ("troops", "Democrats"), or up to
    three ending in a plural ("coalition troops", "Ohio registered voters"); after "other"
    or "more" ("two other states"); nothing when no noun-like word follows. A capitalised
    word is counted only in words ending in a plural: "5 Main Street" counts nothing (in
    English: "1.234.567 Einwohner" are counted)."""
    hyphened = _HYPHENED_UNIT.match(text, end)
    if hyphened is not None:  # "800-acre", not "two-party" or "five-alarm": a word number is a modifier
        digits = text[end - 1].isdigit()
        return hyphened.end(1) if digits and _plain(hyphened, text, read) and hyphened.group(1) != "plus" else end
    words: list[re.Match[str]] = []
    at = end
    while len(words) < 3:
        word = read.unit_word.match(text, at)
        if word is None or not (_plain(word, text, read) or (not words and word.group(1).lower() in _BEFORE_UNIT)):
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
    if words[0].group(1)[0].isupper() and not read.comma:
        return end
    return words[0].end(1)


def _a_name(before: str, word: re.Match[str], read: Reading) -> bool:
    """The capitalised word before a number names it ("Future 45", "Route 75"), unless
    it is capitalised because a sentence or a headline starts with it ("That's 33,000
    people", "In 2014", "SHOOTING Three people")."""
    name = word.group(1)
    if name.lower() in NUMBERED:
        return True  # "Route 75 stays closed" starts a sentence and is a name all the same
    ahead = before[: word.start(1)].rstrip(" \t\"“‘'")
    starts = not ahead or ahead[-1] in ".!?:\n—–"  # a dateline's dash starts the sentence: "VALENCIA — Unas 4.500"
    return not (starts or name.isupper() or name.lower() in read.not_units)


def _plural(word: str) -> bool:
    """A plural noun, as far as its ending tells: "troops", "Democrats"; a capitalised
    word ending like a name is not one ("Chris", "Sanders", "Texas", "Lewis")."""
    if word[0].isupper() and word.endswith(("is", "as", "us", "rs")):
        return False
    return word.endswith("s") and not word.endswith("ss") and len(word) > 2


def _plain(word: re.Match[str], text: str, read: Reading) -> bool:
    """A word that can say what is counted: not a function word, an abbreviation or a line away."""
    return (
        len(word.group(1)) > 1
        and not word.group(1).endswith("ing")  # "263 entering": a verb, not a unit
        and word.group(1).lower() not in read.not_units
        and "\n" not in word.group(0)
        and not re.match(r"\.\w", text[word.end(1) : word.end(1) + 2])
    )


def find_figures(text: str, numbers: Numbers | None = None) -> list[FoundFigure]:
    """Every number in text with what it counts or measures ("5,200 troops", "$3 million",
    "12.5%", "hundreds of Humvees"): a number with no unit, a year, a date or a time is
    not a figure. Read in the number convention of text (a whole article) unless told."""
    read = reading(numbers_of(text) if numbers is None else numbers)
    found = _plural_counts(text)
    taken = [(f.start, f.end) for f in found]
    for match in read.candidate.finditer(text):
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
        money_or_share = number[0] in "$€£¥U" or number.endswith(read.shares)
        if not money_or_share:
            if _DATE_BEFORE.search(text, max(0, start - 12), start):
                continue  # "June 7 primary": a date
            name = _NAME_BEFORE.search(before)
            if name is not None and not number[0].isupper() and _a_name(before, name, read):
                continue  # "Future 45 ran" ("Florida's 99 delegates" is no name)
            if _VAGUE_BEFORE.search(before):
                continue  # "3 in 10 voters" is a share, not ten voters; "several dozen" no number
            linked = read.link(text, end, number)  # "2,3 millones de euros"
            counted = _unit_words(text, linked or end, read)
            end = counted if counted != linked else end
            if end == match.end():
                continue  # a bare number: a count of nothing named, or a year
            if _YEAR.fullmatch(number):
                continue
        figure = _parsed(text[start:end], read)
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
        end = _unit_words(text, match.end() - 1, POINT_READING)
        figure = parse_figure(text[match.start() : end]) if end > match.end() - 1 else None
        if figure is not None:
            found.append(FoundFigure(match.start(), end, text[match.start() : end], figure))
    return found
