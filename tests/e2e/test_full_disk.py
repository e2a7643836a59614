"""A real full disk (a 4 MB tmpfs) and a read-only one, under the installed reader in tmux.

Mounting needs root: skipped otherwise (CI runs as root). The fault tests in
tests/core/test_faults.py inject the same errors at every operation without root.
"""

from __future__ import annotations

import errno
import os
import re
import signal
import subprocess
from pathlib import Path

import pytest

from annotations.store import AnnotationStore, read_annotations
from reader.config import seeds_dir
from tests.e2e.test_tmux import READER, q
from tests.tmux import Pane, is_running

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(os.geteuid() != 0, reason="mounting a small tmpfs needs root")]


@pytest.fixture
def small_disk(tmp_path):
    disk = tmp_path / "disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(disk)], capture_output=True).returncode:
        pytest.skip("no tmpfs can be mounted here")
    yield disk
    subprocess.run(["umount", "-l", str(disk)], check=False)


def fill(disk: Path) -> None:
    """Take every byte the disk has left."""
    with open(disk / "filler", "ab", buffering=0) as filler:
        for size in (1 << 16, 1 << 12, 1 << 8, 1):
            try:
                while True:
                    filler.write(b"x" * size)
            except OSError as error:
                assert error.errno == errno.ENOSPC


def status_row(screen: str) -> str:
    """The status line, its rows (between the panes' bottom border and the key bar) joined."""
    rows = screen.splitlines()
    bottom = max((i for i, row in enumerate(rows) if row.startswith("╰")), default=None)
    if bottom is None:
        return ""  # not drawn yet
    return " ".join(row.strip() for row in rows[bottom + 1 : -1] if row.strip())


def said_saved(status: str) -> bool:
    """Whether the status line says "· saved": a long message (a place's GeoNames id and
    country) may put "saved" on the status line's next row, after the position."""
    return re.search(r"(?<!NOT )\bsaved\b", status) is not None


def tag_next_word(pane: Pane) -> str:
    """Tag the word after the cursor a place; the status line once it says whether that is saved."""
    before = status_row(pane.screen())
    pane.keys("w", "v", "e", "3")
    screen = pane.wait_for(
        lambda s: status_row(s) != before and ("NOT saved" in status_row(s) or said_saved(status_row(s))),
        "the tag, saved or not",
    )
    return status_row(screen)


def kill_reader(pane: Pane) -> None:
    """kill -9 the reader (a Python process) in the pane, and wait until it is gone."""
    readers = [
        pid
        for pid in pane.processes()
        if is_running(pid) and b"python" in Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[0]
    ]
    assert readers
    for pid in readers:
        os.kill(pid, signal.SIGKILL)
    pane.wait_for(lambda _: not any(is_running(pid) for pid in readers), "the reader to die")


def test_a_disk_that_fills_while_tagging_loses_nothing_said_saved(start, small_disk):
    db = small_disk / "db.json"
    pane = start(f"{q(READER)} {q(seeds_dir())} --db {q(db)}; echo EXIT=$?; sleep 60")
    pane.wait_for(lambda s: "ERBIL, Kurdistan" in s, "the article list")
    pane.keys("Enter")
    pane.wait_for(lambda s: "Baghdad" in s, "the article text")
    fill(small_disk)
    tags = 0
    while True:  # a journal's last page may still take a line or two
        status = tag_next_word(pane)
        tags += 1
        if "NOT saved" in status:
            break
        assert tags < 12, "the full disk took every tag"
    assert "NOT saved — disk full" in status and "retrying" in status and not said_saved(status)
    for _ in range(2):  # tags go on while the disk is full, and are said not saved
        status = tag_next_word(pane)
        tags += 1
        assert "NOT saved — disk full" in status and not said_saved(status)
    assert len(read_annotations(db)) < tags
    (small_disk / "filler").unlink()  # space again: the saver's next try lands
    pane.wait_for(lambda s: said_saved(status_row(s)) and "NOT saved" not in status_row(s), "saved")
    assert len(read_annotations(db)) == tags
    assert said_saved(tag_next_word(pane))
    tags += 1
    kill_reader(pane)
    with AnnotationStore(
        db, lock_timeout=10
    ) as again:  # it opens (once the dying threads let go), with every tag said saved
        assert len(again.annotations()) == tags
        assert not again.warnings


def test_quit_on_a_full_disk_asks_and_losing_them_says_what_was_lost(start, small_disk, tmp_path):
    db = small_disk / "db.json"
    pane = start(f"{q(READER)} {q(seeds_dir())} --db {q(db)}; echo EXIT=$?; sleep 30")
    pane.wait_for(lambda s: "ERBIL, Kurdistan" in s, "the article list")
    pane.keys("Enter")
    pane.wait_for(lambda s: "Baghdad" in s, "the article text")
    fill(small_disk)
    while "NOT saved" not in tag_next_word(pane):
        pass
    pane.keys("q")
    pane.wait_for(lambda s: "keep trying" in s and "quit and lose them" in s, "the question")
    pane.keys("l")
    screen = pane.wait_for(lambda s: "EXIT=" in s, "the app to end")
    lines = [line for line in screen.splitlines() if line.strip()]
    assert lines[-1] == "EXIT=1" and "Traceback" not in screen
    assert lines[-2].startswith("reader: ") and lines[-2].endswith(f"NOT saved to {db}: disk full")
    (small_disk / "filler").unlink()
    AnnotationStore(db).close()  # the database opens


def test_a_read_only_disk_opens_read_only_and_says_why(start, small_disk):
    db = small_disk / "db.json"
    with AnnotationStore(db) as store:
        from annotations.model import Article, new_annotation

        store.add(new_annotation(Article("a.txt", "Erbil is a city"), "place", 0, 5))
    before = db.read_bytes()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    pane = start(f"{q(READER)} {q(seeds_dir())} --db {q(db)}")
    said = "".join(f"read-only: {small_disk} takes no writes (read-only disk); tags are not saved here".split())
    pane.wait_for(lambda s: said in "".join(status_row(s).split()), "the notice, whole")  # (wrapped where it must)
    pane.keys("Enter")
    pane.wait_for(lambda s: "Baghdad" in s, "the article text")
    pane.keys("v", "e", "3")
    refusal = f"read-only: {small_disk} takes no writes (read-only disk); nothing can be changed here"
    pane.wait_for(  # (wrapped: the cursor's position, on the right, may come between its rows)
        lambda s: "".join(refusal.split()) in "".join(re.sub(r"\d+ · selected \d+–\d+", "", status_row(s)).split()),
        "the refusal, with the same reason",
    )
    pane.keys("q")
    assert db.read_bytes() == before
