"""Reading and tagging flows, driven with Pilot, asserting on state and on the screen."""

from __future__ import annotations

import json
import re

from annotations.store import AnnotationStore, read_annotations
from reader.widgets.article_view import ArticleView
from reader.widgets.status_line import StatusLine
from tests.app.waiting import started, until
from tests.conftest import SEED, SEED2

SIZE = (120, 40)


def screen_text(app) -> str:
    """Everything the text pane shows, row by row."""
    view = app.query_one(ArticleView)
    return "\n".join(view.render_line(y).text for y in range(view.size.height))


def message(app) -> str:
    return app.query_one("#message").content.plain


async def open_seed(pilot):
    await pilot.press("enter")
    await pilot.pause()
    return pilot.app.query_one(ArticleView)


def counts_shown(app, article: str) -> list[str]:
    """The quote, figure and place counts the list row shows (before the suggestions',
    a column of its own once an opened article has some)."""
    columns = app.article_list.row_text(article).split()
    return columns[-4:-1] if app.article_list.suggested else columns[-3:]


async def test_list_shows_titles_dates_and_counts(make_app):
    app = make_app()
    async with app.run_test(size=SIZE):
        table = app.article_list
        assert table.row_count == 2
        assert table.row_text(SEED).startswith("ERBIL, Kurdistan")
        assert table.row_text(SEED2).startswith("US-led coalition")
        assert counts_shown(app, SEED) == ["·", "·", "·"]
        assert "Article" in table.render_line(0).text and "Date" in table.render_line(0).text
        titles = [app.corpus.get(key).meta.title for key in (SEED, SEED2)]
        assert titles[0].startswith("ERBIL, Kurdistan Region")
        assert titles[1] == (
            "US-led coalition will still partner with Iraqi, Kurdish security forces despite base transfers: officials"
        )
        from reader.widgets.article_list import format_date

        date = format_date(app.corpus.get(SEED).meta.date)  # modification time, ISO
        assert re.fullmatch(r"\d{4}-\d\d-\d\d", date) and date in table.row_text(SEED)


