"""E on a place or a quote: the choices for its attributes (the gazetteer's places, the
article's speakers). j/k and enter pick, 0 is none of these, / (or any other letter)
searches (the arrows move, enter picks), t edits the attributes as text, esc cancels."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

if TYPE_CHECKING:
    from annotations.suggest.attribute_choices import Choice  # not at start: the finders compile large patterns

AS_TEXT = "as text"  # the answer when t asks for the attributes as text


@dataclass(frozen=True)
class Picked:
    attrs: dict[str, Any]


class PickerScreen(ModalScreen[Picked | str | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("j,down", "down", "Down", show=False),
        Binding("k,up", "up", "Up", show=False),
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
        self._typing = False  # a search is being typed (from / or a letter)

    def compose(self) -> ComposeResult:
        searching = " · / search (↑↓ enter)" if self.search else ""
        keys = f"j/k enter pick · 0 {self.none}{searching} · t as text · esc cancel"
        with Vertical(id="picker-box"):
            yield Label(self.question, markup=False)
            yield Label(keys, id="picker-keys", markup=False)
            # Shown from the start when there is a search: a widget shown and focused in
            # one go is not yet focusable, and keys typed right after / would be lost.
            yield Input(
                placeholder="/ then a name",
                id="picker-search",
                classes="" if self.search else "hidden",
                select_on_focus=False,  # a letter typed in the list is already in it
            )
            yield OptionList(*self._options(self.choices), id="picker-choices")

    @staticmethod
    def _options(choices: list[Choice]) -> list[Option]:
        return [Option(Text(choice.shown)) for choice in choices] or [Option(Text("(none found)"), disabled=True)]

    def on_key(self, event: events.Key) -> None:
        """A letter the list has no use for starts a search with it; so do the letters
        typed in one burst after /, which reach the list before the search box has
        the focus."""
        box = self.query_one(Input)
        if self.search is None or self.focused is box or not event.character or not event.character.isprintable():
            return
        if event.character in "jk0t/" and not self._typing:
            return  # the list's own keys, but after / every letter is the search's
        event.stop()
        event.prevent_default()
        if not self._typing:
            box.value = ""  # a letter typed in the list starts a new search
        box.insert_text_at_cursor(event.character)
        self._typing = True
        box.focus()

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
        """enter in the search picks the highlighted place (the first, unless moved with
        the arrows): one key, so that a second enter typed fast cannot land elsewhere."""
        event.stop()
        listed = self.query_one(OptionList)
        if self.choices:
            self.dismiss(Picked(self.choices[listed.highlighted or 0].attrs))

    def action_down(self) -> None:
        self.query_one(OptionList).action_cursor_down()

    def action_up(self) -> None:
        self.query_one(OptionList).action_cursor_up()

    def action_none(self) -> None:
        self.dismiss(Picked({}))

    def action_search(self) -> None:
        if self.search is not None:
            self._typing = True
            self.query_one(Input).focus()

    def action_as_text(self) -> None:
        self.dismiss(AS_TEXT)

    def action_cancel(self) -> None:
        self.dismiss(None)
