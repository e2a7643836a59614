"""Text as loaded and as shown: newline rules, display sanitising, grapheme clusters.

Offsets everywhere are code points into the loaded text. The display view replaces
every control character one-for-one, so an offset means the same on screen and in data.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from functools import cache
from typing import Any

# C0 controls map onto the Unicode "control pictures" block (U+2400..U+241F);
# DEL and the C1 range have no pictures, so they share a visible replacement mark.
_STAND_INS = {code: chr(0x2400 + code) for code in range(0x20)}
_STAND_INS[0x7F] = "\u2421"  # ␡
_STAND_INS.update({code: "\u00bf" for code in range(0x80, 0xA0)})  # ¿
_STAND_INS[ord("\n")] = "\n"  # newlines are layout, not content to show
_STAND_INS[ord("\t")] = " "  # a tab is shown as one space: one cell, offsets unchanged
# Bidirectional controls can reorder what the terminal shows; make them visible too.
_STAND_INS.update({code: "\u00bf" for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))})
_DISPLAY_TABLE = str.maketrans(_STAND_INS)
_SHOWN_AS = {chr(code): stand_in for code, stand_in in _STAND_INS.items() if chr(code) != stand_in}
# Every character that display_text replaces. A regex scan is C-speed whatever the text;
# str.translate goes character by character (44 times slower) once any is non-ASCII.
_REPLACED = re.compile("[" + "".join(re.escape(c) for c in sorted(_SHOWN_AS)) + "]")


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF, as every format we export expects."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def display_text(text: str) -> str:
    """The text with every control character replaced by a visible stand-in, one for one
    (the same text, not a copy, when it has none)."""
    if text.isascii():  # translate has a fast path for ASCII text: twice the regex's speed
        return text.translate(_DISPLAY_TABLE)
    if _REPLACED.search(text) is None:
        return text
    return _REPLACED.sub(lambda match: _SHOWN_AS[match.group()], text)


def display_line(text: str) -> str:
    """Like display_text, but a newline is shown too: for one-line places (titles, lists)."""
    return display_text(text).replace("\n", "\u2424")


def plural(count: int, noun: str, nouns: str = "") -> str:
    """ "1 article", "3 articles" ("1 match", "3 matches" with nouns given)."""
    return f"{count} {noun if count == 1 else nouns or noun + 's'}"


# What terminals draw at widths of their own, whatever the grapheme rules say (tmux 3.3:
# "👍🏽" four cells where rich counts two, "❤️" one where it counts two): skin tones,
# the emoji presentation selector, and the parts a zero-width joiner adds to an emoji.
_UNSTEADY = re.compile("[\U0001f3fb-\U0001f3ff\ufe0f]|\u200d.")
_FLAG = re.compile("([\U0001f1e6-\U0001f1ff])([\U0001f1e6-\U0001f1ff])")


def steady_width(text: str) -> str:
    """text as every terminal draws it at the width it is measured at, for columns that
    must stay put (the article list's): "👍🏽" as "👍", a flag as its letters ("🇺🇸":
    "US"), "❤️" as "❤", a family of joined emoji as its first."""
    if text.isascii():
        return text
    text = _FLAG.sub(lambda m: "".join(chr(ord(c) - 0x1F1E6 + ord("A")) for c in m.groups()), text)
    return _UNSTEADY.sub("", text)


def excerpt(text: str, limit: int = 60) -> str:
    """text as one display line of at most limit characters, "…" where it was cut."""
    text = display_line(text)
    return text if len(text) <= limit else text[: max(0, limit - 1)] + "…"


QUOTE_MARKS = "“”„‟«»‹›\"'‘’‚‛「」『』"


def quoted(text: str, limit: int = 40) -> str:
    """A tag's text in quotation marks for a message, its own marks left out: a quote
    tagged with its marks read ““The Global…” (doubled) before."""
    inner = text.strip(QUOTE_MARKS + " ") or text
    return f"“{excerpt(inner, limit)}”"


def _safe_start(text: str, pos: int) -> int:
    """A position at or before pos where a grapheme cluster surely begins.

    A cluster always begins before an ASCII character (CR LF never survives loading),
    so the last ASCII character at or before pos is a safe place to start scanning.
    """
    floor = max(0, pos - 256)
    p = pos
    while p > floor and not text[p].isascii():
        p -= 1
    return p


@cache
def _grapheme_pattern() -> Any:
    import regex  # on first use: importing it costs 20 ms of every start, and ASCII never needs it

    return regex.compile(r"\X")


def graphemes(text: str, start: int = 0, end: int = sys.maxsize) -> Iterator[Any]:
    """Matches of the extended grapheme clusters (regex's \\X) in text[start:end]."""
    matches: Iterator[Any] = _grapheme_pattern().finditer(text, start, end)
    return matches


def grapheme_bounds(text: str, pos: int) -> tuple[int, int]:
    """The (start, end) of the grapheme cluster that contains offset pos."""
    if pos >= len(text):
        return len(text), len(text)
    if pos < 0:
        pos = 0
    nxt = pos + 1
    if text[pos].isascii() and (nxt == len(text) or text[nxt].isascii()):
        return pos, nxt
    start = _safe_start(text, pos)
    for match in graphemes(text, start):
        if match.end() > pos:
            return match.start(), match.end()
    return pos, nxt


def next_grapheme(text: str, pos: int) -> int:
    """The offset of the cluster after the one at pos (len(text) at the end)."""
    return grapheme_bounds(text, pos)[1]


def prev_grapheme(text: str, pos: int) -> int:
    """The offset of the cluster before the one at pos (0 at the start)."""
    if pos <= 0:
        return 0
    return grapheme_bounds(text, pos - 1)[0]


def snap_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) so that it never splits a grapheme cluster."""
    start = max(0, min(start, len(text)))
    end = max(start, min(end, len(text)))
    start = grapheme_bounds(text, start)[0] if start < len(text) else start
    if 0 < end < len(text):
        end = grapheme_bounds(text, end - 1)[1]
    return start, end
