"""The export dialog (x): a format, where to write, all articles or the open one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select

from annotations.interchange.exporting import default_name, export_target
from annotations.interchange.formats import ALL_FORMATS
from annotations.text import display_line

from ..config import exports_folder


@dataclass(frozen=True)
class ExportChoice:
    format: str
    path: Path
    only_open_article: bool


def default_path(fmt: str) -> str:
    """In the exports folder (config.exports_folder), written out whole so the person sees where."""
    return str(exports_folder() / default_name(fmt))


class ExportScreen(ModalScreen[ExportChoice | None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, open_article: str | None) -> None:
        super().__init__()
        self.open_article = open_article
        self._overwrite: Path | None = None  # a path the person was warned about once

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            yield Label("Export annotations", id="export-title")
            yield Select([(name, name) for name in ALL_FORMATS], value="jsonl", allow_blank=False, id="export-format")
            yield Label("Write to (a file or its folder; brat: a folder)")
            yield Input(value=default_path("jsonl"), id="export-path")
            yield Label("", id="export-warning", markup=False)
            yield Checkbox(
                Text(display_line(f"only {self.open_article}" if self.open_article else "only the open article")),
                value=False,
                disabled=self.open_article is None,
                id="export-only",
            )
            with Horizontal(id="export-buttons"):
                yield Button("Export", variant="primary", id="export-go")
                yield Button("Cancel", id="export-cancel")

    def on_select_changed(self, event: Select.Changed) -> None:
        path = self.query_one("#export-path", Input)
        if path.value in {default_path(name) for name in ALL_FORMATS}:
            path.value = default_path(str(event.value))

    def _choice(self) -> ExportChoice | None:
        path = self.query_one("#export-path", Input).value.strip()
        if not path:
            self.notify("say where to write the export", severity="warning")
            return None
        fmt = str(self.query_one("#export-format", Select).value)
        target = export_target(Path(path).expanduser(), fmt)
        if target != Path(path).expanduser():  # a folder: the file goes in it, shown before it is written
            self.query_one("#export-path", Input).value = str(target)
        return ExportChoice(fmt, target, self.query_one("#export-only", Checkbox).value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "export-go":
            self._submit()
        else:
            self.dismiss(None)

    def _submit(self) -> None:
        choice = self._choice()
        if choice is None:
            return
        if choice.path.exists() and choice.path != self._overwrite:
            self._overwrite = choice.path
            what = "folder" if choice.path.is_dir() else "file"
            self.query_one("#export-warning", Label).update(
                Text(display_line(f"{choice.path} exists: Export again to overwrite this {what}"))
            )
            return
        self.dismiss(choice)

    def action_cancel(self) -> None:
        self.dismiss(None)
