"""The article list pane: title, date and a count per label, one row an article.

A Line-API view like the text pane: only the rows on screen are drawn, and an
article's title and date are read (from the head of its file) when its row is first
drawn or by the background reader, so a folder of thousands opens at once.
Typing after / filters the rows by file name and title, in the list itself: the
query shows in the header line (an Input widget would re-lay out the whole screen on
every keystroke).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import datetime

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.message import Message
from textual.strip import Strip

from annotations.corpus.entries import Entry, decoding_said
from annotations.model import LabelSet
from annotations.text import display_line, steady_width

from ..keys import ARTICLE_LIST
from ..label_styles import label_style
from ..settings import SettingChanged
from .row_view import HEADER, RowView

DATE_WIDTH = 11  # 2026-11-22 and a space
MIN_TITLE = 16  # below this the date column gives way: the title says which article it is
COUNT_WIDTH = 3  # at least: wider when a count has three digits or more
MUTED = Style(dim=True, italic=True)


ORDERS = ("found", "title", "date", "tags")  # o goes round them; as found on disk first
DONE_MARK = "✓ "  # before the title of an article marked done (D)
DONE_PREFIXES = ("done:", "todo:")  # the filter's: only the articles done, or not


def format_date(moment: datetime | None) -> str:
    """An ISO date (2026-11-22): the locale's short forms (11/22/26) are ambiguous."""
    return moment.strftime("%Y-%m-%d") if moment else ""


def count_width(counts: Iterable[Counter]) -> int:
    """Cells a count column needs: the longest count and a space, so columns stay apart."""
    return max([COUNT_WIDTH] + [len(str(n)) + 1 for c in counts for n in c.values()])


def fitted(title: str, cells: int) -> str:
    """title on one line in at most cells terminal cells, as rich measures them ("…" where
    it was cut), its emoji in forms every terminal draws that wide (text.steady_width):
    cut by code points, a title of emoji was twice as wide, and 👍🏽 pushed the counts."""
    line = steady_width(display_line(title))
    return line if cell_len(line) <= cells else set_cell_size(line, max(0, cells - 1)).rstrip() + "…"


def describe_entry(entry: Entry) -> str:
    """The title as the list shows it, with a word about odd files."""
    meta = entry.meta
    if meta.problem:
        return f"{entry.id} (not an article: {meta.problem})"
    decoded = decoding_said(meta.encoding)
    return f"{meta.title}  ({decoded})" if decoded else meta.title


