"""Pure text motions and wrapping (reader/motions.py, reader/layout.py)."""

from __future__ import annotations

from reader import motions
from reader.layout import Layout

TEXT = 'Col. Myles B. Caggins spoke. "Stop." Then he left!\nSecond line here.\n\nThird paragraph.'


def test_words():
    assert motions.next_word_start(TEXT, 0) == 3  # "Col" then "."
    assert motions.next_word_start(TEXT, 3) == 5
    assert motions.prev_word_start(TEXT, 7) == 5
    assert motions.word_end(TEXT, 5) == 9


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
    rows = [text[s:e] for s, e in zip(layout.starts, layout.ends)]
    assert rows == ["alpha beta ", "gamma delta", "", "epsilon"]
    assert layout.row_of(text.index("gamma")) == 1
    assert layout.x_of(text.index("delta")) == 6
    assert layout.offset_at(1, 6) == text.index("delta")
    assert layout.offset_at(1, 99) == layout.ends[1]


def test_wrap_measures_wide_characters_in_cells():
    text = "東京東京東京 ab"
    layout = Layout(text, 5)
    assert [text[s:e] for s, e in zip(layout.starts, layout.ends)] == ["東京", "東京", "東京 ", "ab"]
    assert layout.x_of(1) == 2
    assert layout.offset_at(0, 3) == 1


def test_long_word_is_cut_hard():
    layout = Layout("x" * 25, 10)
    assert layout.starts == [0, 10, 20]
