"""The installed `reader` in a real terminal (tmux): search, select, tag, quit, check the DB."""

from __future__ import annotations

import json
import os
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotations.store import SCHEMA
from reader.config import seeds_dir
from tests.conftest import SEED
from tests.tmux import Pane, is_running

pytestmark = pytest.mark.e2e

READER = Path(sys.executable).with_name("reader")


def q(path: Path | str) -> str:
    """A path as one shell word (the checkout may live under a path with spaces)."""
    return shlex.quote(str(path))


def on_baghdad(pane: Pane) -> None:
    """Open the first seed and search its first "Baghdad": the cursor on it, at 527."""
    pane.wait_for(lambda s: "ERBIL, Kurdistan" in s, "the article list")
    pane.keys("Enter")
    pane.wait_for(lambda s: "Baghdad" in s, "the article text")
    pane.keys("/")
    pane.wait_for(lambda s: "search (enter finds" in s, "the search bar")
    pane.keys("Baghdad", literal=True)
    pane.keys("Enter")
    pane.wait_for(lambda s: " 527" in s, "the cursor on the match")


def test_search_select_tag_quit_and_find_it_in_the_database(start, tmp_path):
    db = tmp_path / "db.json"
    done = tmp_path / "exit-code"
    pane = start(f"{q(READER)} --db {q(db)}; echo $? > {q(done)}")
    on_baghdad(pane)
    pane.keys("v", "l", "l", "l", "l", "l", "l")
    pane.wait_for(lambda s: "selected 527–534" in s, "the selection")
    pane.keys("3")
    pane.wait_for(lambda s: "tagged place “Baghdad” 527–534" in s, "the tag")
    pane.keys("q")
    deadline = time.monotonic() + 20
    while not done.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert done.read_text().strip() == "0"
    records = list(json.loads(db.read_text(encoding="utf-8"))["annotations"].values())
    assert [(r["label"], r["start"], r["end"], r["text"], r["article"]) for r in records] == [
        ("place", 527, 534, "Baghdad", "000_9a3c69b587ca93c2.txt")
    ]


def test_hostile_article_cannot_touch_the_terminal(start, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "hostile.txt").write_bytes(
        b"Headline with [b]markup[/b] and [@click=app.quit]click[/]\n"
        b"Title change \x1b]0;pwned-title\x07 and clipboard \x1b]52;c;ZXZpbA==\x07 and \x1b[2J clear.\n"
    )
    pane = start(f"{q(READER)} {q(folder / 'hostile.txt')} --db {q(tmp_path / 'db.json')}")
    before = pane.title()
    screen = pane.wait_for(lambda s: "Title change" in s, "the hostile article")
    assert "[@click=app.quit]click[/]" in screen
    assert "␛]0;pwned-title␇" in screen
    assert pane.title() == before
    assert "pwned" not in before
    pane.keys("q")


def test_database_from_a_newer_reader_ends_with_one_line(start, tmp_path):
    db = tmp_path / "db.json"
    content = '{"meta": {"1": {"schema": 99}}, "annotations": {}}'
    db.write_text(content)
    pane = start(f"{q(READER)} --db {q(db)}; echo EXIT=$?; sleep 30")
    screen = pane.wait_for(lambda s: "EXIT=" in s, "the app to end")
    lines = [line for line in screen.splitlines() if line]
    assert lines[-2:] == [
        f"reader: {db} was written by a newer reader (schema 99, this one reads {SCHEMA}); upgrade reader",
        "EXIT=1",
    ], screen
    assert "Traceback" not in screen
    assert db.read_text() == content


