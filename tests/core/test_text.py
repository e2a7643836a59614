"""Offsets are code points; a selection never splits a grapheme; display is one-for-one."""

from __future__ import annotations

import pytest

from annotations.model import Article, new_annotation
from annotations.text import (
    display_text,
    grapheme_bounds,
    next_grapheme,
    normalise_newlines,
    prev_grapheme,
    snap_span,
    steady_width,
)

THUMB = "👍🏽"  # thumbs up + skin tone modifier: 2 code points, 1 cluster
FAMILY = "👨‍👩‍👧"  # ZWJ sequence: 5 code points
E_ACUTE = "e\u0301"  # e + combining acute
FLAG = "🇮🇶"  # regional indicators


@pytest.mark.parametrize("cluster", [THUMB, FAMILY, E_ACUTE, FLAG, "日"])
def test_cluster_is_one_step(cluster):
    text = f"a{cluster}b"
    assert next_grapheme(text, 1) == 1 + len(cluster)
    assert prev_grapheme(text, 1 + len(cluster)) == 1
    for inside in range(1, 1 + len(cluster)):
        assert grapheme_bounds(text, inside) == (1, 1 + len(cluster))


@pytest.mark.parametrize("cluster", [THUMB, FAMILY, E_ACUTE, FLAG])
def test_snap_never_splits_a_cluster(cluster):
    text = f"ab{cluster}cd"
    start = 2
    for cut in range(start + 1, start + len(cluster)):
        assert snap_span(text, 0, cut) == (0, start + len(cluster))
        assert snap_span(text, cut, len(text)) == (start, len(text))


def test_annotation_offsets_are_code_points_with_emoji_cjk_and_accents():
    text = f"{FAMILY} said 東京 café{E_ACUTE} {THUMB}!"
    article = Article("a.txt", text)
    tokyo = text.index("東京")
    tag = new_annotation(article, "place", tokyo, tokyo + 2)
    assert (tag.start, tag.end, tag.text) == (len(FAMILY) + 6, len(FAMILY) + 8, "東京")
    assert text[tag.start : tag.end] == tag.text
    thumb = text.index(THUMB)
    half = new_annotation(article, "quote", thumb, thumb + 1)  # asks for half the emoji
    assert half.text == THUMB and half.end == thumb + 2
    accent = text.index(E_ACUTE)
    tag = new_annotation(article, "quote", accent + 1, accent + 2)  # only the combining mark
    assert tag.text == E_ACUTE
    assert tag.prefix == text[max(0, tag.start - 32) : tag.start]
    assert tag.suffix == text[tag.end : tag.end + 32]


def test_empty_span_is_refused():
    with pytest.raises(ValueError):
        new_annotation(Article("a", "abc"), "quote", 1, 1)


def test_newlines_are_normalised():
    assert normalise_newlines("a\r\nb\rc\n") == "a\nb\nc\n"


def test_display_replaces_controls_one_for_one():
    hostile = "ok\x1b]0;pwned\x07 \x1b[31mred\x9b\x00\ttab\u202eevil\nnext"
    shown = display_text(hostile)
    assert len(shown) == len(hostile)
    assert not any(ord(c) < 32 and c != "\n" for c in shown)
    assert not any(0x7F <= ord(c) < 0xA0 for c in shown)
    assert "\u202e" not in shown
    assert shown.index("\n") == hostile.index("\n")
    assert shown[2] == "␛" and shown[hostile.index("\x07")] == "␇"


@pytest.mark.parametrize(
    "shown, steady",
    [
        (f"Vote {THUMB} today", "Vote 👍 today"),  # tmux 3.3 draws 👍🏽 four cells wide, rich measures two
        (f"Flag {FLAG} and 🇺🇸", "Flag IQ and US"),
        (f"{FAMILY} day", "👨 day"),
        ("I ❤️ news", "I ❤ news"),  # one cell in tmux, two by the emoji presentation rule
        (f"caf{E_ACUTE} 報道", f"caf{E_ACUTE} 報道"),  # these every terminal agrees on
    ],
)
def test_steady_width_keeps_only_what_terminals_draw_alike(shown, steady):
    assert steady_width(shown) == steady
