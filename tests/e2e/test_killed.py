"""kill -9 gives no quit to save anything at: what was open, and where, is saved as the
person goes (on opening an article, and once the cursor rests), and found again."""

from __future__ import annotations

import os
import signal
import subprocess

import pytest

from annotations.store import read_current
from tests.conftest import SEED2
from tests.e2e.test_full_disk import status_row
from tests.e2e.test_tmux import READER, q
from tests.tmux import Pane

pytestmark = pytest.mark.e2e

MOSUL = 1539  # its one "Mosul", in the second seed


def text_pane(screen: str) -> list[str]:
    """The text pane's rows (the list beside it gains a column once suggestions are in)."""
    return [row.split("││", 1)[1] for row in screen.splitlines() if "││" in row]


def kill_9(pane: Pane) -> None:
    shell = pane.tmux("display-message", "-p", "-t", "main", "#{pane_pid}").strip()
    child = subprocess.run(["pgrep", "-P", shell], capture_output=True, text=True).stdout.split()[0]
    os.kill(int(child), signal.SIGKILL)
    pane.wait_for(lambda s: "EXIT=137" in s, "the app killed")


def test_after_a_kill_9_the_article_and_cursor_left_are_open_again(start, tmp_path):
    db = tmp_path / "db.json"
    command = f"{q(READER)} --db {q(db)}; echo EXIT=$?; sleep 30"
    pane = start(command)
    pane.wait_for(lambda s: "ERBIL, Kurdistan" in s, "the article list")
    pane.keys("Enter")  # the first seed: opened, then left for the second
    pane.wait_for(lambda s: "Baghdad" in s, "the first article")
    pane.keys("Tab")
    pane.keys("Down", "Enter")
    pane.wait_for(lambda s: "US-led coalition" in "".join(text_pane(s)) or "Kirkuk" in s, "the second article")
    pane.keys("/")
    pane.wait_for(lambda s: "search (enter finds" in s, "the search bar")
    pane.keys("Mosul", literal=True)
    pane.keys("Enter")
    before = pane.wait_for(lambda s: f" {MOSUL}" in status_row(s), "the cursor on Mosul")

    pane.wait_for(
        lambda s: any(
            r["article"] == SEED2 and r["position"] == MOSUL for r in read_current(db).get("reading", {}).values()
        ),
        "where the cursor rested, saved",
    )
    kill_9(pane)
    pane.close()
    again = start(command)
    after = again.wait_for(
        lambda s: f" {MOSUL}" in status_row(s) and "Mosul" in "".join(text_pane(s)), "the same place"
    )
    cursor_line = "Mosul,” he added, citing the success of Iraqi and Kurdish security"
    for screen in (before, after):
        assert screen.splitlines()[0].endswith(
            "US-led coalition will still partner with Iraqi, Kurdish security forces"
        )
        assert f" {MOSUL}" in status_row(screen)  # the cursor's offset (a suggestion under it may follow)
        assert any(row.startswith(cursor_line) for row in text_pane(screen))  # and its line, on screen
