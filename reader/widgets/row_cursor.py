"""A cursor over the rows of a Line-API list drawn under one header line: it moves,
keeps itself on screen and redraws; shared by the article list and the annotations panel."""

from __future__ import annotations

from textual import events

HEADER = 1  # the line of column names above the rows


class RowCursor:
    cursor = 0

    @property
    def row_count(self) -> int:
        raise NotImplementedError

    def row_at(self, y: int) -> int | None:
        """The row under screen line y, if any."""
        row = y - HEADER + round(self.scroll_offset.y)
        return row if y >= HEADER and 0 <= row < self.row_count else None

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
