"""The watchdog that ends a reader whose exit takes too long (reader/app/shutdown.py)
still says why the app ended: on a busy machine it came first, and a database from a
newer reader ended with EXIT=1 and no word."""

from __future__ import annotations

import io

import pytest

from reader.app import shutdown
from reader.app.shutdown import EndsWhenTold


class Ending(EndsWhenTold):
    def last_words(self) -> str:
        return "db.json was written by a newer reader"

    def save_everything(self) -> None:
        self.saved = True


def test_a_forced_end_saves_then_says_the_last_words(monkeypatch):
    err = io.StringIO()
    monkeypatch.setattr(shutdown.sys, "__stderr__", err)

    def exit_(code: int) -> None:
        raise SystemExit(code)

    monkeypatch.setattr(shutdown.os, "_exit", exit_)
    app = Ending()
    app._return_code = 1  # as exit(return_code=1) sets it
    with pytest.raises(SystemExit) as ended:
        app._end_anyway(0.01)  # run() never returns: the deadline passes
    assert ended.value.code == 1 and app.saved
    assert err.getvalue() == "reader: db.json was written by a newer reader\n"  # not a terminal: no escape codes
