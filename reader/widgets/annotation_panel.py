"""The annotations panel: every tag of the open article; enter jumps to it."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from annotations.model import ORPHANED, Annotation, LabelSet
from annotations.text import display_line

from ..keys import PANEL

EXCERPT = 60


def excerpt(text: str, limit: int = EXCERPT) -> str:
    text = display_line(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class AnnotationPanel(DataTable):
    """Rows keyed by annotation id, in text order."""

    BINDINGS = PANEL

    def __init__(self, labels: LabelSet, **kwargs) -> None:
        super().__init__(cursor_type="row", **kwargs)
        self.labels = labels

    def on_mount(self) -> None:
        self.add_column("Label", key="label")
        self.add_column("At", key="at")
        self.add_column("Text", key="text")
        self.add_column("Note", key="note")

    def show(self, annotations: list[Annotation], current: str | None = None) -> None:
        self.clear()
        for annotation in annotations:
            label = self.labels.by_name(annotation.label)
            name = Text(annotation.label, style=label.colour if label else "")
            if annotation.status == ORPHANED:
                name.append(" orphaned", style="bold red")
            self.add_row(
                name,
                Text(f"{annotation.start}–{annotation.end}"),
                Text(excerpt(annotation.text)),
                Text(excerpt(annotation.note, 30)),
                key=annotation.id,
            )
        if current is not None and current in self.rows:
            self.move_cursor(row=self.get_row_index(current))

    @property
    def current_id(self) -> str | None:
        if not self.row_count:
            return None
        return self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
