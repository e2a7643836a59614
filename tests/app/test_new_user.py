"""What a new user found in an hour (issue 10): each case, made impossible."""

from __future__ import annotations

from annotations.store import AnnotationStore
from reader.textual_compat import composed_lines
from reader.widgets.article_view import ArticleView
from tests.app.test_hostile import write
from tests.app.waiting import started

SIZE = (120, 40)
EVIL = "bad\x1b]0;INJECTED-TITLE\x07\x1b]52;c;aGFja2Vk\x07\x1b[41mRED"
CONTROL = ("\x1b", "\x07", "\x9b")


def terminal_text(app) -> str:
    """Everything the terminal would be sent for the current screen, as text."""
    return "\n".join(line.text for line in composed_lines(app.screen))


def assert_clean(app) -> None:
    shown = terminal_text(app)
    assert not any(c in shown for c in CONTROL), repr(shown)


async def test_hostile_file_names_titles_and_notes_never_reach_the_terminal(make_app, tmp_path, db_path):
    folder = write(tmp_path / "c", f"{EVIL}.txt", b"\x00\x01binary")
    write(folder, f"{EVIL}2.txt", f"{EVIL} headline\nText about Erbil.\n".encode())
    store = AnnotationStore(db_path)
    app = make_app(paths=[folder], store=store)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.pause()
        assert "skipped 1 file that is not an article" in app.query_one("#message").content.plain
        assert_clean(app)
        app.article_list.move_cursor(app.article_list.index_of(f"{EVIL}2.txt"))
        await pilot.press("enter")
        view = app.query_one(ArticleView)
        start = view.text.index("Erbil")
        view.select(start, start + 5)
        await pilot.press("3")
        await pilot.pause()
        target = app.store.annotations()[0]
        app.show(app.session.note(target, f"note {EVIL}"))
        await pilot.press("a")  # the panel shows the note
        await pilot.pause()
        assert_clean(app)
        assert "␛]0;INJECTED-TITLE␇" in terminal_text(app)


async def test_a_digit_without_a_label_says_so(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "v", "e", "7")
        await pilot.pause()
        assert any("no label on key 7" in n.message for n in app._notifications)
        assert app.store.annotations() == []


async def test_word_motions_move_by_grapheme_cluster(make_app, tmp_path):
    folder = write(tmp_path / "k", "kyoto.txt", "In Kyo\u0301to today.".encode())
    app = make_app(paths=[folder], open_first=True)
    async with app.run_test(size=SIZE) as pilot:
        view = app.query_one(ArticleView)
        await pilot.press("w")
        assert view.cursor == 3
        await pilot.press("w")
        assert view.text[view.cursor :].startswith("today")
        await pilot.press("b", "v", "e", "3")
        await pilot.pause()
        [tag] = app.store.annotations()
        assert tag.text == "Kyo\u0301to"


async def test_read_only_refuses_a_note_before_any_typing(make_app, db_path, seeds):
    from annotations.model import new_annotation

    with AnnotationStore(db_path) as writer:
        writer.add(new_annotation(seeds.entries[0].load(), "place", 0, 5))
        writer.save()
        app = make_app(store=AnnotationStore(db_path, readonly=True))
        async with app.run_test(size=SIZE) as pilot:
            await started(pilot)
            await pilot.press("enter")
            await pilot.pause()
            assert app.view.annotation_at(0) is not None
            await pilot.press("m")
            await pilot.pause()
            assert len(app.screen_stack) == 1  # no prompt to type into
            assert "read-only" in app.query_one("#message").content.plain


async def test_undo_of_a_change_in_another_article_names_and_opens_it(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "v", "e", "3")
        first = app.session.article.id
        await pilot.press("tab", "j", "enter")
        assert app.session.article.id != first
        await pilot.press("u")
        await pilot.pause()
        assert app.session.article.id == first
        assert (
            f"undid tag: place “ERBIL” 0–5 · GeoNames 95446 · Iraq in {first}"
            in app.query_one("#message").content.plain
        )


async def test_a_remapped_key_does_the_action_and_help_shows_it(db_path):
    from annotations.corpus import find_articles
    from annotations.model import DEFAULT_LABELS
    from reader.app import ReaderApp
    from reader.config import seeds_dir

    store = AnnotationStore(db_path)
    app = ReaderApp(find_articles([seeds_dir()]), store, DEFAULT_LABELS, keymap={"undo": "z"})
    try:
        async with app.run_test(size=SIZE) as pilot:
            await started(pilot)
            await pilot.press("enter", "v", "e", "3")
            assert len(store.annotations()) == 1
            await pilot.press("z")
            assert store.annotations() == []
            await pilot.press("question_mark")
            await pilot.pause()
            help_text = app.screen.query_one("#help-keys").content.plain
            assert any(line.split() == ["z", "Undo"] for line in help_text.splitlines())
    finally:
        store.close()


