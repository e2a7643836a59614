"""E's text editor never drops an attribute the person did not delete, and says what changed."""

from __future__ import annotations

from reader.screens.prompt import PromptScreen
from tests.app.test_tagging import SIZE, message, open_seed
from tests.app.waiting import started
from tests.conftest import SEED


async def tag_figure(pilot, app):
    await open_seed(pilot)
    await pilot.press("slash", *"5,200", "enter", "v", *"llll", "2")
    await pilot.pause()
    (tag,) = app.store.annotations(SEED)
    assert (tag.label, tag.text, tag.attrs) == ("figure", "5,200", {"value": 5200})
    return tag


async def test_typing_in_the_editor_adds_to_the_attributes_instead_of_replacing_them(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await tag_figure(pilot, app)
        await pilot.press("E")
        await pilot.pause()
        assert isinstance(app.screen, PromptScreen)
        field = app.screen.query_one("Input")
        assert field.value == "value=5200; " and field.cursor_position == len(field.value)
        assert field.selection.is_empty  # nothing selected: a key adds, never replaces
        await pilot.press(*"unit=troops; approx", "enter")
        await pilot.pause()
        (tag,) = app.store.annotations(SEED)
        assert tag.attrs == {"value": 5200, "unit": "troops", "approx": True}
        assert "added unit troops, approx" in message(app) and "removed" not in message(app)


async def test_an_attribute_erased_on_purpose_is_said_removed_and_undone_with_u(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await tag_figure(pilot, app)
        await pilot.press("E")
        await pilot.pause()
        app.screen.query_one("Input").value = "troops; approx"  # the value erased, as a person would
        await pilot.press("enter")
        await pilot.pause()
        (tag,) = app.store.annotations(SEED)
        assert tag.attrs == {"troops": True, "approx": True}
        assert "removed value (was 5200)" in message(app) and "u undoes it" in message(app)
        await pilot.press("u")
        await pilot.pause()
        (tag,) = app.store.annotations(SEED)
        assert tag.attrs == {"value": 5200}
