"""Asked on quit while changes are not on disk: keep trying, write them elsewhere, or lose them."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

KEEP, WRITE, LOSE = "keep", "write", "lose"


class UnsavedScreen(ModalScreen[str]):
    """Never a silent exit: each way out is a key and a button."""

    BINDINGS = [
        Binding("k,escape", "choose('keep')", "Keep trying"),
        Binding("w", "choose('write')", "Write to another file"),
        Binding("l", "choose('lose')", "Quit, losing them"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(id="unsaved-box"):
            yield Label(self.question, id="unsaved-question", markup=False)
            with Horizontal(id="unsaved-buttons"):
                yield Button("k  keep trying", variant="primary", id=KEEP)
                yield Button("w  write them to another file", id=WRITE)
                yield Button("l  quit and lose them", variant="error", id=LOSE)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id or KEEP)

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)
