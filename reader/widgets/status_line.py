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
MAX_LINES = 3  # of the status line (reader.tcss #status max-height)
POSITION = 45  # per cent of the line for the position, unless the message needs it


class StatusLine(Horizontal):
    """One line; a message too long for it wraps onto more (up to three) rather than being cut."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.message = ""
        self.not_saved = ""
        self.log_lines: list[str] = []
        self._lines = 1
        self._narrow = False  # the position made narrow for a long message
        self._shown = ""  # the message with its state, as drawn

    def compose(self) -> ComposeResult:
        yield Static("", id="message", markup=False)
        yield Static("", id="position", markup=False)

    def say(self, message: str, saving: bool = False, saved: bool = False, not_saved: str = "") -> None:
        """Show message, with whether the change it reports is on disk yet; not_saved,
        what keeps changes off the disk, outranks both until it is cleared."""
        state = f" · NOT saved — {not_saved}" if not_saved else " · saving…" if saving else " · saved" if saved else ""
        if message != self.message or not (saving or saved) or (not_saved and not_saved != self.not_saved):
            entry = f"{datetime.now():%H:%M:%S}  {display_line(message + state if not_saved else message)}"
            if self.message and message.startswith(self.message) and self.log_lines:
                self.log_lines[-1] = entry  # the same news said more fully ("accepted …", then "… · next: …")
            else:
                self.log_lines.append(entry)
            del self.log_lines[:-LOG_LIMIT]
        self.message = message
        self.not_saved = not_saved
        self._shown = display_line(message + state)
        self._fit()

    def on_resize(self) -> None:
        self._fit()  # (a notice said before the first layout is fitted once there is room)

    def _fit(self) -> None:
        shown = self._shown
        label = self.query_one("#message", Static)
        # The message first: one too long for its three lines beside the position takes
        # room from it (a read-only notice with a long path lost its last words).
        room = self.size.width * (100 - POSITION) // 100 - 2
        # (a line's worth of slack for words wrapped whole; no room yet: not laid out)
        narrow = room > 0 and cell_len(shown) > (MAX_LINES - 1) * room
        if narrow != self._narrow:
            self._narrow = narrow
            self.query_one("#position", Static).styles.width = f"{POSITION // 3 if narrow else POSITION}%"
        # A new layout of the screen costs more than the rest of a keystroke: only when
        # the message needs another number of lines than the one before.
        lines = -(-cell_len(shown) // max(1, label.content_region.width))
        label.update(Text(shown, overflow="fold"), layout=lines != self._lines or narrow)
        self._lines = lines

    def show_position(self, place: str) -> None:
        position = self.query_one("#position", Static)
        shown = whole_parts(display_line(place), position.content_region.width or len(place))
        position.update(Text(shown, no_wrap=True, overflow="ellipsis"), layout=False)


def whole_parts(text: str, width: int, separator: str = " · ") -> str:
    """text in width cells, its last parts left out whole where it is too long: "533 ·
    figure “5,200” 889–894" rather than "… 889–894 · value" cut in the middle of a number."""
    parts = text.split(separator)
    while len(parts) > 1 and cell_len(separator.join(parts)) > width:
        parts.pop()
    return separator.join(parts)
