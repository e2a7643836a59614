"""A progress line on stderr for long commands (export, import, suggest): done of total,
the rate and the time left, redrawn in place at most five times a second, and only when
stderr is a terminal (piped, it says nothing: a log gets no carriage returns)."""

from __future__ import annotations

import sys
import time

from annotations.text import display_line

from ..command_setup import tell


class Progress:
    def __init__(self, doing: str, total: int, unit: str) -> None:
        self.doing, self.total, self.unit = doing, total, unit
        self.shown = sys.stderr.isatty()
        self.began = self._last = time.monotonic()
        self.drawn = False

    def __call__(self, done: int) -> None:
        now = time.monotonic()
        if not self.shown or (now - self._last < 0.2 and done < self.total):
            return
        self._last = now
        rate = done / max(now - self.began, 1e-9)
        left = f" · {(self.total - done) / rate:.0f} s left" if rate and done < self.total else ""
        line = display_line(f"{self.doing} {done:,} of {self.total:,} {self.unit} · {rate:,.0f}/s{left}")
        sys.stderr.write(f"\r{line}\x1b[K")  # back to the line's start, the rest of it cleared
        sys.stderr.flush()
        self.drawn = True

    def end(self) -> None:
        """Leave the line, so that what is said next starts on a line of its own."""
        if self.drawn:
            tell("")
