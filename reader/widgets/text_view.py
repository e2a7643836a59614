"""A text laid out in rows and drawn: the base of the text pane (article_view.py).

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
from textual.strip import Strip

from annotations.editing.spans import SpanIndex, Spans
from annotations.model import Annotation, Article, LabelSet
from annotations.text import display_text, grapheme_bounds, next_grapheme

from ..label_styles import label_style, suggestion_style
from ..layout import Layout, block_bounds
from .line_view import LineView

if TYPE_CHECKING:
    from annotations.suggest.suggestions import Suggestion


def suggestion_order(suggestion: Suggestion) -> tuple[int, int, str]:
    return suggestion.start, -suggestion.end, suggestion.label


def _clip(span: tuple[int, int] | None, start: int, end: int) -> tuple[int, int] | None:
    """The part of span within [start, end], or None."""
    if span is None or span[1] < start or span[0] > end:
        return None
    return max(span[0], start), min(span[1], end)


class TextView(LineView):
    """Shows one text in rows wrapped to the pane: its tags, suggestions, cursor,
    selection and search match drawn; only the rows on screen, cached by what touches them."""

    COMPONENT_CLASSES = {
        "text-view--cursor",
        "text-view--selection",
        "text-view--match",
        "text-view--overlap",
    }
    DEFAULT_CSS = """
    TextView > .text-view--cursor { text-style: reverse; }
    TextView > .text-view--selection { background: $primary-muted; color: $text; }
    TextView > .text-view--match { text-style: bold underline; background: $error-muted; }
    TextView > .text-view--overlap { text-style: bold underline; }
    """

    def __init__(self, labels: LabelSet, **kwargs) -> None:
        super().__init__(**kwargs)
        self.labels = labels
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
        self.spans = SpanIndex()
        self._goal_x: int | None = None
        self._strips: dict[tuple, Strip] = {}
        self.suggestions: Spans[Suggestion] = Spans((), suggestion_order)  # drawn apart from tags
        self.reading_width: int | None = None  # W: wrap narrower than the pane
        self._mark_pending = False  # the first ' of '' was typed
        self.show_suggestions = True
        # Told at once when the cursor or the selection moved (the app shows what is under
        # it): a message would reach the status line a frame later, two frames a key.
        self.moved: Callable[[], None] = lambda: None

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
        self.suggestions = Spans((), suggestion_order)  # the old text's: new ones come from a thread
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

    @property
    def selection(self) -> tuple[int, int] | None:
        """[start, end) of the selection; the cursor's character is included (vim visual)."""
        if self.selection_start is None:
            return None
        low, high = sorted((self.selection_start, self.cursor))
        return low, max(next_grapheme(self.text, high), low)

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
                style += self.component_style("text-view--overlap")
        if self.match and self.match[0] <= offset < self.match[1]:
            style += self.component_style("text-view--match")
        if selection and selection[0] <= offset < selection[1]:
            style += self.component_style("text-view--selection")
        if offset == self.cursor or (self.cursor < offset < next_grapheme(self.text, self.cursor)):
            style += self.component_style("text-view--cursor")
        return style