class ArticleList(RowView):
    """Every article of the corpus; enter (or a click) opens the one under the cursor."""

    BINDINGS = [*ARTICLE_LIST]  # a copy typed as Textual's BindingType list

    class Filtered(Message):
        """The filter was kept (enter) or cleared (esc)."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class Chosen(Message):
        def __init__(self, article_id: str) -> None:
            super().__init__()
            self.article_id = article_id

    def __init__(self, entries: list[Entry], labels: LabelSet, counts: dict[str, Counter], **kwargs) -> None:
        super().__init__(**kwargs)
        self.corpus_order = entries
        self.entries = list(entries)  # in the order chosen with o
        self.order = ORDERS[0]
        self.labels = labels
        self.counts = counts
        self.suggested: dict[str, int] = {}  # suggestions of the articles opened so far
        self.done: set[str] = set()  # articles marked done (D)
        self._count_width = count_width(counts.values())  # the tag columns'
        self._suggested_width = COUNT_WIDTH  # the suggestions' column, as wide as its own numbers
        self.shown: list[Entry] = list(entries)
        self.filter = ""
        self.typing = False  # after /: printable keys go to the filter
        self._rows: dict[str, int] | None = None  # article id to row, made when first needed
        self._label_styles = [label_style(label.colour, i) for i, label in enumerate(labels.labels)]

    def on_mount(self) -> None:
        self.rows_changed()

    # ------------------------------------------------------------ queries

    @property
    def row_count(self) -> int:
        return len(self.shown)

    @property
    def current(self) -> Entry | None:
        return self.shown[self.cursor] if self.shown else None

    def row_key(self, index: int) -> str:
        return self.shown[index].id

    def index_of(self, article_id: str) -> int | None:
        if self._rows is None:
            self._rows = {entry.id: index for index, entry in enumerate(self.shown)}
        return self._rows.get(article_id)

    def row_text(self, article_id: str) -> str:
        """What the row of an article says, as plain text (for tests and the title bar)."""
        index = self.index_of(article_id)
        return "" if index is None else self.render_row(index, self.size.width or 80).text

    # ------------------------------------------------------------ changes

    def set_all_counts(self, counts: dict[str, Counter]) -> None:
        self.counts = counts
        self._refit()

    def set_counts(self, article_id: str, counts: Counter) -> None:
        self.counts[article_id] = counts
        self._changed(article_id, wider=count_width([counts]) > self._count_width)

    def set_suggested(self, article_id: str, count: int) -> None:
        """The number of suggestions an opened article has (its last column)."""
        first = not self.suggested
        self.suggested[article_id] = count
        self._changed(article_id, wider=first or len(str(count)) + 1 > self._suggested_width)

    def _changed(self, article_id: str, wider: bool) -> None:
        """Redraw the article's row; every row if the count columns must widen (or appear)."""
        if wider:
            self._refit()
            return
        self.forget_rows(article_id)
        index = self.index_of(article_id)
        if index is not None:
            self.refresh_row(index)

    def _refit(self) -> None:
        """The tag columns as wide as the widest tag count, the suggestions' as its own
        (5,000 suggestions once widened every column and pushed the date out); every row again."""
        self._count_width = count_width(self.counts.values())
        self._suggested_width = count_width([Counter(self.suggested)])
        self.forget_rows()
        self.refresh()

    def action_sort(self) -> None:
        """o: the list by title, by date (newest first), by tags (most first), or as found."""
        self.set_order(ORDERS[(ORDERS.index(self.order) + 1) % len(ORDERS)])
        self.post_message(SettingChanged("order", self.order))

    def set_order(self, order: str) -> None:
        self.order = order
        current, before = self.current, self.rows_on_screen()
        self.entries = self._ordered()
        place = {entry.id: number for number, entry in enumerate(self.entries)}
        self.shown.sort(key=lambda entry: place[entry.id])
        self._show(current, before)
        self.refresh_header()

    def corpus_changed(self) -> None:
        """The corpus (the list given at the start) grew as more of it was read, or lost
        files that turned out not to be articles: list what it holds, in the chosen
        order, as the filter keeps it."""
        current, before = self.current, self.rows_on_screen()
        self.entries = self._ordered()
        self.shown = self._kept(self.entries, self.filter)
        self._show(current, before)
        self.refresh_header()

    def _ordered(self) -> list[Entry]:
        keys = {
            "title": lambda e: e.meta.title.casefold(),
            "date": lambda e: -(e.meta.date.timestamp() if e.meta.date else float("-inf")),
            "tags": lambda e: -sum(self.counts.get(e.id, Counter()).values()),
        }
        key = keys.get(self.order)
        return sorted(self.corpus_order, key=key) if key else list(self.corpus_order)

    def _show(self, current: Entry | None, before: list) -> None:
        """The shown rows changed: the cursor stays on its article if it is still shown."""
        self._rows = None
        self.cursor = self.shown.index(current) if current in self.shown else 0
        self.rows_changed(before)

    def set_done(self, done: set[str]) -> None:
        """Which articles are done (D): marked ✓ before their titles."""
        self.done = done
        self.forget_rows()
        self.refresh()

    def set_filter(self, text: str) -> None:
        """Keep the rows whose file name or (already read) title holds text, any case;
        a "done:" or "todo:" prefix keeps only the articles done, or not done."""
        current, before = self.current, self.rows_on_screen()
        plain = not text.startswith(DONE_PREFIXES) and not self.filter.startswith(DONE_PREFIXES)
        narrower = plain and self.filter and text.casefold().startswith(self.filter.casefold())
        self.shown = self._kept(self.shown if narrower else self.entries, text)  # typing on only ever narrows
        self.filter = text
        self._show(current, before)

    def _kept(self, pool: list[Entry], text: str) -> list[Entry]:
        """The entries of pool that the filter text keeps."""
        state, _, rest = text.partition(":") if text.startswith(DONE_PREFIXES) else ("", "", text)
        needle = rest.casefold()
        if not needle and not state:
            return list(pool)
        return [
            entry
            for entry in pool
            if needle in entry.search_text and (not state or (entry.id in self.done) == (state == "done"))
        ]

    def titles_arrived(self) -> None:
        """More titles were read: search them too from now on, and redraw."""
        self.forget_rows()
        if self.filter:
            self.shown, filter_text, self.filter = self.entries, self.filter, ""
            self.set_filter(filter_text)
        self.refresh()

    def action_filter(self) -> None:
        """/: type to filter; enter keeps the filter, esc clears it."""
        self.typing = True
        self.refresh_header()

    def on_key(self, event: events.Key) -> None:
        if not self.typing and event.key != "slash":
            return
        event.stop()
        event.prevent_default()
        if not self.typing:  # here, not by the binding: that runs later, after the keys typed next
            self.action_filter()
            return
        if event.key == "escape":
            self.typing = False
            self.set_filter("")
            self.post_message(self.Filtered(""))
        elif event.key == "enter":
            self.typing = False
            self.refresh_header()
            self.post_message(self.Filtered(self.filter))
        elif event.key == "backspace":
            self.set_filter(self.filter[:-1])
        elif event.is_printable and event.character:
            self.set_filter(self.filter + event.character)

    def action_page_down(self) -> None:
        self.move_cursor(self.cursor + max(1, self.scrollable_content_region.height - HEADER - 1))

    def action_page_up(self) -> None:
        self.move_cursor(self.cursor - max(1, self.scrollable_content_region.height - HEADER - 1))

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(len(self.shown) - 1)

    def action_select_cursor(self) -> None:
        if self.current is not None:
            self.post_message(self.Chosen(self.current.id))

    # ------------------------------------------------------------ drawing

    def _title_width(self, width: int) -> int:
        return max(1, width - self._date_width(width) - self._counts_width)

    def _date_width(self, width: int) -> int:
        """The date column's width: none in a pane too narrow for it and a readable title
        (the date goes whole, never cut)."""
        rest = width - self._counts_width
        return DATE_WIDTH if rest - DATE_WIDTH >= MIN_TITLE else 0

    @property
    def _counts_width(self) -> int:
        """The count columns: one a label, and the suggestions' once an article has some."""
        return self._count_width * len(self.labels.labels) + (self._suggested_width if self.suggested else 0)

    def render_header(self, width: int) -> Strip:
        """The column names, drawn on the first line whatever the scroll position;
        while filtering, the query instead."""
        base = self.base_style + Style(bold=True)
        if self.typing or self.filter:
            prompt = f"/{display_line(self.filter)}" + ("▏" if self.typing else "")
            count = f"{len(self.shown)} of {len(self.entries)}"
            line = [Segment(prompt, base + Style(reverse=self.typing)), Segment(f"  {count}", base)]
            return Strip(line).adjust_cell_length(width, base)
        title_width = self._title_width(width)
        heading = "Article" if self.order == ORDERS[0] else f"Article · by {self.order}"
        if len(heading) >= title_width:  # the order said whole or not at all ("by titl" was cut)
            heading = "Article"
        segments = [
            Segment(heading[: title_width - 1].ljust(title_width), base),
            Segment("Date"[: self._date_width(width)].ljust(self._date_width(width)), base),
        ]
        for label, style in zip(self.labels.labels, self._label_styles):
            segments.append(Segment(label.name[:1].upper().rjust(self._count_width), base + style))
        if self.suggested:
            segments.append(Segment("+".rjust(self._suggested_width), base + MUTED))  # suggestions
        return Strip(segments).adjust_cell_length(width, base)

    def render_row(self, index: int, width: int) -> Strip:
        entry = self.shown[index]
        counts = self.counts.get(entry.id, Counter())
        title_width = self._title_width(width)
        base = self.base_style
        mark = DONE_MARK if entry.id in self.done else ""
        title = Segment(
            fitted(mark + describe_entry(entry), title_width - 1), base + (MUTED if entry.meta.problem else Style())
        )
        segments = [*Strip([title]).adjust_cell_length(title_width, base)]
        date_width = self._date_width(width)
        if date_width:
            segments.append(Segment(format_date(entry.meta.date)[: date_width - 1].ljust(date_width), base))
        for label, style in zip(self.labels.labels, self._label_styles):
            count = counts.get(label.name, 0)
            cell = f" {count}" if count else "·"
            segments.append(Segment(" " * (self._count_width - len(cell)), base))
            segments.append(Segment(cell, base + (style if count else MUTED)))
        if self.suggested:
            suggested = self.suggested.get(entry.id)
            cell = f" {suggested}" if suggested else "·"
            segments.append(Segment(cell.rjust(self._suggested_width), base + MUTED))
        return Strip(segments).adjust_cell_length(width, base)
