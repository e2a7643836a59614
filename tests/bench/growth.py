"""The finders' time on text of odd shapes grows with its length, not with its square: a
long run of capitalised names, thousands of one-word quotes, a line of numbers. Each is
timed at n and at 4n characters; linear time is 4× (a quadratic finder once took 300 s
on 540 KB of place names in a row)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from annotations.suggest import gazetteer
from annotations.suggest.figures import find_figures
from annotations.suggest.places import find_places
from annotations.suggest.quotes import find_quotes

SHAPES = {
    "place names in one run": "Paris London Berlin Madrid ",
    "one-letter quotes in straight marks": '"a" ',
    "numbers with separators": "1,2.3 4.500,5 ",
}


def _seconds(find: Callable[[str], object], text: str) -> float:
    started = time.perf_counter()
    find(text)
    return time.perf_counter() - started


def growth_rows(size: int, cache: Path) -> list[tuple[str, float, float]]:
    """(shape, seconds at size, seconds at 4 × size) for each shape, every finder run."""
    places = gazetteer.load(cache)

    def every_finder(text: str) -> None:
        find_quotes(text)
        find_figures(text)
        find_places(text, places)

    out = []
    for shape, unit in SHAPES.items():
        small, large = unit * (size // len(unit)), unit * (4 * size // len(unit))
        every_finder(small)  # the patterns compiled before timing
        out.append((shape, _seconds(every_finder, small), _seconds(every_finder, large)))
    return out
