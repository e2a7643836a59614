"""The text pane: a Line-API view of one article with a cursor, a selection and tags.

Only the rows on screen are drawn (render_line) and only the blocks of text around
them are wrapped (see layout.py), and the annotations of a row are found by bisecting
the sorted starts, so a view of a 100 MB article with thousands of tags stays quick.
Row numbers move when a block above is wrapped; offsets do not, so the view keeps the
offset of its top row and scrolls to wherever that row is now.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from annotations.editing.spans import SpanIndex, Spans
from annotations.model import Annotation, Article, LabelSet
from annotations.search import Searcher
from annotations.text import display_text, grapheme_bounds, next_grapheme, prev_grapheme

from .. import motions
from ..keys import TEXT, label_bindings, unlabelled_bindings
from ..label_styles import label_style, suggestion_style
from ..layout import Layout, block_bounds
from ..settings import SettingChanged
from ..textual_compat import add_bindings
from .line_view import LineView

if TYPE_CHECKING:
    from annotations.suggest.suggestions import Suggestion


def suggestion_order(suggestion: Suggestion) -> tuple[int, int, str]:
    return suggestion.start, -suggestion.end, suggestion.label


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


def _clip(span: tuple[int, int] | None, start: int, end: int) -> tuple[int, int] | None:
    """The part of span within [start, end], or None."""
    if span is None or span[1] < start or span[0] > end:
        return None
    return max(span[0], start), min(span[1], end)


class ArticleView(LineView):
    """Shows one article; moves a cursor and a selection; draws every annotation."""

    BINDINGS = [*TEXT]  # a copy typed as Textual's BindingType list
    COMPONENT_CLASSES = {
        "article-view--cursor",
        "article-view--selection",
        "article-view--match",
        "article-view--overlap",
    }
    DEFAULT_CSS = """
    ArticleView > .article-view--cursor { text-style: reverse; }
    ArticleView > .article-view--selection { background: $primary-muted; color: $text; }
    ArticleView > .article-view--match { text-style: bold underline; background: $error-muted; }
    ArticleView > .article-view--overlap { text-style: bold underline; }
    """

    class Said(Message):
        """Something for the status line (a search result)."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(self, labels: LabelSet, **kwargs) -> None:
        super().__init__(**kwargs)
        self.labels = labels
        add_bindings(self, label_bindings(labels) + unlabelled_bindings(labels))
        self._label_styles = {label.name: label_style(label.colour, i) for i, label in enumerate(labels.labels)}
        self._suggestion_styles = {label.name: suggestion_style(label.colour) for label in labels.labels}
        self.article: Article | None = None
        self.text = ""
        self.layout_rows = Layout("", 1)
        self._layouts: dict[int, Layout] = {}  # by width: each width is wrapped once
        self._bounds: list[int] = [0, 0]
        self._top = 0  # the offset of the first row on screen
        self._settling = False
        self.cursor = 0
        self.selection_start: int | None = None  # where v (or a drag) began; None: no selection
        self.match: tuple[int, int] | None = None
        self._searcher: Searcher | None = None
        self.spans = SpanIndex()
        self._goal_x: int | None = None
        self._dragging = False
        self._press = 0
        self._strips: dict[tuple, Strip] = {}
        self.suggestions: Spans[Suggestion] = Spans((), suggestion_order)  # drawn apart from tags
        self.before_jump: int | None = None  # where '' goes back to
        self.reading_width: int | None = None  # W: wrap narrower than the pane
        self._mark_pending = False  # the first ' of '' was typed
        self.show_suggestions = True
        # Told at once when the cursor or the selection moved (the app shows what is under
        # it): a message would reach the status line a frame later, two frames a key.
        self.moved: Callable[[], None] = lambda: None

    # ------------------------------------------------------------ content

    def load(self, article: Article, spans: SpanIndex, cursor: int = 0, keep_top: bool = False) -> None:
        """Show article, the cursor at cursor; keep_top: the same text stays at the top
        (the whole of an article replacing its beginning)."""
        self.article = article
        self.text = article.text
        self._layouts = {}
        self._bounds = block_bounds(article.text)
        self._top = self._top if keep_top else 0
        self.selection_start = None
        self.match = None
        self._searcher = None
        self.suggestions = Spans((), suggestion_order)  # the old text's: new ones come from a thread
        if not keep_top:
            self.before_jump = None  # another article
        self.set_spans(spans)
        self._relayout()
        self.move_to(cursor)

    def set_spans(self, spans: SpanIndex) -> None:
        """Draw these tags (the index is the session's: changes to it come with redraw())."""
        self.spans = spans
        self.refresh_all()

    def set_suggestions(self, suggestions: Iterable[Suggestion]) -> None:
        """Draw these suggestions (underlined in the label's colour, no background)."""
        self.suggestions = suggestions if isinstance(suggestions, Spans) else Spans(suggestions, suggestion_order)
        self.refresh_all()

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

    def redraw(self, start: int, end: int) -> None:
        """The tags of [start, end) changed: drop the cached rows there and redraw them."""
        layout = self.layout_rows
        first, last = layout.row_of(start), layout.row_of(max(start, end - 1))
        low, high = layout.span(first)[0], layout.span(last)[0]
        self._strips = {key: strip for key, strip in self._strips.items() if not low <= key[0] <= high}
        self.refresh_lines(first, last - first + 1)

    def _relayout(self) -> None:
        """The text's layout at the pane's width (one kept per width seen), its top row
        where the top row's text was. Not before the pane has a width (an article opened
        at start-up): on_resize does it then."""
        width = self._wrap_width()
        if not width:
            self.layout_rows = Layout("", 1)
            return
        layout = self._layouts.pop(width, None) or Layout(self.text, width, self._bounds)
        self._layouts[width] = self.layout_rows = layout
        while len(self._layouts) > 4:
            del self._layouts[next(iter(self._layouts))]
        self._settle()
        self.refresh_all()

    def _settle(self) -> None:
        """Wrap what is on screen and a block either side; then keep the top row's text
        at the top (rows above it may have been renumbered) and the scroll range true."""
        layout = self.layout_rows
        height = max(1, self.scrollable_content_region.height)
        layout.wrap_around(self._top, 0, height)
        self._sync_size()
        row = layout.row_of(self._top)
        if row != round(self.scroll_offset.y):
            self._settling = True
            try:
                self.scroll_to(y=row, animate=False, immediate=True, force=True)
            finally:
                self._settling = False

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        if not self._settling and self.article is not None:
            self._top = self.layout_rows.span(round(new_value))[0]
            self._settle()

    def _wrap_width(self) -> int:
        """The pane's width, or the reading width when that is narrower (W)."""
        width = self.scrollable_content_region.width
        return min(width, self.reading_width) if self.reading_width and width else width

    def action_reading_width(self) -> None:
        """W: wrap at READING_WIDTH columns however wide the pane (W again: the pane's width)."""
        self.reading_width = None if self.reading_width else READING_WIDTH
        self._relayout()
        self._scroll_to_cursor()
        said = f"lines wrap at {READING_WIDTH} columns" if self.reading_width else "lines wrap at the pane's width"
        self.post_message(self.Said(f"{said} (W switches)"))
        self.post_message(SettingChanged("reading_width", bool(self.reading_width)))

    def size_given(self) -> None:
        """An article opened before the pane had a width is laid out as the pane gets one:
        the Resize event comes after the first frame is drawn, which showed it empty."""
        if self.article is not None and self.layout_rows.text is not self.text and self._wrap_width():
            self._relayout()

    def on_resize(self, event: events.Resize) -> None:
        width = self._wrap_width()
        if width and (self.layout_rows.width != width or self.layout_rows.text is not self.text):
            self._relayout()
            self._scroll_to_cursor()

    # ------------------------------------------------------------ queries

    @property
    def selection(self) -> tuple[int, int] | None:
        """[start, end) of the selection; the cursor's character is included (vim visual)."""
        if self.selection_start is None:
            return None
        low, high = sorted((self.selection_start, self.cursor))
        return low, max(next_grapheme(self.text, high), low)

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

    def move_to(self, offset: int, keep_goal: bool = False) -> None:
        self._mark_pending = False
        # Within the last character, then to the start of its cluster: the last cluster's
        # start is not looked for first (that took compiling \X, 20 ms of opening a text
        # that ends in Arabic, for a cursor at 0).
        offset = grapheme_bounds(self.text, max(0, min(offset, len(self.text) - 1)))[0] if self.text else 0
        before, self.cursor = self.cursor, offset
        if not keep_goal:
            self._goal_x = None
        if not self._scroll_to_cursor():
            self._touch(before, offset)
        self.moved()

    def _touch(self, *offsets: int | None) -> None:
        """Redraw only the rows from the first to the last of these offsets."""
        rows = [self.layout_rows.row_of(o) for o in offsets if o is not None]
        if rows:
            self.refresh_lines(min(rows), max(rows) - min(rows) + 1)

    def _scroll_to_cursor(self) -> bool:
        """Scroll so that the cursor's row is on screen; True if it scrolled."""
        layout, height = self.layout_rows, max(1, self.scrollable_content_region.height)
        layout.wrap_around(self.cursor, height, height)
        self._sync_size()
        return self.scroll_row_into_view(layout.row_of(self.cursor), height)

    def _sync_size(self) -> None:
        """The scroll range as many rows as the layout counts now (blocks just wrapped
        replace their estimates)."""
        size = Size(self.layout_rows.width, self.layout_rows.rows)
        if self.virtual_size != size:
            self.virtual_size = size

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

    def clear_caches(self) -> None:
        self._strips.clear()

    def refresh_all(self) -> None:
        """Redraw every row (annotations or layout changed), not just what moved."""
        self._strips.clear()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        row = y + round(self.scroll_offset.y)
        width = self.scrollable_content_region.width
        if row >= self.layout_rows.rows or self.article is None:
            return Strip.blank(width, self.base_style)
        start, end = self.layout_rows.span(row)
        selection = self.selection
        # A row looks the same as long as what touches it is the same: cache on that (on
        # its offset: row numbers move when a block above is wrapped).
        key = (
            start,
            width,
            self.cursor if start <= self.cursor <= end else -1,
            _clip(selection, start, end),
            _clip(self.match, start, end),
        )
        strip = self._strips.get(key)
        if strip is None:
            if len(self._strips) > 4096:
                self._strips.clear()
            strip = self._strips[key] = self._render_row(start, end, width, selection)
        return strip

    def _render_row(self, start: int, end: int, width: int, selection: tuple[int, int] | None) -> Strip:
        base = self.base_style
        cursor_end = next_grapheme(self.text, self.cursor) if self.cursor < len(self.text) else self.cursor + 1
        annotations = self.spans.overlapping(start, end)
        suggestions = self.suggestions.overlapping(start, end) if self.show_suggestions else []
        ranges = [(a.start, a.end) for a in annotations] + [(s.start, s.end) for s in suggestions]
        ranges += [r for r in (selection, self.match, (self.cursor, cursor_end)) if r]
        cuts = sorted({start, end, *(p for r in ranges for p in r if start < p < end)})
        shown = display_text(self.text[start:end])
        segments = []
        for p, q in itertools.pairwise(cuts):
            style = self._style_at(p, annotations, selection, suggestions)
            segments.append(Segment(shown[p - start : q - start], base + style))
        if self.cursor == end and (end == len(self.text) or self.text[end] == "\n"):
            segments.append(Segment(" ", base + self._style_at(end, [], selection)))
        return Strip(segments).crop(0, width).extend_cell_length(width, base)

    def _style_at(
        self,
        offset: int,
        annotations: list[Annotation],
        selection: tuple[int, int] | None,
        suggestions: list[Suggestion] | None = None,
    ) -> Style:
        style = Style()
        covering = [a for a in annotations if a.start <= offset < a.end]
        proposed = [s for s in suggestions or () if s.start <= offset < s.end]
        if proposed and not covering:
            style += self._suggestion_styles.get(proposed[0].label, Style(underline=True))
        if covering:
            inner = min(covering, key=lambda a: a.end - a.start)
            style += self._label_styles.get(inner.label, Style())
            if len(covering) > 1:
                style += self.component_style("article-view--overlap")
        if self.match and self.match[0] <= offset < self.match[1]:
            style += self.component_style("article-view--match")
        if selection and selection[0] <= offset < selection[1]:
            style += self.component_style("article-view--selection")
        if offset == self.cursor or (self.cursor < offset < next_grapheme(self.text, self.cursor)):
            style += self.component_style("article-view--cursor")
        return style
