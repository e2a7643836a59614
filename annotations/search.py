"""Search in one article: smart case (case matters only when the query has a capital),
the next or previous match from a position, wrapping around, and which match it is of
how many, so the person reads "match 3 of 12" and knows when the search wrapped.

Plain str.find and str.count over the text (or its lower-case copy, made once per text)
run at memory speed: 100 MB is searched and counted in tens of milliseconds, where a
case-insensitive regular expression took seconds.
"""

from __future__ import annotations

from dataclasses import dataclass

_lowered: tuple[str, str] | None = None  # (text, text.lower()) of the last text searched


def lower_in_place(text: str) -> str:
    """text in lower case, one character for one, so offsets hold."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a character that lowers to two (İ): keep those as they are
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return lowered


def _lower(text: str) -> str:
    """lower_in_place(text), made once per text."""
    global _lowered
    if _lowered is None or _lowered[0] is not text:
        _lowered = (text, lower_in_place(text))
    return _lowered[1]


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    number: int  # 1-based, in text order
    total: int
    wrapped: bool  # the search went past the end (or the start) to find it

    def describe(self) -> str:
        where = " (wrapped to the top)" if self.wrapped and self.number == 1 else ""
        where = where or (" (wrapped to the bottom)" if self.wrapped else "")
        return f"match {self.number} of {self.total}{where}"


class Searcher:
    """One query in one text, stepped through match by match."""

    def __init__(self, text: str, query: str) -> None:
        self.query = query
        self._needle, self._haystack = query, text
        if not any(c.isupper() for c in query):
            self._needle, self._haystack = query.lower(), _lower(text)
        self._total: int | None = None

    @property
    def total(self) -> int:
        if self._total is None:
            self._total = self._haystack.count(self._needle) if self._needle else 0
        return self._total

    def step(self, pos: int, direction: int) -> Found | None:
        """The first match after pos (direction 1) or the last before it (-1)."""
        needle, haystack = self._needle, self._haystack
        if not needle:
            return None
        if direction > 0:
            start = haystack.find(needle, pos + 1)
            wrapped = start == -1
            if wrapped:
                start = haystack.find(needle, 0, pos + len(needle))
        else:
            start = haystack.rfind(needle, 0, max(0, pos) + len(needle) - 1)
            wrapped = start == -1
            if wrapped:
                start = haystack.rfind(needle, max(0, pos))
        if start == -1:
            return None
        number = haystack.count(needle, 0, start) + 1
        return Found(start, start + len(needle), number, self.total, wrapped)
