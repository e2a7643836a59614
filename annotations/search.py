"""Search in one article: smart case (case matters only when the query has a capital),
the next or previous match from a position, wrapping around, and which match it is of
how many, so the person reads "match 3 of 12" and knows when the search wrapped."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass


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
    """The matches of one query in one text, found once and then stepped through."""

    def __init__(self, text: str, query: str) -> None:
        flags = 0 if any(c.isupper() for c in query) else re.IGNORECASE
        self.query = query
        self.spans = [m.span() for m in re.finditer(re.escape(query), text, flags)] if query else []
        self._starts = [start for start, _ in self.spans]

    def step(self, pos: int, direction: int) -> Found | None:
        """The first match after pos (direction 1) or the last before it (-1)."""
        if not self.spans:
            return None
        if direction > 0:
            index = bisect_left(self._starts, pos + 1)
            wrapped = index == len(self.spans)
            index = 0 if wrapped else index
        else:
            index = bisect_left(self._starts, pos) - 1
            wrapped = index < 0
            index = len(self.spans) - 1 if wrapped else index
        start, end = self.spans[index]
        return Found(start, end, index + 1, len(self.spans), wrapped)
