"""A database on a disk or in a folder that takes no writes opens read-only, and every
refusal then gives the real reason, the one said at the start (not another reader)."""

from __future__ import annotations

import errno

import pytest

from annotations.store import lock
from reader.command_setup import open_store
from tests.app.test_disk_full import tag_word
from tests.app.test_tagging import SIZE, message, open_seed
from tests.app.waiting import started


@pytest.mark.parametrize(("code", "reason"), [(errno.EROFS, "read-only disk"), (errno.EACCES, "no permission")])
async def test_tagging_on_a_disk_that_takes_no_writes_says_why(make_app, db_path, monkeypatch, code, reason):
    def refused(*args, **kwargs):
        raise OSError(code, "injected")

    monkeypatch.setattr(lock.os, "open", refused)  # the lock file beside the database cannot be made
    store = open_store(str(db_path), readonly_if_locked=True)
    monkeypatch.undo()
    because = f"read-only: {db_path.parent} takes no writes ({reason})"
    app = make_app(store=store)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        assert app.store.readonly
        assert message(app) == f"2 articles · {because}; tags are not saved here"
        await open_seed(pilot)
        await tag_word(pilot, "Baghdad")
        assert message(app) == f"{because}; nothing can be changed here"
        assert "another reader" not in message(app) and app.store.annotations() == []
        await pilot.press("D")  # done is refused for the same reason
        await pilot.pause()
        assert message(app) == f"{because}; nothing can be changed here"
