"""Word wrapping of an article into screen rows, and the maps between offsets and cells.

Rows are kept as two flat lists of start and end offsets, so finding the row of an
offset is a bisect. A line whose every character is one cell and one grapheme cluster
(ASCII, and most Latin, Greek, Cyrillic, Arabic and Hebrew text, curly quotes and
dashes) takes the fast path: str.rfind per row, no per-character loop. Other lines
(wide CJK, combining marks, emoji sequences) are measured cluster by cluster in cells.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from functools import lru_cache

from rich.cells import cell_len, get_character_cell_size

from annotations.text import graphemes


@lru_cache(maxsize=4096)
def _cells(cluster: str) -> int:
    return cell_len(cluster)


# Categories whose characters join the one before, take no cell, or have no fixed width.
_NOT_ALONE = frozenset({"Mn", "Me", "Mc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})


def one_cell(character: str) -> bool:
    """Whether a character is drawn in one cell and is a grapheme cluster by itself."""
    code = ord(character)
    if code < 0x7F:
        return code >= 0x20 or character == "\n"
    return (
        unicodedata.category(character) not in _NOT_ALONE
        and get_character_cell_size(character) == 1
        and not 0x1160 <= code <= 0x11FF  # Hangul vowels and finals join the syllable before
        and not 0x1F1E6 <= code <= 0x1F1FF  # regional indicators pair into flags
    )


def _wrap_one_cell(text: str, start: int, end: int, width: int, starts: list[int]) -> None:
    """A line of one-cell characters: break after the last space that fits, else cut."""
    pos = start
    while end - pos > width:
        limit = pos + width
        space = text.rfind(" ", pos + 1, limit + 1)
        pos = space + 1 if space != -1 else limit
        starts.append(pos)


def _wrap_unicode(text: str, start: int, end: int, width: int, starts: list[int]) -> None:
    x = 0
    row_start = start
    brk, brk_x = -1, 0
    for match in graphemes(text, start, end):
        cluster = match.group()
        w = _cells(cluster)
        if x + w > width and match.start() > row_start and not cluster.isspace():
            if brk > row_start:  # back to the last space: the word moves down whole
                row_start, x = brk, x - brk_x
                starts.append(row_start)
                brk = -1
            if x + w > width and match.start() > row_start:  # still too wide: break here
                row_start, x = match.start(), 0
                starts.append(row_start)
                brk = -1
        x += w
        if cluster.isspace():
            brk, brk_x = match.end(), x


class Layout:
    """The rows of a display text wrapped at a width (in cells)."""

    def __init__(self, text: str, width: int) -> None:
        self.text = text
        self.width = max(1, width)
        self.starts: list[int] = []
        self.ends: list[int] = []
        # Characters seen so far that are (or are not) one cell and one cluster each: a
        # line made only of such characters wraps (and maps offsets to cells) as ASCII does.
        self._simple: set[str] = set()
        self._complex: set[str] = set()
        width = self.width
        half = width // 2  # no cluster is wider than two cells: a line this short fits
        starts, ends = self.starts, self.ends
        pos = 0
        for line in text.split("\n"):  # one C pass; most lines need no more than their length
            end = pos + len(line)
            if end - pos <= half or (end - pos <= width and self.simple_piece(line)):
                starts.append(pos)
                ends.append(end)
            else:
                first = len(starts)
                starts.append(pos)
                if self.simple_piece(line):
                    _wrap_one_cell(text, pos, end, width, starts)
                elif cell_len(line) > width:  # wide characters: a line of few can overflow
                    _wrap_unicode(text, pos, end, width, starts)
                ends.extend(starts[first + 1 :])
                ends.append(end)
            pos = end + 1

    def simple_piece(self, piece: str) -> bool:
        """Whether every character of piece is one cell and one grapheme cluster."""
        if piece.isascii():
            return True
        characters = set(piece)
        if characters <= self._simple:
            return True
        if not characters.isdisjoint(self._complex):
            return False
        for character in characters - self._simple:
            (self._simple if one_cell(character) else self._complex).add(character)
        return characters <= self._simple

    @property
    def rows(self) -> int:
        return len(self.starts)

    def row_of(self, offset: int) -> int:
        return max(0, bisect_right(self.starts, offset) - 1)

    def span(self, row: int) -> tuple[int, int]:
        return self.starts[row], self.ends[row]

    def x_of(self, offset: int) -> int:
        """The cell column of offset within its row."""
        start = self.starts[self.row_of(offset)]
        piece = self.text[start:offset]
        return len(piece) if self.simple_piece(piece) else cell_len(piece)

    def offset_at(self, row: int, x: int) -> int:
        """The offset of the cluster drawn at cell x of row (the row's end past its last)."""
        row = max(0, min(row, self.rows - 1))
        start, end = self.span(row)
        piece = self.text[start:end]
        if self.simple_piece(piece):
            return start + min(max(0, x), len(piece))
        cells = 0
        for match in graphemes(self.text, start, end):
            cells += _cells(match.group())
            if cells > x:
                return match.start()
        return end
