"""The text pane: one article, its cursor and selection moved by the keys and the mouse,
searched; how it is laid out and drawn is text_view.py."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.binding import Binding
from textual.message import Message

from annotations.editing.spans import SpanIndex
from annotations.model import Annotation, Article, LabelSet
from annotations.search import Searcher
from annotations.text import next_grapheme, prev_grapheme

from .. import motions
from ..keys import NOT_IN_REVIEW, TEXT, label_bindings, unlabelled_bindings
from ..settings import SettingChanged
from ..textual_compat import add_bindings
from .text_view import TextView

if TYPE_CHECKING:
    from annotations.suggest.suggestions import Suggestion


READING_WIDTH = 88  # columns W wraps at: a comfortable line, however wide the terminal

_JUMPS = {
    "word_next": motions.next_word_start,
    "word_prev": motions.prev_word_start,
    "word_end": motions.word_end,
    "sentence_next": motions.next_sentence,
    "sentence_prev": motions.prev_sentence,
    "paragraph_next": motions.next_paragraph,
    "paragraph_prev": motions.prev_paragraph,
}


class ArticleView(TextView):
    """Shows one article; moves a cursor and a selection (keys, mouse); searches it."""

    BINDINGS = [*TEXT]  # a copy typed as Textual's BindingType list

    def __init__(self, labels: LabelSet, review: list[Binding] | None = None, **kwargs) -> None:
        """review: `reader review`'s keys, which take the digits (keys.review_bindings)."""
        super().__init__(labels, **kwargs)
        if review:
            add_bindings(self, review, replacing=NOT_IN_REVIEW)
        else:
            add_bindings(self, label_bindings(labels) + unlabelled_bindings(labels))
        self._searcher: Searcher | None = None
        self._dragging = False
        self._press = 0
        self.before_jump: int | None = None  # where '' goes back to

    def load(self, article: Article, spans: SpanIndex, cursor: int = 0, keep_top: bool = False) -> None:
        self._searcher = None
        if not keep_top:
            self.before_jump = None  # another article
        super().load(article, spans, cursor, keep_top)

    class Said(Message):
        """Something for the status line (a search result)."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    # ------------------------------------------------------------ content

    def suggestion_at(self, offset: int | None = None) -> Suggestion | None:
        """The shown suggestion under the cursor (or offset), if any: the innermost."""
        if not self.show_suggestions:
            return None
        return self.suggestions.innermost_at(self.cursor if offset is None else offset)

    def action_next_suggestion(self, direction: int) -> None:
        """. and ,: the cursor to the next (previous) suggestion, round the article."""
        shown = self.suggestions if self.show_suggestions else None
        if not shown:
            self.post_message(self.Said("suggestions hidden (S shows)" if shown is None else "no suggestions here"))
            return
        if direction > 0:
            target = shown.next_after(self.cursor) or next(iter(shown))
        else:
            target = shown.previous_before(self.cursor) or list(shown)[-1]
        self.clear_marks()
        self.jump_to(target.start)

    def action_reading_width(self) -> None:
        """W: wrap at READING_WIDTH columns however wide the pane (W again: the pane's width)."""
        self.reading_width = None if self.reading_width else READING_WIDTH
        self._relayout()
        self._scroll_to_cursor()
        said = f"lines wrap at {READING_WIDTH} columns" if self.reading_width else "lines wrap at the pane's width"
        self.post_message(self.Said(f"{said} (W switches)"))
        self.post_message(SettingChanged("reading_width", bool(self.reading_width)))

    # ------------------------------------------------------------ queries

    def annotation_at(self, offset: int | None = None) -> Annotation | None:
        """The innermost (shortest) annotation under offset (default: the cursor)."""
        return self.spans.innermost_at(self.cursor if offset is None else offset)

    # ------------------------------------------------------------ cursor

    def jump_to(self, offset: int) -> None:
        """A move far away (a search, G, the next tag, a row of the panel): '' comes back."""
        self.before_jump = self.cursor
        self.move_to(offset)

    def action_jump_back(self) -> None:
        """'': back to where the cursor was before the last jump (and '' again returns)."""
        if not self._mark_pending:
            self._mark_pending = True  # the first ' of ''
            return
        self._mark_pending = False
        if self.before_jump is None:
            self.post_message(self.Said("no jump to go back from yet"))
            return
        self.jump_to(self.before_jump)

    def _target(self, motion: str) -> int:
        text, pos = self.text, self.cursor
        if motion == "char_next":
            return next_grapheme(text, pos)
        if motion == "char_prev":
            return prev_grapheme(text, pos)
        if motion in _JUMPS:
            return _JUMPS[motion](text, pos)
        if motion == "start":
            return 0
        if motion == "end":
            return len(text)
        rows = {"line_next": 1, "line_prev": -1}.get(motion)
        if rows is None:
            page = max(1, self.scrollable_content_region.height - 1)
            rows = page if motion == "page_next" else -page
        layout = self.layout_rows
        if self._goal_x is None:
            self._goal_x = layout.x_of(pos)
        row = max(0, min(layout.row_of(pos) + rows, layout.rows - 1))
        return layout.offset_at(row, self._goal_x)

    def action_move(self, motion: str) -> None:
        """Move the cursor; in visual mode this extends the selection."""
        if motion in ("start", "end"):
            self.jump_to(self._target(motion))
        else:
            self.move_to(self._target(motion), keep_goal=motion.startswith(("line", "page")))

    def action_extend(self, motion: str) -> None:
        """shift+arrows: start a selection at the cursor if none, then move."""
        if self.selection_start is None:
            self.selection_start = self.cursor
        self.action_move(motion)

    def action_visual(self) -> None:
        self._touch(self.selection_start, self.cursor)
        self.selection_start = None if self.selection_start is not None else self.cursor
        self.moved()  # the status line shows the selection

    def clear_marks(self) -> None:
        """After a tag: no selection, no search match left lit."""
        self._touch(self.selection_start, self.cursor, *(self.match or ()))
        self.selection_start = None
        self.match = None

    def action_cancel(self) -> None:
        self._touch(self.selection_start, self.cursor, *(self.match or ()))
        self.selection_start = None
        self.match = None
        self.moved()

    def select(self, start: int, end: int) -> None:
        """Select [start, end): the selection starts at start, the cursor on the last character."""
        self._touch(self.selection_start, self.cursor)
        self.selection_start = start
        self.move_to(prev_grapheme(self.text, end) if end > start else start)
        self._touch(start, self.cursor)

    def action_select_sentence(self) -> None:
        start, end = motions.sentence_span(self.text, self.cursor)
        if end > start:
            self.select(start, end)

    def action_jump(self, direction: int) -> None:
        """] and [: put the cursor on the next or previous annotation."""
        if direction > 0:
            target = self.spans.next_after(self.cursor)
        else:
            target = self.spans.previous_before(self.cursor)
        if target is None:
            self.notify("no more annotations this way", timeout=2)
            return
        self.jump_to(target.start)

    def action_no_label(self, key: str) -> None:
        """A digit with no label on it says so, rather than doing nothing."""
        keys = ", ".join(f"{label.key} {label.name}" for label in self.labels.labels)
        self.notify(f"no label on key {key} (labels: {keys}); labels.toml adds more", timeout=4, markup=False)

    # ------------------------------------------------------------ search

    def search(self, query: str, direction: int = 1) -> None:
        """Put the cursor on the next match of query, and say which of how many it is."""
        if self._searcher is None or self._searcher.query != query:
            self._searcher = Searcher(self.text, query)
        found = self._searcher.step(self.cursor, direction)
        self._touch(*(self.match or ()))
        self.match = (found.start, found.end) if found else None
        if found is not None:
            self.jump_to(found.start)
        self.post_message(self.Said(found.describe() if found else f"not found: {query}"))

    def action_search_again(self, direction: int) -> None:
        if self._searcher is None or not self._searcher.query:
            self.post_message(self.Said("no search yet: press / to search"))
        else:
            self.search(self._searcher.query, direction)

    @property
    def search_text(self) -> str:
        return self._searcher.query if self._searcher else ""

    # ------------------------------------------------------------ mouse

    def _offset_at(self, event: events.MouseEvent) -> int:
        where = self.mouse_offset(event)
        row = max(0, where.y + round(self.scroll_offset.y))
        return self.layout_rows.offset_at(min(row, self.layout_rows.rows - 1), max(0, where.x))

    def on_mouse_down(self, event: events.MouseDown) -> None:
        if self.article is None:
            return
        self.focus()
        self.selection_start = None
        self._dragging = True
        self._press = self._offset_at(event)
        self.capture_mouse()
        self.move_to(self._press)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._dragging and event.button:
            offset = self._offset_at(event)
            if offset != self._press and self.selection_start is None:
                self.selection_start = self._press
            self.move_to(offset)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._dragging:
            self._dragging = False
            self.release_mouse()

    def on_click(self, event: events.Click) -> None:
        """A double click selects the word under the pointer, a triple click the sentence."""
        if self.article is None or event.chain < 2:
            return
        offset = self._offset_at(event)
        if event.chain == 2:
            start, end = motions.word_span(self.text, offset)
        else:
            start, end = motions.sentence_span(self.text, offset)
        if end > start:
            self.select(start, end)

    # ------------------------------------------------------------ drawing
