"""Search the whole corpus: every match of a word or phrase in every article, with the
words around it (keyword in context), found article by article so the first matches
show while the rest are looked for. Smart case, as in one article's search.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..search import lower_in_place
from .entries import ArticleError, Entry

MATCH_CONTEXT = 40  # characters shown on each side of a match
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Hit:
    article: str
    start: int
    end: int
    before: str  # the words before the match, on one line
    match: str
    after: str


def _line(text: str) -> str:
    """The words on one line, a space kept where one meets the match ("of Kirkuk and")."""
    return _SPACES.sub(" ", text)


def hits(entries: Iterable[Entry], query: str, per_article: int = 1000) -> Iterator[Hit]:
    """Every match of query, article by article, in text order (at most per_article in one)."""
    if not query.strip():
        return
    folded = not any(c.isupper() for c in query)
    needle = query.lower() if folded else query
    for entry in entries:
        try:
            text = entry.load().text
        except ArticleError:
            continue  # named in the list already: not an article
        haystack = lower_in_place(text) if folded else text
        start = haystack.find(needle)
        found = 0
        while start != -1 and found < per_article:
            end = start + len(needle)
            before = _line(text[max(0, start - MATCH_CONTEXT) : start])[-MATCH_CONTEXT:]
            after = _line(text[end : end + MATCH_CONTEXT])[:MATCH_CONTEXT]
            yield Hit(entry.id, start, end, before, text[start:end], after)
            found += 1
            start = haystack.find(needle, end)
