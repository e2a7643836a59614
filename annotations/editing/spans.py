"""Spans of one article indexed by offset: what covers a character, what overlaps a
range, which comes next. Sorted keys and bisection keep each question at O(log n) plus
the answer, so a view of an article with thousands of tags stays quick. The tags are a
SpanIndex (which also changes one at a time); suggestions are plain Spans.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from typing import Generic, Protocol, TypeVar

from ..model import ORPHANED, Annotation

Key = tuple[int, int, str]


class Span(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


S = TypeVar("S", bound=Span)


class Tagged(Span, Protocol):
    """What finding suggestions needs of a tag: an Annotation, or its outline (all a
    process apart is sent: pickling 10,000 whole tags took 130 ms of the interpreter)."""

    @property
    def label(self) -> str: ...
    @property
    def id(self) -> str: ...


def order(annotation: Tagged) -> Key:
    """Annotations in text order; the longer first where two start together."""
    return annotation.start, -annotation.end, annotation.id


class Spans(Generic[S]):
    """Spans sorted by key (start, -end, a tie-breaker), asked about by offset."""

    def __init__(self, spans: Iterable[S], key: Callable[[S], Key]) -> None:
        self._spans: list[S] = sorted(spans, key=key)
        self._keys: list[Key] = [key(s) for s in self._spans]
        self._longest = max((s.end - s.start for s in self._spans), default=0)

    def __len__(self) -> int:
        return len(self._spans)

    def __iter__(self) -> Iterator[S]:
        return iter(self._spans)

    def overlapping(self, start: int, end: int) -> list[S]:
        """Spans that share at least one character with [start, end)."""
        # A 1-tuple sorts before every key with that start.
        first = bisect_left(self._keys, (start - self._longest,))
        last = bisect_left(self._keys, (end,))
        return [s for s in self._spans[first:last] if s.end > start and s.start < end]

    def covering(self, offset: int) -> list[S]:
        """Every span over the character at offset, innermost (shortest) first."""
        return sorted(self.overlapping(offset, offset + 1), key=lambda s: (s.end - s.start, s.start))

    def innermost_at(self, offset: int) -> S | None:
        """The shortest span over the character at offset."""
        found = self.covering(offset)
        return found[0] if found else None

    def next_after(self, offset: int) -> S | None:
        """The first span that starts after offset."""
        index = bisect_left(self._keys, (offset + 1,))
        return self._spans[index] if index < len(self._spans) else None

    def previous_before(self, offset: int) -> S | None:
        """The last span that starts before offset."""
        index = bisect_left(self._keys, (offset,)) - 1
        return self._spans[index] if index >= 0 else None


class SpanIndex(Spans[Annotation]):
    """The anchored annotations of one article, sorted by (start, -end, id)."""

    def __init__(self, annotations: Iterable[Annotation] = ()) -> None:
        super().__init__((a for a in annotations if a.status != ORPHANED), order)
        self._by_id: dict[str, Annotation] = {a.id: a for a in self._spans}

    def get(self, annotation_id: str) -> Annotation | None:
        return self._by_id.get(annotation_id)

    def replace(self, annotation_id: str, annotation: Annotation | None) -> list[tuple[int, int]]:
        """Take out the annotation with this id, put this one in (if any, and anchored).

        Returns the spans whose look changed, for a caller that redraws only those.
        """
        touched = []
        old = self._by_id.pop(annotation_id, None)
        if old is not None:
            index = bisect_left(self._keys, order(old))
            del self._spans[index], self._keys[index]
            touched.append((old.start, old.end))
        if annotation is not None and annotation.status != ORPHANED:
            key = order(annotation)
            index = bisect_left(self._keys, key)
            self._spans.insert(index, annotation)
            self._keys.insert(index, key)
            self._by_id[annotation.id] = annotation
            self._longest = max(self._longest, annotation.end - annotation.start)
            touched.append((annotation.start, annotation.end))
        return touched
