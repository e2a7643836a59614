"""The annotations of one article indexed by offset: what covers a character, what
overlaps a range, which comes next. Sorted keys and bisection keep each question at
O(log n) plus the answer, so a view of an article with thousands of tags stays quick.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator

from .model import ORPHANED, Annotation

Key = tuple[int, int, str]


def order(annotation: Annotation) -> Key:
    """Annotations in text order; the longer first where two start together."""
    return annotation.start, -annotation.end, annotation.id


class SpanIndex:
    """The anchored annotations of one article, sorted by (start, -end, id)."""

    def __init__(self, annotations: Iterable[Annotation] = ()) -> None:
        placed = sorted((a for a in annotations if a.status != ORPHANED), key=order)
        self._annotations: list[Annotation] = placed
        self._keys: list[Key] = [order(a) for a in placed]
        self._by_id: dict[str, Annotation] = {a.id: a for a in placed}
        self._longest = max((a.end - a.start for a in placed), default=0)

    def __len__(self) -> int:
        return len(self._annotations)

    def __iter__(self) -> Iterator[Annotation]:
        return iter(self._annotations)

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
            del self._annotations[index], self._keys[index]
            touched.append((old.start, old.end))
        if annotation is not None and annotation.status != ORPHANED:
            key = order(annotation)
            index = bisect_left(self._keys, key)
            self._annotations.insert(index, annotation)
            self._keys.insert(index, key)
            self._by_id[annotation.id] = annotation
            self._longest = max(self._longest, annotation.end - annotation.start)
            touched.append((annotation.start, annotation.end))
        return touched

    def overlapping(self, start: int, end: int) -> list[Annotation]:
        """Annotations that share at least one character with [start, end)."""
        # A 1-tuple sorts before every key with that start.
        first = bisect_left(self._keys, (start - self._longest,))
        last = bisect_left(self._keys, (end,))
        return [a for a in self._annotations[first:last] if a.end > start and a.start < end]

    def covering(self, offset: int) -> list[Annotation]:
        """Every annotation over the character at offset, innermost (shortest) first."""
        return sorted(self.overlapping(offset, offset + 1), key=lambda a: (a.end - a.start, a.start))

    def innermost_at(self, offset: int) -> Annotation | None:
        """The shortest annotation over the character at offset."""
        found = self.covering(offset)
        return found[0] if found else None

    def next_after(self, offset: int) -> Annotation | None:
        """The first annotation that starts after offset."""
        index = bisect_left(self._keys, (offset + 1,))
        return self._annotations[index] if index < len(self._annotations) else None

    def previous_before(self, offset: int) -> Annotation | None:
        """The last annotation that starts before offset."""
        index = bisect_left(self._keys, (offset,)) - 1
        return self._annotations[index] if index >= 0 else None
