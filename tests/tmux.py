"""A program in a real terminal: a tmux pane of its own (private server, fixed size)."""

from __future__ import annotations

import contextlib
import shlex
import subprocess
import time
import uuid
from pathlib import Path


class Pane:
    """One 120x40 pane on a tmux server of its own, so no other tmux user can resize it."""

    def __init__(self, command: list[str] | str, width: int = 120, height: int = 40) -> None:
        self.socket = f"reader-{uuid.uuid4().hex[:10]}"
        line = command if isinstance(command, str) else shlex.join(command)
        # Under pytest the pane's shell was seen with COLUMNS=80 LINES=24, which programs
        # believe over the real pane size; the pane's own size is what we test.
        line = f"unset COLUMNS LINES; {line}"
        self.tmux(
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "main",
            "-x",
            str(width),
            "-y",
            str(height),
            line,
            ";",
            "set-option",
            "-g",
            "window-size",
            "manual",
        )

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=True).stdout

    def screen(self) -> str:
        """The pane's text, lines the terminal wrapped joined back into one (-J)."""
        lines = self.tmux("capture-pane", "-p", "-J", "-t", "main").splitlines()
        return "\n".join(line.rstrip() for line in lines)

    def title(self) -> str:
        return self.tmux("display-message", "-p", "-t", "main", "#{pane_title}").strip()

    def keys(self, *keys: str, literal: bool = False) -> None:
        self.tmux("send-keys", "-t", "main", *(["-l"] if literal else []), *keys)

    def wait_for(self, predicate, what: str, limit: float = 20.0, interval: float = 0.1) -> str:
        """Poll the screen until predicate(screen) holds; fail showing the screen if never."""
        deadline = time.monotonic() + limit
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if predicate(screen):
                return screen
            time.sleep(interval)
        raise AssertionError(f"waited for {what}; the screen was:\n{screen}")

    def processes(self) -> set[int]:
        """The pane's shell and every process under it."""
        found, todo = set(), [int(self.tmux("display-message", "-p", "-t", "main", "#{pane_pid}"))]
        while todo:
            pid = todo.pop()
            found.add(pid)
            with contextlib.suppress(OSError):
                todo += [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        return found

    def close(self, wait: float = 20.0) -> None:
        """End the pane, and wait (seconds; 0: not at all) until its program has ended:
        a program that saves its work on hangup would otherwise still be running while
        the next one is timed."""
        try:
            running = self.processes() if wait else set()
        except (subprocess.CalledProcessError, ValueError):  # the program has ended already
            running = set()
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)
        deadline = time.monotonic() + wait
        while running and time.monotonic() < deadline:
            running = {pid for pid in running if is_running(pid)}
            time.sleep(0.01)


def is_running(pid: int | str) -> bool:
    """Whether a process is still running (an ended one may wait, a zombie, to be reaped)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False
