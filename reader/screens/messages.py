"""The message log (L): every status message of this session, newest last, with its time,
so that nothing the status line said is lost when the next message replaces it."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


class MessagesScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,L", "dismiss", "Close the log")]

    def __init__(self, lines: list[str]) -> None:
        super().__init__()
        self.lines = lines

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static("Messages  (esc closes)", id="help-title")
            yield Static(Text("\n".join(self.lines) or "no messages yet", overflow="fold"), id="messages")

    def on_mount(self) -> None:
        self.query_one(VerticalScroll).scroll_end(animate=False)