async def test_export_dialog_asks_before_overwriting_and_fits_60_columns(make_app, tmp_path, monkeypatch):
    from reader.screens.export import ExportScreen

    monkeypatch.chdir(tmp_path)
    existing = tmp_path / "exports" / "reader-jsonl.jsonl"  # $READER_EXPORTS (tests/conftest.py)
    existing.parent.mkdir()
    existing.write_text("keep me\n")
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("enter", "v", "e", "3", "x")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        box = app.screen.query_one("#export-box")
        assert box.region.right <= 60 and box.region.bottom <= 20
        assert app.screen.query_one("#export-path").value == str(existing)  # absolute: no guessing where
        app.screen.query_one("#export-path").focus()
        await pilot.pause()
        await pilot.press("enter")  # in the path field: submit
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)
        assert "exists: Export again to overwrite" in str(app.screen.query_one("#export-warning").render())
        assert existing.read_text() == "keep me\n"
        await pilot.press("enter")
        await started(pilot)
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)
    assert "ERBIL" in existing.read_text()


async def test_the_export_goes_to_the_exports_folder_not_where_reader_was_started(make_app, tmp_path, monkeypatch):
    """A newcomer's walk: the default was the current folder, and reader-jsonl.jsonl landed in
    the clone. Now it is the exports folder (made on first use), and the status line says where."""
    started_in = tmp_path / "clone"
    started_in.mkdir()
    monkeypatch.chdir(started_in)
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("enter", "v", "e", "3", "x")
        await pilot.pause()
        await pilot.click("#export-go")
        await started(pilot)
        await pilot.pause()
        written = tmp_path / "exports" / "reader-jsonl.jsonl"
        assert app.query_one("#message").content.plain == f"exported 1 line as jsonl to {written}"
    assert "ERBIL" in written.read_text() and list(started_in.iterdir()) == []


async def test_a_folder_given_for_a_one_file_format_means_the_file_inside_it(make_app, tmp_path):
    """A newcomer's walk: a folder path was offered to be overwritten, then 'Is a directory'."""
    from reader.screens.export import ExportScreen

    folder = tmp_path / "somewhere"
    folder.mkdir()
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("enter", "v", "e", "3", "x")
        await pilot.pause()
        app.screen.query_one("#export-path").value = str(folder)
        await pilot.click("#export-go")
        await started(pilot)
        await pilot.pause()
        assert not isinstance(app.screen, ExportScreen)  # no question: nothing there is overwritten
        written = folder / "reader-jsonl.jsonl"
        assert app.query_one("#message").content.plain == f"exported 1 line as jsonl to {written}"
        assert "ERBIL" in written.read_text()
        await pilot.press("x")
        await pilot.pause()
        app.screen.query_one("#export-path").value = str(folder)
        await pilot.click("#export-go")
        await pilot.pause()
        assert isinstance(app.screen, ExportScreen)  # the file in it exists now: asked, as a file
        assert app.screen.query_one("#export-path").value == str(written)
        warning = str(app.screen.query_one("#export-warning").render())
        assert warning == f"{written} exists: Export again to overwrite this file"


async def test_search_says_which_match_of_how_many_and_nothing_stale(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "slash", *"zzzz", "enter")
        await pilot.pause()
        assert "not found: zzzz" in app.query_one("#message").content.plain
        await pilot.press("slash", "ctrl+u", *"Coalition", "enter")
        await pilot.pause()
        message = app.query_one("#message").content.plain
        assert message.startswith("match 1 of ") and "not found" not in message
        total = int(message.split(" of ")[1].split()[0])
        for _ in range(total - 1):
            await pilot.press("n")
        await pilot.press("n")
        await pilot.pause()
        assert app.query_one("#message").content.plain == f"match 1 of {total} (wrapped to the top)"
        view = app.query_one(ArticleView)
        assert view.match is not None
        await pilot.press("v", "e", "1")
        await pilot.pause()
        assert view.match is None  # the match colour does not stay on the new tag


async def test_in_the_panel_label_keys_relabel_u_undoes_a_and_esc_go_back(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "v", "e", "3", "a")  # a opens the panel with the focus in it
        await pilot.pause()
        assert app.focused is app.panel
        await pilot.press("1")
        await pilot.pause()
        assert [a.label for a in app.store.annotations()] == ["quote"]
        await pilot.press("u")
        assert [a.label for a in app.store.annotations()] == ["place"]
        await pilot.press("escape")
        assert app.focused is app.view
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is app.panel
        await pilot.press("a")
        await pilot.pause()
        assert app.panel.has_class("hidden") and app.focused is app.view


async def test_a_narrow_terminal_leaves_the_text_room(make_app):
    app = make_app()
    async with app.run_test(size=(40, 15)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        assert app.article_list.size.width <= 16
        assert app.view.size.width >= 22
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert app.article_list.size.width >= 30


async def test_in_a_small_terminal_the_panel_leaves_room_for_text_and_lines(make_app):
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("enter", "v", "e", "3", "a")
        await pilot.pause()
        row = app.panel.row_text(0)
        assert row.split()[:3] == ["place", "0–5", "ERBIL"]  # the text column is wide enough for a word
        assert app.view.size.height >= app.panel.size.height
