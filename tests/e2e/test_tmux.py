"""The installed `reader` in a real terminal (tmux): search, select, tag, quit, check the DB."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

READER = Path(sys.executable).with_name("reader")


def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=True).stdout


def wait_for(session: str, predicate, what: str, limit: float = 20.0) -> str:
    """Poll the pane until predicate(screen) holds; fail with the screen if it never does."""
    deadline = time.monotonic() + limit
    screen = ""
    while time.monotonic() < deadline:
        screen = tmux("capture-pane", "-p", "-t", session)
        if predicate(screen):
            return screen
        time.sleep(0.1)
    raise AssertionError(f"waited for {what}; the screen was:\n{screen}")


@pytest.fixture
def session(tmp_path):
    if shutil.which("tmux") is None:
        pytest.fail("tmux is needed for the end-to-end tests (.ci/run installs it)")
    name = f"reader-e2e-{uuid.uuid4().hex[:8]}"
    yield name
    subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)


def test_search_select_tag_quit_and_find_it_in_the_database(session, tmp_path):
    db = tmp_path / "db.json"
    done = tmp_path / "exit-code"
    command = f"{READER} --db {db}; echo $? > {done}"
    tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", command)
    wait_for(session, lambda s: "ERBIL, Kurdistan" in s, "the article list")
    tmux("send-keys", "-t", session, "Enter")
    wait_for(session, lambda s: "Baghdad" in s, "the article text")
    tmux("send-keys", "-t", session, "/")
    wait_for(session, lambda s: "search (enter finds" in s, "the search bar")
    tmux("send-keys", "-t", session, "-l", "Baghdad")
    tmux("send-keys", "-t", session, "Enter")
    wait_for(session, lambda s: " 527" in s, "the cursor on the match")
    tmux("send-keys", "-t", session, "v", "l", "l", "l", "l", "l", "l")
    wait_for(session, lambda s: "selected 527–534" in s, "the selection")
    tmux("send-keys", "-t", session, "3")
    wait_for(session, lambda s: "tagged place “Baghdad” 527–534" in s, "the tag")
    tmux("send-keys", "-t", session, "q")
    deadline = time.monotonic() + 20
    while not done.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert done.read_text().strip() == "0"
    records = list(json.loads(db.read_text(encoding="utf-8"))["annotations"].values())
    assert [(r["label"], r["start"], r["end"], r["text"], r["article"]) for r in records] == [
        ("place", 527, 534, "Baghdad", "000_9a3c69b587ca93c2.txt")
    ]


def test_hostile_article_cannot_touch_the_terminal(session, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "hostile.txt").write_bytes(
        b"Headline with [b]markup[/b] and [@click=app.quit]click[/]\n"
        b"Title change \x1b]0;pwned-title\x07 and clipboard \x1b]52;c;ZXZpbA==\x07 and \x1b[2J clear.\n"
    )
    command = f"{READER} {folder / 'hostile.txt'} --db {tmp_path / 'db.json'}"
    tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", command)
    before = tmux("display-message", "-p", "-t", session, "#{pane_title}").strip()
    screen = wait_for(session, lambda s: "Title change" in s, "the hostile article")
    assert "[@click=app.quit]click[/]" in screen
    assert "␛]0;pwned-title␇" in screen
    assert tmux("display-message", "-p", "-t", session, "#{pane_title}").strip() == before
    assert "pwned" not in before
    tmux("send-keys", "-t", session, "q")
