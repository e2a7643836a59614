"""Word wrapping of an article into screen rows, and the maps between offsets and cells.

Wrapping is lazy, block by block (see Layout): the first screen of a 100 MB text costs
what the first screen of a small one does. Within a block, row starts are a sorted
array, so finding the row of an offset is a bisect. A line whose every character is one cell and one grapheme cluster
(ASCII, and most Latin, Greek, Cyrillic, Arabic and Hebrew text, curly quotes and
dashes) takes the fast path: str.rfind per row, no per-character loop. Other lines
(wide CJK, combining marks, emoji sequences) are measured cluster by cluster in cells.
"""

from __future__ import annotations

import itertools
import unicodedata
from array import array
from bisect import bisect_right
from functools import lru_cache

from rich.cells import cell_len, get_character_cell_size

from annotations.text import display_text, grapheme_bounds, graphemes

BLOCK = 1 << 16  # characters wrapped at a time (a quarter of it for wide text)


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


def _wrap_one_cell(text: str, start: int, end: int, width: int, starts: array[int]) -> None:
    """A line of one-cell characters: break after the last space that fits, else cut."""
    pos = start
    while end - pos > width:
        limit = pos + width
        space = text.rfind(" ", pos + 1, limit + 1)
        pos = space + 1 if space != -1 else limit
        starts.append(pos)


