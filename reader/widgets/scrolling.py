"""Keeping a row on screen: the text view's cursor and the list and panel cursors alike."""

from __future__ import annotations

from textual.scroll_view import ScrollView


def scroll_row_into_view(view: ScrollView, row: int, height: int) -> bool:
    """Scroll the least that puts row among the height lines shown; True if it scrolled
    (then the whole view is redrawn, and a caller need not redraw rows itself)."""
    top = round(view.scroll_offset.y)
    if row < top:
        view.scroll_to(y=row, animate=False, immediate=True)
    elif row >= top + height:
        view.scroll_to(y=row - height + 1, animate=False, immediate=True)
    return round(view.scroll_offset.y) != top
