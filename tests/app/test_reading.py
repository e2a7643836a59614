"""Reading that remembers: each article reopens where it was left, '' goes back before a
jump, D marks an article done, > opens the next one not done (Pilot, on the seeds)."""

from __future__ import annotations

from reader.cli import main
from tests.conftest import SEED, SEED2

SIZE = (120, 40)


async def loaded(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_an_article_reopens_where_it_was_left_after_another_and_after_a_restart(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
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
        await loaded(pilot)
        again.open_article(SEED)
        assert again.view.cursor == baghdad + 40


async def test_two_quotes_go_back_to_before_the_jump_and_again_return(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await loaded(pilot)
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
        await loaded(pilot)
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