async def test_search_select_with_v_and_tag_place(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await open_seed(pilot)
        assert app.focused is view
        await pilot.press("slash", *"Baghdad", "enter")
        assert view.cursor == 527
        await pilot.press("v", *"llllll")
        assert view.selection == (527, 534)
        await pilot.press("3")
        await pilot.pause()
        [tag] = app.store.annotations(SEED)
        assert (tag.label, tag.start, tag.end, tag.text) == ("place", 527, 534, "Baghdad")
        assert view.selection is None
        assert counts_shown(app, SEED) == ["·", "·", "1"]
        await until(pilot, lambda: "saved" in message(app))  # the saver thread's fsync
        assert "saved" in message(app)
    assert [a.text for a in read_annotations(db_path)] == ["Baghdad"]  # on disk (the journal) before any quit


async def test_sentence_then_tag_quote_and_relabel(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_seed(pilot)
        await pilot.press("s", "1")
        [tag] = app.store.annotations(SEED)
        assert tag.label == "quote"
        assert tag.start == 0
        assert tag.text.endswith("told Rudaw on Friday.")
        await pilot.press("2")  # a label key on an existing tag relabels it
        [tag] = app.store.annotations(SEED)
        assert tag.label == "figure"
        assert "relabelled" in message(app)


async def test_delete_undo_redo(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_seed(pilot)
        await pilot.press("v", "e", "3")  # ERBIL
        assert [a.text for a in app.store.annotations(SEED)] == ["ERBIL"]
        await pilot.press("2")  # relabel
        await pilot.press("d")
        assert app.store.annotations(SEED) == []
        await pilot.press("u")
        assert [a.label for a in app.store.annotations(SEED)] == ["figure"]
        await pilot.press("u")
        assert [a.label for a in app.store.annotations(SEED)] == ["place"]
        await pilot.press("u")
        assert app.store.annotations(SEED) == []
        await pilot.press("ctrl+r", "ctrl+r")
        assert [a.label for a in app.store.annotations(SEED)] == ["figure"]
        assert counts_shown(app, SEED) == ["·", "1", "·"]


async def test_motions_move_the_cursor(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await open_seed(pilot)
        text = view.text
        await pilot.press("w")
        assert text[view.cursor :].startswith(", Kurdistan") or text[view.cursor :].startswith("Kurdistan")
        await pilot.press("right_parenthesis")
        assert text[view.cursor :].startswith("“The Global Coalition")
        await pilot.press("right_curly_bracket")
        assert text[view.cursor :].startswith("“We have operation centers")
        await pilot.press("left_curly_bracket")
        assert text[view.cursor :].startswith("“The Global Coalition")
        await pilot.press("G")
        assert text[view.cursor :] == "t"
        await pilot.press("g", "j")
        row_start, _ = view.layout_rows.span(1)
        assert view.cursor == row_start
        await pilot.press("l", "l", "h")
        assert view.cursor == row_start + 1
        await pilot.press("pagedown")
        assert view.layout_rows.row_of(view.cursor) > 20
        assert view.scroll_offset.y > 0


async def test_shift_arrows_extend_and_escape_cancels(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await open_seed(pilot)
        await pilot.press("shift+right", "shift+right")
        assert view.selection == (0, 3)
        assert "selected 0–3" in app.query_one("#position").content.plain
        await pilot.press("escape")
        assert view.selection is None
        assert "selected" not in app.query_one("#position").content.plain


async def test_next_and_previous_annotation(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await open_seed(pilot)
        await pilot.press("slash", *"Anbar", "enter", "v", "e", "3")
        await pilot.press("slash", *"Saladin", "enter", "v", "e", "3")
        await pilot.press("g", "right_square_bracket")
        assert view.text[view.cursor :].startswith("Anbar")
        await pilot.press("right_square_bracket")
        assert view.text[view.cursor :].startswith("Saladin")
        await pilot.press("left_square_bracket")
        assert view.text[view.cursor :].startswith("Anbar")


async def test_search_next_previous(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await open_seed(pilot)
        await pilot.press("slash", *"Caggins", "enter")
        first = view.cursor
        await pilot.press("n")
        second = view.cursor
        assert second > first and view.text[second : second + 7] == "Caggins"
        await pilot.press("N")
        assert view.cursor == first
        await pilot.press("slash", *"nowhere-at-all", "enter")
        assert view.cursor == first
        assert "not found" in message(app)


async def test_panel_lists_tags_and_enter_jumps(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await open_seed(pilot)
        await pilot.press("v", "e", "3", "slash", *"Anbar", "enter", "v", "e", "3", "g")
        await pilot.press("a")
        panel = app.panel
        assert panel.display and len(panel.annotations) == 2
        assert panel.row_count == 2 + len(app.view.suggestions)  # the suggestions follow the tags
        assert app.focused is panel  # a opens it with the focus in it
        await pilot.press("j", "enter")
        assert app.focused is view
        assert view.text[view.cursor :].startswith("Anbar")
        await pilot.press("a")
        assert not panel.display


async def test_note_on_tag_in_text_and_in_panel(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_seed(pilot)
        await pilot.press("v", "e", "3", "m")
        await pilot.press(*"capital city?", "enter")
        [tag] = app.store.annotations(SEED)
        assert tag.note == "capital city?"
        await pilot.press("a", "m", "ctrl+u", *"Erbil", "enter")
        [tag] = app.store.annotations(SEED)
        assert tag.note == "Erbil"
        assert "Erbil" in panel_text(app)
        await pilot.press("shift+tab", "u")
        assert app.store.annotations(SEED)[0].note == "capital city?"


def panel_text(app) -> str:
    panel = app.panel
    return " ".join(panel.row_text(r) for r in range(panel.row_count))


async def test_help_lists_every_key_by_pane(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        from reader.screens.help import HelpScreen

        assert isinstance(app.screen, HelpScreen)
        shown = app.screen.query_one("#help-keys").content.plain
        for words in ("Article list", "Text", "Next sentence", "Tag place", "Undo", "Search"):
            assert words in shown
        assert "  )" in shown and "  u" in shown and "ctrl+r" in shown
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_reopen_shows_the_tags(make_app, db_path):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_seed(pilot)
        await pilot.press("v", "e", "3")
    app.store.close()
    again = make_app(store=AnnotationStore(db_path))
    async with again.run_test(size=SIZE) as pilot:
        view = await open_seed(pilot)
        assert [a.text for a in view.spans] == ["ERBIL"]
        assert counts_shown(again, SEED) == ["·", "·", "1"]


async def test_single_file_opens_straight_in_text_pane(make_app):
    from reader.config import seeds_dir

    app = make_app(paths=[seeds_dir() / SEED2], open_first=True)
    async with app.run_test(size=SIZE) as pilot:
        view = app.query_one(ArticleView)
        await until(pilot, lambda: "In Rudaw" in screen_text(app))  # a loaded machine draws late
        assert app.focused is view
        assert "In Rudaw" in screen_text(app)


async def test_text_is_wrapped_and_rewrapped_on_resize(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await open_seed(pilot)
        wide = view.layout_rows.rows
        assert all(len(line.rstrip()) <= view.size.width for line in screen_text(app).splitlines())
        await pilot.resize_terminal(80, 40)
        await pilot.pause()
        assert view.layout_rows.rows > wide
        assert view.layout_rows.width == view.scrollable_content_region.width


async def test_mouse_drag_selects_what_is_under_the_pointer(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await open_seed(pilot)
        # Pilot's offsets are from the widget's outer corner: (1, 1) is inside the border.
        await pilot.mouse_down(view, offset=(1, 1))
        await pilot.hover(view, offset=(5, 1))
        await pilot.mouse_up(view, offset=(5, 1))
        assert view.selection == (0, 5)
        assert view.text[0:5] == "ERBIL"


async def test_a_click_puts_the_cursor_on_the_character_clicked(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await open_seed(pilot)
        baghdad = view.text.index("Baghdad")
        assert baghdad == 527
        row, x = view.layout_rows.row_of(baghdad), view.layout_rows.x_of(baghdad)
        await pilot.click(view, offset=(1 + x, 1 + row))
        assert view.cursor == baghdad


async def test_double_click_selects_the_word_and_does_not_crash(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await open_seed(pilot)
        await pilot.click(view, offset=(3, 0), times=2)  # the border: nothing to select
        baghdad = view.text.index("Baghdad")
        row, x = view.layout_rows.row_of(baghdad), view.layout_rows.x_of(baghdad)
        await pilot.click(view, offset=(1 + x + 2, 1 + row), times=2)
        assert view.selection == (baghdad, baghdad + len("Baghdad"))
        await pilot.press("3")
        assert [(a.label, a.text) for a in app.store.annotations()] == [("place", "Baghdad")]


async def test_clicking_the_first_list_row_opens_the_first_article(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        first = app.article_list.shown[0].id
        await pilot.click(app.article_list, offset=(3, 2))  # border, header, then row 0
        assert app.article_list.cursor == 0
        assert app.session.article is not None and app.session.article.id == first


async def test_filter_the_list_by_typing(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("slash", *"partner")  # a word of the second seed's headline
        assert [e.id for e in app.article_list.shown] == [SEED2]
        assert app.article_list.render_line(0).text.startswith("/partner▏  1 of 2")
        await pilot.press("enter")
        assert "1 of 2 articles match “partner”" in message(app)
        await pilot.press("enter")
        assert app.session.article.id == SEED2
        await pilot.press("shift+tab", "slash", "backspace", "escape")
        assert app.article_list.row_count == 2
        assert app.article_list.render_line(0).text.startswith("Article")


async def test_palette_has_every_action(make_app):
    app = make_app()
    async with app.run_test(size=SIZE):
        titles = [command.title for command in app.get_system_commands(app.screen)]
        for words in ("Next sentence (text)", "Tag quote (text)", "Undo (text)", "Open (article list)"):
            assert words in titles


async def test_export_dialog_writes_the_chosen_format(make_app, tmp_path):
    from reader.screens.export import ExportScreen

    app = make_app()
    target = tmp_path / "out.jsonl"
    async with app.run_test(size=SIZE) as pilot:
        await open_seed(pilot)
        await pilot.press("v", "e", "3", "x")
        assert isinstance(app.screen, ExportScreen)
        app.screen.query_one("#export-path").value = str(target)
        app.screen.query_one("#export-format").value = "w3c"
        await pilot.pause()
        await pilot.click("#export-go")
        await started(pilot)
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
        assert "exported 1 line as w3c" in message(app)
    [record] = [json.loads(line) for line in target.read_text().splitlines()]
    assert record["type"] == "Annotation" and record["target"]["selector"][0]["exact"] == "ERBIL"


async def test_second_instance_is_read_only_and_says_so(make_app, db_path):
    holder = AnnotationStore(db_path)
    try:
        app = make_app(store=AnnotationStore(db_path, readonly=True))
        async with app.run_test(size=SIZE) as pilot:
            assert "read-only" in message(app)
            await open_seed(pilot)
            await pilot.press("v", "e", "3")
            assert app.store.annotations() == []
            assert "read-only" in message(app)
    finally:
        holder.close()


async def test_custom_labels_bind_their_keys(make_app):
    from annotations.model import Label, LabelSet

    labels = LabelSet((Label("person", "1", "#aa3377"), Label("claim", "9", "red")))
    app = make_app(labels=labels)
    async with app.run_test(size=SIZE) as pilot:
        await open_seed(pilot)
        await pilot.press("v", "e", "9")
        assert [a.label for a in app.store.annotations()] == ["claim"]
        await pilot.press("1")
        assert [a.label for a in app.store.annotations()] == ["person"]


async def test_article_deleted_while_running(make_app, tmp_path):
    folder = tmp_path / "gone"
    folder.mkdir()
    (folder / "a.txt").write_text("Here today.")
    (folder / "b.txt").write_text("Gone tomorrow.")
    app = make_app(paths=[folder])
    async with app.run_test(size=SIZE) as pilot:
        (folder / "b.txt").unlink()
        await pilot.press("j", "enter")
        assert app.session.article is None
        assert "b.txt: cannot read" in message(app)
        await pilot.press("k", "enter")
        assert app.session.article.id == "a.txt"


async def test_database_loads_after_the_first_screen(make_app, db_path):
    from annotations.corpus import find_articles
    from annotations.model import new_annotation
    from reader.config import seeds_dir

    article = find_articles([seeds_dir()]).get(SEED).load()
    with AnnotationStore(db_path) as store:
        store.add(new_annotation(article, "place", 527, 534))
    app = make_app(store=AnnotationStore(db_path, load=False))
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.pause()
        assert app.store.loaded
        assert counts_shown(app, SEED) == ["·", "·", "1"]
        view = await open_seed(pilot)
        assert [a.text for a in view.spans] == ["Baghdad"]


async def test_unusable_database_found_while_loading_ends_the_app(make_app, db_path):
    db_path.write_text('{"meta": {"1": {"schema": 99}}, "annotations": {}}')
    app = make_app(store=AnnotationStore(db_path, load=False))
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.load_error)  # (it never loads: waiting for that took 30 s)
        await pilot.pause()
    assert app.return_code == 1
    assert "newer reader" in app.load_error
    assert db_path.read_text() == '{"meta": {"1": {"schema": 99}}, "annotations": {}}'


async def test_footer_shows_the_keys_of_the_focused_pane(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        keys = app.query_one("#keys")
        await pilot.pause()
        assert "Open" in keys.content.plain and "Help" in keys.content.plain
        await open_seed(pilot)
        await pilot.pause()
        assert "Tag place" in keys.content.plain and "Open" not in keys.content.plain
        await pilot.press("a")
        await pilot.pause()
        assert app.focused is app.panel
        assert "Jump to" in keys.content.plain


async def test_the_list_shows_counts_before_the_database_is_loaded(make_app, db_path, seeds):
    """Counts come from the file written beside the database at its last compaction, so
    that a database of a million tags shows them at once, not after its load."""
    from annotations.model import new_annotation

    article = seeds.get(SEED).load()
    with AnnotationStore(db_path) as writer:
        writer.add(new_annotation(article, "place", 0, 5))
        writer.add(new_annotation(article, "quote", 6, 20))
    app = make_app(store=AnnotationStore(db_path, load=False))
    async with app.run_test(size=(120, 40)):
        assert not app.store.loaded  # the load starts after the first screen
        assert counts_shown(app, SEED) == ["1", "·", "1"]


async def tag_5200_troops(pilot) -> tuple[ArticleView, int]:
    """Open seed 000, tag "5,200 troops" a figure; the view and where the tag starts."""
    view = await open_seed(pilot)
    start = view.text.index("5,200 troops")
    view.select(start, start + len("5,200 troops"))
    await pilot.press("2")
    await pilot.pause()
    return view, start


async def test_tagging_a_figure_shows_its_value_and_unit(make_app):
    """Seed 000 says "The US has 5,200 troops": tagged a figure, it carries 5200 troops,
    and the status line says so with the cursor on it."""
    app = make_app()
    async with app.run_test(size=(160, 40)) as pilot:
        _, start = await tag_5200_troops(pilot)
        [tag] = app.store.annotations()
        assert (tag.label, tag.text, tag.attrs) == ("figure", "5,200 troops", {"value": 5200, "unit": "troops"})
        assert message(app).startswith(f"tagged figure “5,200 troops” {start}–{start + 12} · value 5200 · unit troops")
        position = app.query_one("#position").content.plain
        assert position.endswith(f"figure “5,200 troops” {start}–{start + 12} · value 5200 · unit troops"), position


async def test_E_edits_a_tags_attributes_from_the_keyboard_and_u_undoes_it(make_app):
    app = make_app()
    async with app.run_test(size=(160, 40)) as pilot:
        view, start = await tag_5200_troops(pilot)
        view.move_to(start + 2)
        await pilot.press("E")
        await pilot.pause()
        field = app.screen.query_one("#prompt-input")
        assert field.value == "value=5200; unit=troops; "  # prefilled, open at the end
        field.value = ""
        await pilot.press(*"value=5300; unit=soldiers; approx", "enter")
        await pilot.pause()
        [tag] = app.store.annotations()
        assert tag.attrs == {"value": 5300, "unit": "soldiers", "approx": True}
        assert message(app).startswith("gave attributes to figure “5,200 troops”")
        assert "added approx; changed value 5200 → 5300, unit troops → soldiers" in message(app)
        await pilot.press("u")
        assert app.store.annotations()[0].attrs == {"value": 5200, "unit": "troops"}


async def test_a_save_reported_as_the_app_closes_is_no_error(make_app):
    """The saver thread reports after a tag; when that report lands as the app closes,
    the status line is gone (CI saw NoMatches on StatusLine at the end of a test)."""
    from reader.app.base import Saved

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await open_seed(pilot)
        view.select(0, 5)
        await pilot.press("3")
        status = app.query_one(StatusLine)
        said = len(status.log_lines)
    app.on_saved(Saved(app.store.generation, None))  # neither raises once the screen is gone …
    app.say("said after the end")
    assert len(status.log_lines) == said and "said after the end" not in status.message  # … nor is shown


async def test_v_e_on_a_figure_selects_all_of_it_and_tags_it(make_app, tmp_path):
    """A newcomer's walk: e stopped at "1." of "1.250", and the figure tagged was "1."."""
    folder = tmp_path / "figures"
    folder.mkdir()
    (folder / "homes.txt").write_text("Homes\n\nThey counted 1.250 homes and 4,500 people.\n")
    app = make_app(paths=[folder])
    async with app.run_test(size=(120, 30)) as pilot:
        await started(pilot)
        await pilot.press("enter")
        await until(pilot, lambda: app.session.article is not None)
        app.view.move_to(app.view.text.index("1.250"))
        await pilot.press("v", "e", "2", "w", "w", "w", "v", "e", "2")
        await pilot.pause()
        assert sorted(a.text for a in app.store.annotations()) == ["1.250", "4,500"]
        assert "figure “4,500”" in message(app)
