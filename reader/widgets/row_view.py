"""Rows under one header line, with a cursor: drawing, moving, scrolling and clicking,
shared by the article list and the annotations panel (each draws its own header and rows).

Drawn rows are kept (keyed by row_key) and only the screen lines that show something
new are redrawn: Textual's own cost per line redrawn is about what drawing it costs us,
so a cursor move redraws two lines, not forty, and typing a filter redraws the rows
that changed.
"""

from __future__ import annotations

from collections.abc import Hashable
from itertools import zip_longest

from rich.segment import Segment
from textual import events
from textual.geometry import Region, Size
from textual.strip import Strip

from ..textual_compat import set_virtual_size_quietly
from .line_view import LineView

HEADER = 1  # the line of column names above the rows


class RowView(LineView):
    """A header line and rows under it; the cursor row is the one keys act on."""

    COMPONENT_CLASSES = {"row-view--cursor", "row-view--cursor-unfocused", "row-view--header"}
    DEFAULT_CSS = """
    RowView > .row-view--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
    RowView > .row-view--cursor-unfocused { background: $block-cursor-blurred-background; }
    RowView > .row-view--header { text-style: bold; }
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.cursor = 0
        self._drawn: dict[Hashable, Strip] = {}  # row key to the row drawn without the cursor
        self._drawn_width = 0

    @property
    def row_count(self) -> int:
        raise NotImplementedError

    def render_header(self, width: int) -> Strip:
        raise NotImplementedError

    def render_row(self, index: int, width: int) -> Strip:
        """Row index as it looks without the cursor."""
        raise NotImplementedError

    def row_key(self, index: int) -> Hashable:
        """What names the look of row index: drawn rows are kept under it until forget_rows()."""
        return index

    def forget_rows(self, key: Hashable | None = None) -> None:
        """Draw the rows again (or only the one with key): what they show has changed."""
        if key is None:
            self._drawn = {}
        else:
            self._drawn.pop(key, None)

    def clear_caches(self) -> None:
        """The widget's style changed: draw every row again."""
        self.forget_rows()

    # ------------------------------------------------------------ what is on screen

    def rows_on_screen(self) -> list[tuple[Hashable, bool]]:
        """(row key, has the cursor) for each screen line under the header."""
        top = round(self.scroll_offset.y)
        bottom = min(self.row_count, top + max(0, self.scrollable_content_region.height - HEADER))
        return [(self.row_key(index), index == self.cursor) for index in range(top, bottom)]

    def rows_changed(self, before: list[tuple[Hashable, bool]] | None = None) -> None:
        """The rows (or the width) changed: scroll range, scroll position and drawing follow.

        With before (rows_on_screen() from before the change) only the header and the
        lines that now show another row are redrawn.
        """
        self._set_row_range()
        if self._scroll_to_cursor() or before is None:
            self.refresh()
            return
        self.refresh_header()
        after = self.rows_on_screen()
        for y, (old, new) in enumerate(zip_longest(before, after), HEADER):
            if old != new:
                self._redraw_line(y)

    def _set_row_range(self) -> None:
        """The scroll range for row_count rows.

        Setting virtual_size makes Textual lay out the whole screen again (half of what
        a filter keystroke cost); that is only needed when the scrollbar comes or goes.
        Otherwise the size is set quietly and the scrollbar's thumb moved by hand.
        """
        size = Size(self.scrollable_content_region.width, self.row_count + HEADER)
        if size == self.virtual_size:
            return
        bar = self.styles.overflow_y == "scroll" or size.height > self.container_size.height
        if bar and self.show_vertical_scrollbar and size.width == self.virtual_size.width:
            set_virtual_size_quietly(self, size)
        else:
            self.virtual_size = size
        if self.scroll_offset.y > self.max_scroll_y:  # fewer rows: the last ones fill the screen
            self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)

    def _redraw_line(self, y: int) -> None:
        """Redraw screen line y (0 is the header, whatever the scroll position)."""
        self.refresh(Region(0, y, self.size.width, 1))

    def refresh_header(self) -> None:
        self._redraw_line(0)

    def refresh_row(self, index: int) -> None:
        """Redraw row index if it is on screen."""
        y = index - round(self.scroll_offset.y) + HEADER
        if HEADER <= y < self.size.height:
            self._redraw_line(y)

    def on_resize(self, event: events.Resize) -> None:
        self.rows_changed()

    def row_at(self, y: int) -> int | None:
        """The row under line y of the content (0 is the header), if any."""
        row = y - HEADER + round(self.scroll_offset.y)
        return row if y >= HEADER and 0 <= row < self.row_count else None

    # ------------------------------------------------------------ drawing

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y < HEADER:
            return self.render_header(width)
        index = self.row_at(y)
        if index is None:
            return Strip.blank(width, self.base_style)
        if width != self._drawn_width:
            self._drawn, self._drawn_width = {}, width
        key = self.row_key(index)
        line = self._drawn.get(key)
        if line is None:
            line = self._drawn[key] = self.render_row(index, width)
        if index == self.cursor:
            cursor = "row-view--cursor" if self.has_focus else "row-view--cursor-unfocused"
            line = Strip(Segment.apply_style(line, post_style=self.component_style(cursor)), line.cell_length)
        return line

    # ------------------------------------------------------------ moving

    def move_cursor(self, row: int) -> None:
        old, self.cursor = self.cursor, max(0, min(row, self.row_count - 1))
        if self._scroll_to_cursor():
            self.refresh()
        else:
            self.refresh_row(old)
            self.refresh_row(self.cursor)

    def _scroll_to_cursor(self) -> bool:
        """Scroll so the cursor row is on screen; True if that scrolled."""
        return self.scroll_row_into_view(self.cursor, max(1, self.scrollable_content_region.height - HEADER))

    def action_cursor_down(self) -> None:
        self.move_cursor(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.move_cursor(self.cursor - 1)

    def action_select_cursor(self) -> None:
        """enter or a click on a row: what choosing a row does."""
        raise NotImplementedError

    def on_click(self, event: events.Click) -> None:
        row = self.row_at(self.mouse_offset(event).y)
        if row is not None:
            self.move_cursor(row)
            self.action_select_cursor()

    def on_focus(self) -> None:
        self.refresh_row(self.cursor)  # the cursor row is drawn differently with focus

    def on_blur(self) -> None:
        self.refresh_row(self.cursor)
