"""What a new tag carries without anyone typing: a figure's value and unit, a place's
GeoNames entry, a quote's speaker and cue. The same finders as the suggestions read
the tag's text and the article around it; what they cannot tell is left out, never
guessed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .figures import parse_figure
from .gazetteer import Gazetteer
from .numerals import numbers_of
from .places import place_named
from .quotes import Quote, find_quotes

SPEAKER_WINDOW = 10_000  # characters read on each side of a quote: enough for a story's speakers
PLACE_CONTEXT = 2_000  # and of a place: its paragraph and the next ones (a key's worth of time: ~1 ms)


def filled_in(
    label: str, text: str, start: int, end: int, gazetteer: Gazetteer | None = None, article: str | None = None
) -> dict[str, Any]:
    """The attributes of a new tag of label over text[start:end] (text: the whole article,
    else article is); a figure read in the article's number convention, as its suggestions are."""
    if label == "figure":
        figure = parse_figure(text[start:end], numbers_of(text if article is None else article))
        return figure.attrs() if figure is not None else {}
    if label == "place" and gazetteer is not None:
        place = place_named(text[start:end], text[max(0, start - PLACE_CONTEXT) : end + PLACE_CONTEXT], gazetteer)
        return place.attrs() if place is not None else {}
    if label == "quote":
        left = max(0, start - SPEAKER_WINDOW)
        return _speaker(text[left : end + SPEAKER_WINDOW], start - left, end - left, left)
    return {}


def _speaker(context: str, start: int, end: int, shift: int) -> dict[str, Any]:
    """The speaker and cue of the quote at context[start:end], offsets moved by shift into
    the article. A quote found there (marks or not in the selection) is taken as found;
    words not between marks are read as if they were ("Caggins said the troops …")."""
    overlap = {q: min(end, q.end) - max(start, q.start) for q in find_quotes(context)}
    best = max(overlap, key=overlap.__getitem__, default=None)
    if best is not None and overlap[best] * 2 > min(end - start, best.end - best.start):
        return _moved(best, lambda offset: offset + shift)
    marked = f"{context[:start]}“{context[start:end]}”{context[end:]}"
    for quote in find_quotes(marked):
        if quote.start == start + 1 and quote.speaker:
            return _moved(quote, lambda offset: shift + (offset if offset <= start else offset - 2))
    return {}


def _moved(quote: Quote, move: Callable[[int], int]) -> dict[str, Any]:
    attrs = quote.attrs()
    if "speaker_start" in attrs:
        attrs["speaker_start"], attrs["speaker_end"] = move(attrs["speaker_start"]), move(attrs["speaker_end"])
    return attrs
