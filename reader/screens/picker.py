"""E on a place or a quote: the choices for its attributes (the gazetteer's places, the
article's speakers). j/k and enter pick, 0 is none of these, / searches, t edits the
attributes as text, esc cancels."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from annotations.choices import Choice

AS_TEXT = "as text"  # the answer when t asks for the attributes as text


@dataclass(frozen=True)
class Picked:
    attrs: dict[str, Any]


class PickerScreen(ModalScreen[Picked | str | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("j", "down", "Down", show=False),
        Binding("k", "up", "Up", show=False),
        Binding("0", "none", "None of these"),
        Binding("slash", "search", "Search"),
        Binding("t", "as_text", "Edit as text"),
    ]

    def __init__(
        self,
        question: str,
        choices: list[Choice],
        none: str,
        search: Callable[[str], list[Choice]] | None = None,
    ) -> None:
        super().__init__()
        self.question = question
        self.choices = choices
        self.none = none
        self.search = search

    def compose(self) -> ComposeResult:
        keys = "j/k enter pick · 0 " + self.none + (" · / search" if self.search else "") + " · t as text · esc cancel"
        with Vertical(id="picker-box"):
            yield Label(self.question, markup=False)
            yield Label(keys, id="picker-keys", markup=False)
            yield Input(placeholder="type a name", id="picker-search", classes="hidden")
            yield OptionList(*self._options(self.choices), id="picker-choices")

    @staticmethod
    def _options(choices: list[Choice]) -> list[Option]:
        return [Option(Text(choice.shown)) for choice in choices] or [Option(Text("(none found)"), disabled=True)]

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_index < len(self.choices):
            self.dismiss(Picked(self.choices[event.option_index].attrs))

    def on_input_changed(self, event: Input.Changed) -> None:
        if self.search is None or len(event.value.strip()) < 2:
            return  # one letter matches thousands of places
        self.choices = self.search(event.value)
        listed = self.query_one(OptionList)
        listed.clear_options()
        listed.add_options(self._options(self.choices))
        listed.highlighted = 0 if self.choices else None

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(OptionList).focus()

    def action_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def action_none(self) -> None:
        self.dismiss(Picked({}))

    def action_search(self) -> None:
        if self.search is not None:
            box = self.query_one(Input)
            box.remove_class("hidden")
            box.focus()

    def action_as_text(self) -> None:
        self.dismiss(AS_TEXT)

    def action_cancel(self) -> None:
        self.dismiss(None)
