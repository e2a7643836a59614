"""Debian's Chromium driven by Playwright (never `playwright install`: .ci/run installs
Chromium with apt), and a tab whose screen is read from the WebSocket frames it receives."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from .served import plain

FLAGS = [
    "--no-sandbox",  # as root
    "--disable-gpu",
    "--disable-background-networking",  # this machine's network refuses Google's hosts
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium() -> str:
    for candidate in ("/usr/lib/chromium/chromium", "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    if os.environ.get("CI"):  # a green CI must not hide a browser that is missing
        pytest.fail("no Chromium: .ci/run installs it with apt")
    pytest.skip("no Chromium (apt-get install chromium; .ci/run does)")


class Screen:
    """What a tab's terminal was sent, read as text."""

    def __init__(self, page) -> None:
        self.page = page
        self.received: list[str] = []
        self.websockets: list = []
        page.on("websocket", self._opened)

    def _opened(self, websocket) -> None:
        self.websockets.append(websocket)
        websocket.on("framereceived", self._frame)

    def _frame(self, payload: str | bytes) -> None:
        self.received.append(payload if isinstance(payload, str) else payload.decode("utf-8", "replace"))

    def text(self) -> str:
        return plain("".join(self.received))

    def wait_for(self, text: str, limit: float = 20.0) -> float:
        """Seconds until text was on the screen."""
        start = time.monotonic()
        while text not in self.text():
            if time.monotonic() - start > limit:
                raise AssertionError(f"waited {limit:.0f} s for {text!r} in the browser")
            self.page.wait_for_timeout(10)
        return time.monotonic() - start

    def press(self, *keys: str) -> None:
        for key in keys:
            self.page.keyboard.press(key)

    def tag_first_baghdad(self) -> None:
        """Open the first seed, search "Baghdad" with /, select it and tag it a place (docs/keys.md)."""
        self.page.focus(".xterm-helper-textarea")  # the terminal, as a click on it would
        self.press("Enter")
        self.wait_for("Baghdad")
        self.press("/")
        self.wait_for("search (enter finds")
        self.page.keyboard.type("Baghdad")
        self.press("Enter")
        self.wait_for(" 527")
        self.press(*"vllllll")
        self.wait_for("selected 527–534")
        self.press("3")
        self.wait_for("tagged place “Baghdad” 527–534")
