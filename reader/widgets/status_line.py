"""The status line: what was just done (and whether it is on disk yet) on the left, the
cursor's place and the tag under it on the right; every message is kept in a log.

Everything shown passes display_line: file names, notes and titles come from outside,
and no byte of them may reach the terminal as an escape sequence.
"""

from __future__ import annotations

from datetime import datetime

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from annotations.text import display_line

LOG_LIMIT = 500  # messages kept for the log screen


class StatusLine(Horizontal):
    """One line; a message too long for it wraps onto more (up to three) rather than being cut."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.message = ""
        self.not_saved = ""
        self.log_lines: list[str] = []
        self._lines = 1

    def compose(self) -> ComposeResult:
        yield Static("", id="message", markup=False)
        yield Static("", id="position", markup=False)

    def say(self, message: str, saving: bool = False, saved: bool = False, not_saved: str = "") -> None:
        """Show message, with whether the change it reports is on disk yet; not_saved,
        what keeps changes off the disk, outranks both until it is cleared."""
        state = (
            f" · NOT saved — {not_saved}; retrying"
            if not_saved
            else " · saving…"
            if saving
            else " · saved"
            if saved
            else ""
        )
        if message != self.message or not (saving or saved) or (not_saved and not_saved != self.not_saved):
            self.log_lines.append(
                f"{datetime.now():%H:%M:%S}  {display_line(message + state if not_saved else message)}"
            )
            del self.log_lines[:-LOG_LIMIT]
        self.message = message
        self.not_saved = not_saved
        shown = display_line(message + state)
        label = self.query_one("#message", Static)
        # A new layout of the screen costs more than the rest of a keystroke: only when
        # the message needs another number of lines than the one before.
        lines = -(-cell_len(shown) // max(1, label.content_region.width))
        label.update(Text(shown, overflow="fold"), layout=lines != self._lines)
        self._lines = lines

    def show_position(self, place: str) -> None:
        self.query_one("#position", Static).update(
            Text(display_line(place), no_wrap=True, overflow="ellipsis"), layout=False
        )
