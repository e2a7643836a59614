"""Rows under one header line, with a cursor: drawing, moving, scrolling and clicking,
shared by the article list and the annotations panel (each draws its own header and rows)."""

from __future__ import annotations

from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.strip import Strip

HEADER = 1  # the line of column names above the rows
CURSOR = Style(reverse=True)
CURSOR_UNFOCUSED = Style(bold=True, underline=True)


class RowCursor:
    cursor = 0

    @property
    def row_count(self) -> int:
        raise NotImplementedError

    def render_header(self, width: int) -> Strip:
        raise NotImplementedError

    def render_row(self, index: int, width: int) -> Strip:
        """Row index as it looks without the cursor."""
        raise NotImplementedError

    def rows_changed(self) -> None:
        """The number of rows (or the width) changed: scroll range and drawing follow."""
        self.virtual_size = Size(self.scrollable_content_region.width, self.row_count + HEADER)
        self.refresh()

    def on_resize(self, event: events.Resize) -> None:
        self.rows_changed()

    def row_at(self, y: int) -> int | None:
        """The row under screen line y, if any."""
        row = y - HEADER + round(self.scroll_offset.y)
        return row if y >= HEADER and 0 <= row < self.row_count else None

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y < HEADER:
            return self.render_header(width)
        index = self.row_at(y)
        if index is None:
            return Strip.blank(width, self.base_style)
        line = self.render_row(index, width)
        if index == self.cursor:
            line = line.apply_style(CURSOR if self.has_focus else CURSOR_UNFOCUSED)
        return line

    def move_cursor(self, row: int) -> None:
        self.cursor = max(0, min(row, self.row_count - 1))
        self._scroll_to_cursor()
        self.refresh()

    def _scroll_to_cursor(self) -> None:
        top = round(self.scroll_offset.y)
        height = max(1, self.scrollable_content_region.height - HEADER)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    def action_cursor_down(self) -> None:
        self.move_cursor(self.cursor + 1)

    def action_cursor_up(self) -> None:
        self.move_cursor(self.cursor - 1)

    def on_click(self, event: events.Click) -> None:
        row = self.row_at(event.y)
        if row is not None:
            self.move_cursor(row)
            self.action_select_cursor()

    def on_focus(self) -> None:
        self.refresh()  # the cursor row is drawn differently with focus

    def on_blur(self) -> None:
        self.refresh()
