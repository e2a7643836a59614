"""The annotations panel: every tag of the open article, then its suggestions (dim, the
label with a "?"); enter jumps to either.

A Line-API view like the article list: an article with 10,000 tags opens its panel
at once, where a DataTable took a second to fill.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from textual.message import Message
from textual.strip import Strip

from annotations.attributes import describe
from annotations.model import ORPHANED, Annotation, LabelSet
from annotations.text import excerpt

from ..keys import PANEL, label_bindings
from ..label_styles import label_style
from ..textual_compat import add_bindings
from .row_view import RowView

if TYPE_CHECKING:
    from annotations.suggest.suggestions import Suggestion  # not at start: its finders compile large patterns

ORPHANED_MARK = " orphaned"


class AnnotationPanel(RowView):
    """One row a tag, in text order; the cursor row is the tag that m and d act on."""

    BINDINGS = [*PANEL]  # a copy typed as Textual's BindingType list

    class Chosen(Message):
        def __init__(self, annotation: Annotation) -> None:
            super().__init__()
            self.annotation = annotation

    class SuggestionChosen(Message):
        def __init__(self, suggestion: Suggestion) -> None:
            super().__init__()
            self.suggestion = suggestion

    def __init__(self, labels: LabelSet, **kwargs) -> None:
        super().__init__(**kwargs)
        add_bindings(self, label_bindings(labels, relabel=True))
        self.labels = labels
        self.annotations: list[Annotation] = []
        self.suggestions: list[Suggestion] = []
        self._label_width = self._at_width = 0  # fitted to the rows in show()

    def show(
        self, annotations: list[Annotation], current: str | None = None, suggestions: list[Suggestion] | None = None
    ) -> None:
        self.annotations = annotations
        self.suggestions = suggestions or []
        # Columns as wide as what they hold (and their heading), so a narrow pane keeps
        # room for the text.
        names = [a.label + (ORPHANED_MARK if a.status == ORPHANED else "") for a in annotations]
        names += [f"{s.label}?" for s in self.suggestions]
        spans = [(a.start, a.end) for a in annotations] + [(s.start, s.end) for s in self.suggestions]
        self._label_width = max(map(len, [*names, "Label"])) + 1
        self._at_width = max(len(f"{start}–{end}") for start, end in spans) + 1 if spans else len("At ")
        ids = [a.id for a in annotations]
        self.cursor = ids.index(current) if current in ids else min(self.cursor, max(0, self.row_count - 1))
        self.forget_rows()
        self.rows_changed()

    @property
    def row_count(self) -> int:
        return len(self.annotations) + len(self.suggestions)

    @property
    def current_id(self) -> str | None:
        """The tag on the cursor row (None on a suggestion's row)."""
        return self.annotations[self.cursor].id if self.cursor < len(self.annotations) else None

    def row_text(self, index: int) -> str:
        return self.render_row(index, self.size.width or 100).text

    # ------------------------------------------------------------ cursor

    def action_select_cursor(self) -> None:
        if self.cursor < len(self.annotations):
            self.post_message(self.Chosen(self.annotations[self.cursor]))
        elif self.cursor < self.row_count:
            self.post_message(self.SuggestionChosen(self.suggestions[self.cursor - len(self.annotations)]))

    # ------------------------------------------------------------ drawing

    def _columns(self, width: int) -> tuple[int, int]:
        """Widths of the text and the note columns."""
        rest = max(2, width - self._label_width - self._at_width)
        note = rest // 3
        return rest - note, note

    def _line(self, cells: list[tuple[str, Style]], width: int) -> Strip:
        base = self.base_style
        text_width, note_width = self._columns(width)
        widths = [self._label_width, self._at_width, text_width, note_width]
        segments: list[Segment] = []
        for (text, style), cell_width in zip(cells, widths):
            cell = Strip([Segment(text, base + style)]).adjust_cell_length(cell_width, base)
            segments.extend(cell)
        return Strip(segments).adjust_cell_length(width, base)

    def render_row(self, index: int, width: int) -> Strip:
        if index >= len(self.annotations):
            return self._suggestion_row(self.suggestions[index - len(self.annotations)], width)
        annotation = self.annotations[index]
        label = self.labels.by_name(annotation.label)
        look = label_style(label.colour, self.labels.labels.index(label)) if label else Style()
        name = annotation.label + (ORPHANED_MARK if annotation.status == ORPHANED else "")
        text_width, note_width = self._columns(width)
        return self._line(
            [
                (name, look + (Style(bold=True) if annotation.status == ORPHANED else Style())),
                (f"{annotation.start}–{annotation.end}", Style()),
                (excerpt(annotation.text, max(1, text_width - 1)), Style()),
                (excerpt(annotation.note, max(1, note_width - 1)), Style(italic=True)),
            ],
            width,
        )

    def _suggestion_row(self, suggestion: Suggestion, width: int) -> Strip:
        """A suggestion, dim: its label with "?", and what it carries where a note goes."""
        label = self.labels.by_name(suggestion.label)
        look = label_style(label.colour, self.labels.labels.index(label)) if label else Style()
        dim = Style(dim=True)
        text_width, note_width = self._columns(width)
        return self._line(
            [
                (f"{suggestion.label}?", look + dim),
                (f"{suggestion.start}–{suggestion.end}", dim),
                (excerpt(suggestion.text, max(1, text_width - 1)), dim),
                (excerpt(describe(suggestion.attrs), max(1, note_width - 1)), dim + Style(italic=True)),
            ],
            width,
        )

    def render_header(self, width: int) -> Strip:
        bold = Style(bold=True)
        return self._line([("Label", bold), ("At", bold), ("Text", bold), ("Note", bold)], width)
