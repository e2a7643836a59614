"""The text pane: a Line-API view of one article with a cursor, a selection and tags.

Only the rows on screen are drawn (render_line), wrapping is one pass of str.rfind over
plain lines (see layout.py), and the annotations of a row are found by bisecting the
sorted starts, so a view of a 10 MB article with thousands of tags stays quick.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from annotations.model import ORPHANED, Annotation, Article, LabelSet
from annotations.text import display_text, grapheme_bounds, next_grapheme, prev_grapheme

from .. import motions
from .cached_style import CachedBaseStyle
from .scrolling import scroll_row_into_view
from ..keys import TEXT, label_bindings
from ..layout import Layout

SELECTION = Style(bgcolor="#5f5f87", color="white")
CURSOR = Style(reverse=True)
MATCH = Style(bgcolor="#d7af00", color="black")
OVERLAP = Style(underline=True, bold=True)

_JUMPS = {
    "word_next": motions.next_word_start,
    "word_prev": motions.prev_word_start,
    "word_end": motions.word_end,
    "sentence_next": motions.next_sentence,
    "sentence_prev": motions.prev_sentence,
    "paragraph_next": motions.next_paragraph,
    "paragraph_prev": motions.prev_paragraph,
}


def find(text: str, query: str, pos: int, direction: int) -> tuple[int, int] | None:
    """The next (or previous) match of query from pos, wrapping around; smart case."""
    flags = 0 if any(c.isupper() for c in query) else re.IGNORECASE
    pattern = re.compile(re.escape(query), flags)
    if direction > 0:
        match = pattern.search(text, pos + 1) or pattern.search(text, 0, pos + len(query))
        return match.span() if match else None
    last = None
    for match in pattern.finditer(text, 0, pos + len(query) - 1):
        if match.start() < pos:
            last = match
    if last is None:
        last = next(reversed(list(pattern.finditer(text, pos))), None)
    return last.span() if last else None


def _order(annotation: Annotation) -> tuple[int, int, str]:
    """Annotations in text order; the longer first where two start together."""
    return annotation.start, -annotation.end, annotation.id


def _clip(span: tuple[int, int] | None, start: int, end: int) -> tuple[int, int] | None:
    """The part of span within [start, end], or None."""
    if span is None or span[1] < start or span[0] > end:
        return None
    return max(span[0], start), min(span[1], end)


class ArticleView(CachedBaseStyle, ScrollView, can_focus=True):
    """Shows one article; moves a cursor and a selection; draws every annotation."""

    BINDINGS = TEXT

    class Moved(Message):
        """The cursor moved; the app shows what is under it."""

    def __init__(self, labels: LabelSet, **kwargs) -> None:
        super().__init__(**kwargs)
        self.labels = labels
        # Label keys come from the user's config, so they are bound per instance.
        self._bindings = self._bindings.copy()
        for binding in Binding.make_bindings(label_bindings(labels)):
            self._bindings.key_to_bindings.setdefault(binding.key, []).append(binding)
        self._label_styles = {
            label.name: Style(bgcolor=label.colour, color="white") for label in labels.labels
        }
        self.article: Article | None = None
        self.text = ""
        self.shown = ""
        self.layout_rows = Layout("", 1)
        self.cursor = 0
        self.anchor: int | None = None
        self.match: tuple[int, int] | None = None
        self.query = ""
        self._goal_x: int | None = None
        self._dragging = False
        self._strips: dict[tuple, Strip] = {}
        self._annotations: list[Annotation] = []
        self._keys: list[tuple[int, int, str]] = []
        self._by_id: dict[str, Annotation] = {}
        self._longest = 0

    # ------------------------------------------------------------ content

    def load(self, article: Article, annotations: list[Annotation], cursor: int = 0) -> None:
        self.article = article
        self.text = article.text
        self.shown = display_text(article.text)
        self.anchor = None
        self.match = None
        self.set_annotations(annotations)
        self._relayout()
        self.move_to(cursor)

    def set_annotations(self, annotations: list[Annotation]) -> None:
        self._annotations = sorted(annotations, key=_order)
        self._keys = [_order(a) for a in self._annotations]
        self._by_id = {a.id: a for a in self._annotations}
        self._longest = max((a.end - a.start for a in self._annotations), default=0)
        self.refresh_all()

    def replace_annotation(self, annotation_id: str, annotation: Annotation | None) -> None:
        """Take out the annotation with this id, put this one in (if any, and anchored).

        One tag costs a bisect and a few rows redrawn, however many the article has.
        """
        old = self._by_id.pop(annotation_id, None)
        if old is not None:
            index = bisect_left(self._keys, _order(old))
            del self._annotations[index], self._keys[index]
            self._forget_rows(old.start, old.end)
        if annotation is not None and annotation.status != ORPHANED:
            key = _order(annotation)
            index = bisect_left(self._keys, key)
            self._annotations.insert(index, annotation)
            self._keys.insert(index, key)
            self._by_id[annotation.id] = annotation
            self._longest = max(self._longest, annotation.end - annotation.start)
            self._forget_rows(annotation.start, annotation.end)

    def _forget_rows(self, start: int, end: int) -> None:
        """Drop the cached rows of [start, end) and redraw them."""
        first, last = self.layout_rows.row_of(start), self.layout_rows.row_of(max(start, end - 1))
        self._strips = {key: strip for key, strip in self._strips.items() if not first <= key[0] <= last}
        self.refresh_lines(first, last - first + 1)

    @property
    def annotations(self) -> list[Annotation]:
        return self._annotations

    def _relayout(self) -> None:
        width = self.scrollable_content_region.width or self.size.width or 80
        self.layout_rows = Layout(self.shown, max(1, width))
        self.virtual_size = Size(width, self.layout_rows.rows)
        self.refresh_all()

    def on_resize(self, event: events.Resize) -> None:
        if self.layout_rows.width != self.scrollable_content_region.width:
            self._relayout()
            self._scroll_to_cursor()

    # ------------------------------------------------------------ queries

    @property
    def selection(self) -> tuple[int, int] | None:
        """[start, end) of the selection; the cursor's character is included (vim visual)."""
        if self.anchor is None:
            return None
        low, high = sorted((self.anchor, self.cursor))
        return low, max(next_grapheme(self.text, high), low)

    def overlapping(self, start: int, end: int) -> list[Annotation]:
        """Annotations that share at least one character with [start, end)."""
        # The keys are (start, -end, id); a 1-tuple sorts before every key with that start.
        first = bisect_left(self._keys, (start - self._longest,))
        last = bisect_left(self._keys, (end,))
        return [a for a in self._annotations[first:last] if a.end > start and a.start < end]

    def annotation_at(self, offset: int | None = None) -> Annotation | None:
        """The innermost (shortest) annotation under offset (default: the cursor)."""
        offset = self.cursor if offset is None else offset
        found = self.overlapping(offset, offset + 1)
        return min(found, key=lambda a: a.end - a.start, default=None)

    # ------------------------------------------------------------ cursor

    def _last_offset(self) -> int:
        return prev_grapheme(self.text, len(self.text)) if self.text else 0

    def move_to(self, offset: int, keep_goal: bool = False) -> None:
        offset = max(0, min(offset, self._last_offset()))
        offset = grapheme_bounds(self.text, offset)[0] if self.text else 0
        before, self.cursor = self.cursor, offset
        if not keep_goal:
            self._goal_x = None
        if not self._scroll_to_cursor():
            self._touch(before, offset)
        self.post_message(self.Moved())

    def _touch(self, *offsets: int | None) -> None:
        """Redraw only the rows from the first to the last of these offsets."""
        rows = [self.layout_rows.row_of(o) for o in offsets if o is not None]
        if rows:
            self.refresh_lines(min(rows), max(rows) - min(rows) + 1)

    def _scroll_to_cursor(self) -> bool:
        """Scroll so that the cursor's row is on screen; True if it scrolled."""
        row = self.layout_rows.row_of(self.cursor)
        return scroll_row_into_view(self, row, max(1, self.scrollable_content_region.height))

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
        self.move_to(self._target(motion), keep_goal=motion.startswith(("line", "page")))

    def action_extend(self, motion: str) -> None:
        """shift+arrows: start a selection at the cursor if none, then move."""
        if self.anchor is None:
            self.anchor = self.cursor
        self.action_move(motion)

    def action_visual(self) -> None:
        self._touch(self.anchor, self.cursor)
        self.anchor = None if self.anchor is not None else self.cursor
        self.post_message(self.Moved())  # the status line shows the selection

    def action_cancel(self) -> None:
        self._touch(self.anchor, self.cursor, *(self.match or ()))
        self.anchor = None
        self.match = None
        self.post_message(self.Moved())

    def select(self, start: int, end: int) -> None:
        """Select [start, end): the anchor at start, the cursor on the last character."""
        self._touch(self.anchor, self.cursor)
        self.anchor = start
        self.move_to(prev_grapheme(self.text, end) if end > start else start)
        self._touch(start, self.cursor)

    def action_select_sentence(self) -> None:
        start, end = motions.sentence_span(self.text, self.cursor)
        if end > start:
            self.select(start, end)

    def action_jump(self, direction: int) -> None:
        """] and [: put the cursor on the next or previous annotation."""
        if direction > 0:
            index = bisect_left(self._keys, (self.cursor + 1,))
            target = self._annotations[index] if index < len(self._annotations) else None
        else:
            index = bisect_left(self._keys, (self.cursor,)) - 1
            target = self._annotations[index] if index >= 0 else None
        if target is None:
            self.notify("no more annotations this way", timeout=2)
            return
        self.move_to(target.start)

    # ------------------------------------------------------------ search

    def search(self, query: str, direction: int = 1) -> bool:
        """Put the cursor on the next match of query; False when there is none."""
        self.query = query
        if not query:
            return False
        found = find(self.text, query, self.cursor, direction)
        self._touch(*(self.match or ()))
        if found is None:
            self.match = None
            return False
        self.match = found
        self.move_to(found[0])
        return True

    def action_search_again(self, direction: int) -> None:
        if not self.query:
            self.notify("no search yet: press / to search", timeout=2)
        elif not self.search(self.query, direction):
            self.notify(f"not found: {self.query}", timeout=2, markup=False)

    # ------------------------------------------------------------ mouse

    def _offset_at(self, event: events.MouseEvent) -> int:
        row = event.y + round(self.scroll_offset.y)
        return self.layout_rows.offset_at(row, event.x)

    def on_mouse_down(self, event: events.MouseDown) -> None:
        if self.article is None:
            return
        self.focus()
        self.anchor = None
        self._dragging = True
        self._press = self._offset_at(event)
        self.capture_mouse()
        self.move_to(self._press)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._dragging and event.button:
            offset = self._offset_at(event)
            if offset != self._press and self.anchor is None:
                self.anchor = self._press
            self.move_to(offset)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._dragging:
            self._dragging = False
            self.release_mouse()

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
        # A row looks the same as long as what touches it is the same: cache on that.
        key = (
            row,
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

    def _render_row(self, start: int, end: int, width: int, selection) -> Strip:
        base = self.base_style
        cursor_end = next_grapheme(self.text, self.cursor) if self.cursor < len(self.text) else self.cursor + 1
        annotations = self.overlapping(start, end)
        ranges = [(a.start, a.end) for a in annotations]
        ranges += [r for r in (selection, self.match, (self.cursor, cursor_end)) if r]
        cuts = sorted({start, end, *(p for r in ranges for p in r if start < p < end)})
        segments = []
        for p, q in zip(cuts, cuts[1:]):
            segments.append(Segment(self.shown[p:q], base + self._style_at(p, annotations, selection)))
        if self.cursor == end and (end == len(self.text) or self.text[end] == "\n"):
            segments.append(Segment(" ", base + self._style_at(end, [], selection)))
        return Strip(segments).crop(0, width).extend_cell_length(width, base)

    def _style_at(self, offset: int, annotations: list[Annotation], selection) -> Style:
        style = Style()
        covering = [a for a in annotations if a.start <= offset < a.end]
        if covering:
            inner = min(covering, key=lambda a: a.end - a.start)
            style += self._label_styles.get(inner.label, SELECTION)
            if len(covering) > 1:
                style += OVERLAP
        if self.match and self.match[0] <= offset < self.match[1]:
            style += MATCH
        if selection and selection[0] <= offset < selection[1]:
            style += SELECTION
        if offset == self.cursor or (self.cursor < offset < next_grapheme(self.text, self.cursor)):
            style += CURSOR
        return style
