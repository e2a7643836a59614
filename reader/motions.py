"""Where the cursor goes for w b e ( ) { } and s: pure functions of text and offset.

Words are runs of word characters or runs of other non-space characters (as in vim),
and a number with separators or a decimal point or comma ("1.250", "4,500", "3.5") is
one word, so `v e` on a figure selects all of it; a combining mark belongs to the character before it (o + U+0301 is one "ó"), so a
word motion never stops inside a grapheme cluster.
Sentences end at . ! ? (with closing quotes or brackets) before white space, or at a
line end. Paragraphs are lines with text. Searching backwards looks at a growing window
so that a motion costs what it moves, not what the article weighs.
"""

from __future__ import annotations

import re
from functools import cache

from annotations.text import grapheme_bounds

# A sentence boundary: closing punctuation, closing quotes, white space; or a line break.
_BOUNDARY = re.compile(r"([.!?…]+)[\"'”’»)\]]*\s+(?=\S)|\n+(?=\S)")
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "maj",
        "gov",
        "sen",
        "rep",
        "st",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "vs",
        "etc",
        "no",
        "nos",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "approx",
        "dept",
        "est",
        "fig",
        "e.g",
        "i.e",
    ]
)
_PARAGRAPH_START = re.compile(r"\n+(?=[^\n])")


def _last_match(pattern, text: str, pos: int, end: int, keep=None, by_end: bool = False):
    """The last match (that keep accepts) starting before pos, or with by_end ending at or
    before pos, searching back in widening windows."""
    window = 256
    while True:
        start = max(0, pos - window)
        last = None
        for match in pattern.finditer(text, start, end):
            if (match.end() > pos) if by_end else (match.start() >= pos):
                break
            if keep is None or keep(match):
                last = match
        if last is not None or start == 0:
            return last
        window *= 4


@cache
def _word():
    """The word pattern, from the regex module: its \\w takes combining marks, re's does not.
    Compiled on first use, as text.py imports regex: it costs 20 ms of every start."""
    import regex

    return regex.compile(r"\d+(?:[.,]\d+)+\w*|\w+|[^\w\s]+")


def next_word_start(text: str, pos: int) -> int:
    end = word_span(text, pos)[1]  # (a search from inside "1.250" would take its "." for a word)
    match = _word().search(text, max(end, pos + 1) if end > pos else pos)
    return match.start() if match else len(text)


def prev_word_start(text: str, pos: int) -> int:
    match = _last_match(_word(), text, pos, len(text))  # (the text whole: cut at pos, "1.250" reads as "1.")
    return match.start() if match else 0


def word_end(text: str, pos: int) -> int:
    """The last character of this word, or of the next if pos is already at an end."""
    pos = grapheme_bounds(text, pos)[1] - 1  # the last code point of the cluster at pos
    end = word_span(text, pos)[1]
    if end - 1 > pos:
        return end - 1
    match = _word().search(text, max(end, pos + 1))
    return match.end() - 1 if match else max(0, len(text) - 1)


def word_span(text: str, pos: int) -> tuple[int, int]:
    """[start, end) of the word (or run of punctuation) under pos; empty on white space."""
    start = prev_word_start(text, pos + 1) if pos < len(text) else pos
    match = _word().match(text, start)
    if match is None or match.end() <= pos:
        return pos, pos
    return match.span()


def _is_sentence_end(text: str, match: re.Match) -> bool:
    """False for the full stop of an initial ("B."), a known abbreviation or before lower case."""
    if match.group(1) is None or match.group(1) != ".":
        return True
    word_end = match.start(1)
    word_start = word_end
    while word_start > 0 and not text[word_start - 1].isspace():
        word_start -= 1
    word = text[word_start:word_end].lstrip("(\"'“‘«[").lower()
    if (len(word) == 1 and word.isalpha()) or word in _ABBREVIATIONS or "." in word:
        return False
    return not text[match.end()].islower()


class _Boundaries:
    """Real sentence boundaries only (abbreviations filtered out)."""

    @staticmethod
    def after(text: str, pos: int) -> re.Match | None:
        """The first boundary that ends after pos."""
        match = _BOUNDARY.search(text, max(0, pos - 8))
        while match and (match.end() <= pos or not _is_sentence_end(text, match)):
            match = _BOUNDARY.search(text, match.end())
        return match

    @staticmethod
    def last_before(text: str, pos: int) -> re.Match | None:
        """The last boundary that ends at or before pos."""
        return _last_match(_BOUNDARY, text, pos, len(text), lambda m: _is_sentence_end(text, m), by_end=True)


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence that contains pos begins."""
    match = _Boundaries.last_before(text, pos)
    return match.end() if match else 0


def sentence_span(text: str, pos: int) -> tuple[int, int]:
    """[start, end) of the sentence under pos, closing punctuation in, white space out."""
    start = sentence_start(text, pos)
    match = _Boundaries.after(text, pos)
    end = match.end() if match else len(text)
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def next_sentence(text: str, pos: int) -> int:
    match = _Boundaries.after(text, pos)
    return match.end() if match else len(text)


def prev_sentence(text: str, pos: int) -> int:
    start = sentence_start(text, pos)
    if start < pos or start == 0:
        return start
    return sentence_start(text, start - 1)


def next_paragraph(text: str, pos: int) -> int:
    match = _PARAGRAPH_START.search(text, pos)
    return match.end() if match else len(text)


def prev_paragraph(text: str, pos: int) -> int:
    match = _last_match(_PARAGRAPH_START, text, pos, len(text))
    while match is not None and match.end() >= pos:
        match = _last_match(_PARAGRAPH_START, text, match.start(), len(text))
    return match.end() if match else 0
