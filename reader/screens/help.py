"""The help screen: every key, by pane, read from the same binding lists the panes use."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ..keys import key_names


def keys_text(panes: dict[str, list[Binding]]) -> Text:
    """Every pane's keys as aligned lines of plain text (never parsed as markup)."""
    width = max(len(key_names(b)) for bindings in panes.values() for b in bindings) + 3
    text = Text()
    for pane, bindings in panes.items():
        text.append(f"{pane}\n", style="bold underline")
        for binding in bindings:
            text.append(f"  {key_names(binding):<{width}}", style="bold")
            text.append(f"{binding.description}\n")
        text.append("\n")
    return text


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
            yield Static(keys_text(self.panes), id="help-keys")
