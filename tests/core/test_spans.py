"""SpanIndex: what covers an offset, what overlaps a range, which tag comes next."""

from __future__ import annotations

from annotations.editing.spans import SpanIndex
from annotations.model import ORPHANED, Article, new_annotation

ARTICLE = Article("a.txt", "The troops left Kirkuk for Mosul on Tuesday.")


def tag(word: str, label: str = "place", length: int | None = None):
    start = ARTICLE.text.index(word)
    return new_annotation(ARTICLE, label, start, start + (length or len(word)))


def test_overlapping_finds_long_spans_that_start_far_before():
    sentence = tag("The", "quote", len(ARTICLE.text))
    kirkuk, mosul = tag("Kirkuk"), tag("Mosul")
    index = SpanIndex([mosul, sentence, kirkuk])
    assert [a.text for a in index] == [sentence.text, "Kirkuk", "Mosul"]
    assert index.overlapping(30, 31) == [sentence, mosul]
    assert index.overlapping(22, 27) == [sentence]  # " for " lies between the two places


def test_innermost_and_covering_order_shortest_first():
    sentence = tag("The", "quote", len(ARTICLE.text))
    kirkuk = tag("Kirkuk")
    index = SpanIndex([sentence, kirkuk])
    at = ARTICLE.text.index("Kirkuk") + 2
    assert index.innermost_at(at) == kirkuk
    assert index.covering(at) == [kirkuk, sentence]
    assert index.innermost_at(1) == sentence
    assert SpanIndex().innermost_at(0) is None


def test_next_and_previous():
    kirkuk, mosul = tag("Kirkuk"), tag("Mosul")
    index = SpanIndex([kirkuk, mosul])
    assert index.next_after(0) == kirkuk
    assert index.next_after(kirkuk.start) == mosul
    assert index.next_after(mosul.start) is None
    assert index.previous_before(mosul.start) == kirkuk
    assert index.previous_before(kirkuk.start) is None


def test_replace_moves_adds_and_removes_and_says_what_to_redraw():
    kirkuk, mosul = tag("Kirkuk"), tag("Mosul")
    index = SpanIndex([kirkuk])
    assert index.replace(mosul.id, mosul) == [(mosul.start, mosul.end)]
    relabelled = kirkuk.with_changes(label="quote")
    assert index.replace(kirkuk.id, relabelled) == [(kirkuk.start, kirkuk.end)] * 2
    assert index.get(kirkuk.id).label == "quote"
    assert index.replace(mosul.id, None) == [(mosul.start, mosul.end)]
    assert list(index) == [relabelled]
    assert index.replace("no-such-id", None) == []


def test_orphans_are_not_indexed():
    lost = tag("Kirkuk").with_changes(status=ORPHANED)
    index = SpanIndex([lost])
    assert len(index) == 0
    assert index.replace(lost.id, lost) == []
