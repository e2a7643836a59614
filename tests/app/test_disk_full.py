"""A disk that fails while the person tags: the status line tells the truth, and quitting
asks what to do with what is not saved (never a silent exit)."""

from __future__ import annotations

import errno
import json

import pytest

from annotations.store import read_annotations
from reader.screens.prompt import PromptScreen
from reader.screens.unsaved import UnsavedScreen
from tests.app.test_tagging import SIZE, message, open_seed
from tests.app.waiting import started, until
from tests.conftest import SEED
from tests.faults import Faults


async def tag_word(pilot, word: str, label: str = "3") -> None:
    await pilot.press("g", "slash", *word, "enter", "v", *"l" * (len(word) - 1), label)
    await pilot.pause()


async def tagged_on_a_failing_disk(pilot, inject, code: int) -> Faults:
    """Baghdad tagged with the database's disk failing (code, from then on) until said NOT saved."""
    await started(pilot)
    await open_seed(pilot)
    faults = inject(Faults(fail_at=1, code=code, persist=True))
    await tag_word(pilot, "Baghdad")
    await until(pilot, lambda: "NOT saved" in message(pilot.app))
    return faults


async def test_not_saved_is_said_exactly_while_it_is_true(make_app, db_path, inject):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        faults = await tagged_on_a_failing_disk(pilot, inject, errno.ENOSPC)
        shown = message(app)
        assert "tagged place “Baghdad”" in shown and f"NOT saved — disk full; retrying ({db_path})" in shown
        assert "· saved" not in shown and "saving" not in shown
        await tag_word(pilot, "Erbil")  # a new change while the disk is full: still not saved
        assert "NOT saved — disk full" in message(app) and "· saved" not in message(app)
        assert read_annotations(db_path) == []
        faults.on = False  # space freed: the saver's next try lands
        await until(pilot, lambda: "NOT saved" not in message(app))
        assert message(app).endswith("· saved") and app.store.unsaved == 0
        assert sorted(a.text for a in read_annotations(db_path)) == ["Baghdad", "Erbil"]
        log = app.query_one("#status").log_lines
        assert sum("NOT saved" in line for line in log) >= 1  # the failure is in the message log


async def test_quit_while_not_saved_asks_and_keep_trying_stays(make_app, db_path, inject):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        faults = await tagged_on_a_failing_disk(pilot, inject, errno.EIO)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, UnsavedScreen)
        question = str(app.screen.query_one("#unsaved-question").render())
        assert (
            "1 change NOT saved: disk error (I/O)" in question
        )  # the tag (where the article was left is no change of theirs)
        shown = app.screen.query_one("#unsaved-question")
        box = app.screen.query_one("#unsaved-box").content_region
        assert shown.region.right <= box.right and shown.size.height > 1  # wrapped inside the box, not cut
        await pilot.press("k")
        await pilot.pause()
        assert not isinstance(app.screen, UnsavedScreen) and app.is_running
        assert "still trying to save" in message(app)
        faults.on = False
        await until(pilot, lambda: app.store.unsaved == 0)
        await pilot.press("q")  # all saved now: no question
        await pilot.pause()
    assert not app.is_running


async def test_quit_while_not_saved_writes_every_tag_to_another_file(make_app, db_path, inject, tmp_path):
    app = make_app()
    rescue = tmp_path / "elsewhere" / "rescued.jsonl"
    rescue.parent.mkdir()
    async with app.run_test(size=SIZE) as pilot:
        faults = await tagged_on_a_failing_disk(pilot, inject, errno.ENOSPC)
        await pilot.press("q")
        await pilot.pause()
        await pilot.click("#write")  # the mouse works too
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        faults.on = False  # the other disk has room (the faults stand in for the database's disk alone)
        app.screen.query_one("Input").value = str(rescue)
        await pilot.press("enter")
        await pilot.pause()
    records = [json.loads(line) for line in rescue.read_text().splitlines()]
    assert [(r["label"], r["text"], r["article"]) for r in records] == [("place", "Baghdad", SEED)]
    assert "1 tag written to" in app.wrote_copy and f"reader import {rescue}" in app.wrote_copy


async def test_quit_and_lose_them_exits(make_app, db_path, inject):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        faults = await tagged_on_a_failing_disk(pilot, inject, errno.EROFS)
        assert "read-only disk" in message(app)
        await pilot.press("q", "l")
        await pilot.pause()
    assert not app.is_running
    with pytest.raises(OSError):
        app.store.close()  # the command line says "N changes NOT saved to PATH: read-only disk" (test_cli)
    faults.on = False


async def test_once_the_disk_has_room_again_the_status_says_only_that_all_is_saved(make_app, db_path, inject):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        faults = await tagged_on_a_failing_disk(pilot, inject, errno.ENOSPC)
        await pilot.press("down", "down")  # moves: where the article is left is not the person's change
        await pilot.press("q")
        await pilot.pause()
        question = str(app.screen.query_one("#unsaved-question").render())
        assert question.startswith("1 change NOT saved: disk full")  # one tag, one change
        await pilot.press("k")
        await pilot.pause()
        assert message(app).startswith("still trying to save; q again to choose · NOT saved — disk full")
        faults.on = False  # space freed
        await until(pilot, lambda: "NOT saved" not in message(app))
        assert message(app) == "every change saved" and app.store.unsaved == 0
        assert [a.text for a in read_annotations(db_path)] == ["Baghdad"]


async def test_quit_and_lose_them_counts_the_persons_changes(make_app, db_path, inject):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        faults = await tagged_on_a_failing_disk(pilot, inject, errno.ENOSPC)
        await pilot.press("down")
        await tag_word(pilot, "Erbil")
        await pilot.press("q")
        await pilot.pause()
        assert str(app.screen.query_one("#unsaved-question").render()).startswith("2 changes NOT saved: disk full")
        await pilot.press("l")
        await pilot.pause()
    assert not app.is_running
    assert app.store.unsaved == 2  # what the command line says were lost: the two tags, not where they were left
    faults.on = False
