"""The article list pane: title, date and a count per label, one row an article."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

from annotations.corpus import Entry
from annotations.model import LabelSet
from annotations.text import display_line

from ..keys import ARTICLE_LIST


def format_date(moment: datetime | None) -> str:
    """A date in the user's locale style (LC_TIME)."""
    return moment.strftime("%x") if moment else ""


class ArticleList(DataTable):
    """Rows keyed by article id. Text is passed as Text objects: never parsed as markup."""

    BINDINGS = ARTICLE_LIST

    def __init__(self, labels: LabelSet, **kwargs) -> None:
        super().__init__(cursor_type="row", zebra_stripes=False, **kwargs)
        self.labels = labels

    def on_mount(self) -> None:
        self.add_column("Article", key="title", width=20)
        self.add_column("Date", key="date")
        for label in self.labels.labels:
            self.add_column(Text(label.name[:1].upper(), style=label.colour), key=label.name)

    def on_resize(self) -> None:
        """The title takes what the date and the counts leave of the pane's width."""
        others = sum(c.get_render_width(self) for key, c in self.columns.items() if key.value != "title")
        title = self.columns.get(ColumnKey("title"))
        if title is not None:
            title.width = max(12, self.scrollable_content_region.width - others - 2 * self.cell_padding)
            self.refresh()

    def add_article(self, entry: Entry, title: str, date: datetime | None, counts: Counter, note: str = "") -> None:
        cells = [Text(display_line(title)), Text(format_date(date))]
        cells += [self._count(counts, label.name) for label in self.labels.labels]
        if note:
            cells[0].append(f"  ({note})", style="italic dim")
        self.add_row(*cells, key=entry.id)

    def _count(self, counts: Counter, label: str) -> Text:
        count = counts.get(label, 0)
        return Text(str(count) if count else "·", justify="right")

    def set_counts(self, article_id: str, counts: Counter) -> None:
        for label in self.labels.labels:
            self.update_cell(article_id, label.name, self._count(counts, label.name))
