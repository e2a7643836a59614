"""The help screen: every key, by pane, read from the same binding lists the panes use."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ..keys import key_names


def keys_table(panes: dict[str, list[Binding]]) -> Table:
    table = Table(box=None, show_header=False, padding=(0, 2))
    table.add_column("keys", style="bold", no_wrap=True)
    table.add_column("does")
    for pane, bindings in panes.items():
        table.add_row(Text(pane, style="bold underline"), "")
        for binding in bindings:
            table.add_row(Text(key_names(binding)), Text(binding.description))
        table.add_row("", "")
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help"),
    ]

    def __init__(self, panes: dict[str, list[Binding]]) -> None:
        super().__init__()
        self.panes = panes

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static("reader — keys  (esc closes)", id="help-title")
            yield Static(keys_table(self.panes), id="help-keys")
