"""How the app ends: on q, on a signal, when its terminal goes away, or on a bug; always
within a second of being told, with every tag saved, and a bug never as a bare traceback.
"""

from __future__ import annotations

import asyncio
import io
import os
import signal
import sys
import threading
import time
from typing import Any

from rich.console import Console
from textual.driver import Driver
from textual.messages import ExitApp

from ..textual_compat import surviving_lost_terminal
from .type_ahead import KeysFollowFocus


class EndsWhenTold(KeysFollowFocus):
    """Mixed into the app. The command line sets exit_deadline, sets ended once run()
    returned, and reads crash_report; the app calls stop_on_signals() once mounted and
    says in save_everything() how to save before a forced end."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Textual prints an unexpected error's traceback here when the app ends; the
        # command line writes it to a file and says one line (see cli.py).
        self.crash_report = io.StringIO()
        self.error_console = Console(file=self.crash_report, width=120, color_system=None)
        self.exit_deadline: float | None = None  # seconds an exit may take (see _arm_watchdog)
        self.ended = threading.Event()
        self.closed = threading.Event()  # set by the command line once the store is saved and closed
        self._watchdog: threading.Thread | None = None

    def get_driver_class(self) -> type[Driver]:
        return surviving_lost_terminal(super().get_driver_class())

    def stop_on_signals(self) -> None:
        """Told to stop (kill, the terminal closing): quit as q does."""
        loop = asyncio.get_running_loop()
        for number in (signal.SIGTERM, signal.SIGHUP):
            loop.add_signal_handler(number, self.exit)

    def exit(self, *args: Any, **kwargs: Any) -> None:
        self._arm_watchdog()
        super().exit(*args, **kwargs)

    def on_exit_app(self, message: ExitApp) -> None:
        self._arm_watchdog()  # textual-serve's quit comes this way, not through exit()

    def _arm_watchdog(self) -> None:
        """Every way out (q, a signal, textual-serve's quit) comes here. Run from the
        command line (exit_deadline set), a watchdog then saves the tags and ends the
        process if the app has not ended by the deadline: Textual 8.2 can go on laying out
        for ever the screen of an app whose browser tab closed as it started."""
        if self.exit_deadline is not None and self._watchdog is None:
            self._watchdog = threading.Thread(target=self._end_anyway, args=(self.exit_deadline,), daemon=True)
            self._watchdog.start()

    def _end_anyway(self, deadline: float) -> None:
        if not self.ended.wait(deadline):
            try:
                self.save_everything()
                self._say_last_words()
            finally:
                os._exit(self.return_code or 0)
        # The app ended and, once the store is closed, the process ends within moments; a
        # thread that cannot end would keep it alive for ever, at full CPU: Textual's input
        # thread reading a terminal that went away (seen: a reader 85 minutes after its
        # tmux server was killed). Everything is saved by then.
        self.closed.wait()
        time.sleep(deadline)
        os._exit(self.return_code or 0)

    def last_words(self) -> str:
        """What the command line says once run() returns (an error that ended the app):
        said by the watchdog too when it ends the process first, as on a busy machine."""
        return ""

    def _say_last_words(self) -> None:
        words = self.last_words()
        if words and sys.__stderr__ is not None:
            terminal = sys.__stderr__.isatty()
            if terminal:  # out of the app's screen, the cursor shown; \r: the terminal may still be raw
                sys.__stderr__.write("\x1b[?1049l\x1b[?25h")
            sys.__stderr__.write(f"reader: {words}" + ("\r\n" if terminal else "\n"))
            sys.__stderr__.flush()

    def save_everything(self) -> None:
        """Called from the watchdog's thread before a forced end."""
