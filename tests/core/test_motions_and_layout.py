"""Pure text motions and wrapping (reader/motions.py, reader/layout.py)."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from annotations.text import display_text, graphemes
from reader import motions
from reader.layout import Layout, block_bounds

TEXT = 'Col. Myles B. Caggins spoke. "Stop." Then he left!\nSecond line here.\n\nThird paragraph.'


def test_words():
    assert motions.next_word_start(TEXT, 0) == 3  # "Col" then "."
    assert motions.next_word_start(TEXT, 3) == 5
    assert motions.prev_word_start(TEXT, 7) == 5
    assert motions.word_end(TEXT, 5) == 9


def test_a_number_with_separators_or_a_decimal_point_is_one_word():
    text = "They counted 1.250 homes, 4,500 people and 3.5% more in 2024. Then 1,234,567.89."
    for figure in ("1.250", "4,500", "3.5", "1,234,567.89"):
        start = text.index(figure)
        end = start + len(figure)
        for pos in range(start, end):
            assert motions.word_span(text, pos) == (start, end), (figure, pos)
            assert motions.next_word_start(text, pos) == end + (text[end] == " "), (figure, pos)
        assert motions.word_end(text, start) == end - 1
        assert motions.prev_word_start(text, end) == start
    year = text.index("2024")  # a sentence's full stop is not a decimal point
    assert text[slice(*motions.word_span(text, year))] == "2024"
    assert motions.word_end(text, year) == year + 3


def test_sentences_skip_initials_and_abbreviations():
    assert TEXT[slice(*motions.sentence_span(TEXT, 0))] == "Col. Myles B. Caggins spoke."
    at_stop = TEXT.index('"Stop')
    assert TEXT[slice(*motions.sentence_span(TEXT, at_stop))] == '"Stop."'
    assert motions.next_sentence(TEXT, 0) == at_stop
    assert motions.prev_sentence(TEXT, at_stop) == 0
    second = TEXT.index("Second")
    assert TEXT[slice(*motions.sentence_span(TEXT, second + 3))] == "Second line here."


def test_paragraphs():
    second = TEXT.index("Second")
    third = TEXT.index("Third")
    assert motions.next_paragraph(TEXT, 0) == second
    assert motions.next_paragraph(TEXT, second) == third
    assert motions.prev_paragraph(TEXT, third) == second
    assert motions.prev_paragraph(TEXT, second) == 0


def test_wrap_breaks_at_spaces_and_keeps_offsets():
    text = "alpha beta gamma delta\n\nepsilon"
    layout = Layout(text, 11)
    rows = [text[s:e] for s, e in layout.every_row()]
    assert rows == ["alpha beta ", "gamma delta", "", "epsilon"]
    assert layout.row_of(text.index("gamma")) == 1
    assert layout.x_of(text.index("delta")) == 6
    assert layout.offset_at(1, 6) == text.index("delta")
    assert layout.offset_at(1, 99) == layout.span(1)[1]


def test_wrap_measures_wide_characters_in_cells():
    text = "東京東京東京 ab"
    layout = Layout(text, 5)
    assert [text[s:e] for s, e in layout.every_row()] == ["東京", "東京", "東京 ", "ab"]
    assert layout.x_of(1) == 2
    assert layout.offset_at(0, 3) == 1


def test_long_word_is_cut_hard():
    layout = Layout("x" * 25, 10)
    assert [start for start, _ in layout.every_row()] == [0, 10, 20]


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from(list("ab cd  ef“”—éبغد\n")), max_size=200),
    width=st.integers(min_value=1, max_value=30),
)
def test_one_cell_text_wraps_as_ascii_text_of_the_same_shape(text, width):
    """Curly quotes, dashes, accented and Arabic letters are one cell and one cluster
    each: a line of them wraps exactly as the same line with each replaced by x."""
    shaped = "".join(c if c.isascii() else "x" for c in text)
    fast, ascii_layout = Layout(text, width), Layout(shaped, width)
    assert fast.every_row() == ascii_layout.every_row()
    for offset in range(len(text)):
        assert fast.x_of(offset) == ascii_layout.x_of(offset)
    for row in range(fast.rows):
        assert fast.offset_at(row, 3) == ascii_layout.offset_at(row, 3)


def test_display_text_is_quick_on_non_ascii_and_still_one_for_one():
    text = "“Quote” \x1b[31m بغداد\x07 e\u0301\t end" * 3
    shown = display_text(text)
    assert len(shown) == len(text)
    assert "\x1b" not in shown and "\x07" not in shown and "\t" not in shown
    assert shown.startswith("“Quote” ␛[31m بغداد␇ e\u0301  end")
    plain = "“Only quotes” and بغداد"
    assert display_text(plain) is plain  # nothing to replace: the same string, no copy


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from(list("ab  東京“é\u0301👍🏽\n")), max_size=120),
    width=st.integers(min_value=2, max_value=12),
)
def test_rows_fit_the_width_and_cover_the_text_in_order(text, width):

    check_rows_cover(text, width, Layout(text, width))


def check_rows_cover(text: str, width: int, layout: Layout) -> None:
    from rich.cells import cell_len

    position = 0
    for start, end in layout.every_row():
        assert start == position or (text[position:start] == "\n" and start == position + 1)
        row = display_text(text[start:end]).rstrip(" ")  # spaces (a tab shows as one) may hang past the margin
        assert cell_len(row) <= width or len(list(graphemes(row))) == 1
        position = end
    assert position == len(text)


def test_a_short_line_of_wide_characters_still_wraps():
    layout = Layout("東京東京", 5)  # four characters, eight cells
    assert [("東京東京")[s:e] for s, e in layout.every_row()] == ["東京", "東京"]


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from(list("ab  東京“é\u0301\t\n")), max_size=160),
    width=st.integers(min_value=2, max_value=12),
    block=st.integers(min_value=1, max_value=20),
    order=st.randoms(use_true_random=False),
)
def test_a_text_in_blocks_wraps_as_a_whole_and_maps_offsets_in_any_order(text, width, block, order):
    """Blocks are wrapped when asked for, in whatever order: every offset's row holds
    it, rows still fit and cover the text, and where every line fits in a block (cuts
    at newlines only) the rows are those of the text wrapped in one piece."""
    bounds = block_bounds(text, block)
    assert (
        bounds == [0, 0] if not text else bounds[0] == 0 and bounds[-1] == len(text) and bounds == sorted(set(bounds))
    )
    layout = Layout(text, width, bounds)
    offsets = list(range(len(text) + 1))
    order.shuffle(offsets)
    for offset in offsets:
        start, end = layout.span(layout.row_of(offset))
        assert start <= offset <= max(end, start) or text[end:offset] == "\n"
    check_rows_cover(text, width, layout)
    if all(text[cut - 1] == "\n" for cut in bounds[1:-1]):
        assert layout.every_row() == Layout(text, width).every_row()


def test_a_large_text_is_wrapped_only_where_asked():
    line = "Troops moved into bases across the north on Sunday, officials said.\n"
    text = line * 30_000  # 2 MB, 31 blocks
    layout = Layout(text, 40)
    blocks = len(layout.bounds) - 1
    assert blocks > 20 and layout.estimated == blocks - 1  # only the first block is wrapped
    assert abs(layout.rows - 60_001) <= 1  # two rows a line, the estimate close for text this even
    end = layout.row_of(len(text))
    assert layout.span(end) == (len(text), len(text)) and layout.estimated == blocks - 2
    middle = len(text) // 2
    start, stop = layout.span(layout.row_of(middle))
    assert start <= middle < stop and layout.estimated == blocks - 3


def test_a_giant_line_breaks_at_a_space_once_a_block():
    text = "word " * 40_000  # 200,000 characters, no newline
    bounds = block_bounds(text)
    assert len(bounds) > 3 and all(text[cut - 1] == " " for cut in bounds[1:-1])
    layout = Layout(text, 50, bounds)
    rows = layout.every_row()
    assert rows[0] == (0, 50) and rows[-1][1] == len(text)
    assert all(start in {end, end + 1} or start == end for (_, end), (start, _) in itertools.pairwise(rows))


def test_wide_text_is_cut_into_smaller_blocks():
    """CJK is wrapped a cluster at a time, four times slower than one-cell text: its
    blocks are a quarter the size, so that G or a resize wraps within a frame or two."""
    from reader.layout import BLOCK

    latin = ("Troops moved into bases across the north. " * 20 + "\n") * 2000
    wide = ("北京报道，部队进入北方基地。" * 40 + "\n") * 2000
    assert min(b - a for a, b in itertools.pairwise(block_bounds(latin)[:-1])) >= BLOCK
    assert max(b - a for a, b in itertools.pairwise(block_bounds(wide)[:-1])) < BLOCK // 2
