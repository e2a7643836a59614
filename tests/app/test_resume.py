"""Reading resumes where it stopped, also when the article is on screen before the
database is read: one file from the command line, and the article open last (Pilot)."""

from __future__ import annotations

from annotations.corpus import find_articles
from annotations.model import DEFAULT_LABELS
from annotations.store import AnnotationStore
from reader.app import ReaderApp
from tests.app.test_tagging import screen_text
from tests.app.waiting import started

SIZE = (100, 30)


def long_article(path):
    path.write_text(
        "\n\n".join(f"Paragraph {n}: the council met in Kirkuk and counted {n * 7} ballots." for n in range(400)),
        encoding="utf-8",
    )
    return path


def app_over(paths, db_path, open_first=False) -> ReaderApp:
    """As the command line builds it: the database read after the first screen."""
    store = AnnotationStore(db_path, load=False)
    return ReaderApp(find_articles(paths), store, DEFAULT_LABELS, annotator="tester", open_first=open_first)


async def test_one_file_from_the_command_line_reopens_at_its_end(tmp_path, db_path):
    article = long_article(tmp_path / "big.txt")
    app = app_over([article], db_path, open_first=True)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.press("G")
        end, shown = app.view.cursor, screen_text(app)
        assert "Paragraph 399" in shown and "Paragraph 0:" not in shown
    app.store.close()
    again = app_over([article], db_path, open_first=True)
    async with again.run_test(size=SIZE) as pilot:
        await started(pilot)
        assert again.view.cursor == end
        assert "Paragraph 399" in screen_text(again) and "Paragraph 0:" not in screen_text(again)
        await pilot.press("k")  # and it is remembered from there on, as any article
    again.store.close()
    with AnnotationStore(db_path) as store:
        assert 0 < store.reading("big.txt")["position"] < end


async def test_the_article_open_last_opens_again_where_it_was_left(tmp_path, db_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        long_article(folder / name)
    app = app_over([folder], db_path)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        assert app.session.article is None  # nothing was open before
        await pilot.press("j", "enter", "G", "k", "k")
        left = app.view.cursor
        assert app.session.article.id == "b.txt"
    app.store.close()
    again = app_over([folder], db_path)
    async with again.run_test(size=SIZE) as pilot:
        await started(pilot)
        assert again.session.article.id == "b.txt" and again.view.cursor == left
        assert again.article_list.current.id == "b.txt"
        assert "Paragraph 398" in screen_text(again)
        await pilot.press("shift+tab", "k", "enter")  # another article, then back: still where it was left
        assert again.session.article.id == "a.txt" and again.view.cursor == 0
        await pilot.press("shift+tab", "j", "enter")
        assert again.view.cursor == left