def _wrap_unicode(text: str, start: int, end: int, width: int, starts: array[int]) -> None:
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
    """The rows of a text wrapped at a width (in cells), worked out only where asked.

    The text is cut into blocks of about BLOCK characters, each ending after a newline
    (or, inside a line longer than a block, after a space: such a line gets a row break
    there, once every BLOCK characters). A block is wrapped the first time one of its
    rows or offsets is asked for; until then its row count is an estimate, from the
    characters per row of the first block. So opening a 100 MB text wraps one block, and
    `G` one more: the cost is what is on screen, not the size. Row numbers after an
    estimated block move when it is wrapped (the view keeps its top by offset for that);
    offsets never move. Each block keeps its row starts in an array, 4 bytes a row.
    """

    def __init__(self, text: str, width: int, bounds: list[int] | None = None) -> None:
        self.text = text
        self.width = max(1, width)
        self.bounds = bounds if bounds is not None else block_bounds(text)
        blocks = len(self.bounds) - 1
        self._rows: list[array[int] | None] = [None] * blocks
        # Characters seen so far that are (or are not) one cell and one cluster each: a
        # line made only of such characters wraps (and maps offsets to cells) as ASCII does.
        self._simple: set[str] = set()
        self._complex: set[str] = set()
        first = self._wrap_block(0)
        per_row = max(1.0, (self.bounds[1] - self.bounds[0]) / max(1, len(first)))
        self._rows[0] = first
        counts = [len(first)] + [max(1, round((b - a) / per_row)) for a, b in itertools.pairwise(self.bounds[1:])]
        self._first_row = [0, *itertools.accumulate(counts)]  # the first row of each block; the total last
        self.estimated = blocks - 1  # blocks not wrapped yet

    # ------------------------------------------------------------ blocks

    def _wrap_block(self, block: int) -> array[int]:
        """The row starts of one block, relative to its start."""
        start, end = self.bounds[block], self.bounds[block + 1]
        piece = display_text(self.text[start:end])  # wrapped as shown: a control character is one cell
        lines = piece.split("\n")
        if len(lines) > 1 and lines[-1] == "" and block < len(self.bounds) - 2:
            lines.pop()  # the block ends with a newline: the next row is the next block's
        width = self.width
        half = width // 2  # no cluster is wider than two cells: a line this short fits
        starts = array("I")
        pos = 0
        for line in lines:
            end = pos + len(line)
            starts.append(pos)
            if end - pos > half and not (end - pos <= width and self.simple_piece(line)):
                if self.simple_piece(line):
                    _wrap_one_cell(piece, pos, end, width, starts)
                elif cell_len(line) > width:  # wide characters: a line of few can overflow
                    _wrap_unicode(piece, pos, end, width, starts)
            pos = end + 1
        return starts

    def _block_rows(self, block: int) -> array[int]:
        rows = self._rows[block]
        if rows is None:
            rows = self._rows[block] = self._wrap_block(block)
            self.estimated -= 1
            first = self._first_row
            change = len(rows) - (first[block + 1] - first[block])
            if change:
                for later in range(block + 1, len(first)):
                    first[later] += change
        return rows

    def _block_of_row(self, row: int) -> int:
        """The block that holds row, wrapping blocks until the row is known exactly."""
        first = self._first_row
        block = min(max(0, bisect_right(first, row) - 1), len(self._rows) - 1)
        self._block_rows(block)
        while row >= first[block + 1] and block < len(self._rows) - 1:
            block += 1
            self._block_rows(block)
        return block

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

    # ------------------------------------------------------------ rows

    @property
    def rows(self) -> int:
        """How many rows: exact once every block is wrapped, an estimate until then."""
        return self._first_row[-1]

    def wrap_around(self, offset: int, above: int, below: int) -> None:
        """Wrap the blocks from above rows before offset's row to below rows after it,
        and one block either side, so that moving or scrolling a little never meets an
        estimate (whose wrapping would renumber the rows on screen)."""
        row = self.row_of(offset)
        while True:
            first = self._block_of_row(max(0, row - above))
            moved = self.row_of(offset)  # wrapping a block above renumbers offset's row
            if moved == row:
                break
            row = moved
        if first > 0:
            self._block_rows(first - 1)
        row = self.row_of(offset)
        last = self._block_of_row(min(row + below, self.rows - 1))
        if last + 1 < len(self._rows):
            self._block_rows(last + 1)

    def _block_of_offset(self, offset: int) -> int:
        return min(max(0, bisect_right(self.bounds, offset) - 1), len(self._rows) - 1)

    def row_of(self, offset: int) -> int:
        block = self._block_of_offset(offset)
        rows = self._block_rows(block)
        return self._first_row[block] + max(0, bisect_right(rows, offset - self.bounds[block]) - 1)

    def span(self, row: int) -> tuple[int, int]:
        """[start, end) of row: the end is before the newline, or where the row wraps."""
        row = max(0, min(row, self.rows - 1))
        block = self._block_of_row(row)
        rows = self._block_rows(block)
        base = self.bounds[block]
        index = min(row - self._first_row[block], len(rows) - 1)
        start = base + rows[index]
        end = base + rows[index + 1] if index + 1 < len(rows) else self.bounds[block + 1]
        if end > start and self.text[end - 1] == "\n":
            end -= 1
        return start, end

    def every_row(self) -> list[tuple[int, int]]:
        """Every row's span, wrapping the whole text (for tests and small texts)."""
        spans = []
        row = 0
        while row < self.rows:
            spans.append(self.span(row))
            row += 1
        return spans

    def x_of(self, offset: int) -> int:
        """The cell column of offset within its row."""
        start = self.span(self.row_of(offset))[0]
        piece = display_text(self.text[start:offset])
        return len(piece) if self.simple_piece(piece) else cell_len(piece)

    def offset_at(self, row: int, x: int) -> int:
        """The offset of the cluster drawn at cell x of row (the row's end past its last)."""
        start, end = self.span(row)
        piece = display_text(self.text[start:end])
        if self.simple_piece(piece):
            return start + min(max(0, x), len(piece))
        cells = 0
        for match in graphemes(piece):
            cells += _cells(match.group())
            if cells > x:
                return start + match.start()
        return end


def block_bounds(text: str, size: int | None = None) -> list[int]:
    """Where the blocks of text start (and, last, its length): after the first newline
    at least size characters on, else after a space, else at a cluster's start. By
    default BLOCK, or a quarter of it for text whose beginning has characters wider or
    narrower than a cell (CJK, emoji, combining marks), which is wrapped a cluster at a
    time, four times slower: either way a block is wrapped within a frame or two."""
    if size is None:
        sample = set(text[:4096])
        size = BLOCK if all(one_cell(c) or c in "\n\t" for c in sample) else BLOCK // 4
    bounds, length, pos = [0], len(text), 0
    while length - pos > size:
        target = pos + size
        cut = text.find("\n", target, target + size)
        if cut == -1:  # a line longer than a block
            cut = text.find(" ", target, target + size)
            cut = grapheme_bounds(text, cut + 1)[0] if cut != -1 else grapheme_bounds(text, target)[0]
        else:
            cut += 1
        if cut <= pos or cut >= length:
            break
        bounds.append(cut)
        pos = cut
    bounds.append(length)
    return bounds
