"""The article list redraws only the lines that change: what the terminal shows must
still be right after cursor moves, filtering and scrolling."""

from __future__ import annotations

from collections import Counter

from reader.textual_compat import composed_lines
from tests.app.waiting import started

SIZE = (120, 40)


def terminal_lines(widget) -> list[tuple[str, bool]]:
    """(text, drawn in the cursor's colours) for each line of widget as the terminal shows
    it now, so a line that was not redrawn shows what it showed before."""
    screen = composed_lines(widget.app.screen)
    region = widget.content_region
    cursor = widget.component_style("row-view--cursor").bgcolor
    lines = []
    for line in screen[region.y : region.bottom]:
        strip = line.crop(region.x, region.x + widget.scrollable_content_region.width)
        lines.append((strip.text, any(seg.style and seg.style.bgcolor == cursor and seg.text.strip() for seg in strip)))
    return lines


def expected_lines(article_list) -> list[str]:
    """The title each list line should show under the header, from the list's own state."""
    top = round(article_list.scroll_offset.y)
    height = article_list.scrollable_content_region.height - 1
    return [f"Headline number {entry.id[7:12].lstrip('0') or '0'}" for entry in article_list.shown[top : top + height]]


def assert_list_on_terminal(article_list) -> None:
    lines = terminal_lines(article_list)
    header, rows = lines[0], lines[1:]
    expected = expected_lines(article_list)
    for (text, _), title in zip(rows, expected):
        assert text.startswith(title) and not text[len(title)].isdigit(), (text, title)
    assert all(not text.strip() for text, _ in rows[len(expected) :])
    assert len(expected) == min(len(rows), article_list.row_count)  # no blank lines while rows remain
    cursor_line = article_list.cursor - round(article_list.scroll_offset.y)
    assert [number for number, (_, has_cursor) in enumerate(rows) if has_cursor] == [cursor_line]
    if article_list.typing or article_list.filter:
        assert header[0].startswith(f"/{article_list.filter}")


async def test_cursor_moves_and_filtering_redraw_the_right_lines(make_app, many_articles):
    app = make_app([many_articles])
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        article_list = app.article_list
        await pilot.press("j", "j", "j")
        await pilot.pause()
        assert_list_on_terminal(article_list)
        await pilot.press("k")
        await pilot.pause()
        assert_list_on_terminal(article_list)
        await pilot.press("slash")
        for key in [*"number 1", "backspace", "2", "5", "backspace", "backspace"]:
            await pilot.press(key)
            await pilot.pause()
            assert_list_on_terminal(article_list)
        assert article_list.filter == "number "
        await pilot.press("enter", "j", "j")
        await pilot.pause()
        assert_list_on_terminal(article_list)


async def test_filter_at_the_bottom_keeps_the_scroll_range_right(make_app, many_articles):
    app = make_app([many_articles])
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        article_list = app.article_list
        await pilot.press("end")
        await pilot.pause()
        assert article_list.cursor == 299
        assert_list_on_terminal(article_list)
        await pilot.press("slash", "2", "enter")  # 2, 12, …, 299: fewer rows, still more than fit
        await pilot.pause()
        assert_list_on_terminal(article_list)
        assert article_list.current.id == "article00299.txt"
        await pilot.press("end")
        await pilot.pause()
        assert article_list.cursor == article_list.row_count - 1
        assert article_list.max_scroll_y == article_list.row_count + 1 - article_list.scrollable_content_region.height
        assert_list_on_terminal(article_list)
        await pilot.press("home")
        await pilot.pause()
        assert round(article_list.scroll_offset.y) == 0
        assert_list_on_terminal(article_list)


async def test_large_counts_stay_apart(make_app, many_articles):
    app = make_app([many_articles])
    async with app.run_test(size=SIZE) as pilot:
        await started(pilot)
        article_list = app.article_list
        article_list.set_all_counts({"article00000.txt": Counter(quote=332, figure=117, place=5)})
        await pilot.pause()
        assert terminal_lines(article_list)[1][0].split()[-3:] == ["332", "117", "5"]
        article_list.set_counts("article00001.txt", Counter(quote=1, figure=1004, place=0))
        await pilot.pause()
        assert [line.split()[-3:] for line, _ in terminal_lines(article_list)[1:3]] == [
            ["332", "117", "5"],
            ["1", "1004", "·"],
        ]


async def test_emoji_in_titles_leave_the_count_columns_where_they_are(make_app, tmp_path):
    """A newcomer's walk: a title with 👍🏽 or a flag pushed its row's counts to the right
    (the terminal drew them wider than they were measured), and a title of wide
    characters was cut by code points, twice too long, its "…" lost."""
    from rich.cells import cell_len

    folder = tmp_path / "emoji"
    folder.mkdir()
    titles = ["Plain title", "Vote 👍🏽 in the count", "Flags 🇺🇸 and 🇫🇷 meet", "Big 👍 " + "👍 " * 40]
    for number, title in enumerate(titles):
        (folder / f"{number}.txt").write_text(f"{title}\n\nText about Erbil.\n")
    app = make_app(paths=[folder])
    async with app.run_test(size=(100, 12)) as pilot:
        await started(pilot)
        rows = [text for text, _ in terminal_lines(app.article_list)[1:5]]
        assert [row.split("  ")[0] for row in rows[:3]] == [
            "Plain title",
            "Vote 👍 in the count",
            "Flags US and FR meet",
        ]
        assert rows[3].startswith("Big 👍 👍 ") and "…" in rows[3]
        columns = {cell_len(row[: row.index("·")]) for row in rows}
        assert len(columns) == 1, rows  # the first count column, at one cell in every row
