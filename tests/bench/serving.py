"""`reader serve` in Chromium (issue 26): the first screen in the browser against the same
reader's first screen in a terminal, and a keystroke to the changed screen reaching the
browser against a WebSocket round trip with no app in it (textual-serve's ping)."""

from __future__ import annotations

import importlib.util
import statistics
import time
from pathlib import Path

from reader.config import seeds_dir
from tests.serve.browser import FLAGS, Screen, chromium
from tests.serve.served import Served

from .measure import READER, first_screen

# In the page before its script: the time of every key and of every frame received, and the socket.
WATCH = """
window.keysAt = []; window.framesAt = []; window.pongsAt = [];
addEventListener("keydown", () => keysAt.push(performance.now()), true);
const Native = window.WebSocket;
window.WebSocket = class extends Native {
    constructor(...args) {
        super(...args);
        window.socket = this;
        this.addEventListener("message", event =>
            (typeof event.data === "string" ? pongsAt : framesAt).push(performance.now()));
    }
};
"""
AFTER_KEY = "n => framesAt.some(t => t > keysAt[n])"
FRAME_AFTER = "n => framesAt.find(t => t > keysAt[n]) - keysAt[n]"
PING = "() => { const n = pongsAt.length; const t = performance.now(); socket.send(JSON.stringify(['ping', 'x']));"
PING += " return new Promise(done => { const wait = () => pongsAt.length > n ? done(pongsAt[n] - t) : setTimeout(wait, 0); wait(); }); }"


def available() -> bool:
    return all(importlib.util.find_spec(name) for name in ("textual_serve", "playwright")) and _has_chromium()


def _has_chromium() -> bool:
    try:
        chromium()
    except BaseException:  # pytest's skip or fail: no browser here
        return False
    return True


def serve_figures(sizes: dict, work: Path, rows: list) -> None:
    from playwright.sync_api import sync_playwright

    from .run import Row

    if not available():
        return
    starts, keys = sizes["starts"], sizes["keys"]
    in_terminal = [READER, "--db", str(work / "serve-terminal.json"), str(seeds_dir())]
    terminal = [first_screen(in_terminal, "ERBIL")]
    server = Served("--db", str(work / "serve.json"), "--max-sessions", "1", str(seeds_dir()))
    firsts: list[float] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium(), args=FLAGS)
            for turn in range(starts):
                page = browser.new_page(viewport={"width": 1200, "height": 800})
                page.add_init_script(WATCH)
                screen = Screen(page)
                started = time.perf_counter()
                page.goto(server.url)
                screen.wait_for("ERBIL, Kurdistan")
                firsts.append(time.perf_counter() - started)
                if turn < starts - 1:
                    page.close()
                    _wait_for_no_reader(server)
                    terminal.append(first_screen(in_terminal, "ERBIL"))  # in turns with the browser's
            page.focus(".xterm-helper-textarea")
            screen.press("Enter")
            screen.wait_for("Baghdad")
            delays, pings = [], []
            for number in range(keys):
                page.wait_for_timeout(30)  # the last screen settled
                page.keyboard.press("l" if number % 2 == 0 else "h")
                page.wait_for_function(AFTER_KEY, arg=number)
                delays.append(page.evaluate(FRAME_AFTER, number))
                pings.append(page.evaluate(PING))
            browser.close()
    finally:
        server.stop()
    rows.append(
        Row(
            "serve: first screen in Chromium (page, script, WebSocket, reader)",
            statistics.median(firsts),
            "s",
            statistics.median(terminal),
            "same reader in a terminal",
            "≤ 3 s",
            statistics.median(firsts) <= 3,
        )
    )
    median = statistics.median(delays)
    rows.append(
        Row(
            "serve: keystroke to changed screen in Chromium, median",
            median,
            "ms",
            statistics.median(pings),
            "WebSocket ping, no app",
            "≤ 50 ms",
            median <= 50,
        )
    )


def _wait_for_no_reader(server: Served) -> None:
    deadline = time.monotonic() + 10
    while server.readers() and time.monotonic() < deadline:
        time.sleep(0.05)