def test_an_unexpected_error_exits_3_with_one_line_naming_the_traceback(start, tmp_path):
    broken = (
        "import reader.app as app; "
        "app.ReaderApp.action_help = lambda self: 1 / 0; "
        "from reader.cli import main; raise SystemExit(main())"
    )
    env = f"XDG_STATE_HOME={q(tmp_path / 'state')} READER_DB={q(tmp_path / 'db.json')}"
    pane = start(f"env {env} {q(sys.executable)} -c {q(broken)}; echo EXIT=$?; sleep 30")
    pane.wait_for(lambda s: "ERBIL, Kurdistan" in s, "the article list")
    pane.keys("?")
    screen = pane.wait_for(lambda s: "EXIT=" in s, "the app to end")
    lines = [line for line in screen.splitlines() if line.strip()]
    assert lines[-1] == "EXIT=3"
    assert lines[-2].startswith(
        "reader: unexpected error (ZeroDivisionError: division by zero); the full traceback is in "
    )
    report = Path(lines[-2].rsplit(" is in ", 1)[1])
    assert "Traceback" not in screen and "ZeroDivisionError" in report.read_text()


def tag_erbil(pane: Pane) -> None:
    """From the article list: open the first seed and tag its first word a place."""
    pane.wait_for(lambda s: "ERBIL, Kurdistan" in s, "the article list")
    pane.keys("Enter")
    pane.wait_for(lambda s: "Baghdad" in s, "the article text")
    pane.keys("v", "e", "3")
    pane.wait_for(lambda s: "tagged place" in s, "the tag")


def saved_tags(db: Path) -> list[tuple[str, str]]:
    """(label, text) of every tag in the database file (the journal folded in on quit)."""
    records = json.loads(db.read_text(encoding="utf-8"))["annotations"].values()
    return [(r["label"], r["text"]) for r in records]


@pytest.mark.parametrize("signal_name", ["TERM", "HUP"])
def test_told_to_stop_it_ends_within_a_second_with_everything_saved(start, tmp_path, signal_name):
    db = tmp_path / "db.json"
    pane = start(f"{q(READER)} --db {q(db)}; echo EXIT=$?; sleep 30")
    tag_erbil(pane)
    shell = pane.tmux("display-message", "-p", "-t", "main", "#{pane_pid}").strip()
    child = subprocess.run(["pgrep", "-P", shell], capture_output=True, text=True).stdout.split()[0]
    os.kill(int(child), getattr(signal, f"SIG{signal_name}"))
    # It ends, saved (a generous bound: how soon is for a benchmark, not an assertion).
    pane.wait_for(lambda s: "EXIT=" in s, "the app to end", limit=10)
    assert saved_tags(db) == [("place", "ERBIL")]


