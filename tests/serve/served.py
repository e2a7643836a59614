"""`reader serve` started as a user starts it, and its readers found in /proc."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

READER = Path(sys.executable).with_name("reader")
# Textual's output with its escape sequences taken out, so a message can be searched for.
ESCAPES = re.compile(r"\x1b\[[0-9;?<>=$ ]*[A-Za-z@`~]|\x1b[()][0-9A-Za-z]|\x1b[=>78]|\x1b\][^\x07]*\x07")


def plain(output: str) -> str:
    return ESCAPES.sub("", output)


class Served:
    """`reader serve ARGS --port 0`, its URLs read from what it printed."""

    def __init__(self, *args: str) -> None:
        self.process = subprocess.Popen(
            [str(READER), "serve", *args, "--port", "0"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        assert self.process.stdout is not None and self.process.stderr is not None
        self.urls: dict[str | None, str] = {}
        expected = len(args[args.index("--users") + 1].split(",")) if "--users" in args else 1
        user = None
        while len(self.urls) < expected:
            line = self.process.stdout.readline()
            if not line:
                raise AssertionError(f"reader serve printed no URL: {self.process.stderr.read()}")
            if line.endswith(":\n"):
                user = line[:-2]
            else:
                self.urls[user] = line.strip()

    @property
    def url(self) -> str:
        return next(iter(self.urls.values()))

    @property
    def origin(self) -> str:
        return "/".join(self.url.split("/")[:3])

    def readers(self) -> list[int]:
        """Every process the server started, and theirs."""
        return descendants(self.process.pid)

    def stop(self) -> tuple[int, str]:
        """SIGTERM, as a service manager stops it; its exit code and stderr."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        _, err = self.process.communicate(timeout=20)
        return self.process.returncode, err


def descendants(pid: int) -> list[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                stat = (entry / "stat").read_text()
                parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, todo = [], [pid]
    while todo:
        parent = todo.pop()
        children = [child for child, of in parents.items() if of == parent]
        found += children
        todo += children
    return found


def wait_until(condition, what: str, limit: float = 15.0) -> float:
    """Seconds until condition() held; fails naming what was awaited."""
    start = time.monotonic()
    while not condition():
        if time.monotonic() - start > limit:
            raise AssertionError(f"waited {limit:.0f} s for {what}")
        time.sleep(0.05)
    return time.monotonic() - start


def pid_gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z"
