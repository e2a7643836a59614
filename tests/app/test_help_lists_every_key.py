"""Help is made from the bindings that run: every key a pane answers to is on the help
screen under that pane, with what it does (the panel's 1–3 were missing)."""

from __future__ import annotations

from reader.keys import key_names
from reader.screens.help import HelpScreen
from reader.textual_compat import live_bindings
from tests.app.waiting import started


def help_sections(app) -> dict[str, list[str]]:
    """The help screen's text, as lines under each pane's heading."""
    text = app.screen.query_one("#help-keys").render().plain
    sections: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line and not line.startswith(" "):
            sections[line] = []
            current = sections[line]
        elif line.strip():
            current.append(line)
    return sections


async def test_every_key_of_every_pane_is_on_the_help_screen(make_app):
    app = make_app(open_first=False)
    async with app.run_test(size=(120, 60)) as pilot:
        await started(pilot)
        panes = {"Anywhere": app, "Article list": app.article_list, "Text": app.view, "Annotations panel": app.panel}
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        sections = help_sections(app)
        missing = []
        for pane, widget in panes.items():
            lines = [line.strip().partition("   ") for line in sections[pane]]
            listed = [(keys.split(" / "), said.strip()) for keys, _, said in lines]
            for binding in live_bindings(widget):
                shown = key_names(binding)
                said = binding.description  # (Textual's ctrl+c has none: the help names its action)
                if not any(shown in keys and (said == text or not said) for keys, text in listed):
                    missing.append(f"{pane}: {shown} ({binding.description})")
        assert missing == [], "\n".join(missing)
        assert any(line.rstrip().endswith("Relabel as quote") for line in sections["Annotations panel"])


async def test_a_opens_the_panel_with_the_focus_in_it_and_j_j_d_deletes_its_second_tag(make_app):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        await pilot.press("enter", "v", "e", "3", "w", "w", "v", "e", "3")  # two tags
        await pilot.pause()
        first, second = app.store.annotations()
        app.suggestions.stop()  # the panel lists the tags first; suggestions follow
        await pilot.press("g", "a")
        await pilot.pause()
        assert app.focused is app.panel and not app.panel.has_class("hidden")
        await pilot.press("j", "d")
        await pilot.pause()
        assert [a.id for a in app.store.annotations()] == [first.id]
        assert "deleted" in app.query_one("#message").content.plain
        await pilot.press("a")  # closed: the focus goes back to the text
        await pilot.pause()
        assert app.panel.has_class("hidden") and app.focused is app.view
    assert second.id not in {a.id for a in app.store.annotations()}
