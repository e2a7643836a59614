"""A file that is not UTF-8 is decoded and said so: on the status line and in the message
log when it is opened (Pilot, files written by the test)."""

from __future__ import annotations

import pytest

from tests.app.test_tagging import message
from tests.app.waiting import started

TEXT = "Café owners in Zürich said the “price” rose to 5 €."


@pytest.mark.parametrize(
    ("encoding", "written", "said"),
    [
        ("cp1252", TEXT.encode("cp1252"), "decoded as cp1252, not UTF-8"),
        ("utf-16", TEXT.encode("utf-16"), "decoded as utf-16, not UTF-8"),  # with its BOM
        ("utf-8", TEXT.encode("utf-8"), None),
    ],
)
async def test_an_article_not_in_utf8_is_decoded_and_said_so(make_app, tmp_path, encoding, written, said):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / f"{encoding}.txt").write_bytes(written)
    (folder / "plain.txt").write_text("A plain article.", encoding="utf-8")
    app = make_app([folder])
    async with app.run_test(size=(120, 30)) as pilot:
        await started(pilot)
        app.open_article(f"{encoding}.txt")
        await pilot.pause()
        assert app.view.text == TEXT
        log = app.query_one("#status").log_lines
        if said is None:
            assert "decoded as" not in message(app) and not any("decoded as" in line for line in log)
            return
        assert f"{encoding}.txt: {said}" in message(app)
        assert any(f"{encoding}.txt: {said}" in line for line in log)
