"""What the screen says is never cut in a number or a word, nor doubled: at 80 and 120
columns (Pilot, asserting on what is drawn)."""

from __future__ import annotations

import pytest

from reader.widgets.status_line import whole_parts
from tests.app.test_tagging import message, open_seed
from tests.app.waiting import started, until
from tests.conftest import SEED


def drawn(widget) -> str:
    return "\n".join(widget.render_line(y).text for y in range(widget.size.height))


@pytest.mark.parametrize("width", [80, 120])
async def test_the_position_drops_whole_parts_and_never_cuts_a_number(make_app, width):
    app = make_app()
    async with app.run_test(size=(width, 30)) as pilot:
        await started(pilot)
        await open_seed(pilot)
        await pilot.press("slash", *"5,200", "enter", "v", *"lllllllllll", "2")  # "5,200 troops": value and unit
        await pilot.pause()
        await pilot.press("l")
        await pilot.pause()
        position = app.query_one("#position")
        shown = str(position.render()).strip()
        full = app.session.position(app.view.cursor, None)
        parts = full.split(" · ")
        assert any(shown == " · ".join(parts[:k]) for k in range(1, len(parts) + 1)), (shown, full)
        assert len(shown) <= position.content_region.width and "…" not in shown


async def test_a_quote_tagged_with_its_marks_is_named_once_quoted_and_logged_once(make_app):
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await started(pilot)
        await open_seed(pilot)
        await pilot.press("slash", *"“The Global", "enter", "s", "1")
        await pilot.pause()
        assert "tagged quote “The Global" in message(app) and "““" not in message(app)
        await until(pilot, lambda: app.view.suggestions)
        await pilot.press("full_stop", "y")
        await pilot.pause()
        log = app.query_one("#status").log_lines
        accepted = [line for line in log if "accepted" in line]
        assert len(accepted) == 1, log[-4:]


async def test_the_list_keeps_its_date_beside_thousands_of_suggestions_and_says_its_order_whole(make_app):
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await started(pilot)
        table = app.article_list
        table.set_suggested(SEED, 5123)
        await pilot.pause()
        assert "Date" in table.render_line(0).text and "5123" in table.row_text(SEED)
        assert "2026" in table.row_text(SEED) or table.row_text(SEED).count("-") >= 2  # the date is there
        await pilot.press("o")
        await pilot.pause()
        header = table.render_line(0).text
        assert "Article · by title" in header or ("Article" in header and "by" not in header)


async def test_an_article_without_a_title_is_named_once(make_app, tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    app = make_app([folder], open_first=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await started(pilot)
        assert str(app.query_one("#article-title").render()).strip() == "empty.txt"


def test_whole_parts_leaves_out_the_last_parts_whole():
    text = "533 · figure “5,200 troops” 889–901 · value 5200 · unit troops"
    assert whole_parts(text, 100) == text
    assert whole_parts(text, 45) == "533 · figure “5,200 troops” 889–901"
    assert whole_parts(text, 10) == "533"


async def test_a_long_message_takes_room_from_the_position_and_keeps_its_last_words(make_app):
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await started(pilot)
        long = "read-only: " + "/a/rather/long/path" * 9 + " takes no writes (read-only disk); tags are not saved here"
        app.say(long)
        await pilot.pause()
        label = app.query_one("#message")
        rows = [label.render_line(y).text.strip() for y in range(label.size.height)]
        assert "".join("".join(rows).split()) == "".join(long.split())
        app.say("short again")
        await pilot.pause()
        assert app.query_one("#position").size.width > 120 * 30 // 100  # its room back
