"""Reading that remembers: each article reopens where it was left, '' goes back before a
jump, D marks an article done, > opens the next one not done (Pilot, on the seeds)."""

from __future__ import annotations

from reader.cli import main
from tests.app.waiting import started
from tests.conftest import SEED, SEED2

SIZE = (120, 40)


async def test_an_article_reopens_where_it_was_left_after_another_and_after_a_restart(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        app.open_article(SEED)
        baghdad = app.view.text.index("Baghdad")
        app.view.move_to(baghdad)
        await pilot.pause()
        app.open_article(SEED2)
        assert app.view.cursor == 0
        app.open_article(SEED)
        assert app.view.cursor == baghdad
        app.view.move_to(baghdad + 40)
        await pilot.pause()
    app.store.close()
    again = make_app()
    async with again.run_test(size=SIZE) as pilot:
        await started(pilot)
        again.open_article(SEED)
        assert again.view.cursor == baghdad + 40


async def test_two_quotes_go_back_to_before_the_jump_and_again_return(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        app.open_article(SEED)
        await pilot.press("w", "w")
        here = app.view.cursor
        await pilot.press("G")
        end = app.view.cursor
        assert end > here
        await pilot.press("apostrophe", "apostrophe")
        assert app.view.cursor == here
        await pilot.press("apostrophe", "apostrophe")
        assert app.view.cursor == end
        await pilot.press("g", "apostrophe", "k", "apostrophe")  # a key between the two: no jump back
        assert app.view.cursor == 0


async def test_D_marks_done_the_list_shows_and_filters_it_and_next_opens_the_next_not_done(make_app, db_path, capsys):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("D")  # in the list: its cursor's article
        assert app.article_list.row_text(SEED).startswith("✓ ERBIL")
        assert "marked done · 1 to do" in app.query_one("#message").content.plain
        await pilot.press("greater_than_sign")
        assert app.session.article.id == SEED2
        await pilot.press("D")  # in the text: the open article
        await pilot.press("greater_than_sign")
        assert "every article is done" in app.query_one("#message").content.plain
        await pilot.press("tab", "slash", *"todo:", "enter")
        assert app.article_list.row_count == 0
        await pilot.press("slash", *["backspace"] * 5, *"done:erbil", "enter")
        assert [e.id for e in app.article_list.shown] == [SEED]
        await pilot.press("escape")
        app.article_list.move_cursor(app.article_list.index_of(SEED))
        await pilot.press("D")  # again: not done
        assert app.article_list.row_text(SEED).startswith("ERBIL")
    app.store.close()
    assert main(["stats", "--db", str(db_path)]) == 0
    out, err = capsys.readouterr()
    assert "done: 1 of 2 articles" in err
    assert [line.split("\t")[-1] for line in out.splitlines()[1:3]] == ["", "yes"]


async def test_W_wraps_at_a_reading_width_in_a_wide_pane_and_back(make_app):
    app = make_app()
    async with app.run_test(size=(200, 40)) as pilot:
        await started(pilot)
        app.open_article(SEED)
        await pilot.pause()

        def longest() -> int:
            layout = app.view.layout_rows
            return max(len(app.view.text[slice(*layout.span(row))].rstrip()) for row in range(10))

        wide = longest()
        assert wide > 88
        app.view.move_to(app.view.text.index("Baghdad"))
        await pilot.press("W")
        assert longest() <= 88 and app.view.layout_rows.width == 88
        assert app.view.text[app.view.cursor : app.view.cursor + 7] == "Baghdad"  # the cursor stays put
        assert "lines wrap at 88 columns" in app.query_one("#message").content.plain
        await pilot.press("W")
        assert longest() == wide


async def test_o_orders_the_list_by_title_date_and_tags_and_back(make_app, tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    for name, title, date in (
        ("1.md", "Zebras cross the river", "2026-01-03"),
        ("2.md", "Apples fall today", "2026-01-01"),
    ):
        (folder / name).write_text(f"---\ntitle: {title}\ndate: {date}\n---\nText of {title}.\n")
    (folder / "3.md").write_text("---\ntitle: Mangoes ripen in the sun\ndate: 2026-01-02\n---\nMore text.\n")
    app = make_app(paths=[folder])
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        listed = app.article_list

        def order() -> list[str]:
            return [entry.id for entry in listed.shown]

        assert order() == ["1.md", "2.md", "3.md"]
        await pilot.press("o")
        assert order() == ["2.md", "3.md", "1.md"] and "by title" in listed.render_line(0).text
        await pilot.press("o")
        assert order() == ["1.md", "3.md", "2.md"]  # newest first
        app.open_article("3.md")
        app.view.select(0, 4)
        await pilot.press("1")
        await pilot.press("shift+tab", "o")
        assert order()[0] == "3.md"  # most tags first
        await pilot.press("o")
        assert order() == ["1.md", "2.md", "3.md"] and listed.render_line(0).text.startswith("Article ")


async def test_the_palettes_theme_reaches_every_pane(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        app.open_article(SEED)
        await pilot.press("a")
        await pilot.pause()
        panes = (app.view, app.article_list, app.panel)

        def backgrounds() -> list[object]:
            return [next(iter(pane.render_line(1))).style.bgcolor for pane in panes]

        dark = backgrounds()
        app.theme = "textual-light"
        await pilot.pause()
        light = backgrounds()
        assert all(before != after for before, after in zip(dark, light)), (dark, light)


async def test_reading_width_order_and_theme_are_there_again_after_a_restart(make_app, tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    for name, title in (("1.txt", "Zebras cross the river today"), ("2.txt", "Apples fall from the trees now")):
        (folder / name).write_text(f"{title}\n\nText.\n", encoding="utf-8")
    first = make_app(paths=[folder])
    async with first.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("o")  # by title
        pilot.app.open_article("1.txt")
        await pilot.press("W")
        pilot.app.theme = "textual-light"
        await pilot.pause()
    first.store.close()
    app = make_app(paths=[folder])
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        assert app.view.reading_width == 88 and app.theme == "textual-light"
        assert app.article_list.order == "title" and [e.id for e in app.article_list.shown] == ["2.txt", "1.txt"]
    app.store.close()
    settings = tmp_path / "config" / "reader" / "settings.json"
    settings.write_text("{not json", encoding="utf-8")
    app = make_app(paths=[folder])
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        assert app.view.reading_width is None and app.article_list.order == "found"
        assert f"{settings}: cannot read the settings (" in app.query_one("#message").content.plain


async def test_an_article_opened_at_start_is_in_the_first_frame(make_app, tmp_path, monkeypatch):
    """The text pane lays an article out as the pane gets its width: the Resize event
    comes after the first frame is drawn, which showed the pane empty (about 0.1 s of
    every start). With on_resize doing nothing, the text must be there all the same."""
    from reader.widgets.article_view import ArticleView

    monkeypatch.setattr(ArticleView, "on_resize", lambda self, event: None)
    article = tmp_path / "a.txt"
    article.write_text("First words of the article.\nMore after them.\n", encoding="utf-8")
    app = make_app(paths=[article], open_first=True)
    async with app.run_test(size=SIZE):
        assert app.view.render_line(0).text.startswith("First words of the article.")
        assert app.view.virtual_size.height == app.view.layout_rows.rows >= 2


async def test_the_collector_the_command_line_turned_off_is_on_again_after_the_first_screen(make_app):
    """cli.run_app turns garbage collection off for the start (40 ms of it); once the
    first screen is drawn it must come back, or a long session would never free a cycle."""
    import gc

    app = make_app()
    gc.disable()
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert gc.isenabled()
            assert gc.get_freeze_count() > 0  # what the start made, out of the collector's way
    finally:
        gc.enable()


def thumb_rows(app) -> list[int]:
    """The rows of the text's scrollbar that show its thumb, as the terminal shows them
    now (a bar not drawn again shows what it showed before)."""
    from reader.textual_compat import composed_lines

    bar = app.view.vertical_scrollbar.region
    rows = []
    for y, line in enumerate(composed_lines(app.screen)[bar.y : bar.bottom]):
        cell = line.crop(bar.x, bar.x + 1)
        if any(seg.text.strip() or (seg.style and seg.style.reverse) for seg in cell):
            rows.append(y)
    return rows


async def test_the_scrollbar_follows_the_text_and_is_drawn_again_only_when_its_thumb_moves(make_app, tmp_path):
    folder = tmp_path / "long"
    folder.mkdir()
    (folder / "long.txt").write_text("".join(f"Line {n} of a long report.\n" for n in range(4000)))
    app = make_app(paths=[folder], open_first=True)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        bar = app.view.vertical_scrollbar
        height = bar.region.height
        assert thumb_rows(app) == [0]
        drawn = []
        render = bar.render
        bar.render = lambda: drawn.append(bar.position) or render()  # type: ignore[method-assign]
        scrolls = 0
        while thumb_rows(app) == [0]:
            await pilot.press("j")
            await pilot.pause()
            scrolls += round(app.view.scroll_offset.y) > 0
        # The screen scrolled row by row; the bar was drawn again about once a cell.
        assert scrolls > 10 and len(drawn) <= 3
        assert thumb_rows(app) == [1] or thumb_rows(app) == [0, 1]
        await pilot.press("G")
        await pilot.pause()
        assert thumb_rows(app)[-1] == height - 1
        await pilot.press("g", "g")
        await pilot.pause()
        assert thumb_rows(app) == [0]
