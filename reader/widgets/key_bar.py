"""The footer: the keys of the focused pane on one line, from the same binding data.

Textual's Footer is a widget per key (fourteen here); each costs layout and messages
on every keystroke. This draws the same hints as one line of text.
"""

from __future__ import annotations

from rich.text import Text
from textual.screen import Screen
from textual.widgets import Static


class KeyBar(Static):
    _shown: Text | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.show_keys)
        self.call_after_refresh(self.show_keys, self.screen)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def show_keys(self, screen: Screen) -> None:
        line = Text(no_wrap=True, overflow="ellipsis")
        seen = set()
        # The label keys first: in a narrow terminal they are the ones a person needs.
        actives = sorted(screen.active_bindings.values(), key=lambda a: not (a.binding.id or "").startswith("tag-"))
        for active in actives:
            binding = active.binding
            if not binding.show or binding.description in seen:
                continue
            seen.add(binding.description)
            line.append(f" {self.app.get_key_display(binding)} ", style="bold reverse")
            line.append(f" {binding.description}  ")
        # Bindings are "updated" after every key, mostly to the same line: drawn again
        # only when it changes.
        if line != self._shown:
            self._shown = line
            self.update(line, layout=False)