def test_when_its_terminal_goes_away_while_it_draws_it_ends(tmp_path):
    """The tmux server killed under it just as its first screen is up (a closed ssh
    session or terminal window). Before, Textual's output thread died on the first failed
    write, the next writes filled its queue and blocked the app for ever: the process
    lived on, holding the database's lock."""
    from annotations.store import AnnotationStore

    db = tmp_path / "db.json"
    pane = Pane(f"{q(READER)} {q(seeds_dir() / SEED)} --db {q(db)}")
    shell = pane.tmux("display-message", "-p", "-t", "main", "#{pane_pid}").strip()
    pane.wait_for(lambda s: "Caggins" in s, "the article", interval=0.005)
    child = subprocess.run(["pgrep", "-P", shell], capture_output=True, text=True).stdout.split()
    pane.close(wait=0)  # at once: the app is still drawing its first screens
    pids = child or [shell]  # the shell may have exec'd it
    assert any(is_running(pid) for pid in pids)
    deadline = time.monotonic() + 10  # a generous bound: how soon is not asserted
    while any(is_running(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(is_running(pid) for pid in pids), "reader outlived its terminal"
    with AnnotationStore(db, lock_timeout=1):  # its lock is free
        pass


def test_an_exit_that_hangs_still_ends_the_process_with_everything_saved(start, tmp_path):
    """Told to exit, the app ends within EXIT_DEADLINE even if Textual never finishes
    (seen under textual-serve: a tab closed as the app started kept it laying out its
    screen at full CPU for ever). Here the hang is made: an action that asks to exit
    and then blocks the event loop (for 60 s: the process must end long before)."""
    hanging = "import time, reader.app as app; app.ReaderApp.action_help = lambda self: (self.exit(), time.sleep(60))"
    ends_with_the_tag_saved(start, tmp_path, hanging, "?")


def test_a_place_tagged_by_hand_gets_its_geonames_id_and_E_searches_another_typed_in_one_burst(start, tmp_path):
    db = tmp_path / "db.json"
    done = tmp_path / "exit-code"
    pane = start(f"{q(READER)} --db {q(db)}; echo $? > {q(done)}")
    on_baghdad(pane)
    pane.keys("v", "e", "3")
    pane.wait_for(lambda s: "tagged place “Baghdad” 527–534 · GeoNames 98182 · Iraq" in s, "the tag with its id")
    pane.keys("E")
    pane.wait_for(lambda s: "Which place is" in s, "the place picker")
    pane.keys("/mosul", literal=True)  # as fast as a paste: / must not lose what follows it
    pane.wait_for(lambda s: "Mosul · city · Iraq" in s, "the search's places")
    pane.keys("Enter")
    pane.wait_for(lambda s: "gave attributes to place “Baghdad”" in s, "the place changed")
    pane.keys("q")
    deadline = time.monotonic() + 20
    while not done.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    [record] = json.loads(db.read_text(encoding="utf-8"))["annotations"].values()
    assert (record["text"], record["attrs"]["geonameid"], record["attrs"]["name"]) == ("Baghdad", 99072, "Mosul")


def test_a_thread_that_cannot_end_does_not_keep_the_process_alive(start, tmp_path):
    """Textual's input thread, reading a terminal that went away, spins for ever and the
    interpreter waits for it at exit (a reader was found 85 minutes after its tmux server
    was killed). Here such a thread is made: started by the app, never ending (for 600 s)."""
    lingering = (
        "import threading, time, reader.app as app; "
        "mount = app.ReaderApp.on_mount; "
        "app.ReaderApp.on_mount = lambda self: (threading.Thread(target=lambda: time.sleep(600)).start(), mount(self))"
    )
    ends_with_the_tag_saved(start, tmp_path, lingering, "q")


def ends_with_the_tag_saved(start, tmp_path, patch: str, key: str) -> None:
    """reader with patch run first: ERBIL tagged, then key; the process ends within 10 s,
    exit code 0, the tag on disk."""
    code = f"{patch}; from reader.cli import main; raise SystemExit(main())"
    db = tmp_path / "db.json"
    pane = start(f"{q(sys.executable)} -c {q(code)} --db {q(db)}; echo EXIT=$?; sleep 30")
    tag_erbil(pane)
    pane.keys(key)
    pane.wait_for(lambda s: "EXIT=0" in s, "the process to end", limit=10)
    assert saved_tags(db) == [("place", "ERBIL")]


def test_one_long_file_read_to_its_end_reopens_there_on_screen(start, tmp_path):
    article = tmp_path / "big.txt"
    article.write_text(
        "\n\n".join(f"Paragraph {n} of a long report from Mosul." for n in range(2000)), encoding="utf-8"
    )
    db = tmp_path / "db.json"
    command = f"{q(READER)} {q(article)} --db {q(db)}; echo EXIT=$?; sleep 30"
    pane = start(command)
    pane.wait_for(lambda s: "Paragraph 0 " in s, "the article")
    pane.keys("G")
    before = pane.wait_for(lambda s: "Paragraph 1999 " in s, "its end")
    pane.keys("q")
    pane.wait_for(lambda s: "EXIT=0" in s, "the app to end")
    pane.close()
    again = start(command)
    after = again.wait_for(lambda s: "Paragraph 1999 " in s, "the same place")

    def text_pane(screen: str) -> list[str]:  # (the list beside it gains a column once suggestions are in)
        return [row.split("││", 1)[1] for row in screen.splitlines() if "││" in row]

    assert text_pane(after) == text_pane(before)
