"""Keys that arrive in one burst (a fast typist, a paste, tmux send-keys) mean what they
would mean typed one by one, even when one of them moves the focus."""

from __future__ import annotations

from textual import events

from reader.widgets.search_bar import SearchBar
from tests.app.waiting import started
from tests.conftest import SEED2

SIZE = (120, 40)


async def burst(pilot, *keys: str) -> None:
    """Post every key before the app handles any, as the terminal driver does."""
    for key in keys:
        character = key if len(key) == 1 else None
        pilot.app.post_message(events.Key(key, character))
    await pilot.pause()
    await pilot.pause()


async def test_keys_typed_after_slash_go_to_the_search_bar_not_to_the_tag_keys(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("enter")
        await pilot.press("v", "e")  # a selection: a bare 1 would tag it
        assert app.view.selection is not None
        await burst(pilot, "slash", "1", "9", "8", "4")
        bar = app.query_one(SearchBar)
        assert app.focused is bar
        assert bar.value == "1984"
        assert len(app.store) == 0
        await burst(pilot, "enter")
        assert app.focused is app.view


async def test_filter_typed_in_one_burst_keeps_every_letter(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await burst(pilot, "slash", *"partner")
        assert app.article_list.filter == "partner"
        assert [entry.id for entry in app.article_list.shown] == [SEED2]


async def test_esc_then_a_key_typed_quickly_is_two_keys_not_alt(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "v", "l", "l")
        view = app.view
        assert view.selection is not None
        cursor = view.cursor
        app.post_message(events.Key("alt+j", "j"))  # what the terminal parser makes of esc j within 100 ms
        await pilot.pause()
        await pilot.pause()
        assert view.selection is None  # esc cancelled the selection
        assert view.layout_rows.row_of(view.cursor) == view.layout_rows.row_of(cursor) + 1  # and j moved down
