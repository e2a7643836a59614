"""Word wrapping of an article into screen rows, and the maps between offsets and cells.

Rows are kept as two flat lists of start and end offsets, so finding the row of an
offset is a bisect. Lines of plain ASCII take a fast path (str.rfind per row, no
per-character loop); other lines are measured grapheme by grapheme in terminal cells.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from rich.cells import cell_len

from annotations.text import graphemes


@lru_cache(maxsize=4096)
def _cells(cluster: str) -> int:
    return cell_len(cluster)


def _wrap_ascii(text: str, start: int, end: int, width: int, starts: list[int]) -> None:
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
            if brk > row_start:
                row_start, x = brk, x - brk_x
            else:
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
        pos = 0
        length = len(text)
        while True:
            newline = text.find("\n", pos)
            line_end = length if newline == -1 else newline
            first = len(self.starts)
            self.starts.append(pos)
            if line_end - pos > self.width:
                line = text[pos:line_end]
                wrap = _wrap_ascii if line.isascii() else _wrap_unicode
                wrap(text, pos, line_end, self.width, self.starts)
            self.ends.extend(self.starts[first + 1 :])
            self.ends.append(line_end)
            if newline == -1:
                break
            pos = newline + 1

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
        return len(piece) if piece.isascii() else cell_len(piece)

    def offset_at(self, row: int, x: int) -> int:
        """The offset of the cluster drawn at cell x of row (the row's end past its last)."""
        row = max(0, min(row, self.rows - 1))
        start, end = self.span(row)
        piece = self.text[start:end]
        if piece.isascii():
            return start + min(max(0, x), len(piece))
        cells = 0
        for match in graphemes(self.text, start, end):
            cells += _cells(match.group())
            if cells > x:
                return match.start()
        return end
