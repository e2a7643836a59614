"""Hostile and odd articles in the app: shown correctly, nothing reaches the terminal."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

from reader.widgets.article_view import ArticleView
from tests.app.waiting import started
from tests.odd_articles import write_odd_corpus

SIZE = (120, 40)

HOSTILE = (
    "Title [b]bold[/b] [link=http://x]link[/link] [@click=app.quit]click[/] done\n"
    "ESC \x1b[31mred\x1b[0m OSC \x1b]0;pwned-title\x07 clip \x1b]52;c;ZXZpbA==\x07 C1 \x9b2J end\n"
    "Arabic بغداد and Hebrew ירושלים, 東京 wide, e\u0301 accent, 👨‍👩‍👧 family.\n"
)


def shown(app) -> str:
    view = app.query_one(ArticleView)
    return "\n".join(view.render_line(y).text for y in range(view.size.height))


def write(folder: Path, name: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)
    return folder


async def test_markup_and_escapes_are_shown_literally(make_app, tmp_path):
    folder = write(tmp_path / "c", "[b]odd [@click=app.quit]x.txt", HOSTILE.encode())
    app = make_app(paths=[folder])
    async with app.run_test(size=SIZE) as pilot:
        title = app.corpus.get("[b]odd [@click=app.quit]x.txt").meta.title
        assert title == "Title [b]bold[/b] [link=http://x]link[/link] [@click=app.quit]click[/] done"
        assert app.article_list.row_text("[b]odd [@click=app.quit]x.txt").startswith("Title [b]bold[/b]")
        await pilot.press("enter")
        await pilot.pause()
        screen = shown(app)
        assert "[@click=app.quit]click[/]" in screen
        assert "\x1b" not in screen and "\x07" not in screen and "\x9b" not in screen
        assert "␛[31mred␛[0m" in screen and "␛]0;pwned-title␇" in screen
        assert "[b]odd [@click=app.quit]x.txt" in app.query_one("#article-title").content.plain
        view = app.query_one(ArticleView)
        # offsets hold: the tag of "red" covers exactly "red" in the loaded text
        start = view.text.index("red")
        view.select(start, start + 3)
        await pilot.press("2")
        [tag] = app.store.annotations()
        assert tag.text == "red" and view.text[tag.start : tag.end] == "red"


async def test_odd_articles_open_and_binary_and_empty_are_handled(make_app, tmp_path):
    folder = write_odd_corpus(tmp_path / "odd")
    write(folder, "image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00binary")
    write(folder, "empty.txt", b"")
    app = make_app(paths=[folder])
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.pause()
        table = app.article_list
        from reader.widgets.article_list import describe_entry

        assert "skipped 1 file that is not an article: image.png" in app.query_one("#message").content.plain
        assert app.corpus.get("image.png") is None and table.index_of("image.png") is None  # listed no more
        assert describe_entry(app.corpus.get("latin1.txt")).endswith("(decoded as cp1252, not UTF-8)")
        table.move_cursor(table.index_of("empty.txt"))
        await pilot.press("enter")
        await pilot.press("v", "3")
        assert app.store.annotations() == []
        table.move_cursor(table.index_of("emoji.txt"))
        await pilot.press("shift+tab", "enter")
        view = app.query_one(ArticleView)
        thumb = view.text.index("👍🏽")
        view.move_to(thumb + 1)  # inside the cluster: snapped to its start
        assert view.cursor == thumb
        await pilot.press("v", "1")
        [tag] = app.store.annotations()
        assert tag.text == "👍🏽"


async def test_long_line_without_newline(make_app, tmp_path):
    folder = write(tmp_path / "long", "long.txt", ("word " * 400_000).encode())
    app = make_app(paths=[folder], open_first=True)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)  # a large article: the whole of it read
        await pilot.pause()
        view = app.query_one(ArticleView)
        assert view.layout_rows.rows > 10_000
        await pilot.press("G")
        assert view.cursor == len(view.text) - 1  # the last character
        assert "word" in shown(app)


async def test_edited_article_reanchors_and_orphans_show_in_panel(make_app, tmp_path, db_path):
    from annotations.store import AnnotationStore

    folder = write(tmp_path / "e", "a.txt", b"Troops left Kirkuk today. Officials met in Mosul later.")
    app = make_app(paths=[folder], open_first=True)
    async with app.run_test(size=SIZE) as pilot:
        view = app.query_one(ArticleView)
        for word in ("Kirkuk", "Mosul"):
            start = view.text.index(word)
            view.select(start, start + len(word))
            await pilot.press("3")
    app.store.close()
    (folder / "a.txt").write_bytes(b"UPDATE. Troops left Kirkuk today.")
    again = make_app(paths=[folder], open_first=True, store=AnnotationStore(db_path))
    async with again.run_test(size=SIZE) as pilot:
        view = again.query_one(ArticleView)
        assert [(a.text, a.start) for a in view.spans] == [("Kirkuk", 20)]
        assert "1 tag moved, 1 orphaned" in again.query_one("#message").content.plain
        await pilot.press("a")
        rows = [again.panel.row_text(r) for r in range(again.panel.row_count)]
        assert rows[0].startswith("place ") and "Kirkuk" in rows[0] and "orphaned" not in rows[0]
        assert rows[1].startswith("place orphaned") and "Mosul" in rows[1]
        await pilot.press("j", "enter")
        assert "is no longer in the text" in again.query_one("#message").content.plain


async def test_a_large_article_scrolls_without_a_jump_where_blocks_are_wrapped(make_app, tmp_path):
    """Only what is on screen is wrapped: G wraps the end, the blocks between stay
    estimates. Jumping into one (as a search does), then going up by keys or by the
    wheel across blocks' starts, the screen moves by exactly what was asked, though the
    rows above are renumbered as their blocks are wrapped."""
    uneven = random.Random(5)  # blocks of uneven rows: estimates that are off
    lines = [f"line {n:06d} " + "troops moved into bases " * uneven.choice((0, 1, 30)) for n in range(24_000)]
    folder = write(tmp_path / "big", "big.txt", "\n".join(lines).encode())
    app = make_app(paths=[folder], open_first=True)
    async with app.run_test(size=(100, 16)) as pilot:  # short: fewer keys to pass its top
        await started(pilot)  # a large article: the whole of it read
        await pilot.pause()
        view = app.query_one(ArticleView)
        layout = view.layout_rows
        await pilot.press("G")
        await pilot.pause()
        assert "line 023999" in shown(app)
        assert layout.estimated > 50  # the middle of the article was never wrapped
        for block in (70, 40, 10):
            view.move_to(layout.bounds[block] + 5)  # just after a block's start
            await pilot.press(*["k"] * 18)  # past the top of the screen, into the block above
            await pilot.pause()
            rows = [layout.span(round(view.scroll_offset.y) + y) for y in range(view.size.height)]
            assert all(start in (end, end + 1) for (_, end), (start, _) in itertools.pairwise(rows))
            assert rows[0][0] <= view.cursor <= rows[0][1]  # the screen followed the cursor up
            top, second = shown(app).splitlines()[:2]
            assert (top.rstrip(), second.rstrip()) == tuple(view.text[a:b].rstrip() for a, b in rows[:2])
            for _ in range(600):  # the wheel: three rows up at a time, across two blocks' starts (750 rows a block)
                was = layout.span(round(view.scroll_offset.y))
                view.scroll_to(y=round(view.scroll_offset.y) - 3, animate=False, immediate=True)
                assert layout.span(round(view.scroll_offset.y) + 3) == was
        await pilot.press("g", "g")
        await pilot.pause()
        assert shown(app).startswith("line 000000")


async def test_a_large_article_shows_its_beginning_then_the_whole(make_app, tmp_path):
    """Beyond FIRST_PART bytes, the first screen comes from the file's beginning and a thread
    reads the rest; then the whole is shown in place, and tags can be made."""
    from reader.app.open_article import FIRST_PART
    from reader.widgets.status_line import StatusLine

    text = "".join(f"Paragraph {n} on the troops in Kirkuk.\n" for n in range(FIRST_PART // 20))
    folder = write(tmp_path / "big", "big.txt", text.encode())
    app = make_app(paths=[folder], open_first=True)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.pause()
        view = app.query_one(ArticleView)
        assert view.text == text and view.article.complete and app.session.article is view.article
        assert app.query_one(StatusLine).message == f"big.txt: {len(text):,} characters"
        await pilot.press("G")
        assert view.cursor == len(text) - 1  # the end of the whole, not of the beginning
        last = text.rindex("Kirkuk")
        view.select(last, last + len("Kirkuk"))
        await pilot.press("3")
        [tag] = app.store.annotations()
        assert (tag.text, tag.start) == ("Kirkuk", last)


async def test_an_edited_large_article_answers_keys_while_its_tags_are_placed(make_app, tmp_path, db_path):
    """More than QUICK_TEXT characters: the tags are placed in a thread, the status line
    says so, and they appear, moved, when it is done."""
    from annotations.corpus import find_articles
    from annotations.editing.session import QUICK_TEXT
    from annotations.model import new_annotation
    from annotations.store import AnnotationStore
    from reader.widgets.status_line import StatusLine

    text = "".join(f"Paragraph {n} on the troops in Kirkuk.\n" for n in range(QUICK_TEXT // 30))
    folder = write(tmp_path / "big", "big.txt", text.encode())
    with AnnotationStore(db_path) as writer:
        article = find_articles([folder]).get("big.txt").load()
        for n in (10, 20_000):
            start = text.index(f"Paragraph {n} ")
            writer.add(new_annotation(article, "place", start, start + len(f"Paragraph {n}")))
    write(folder, "big.txt", b"A line added atop.\n" + text.encode())
    app = make_app(paths=[folder], open_first=True)
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        await pilot.pause()
        await started(pilot)  # the placing, started once the whole was read
        await pilot.pause()
        status = app.query_one(StatusLine)
        assert status.message == "big.txt changed on disk: 2 tags moved, 0 orphaned"
        assert any(line.endswith("placing 2 tags …") for line in status.log_lines)  # in a thread, said
        view = app.query_one(ArticleView)
        placed = sorted((a.start, a.text) for a in view.spans.overlapping(0, len(view.text)))
        assert placed == [
            (view.text.index("Paragraph 10 "), "Paragraph 10"),
            (view.text.index("Paragraph 20000 "), "Paragraph 20000"),
        ]


async def test_hostile_attribute_values_are_shown_inert(make_app):
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        view = app.query_one(ArticleView)
        view.select(0, 5)
        await pilot.press("3")
        [tag] = app.store.annotations()
        hostile = "[@click=app.quit]x[/] \x1b]0;pwned\x07 \x9b2J"
        app.show(app.session.give_attributes(tag, {"speaker": hostile, "unit": "[b]km[/b]"}))
        await pilot.pause()
        said = app.query_one("#message").content.plain + app.query_one("#position").content.plain
        assert "said by [@click=app.quit]x[/]" in said and "␛]0;pwned␇" in said
        assert "\x1b" not in said and "\x07" not in said and "\x9b" not in said
        assert app.is_running  # the click markup did not quit
