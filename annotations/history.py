"""Undo and redo of tag, delete, relabel and note, applied to an AnnotationStore."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Annotation
from .store import AnnotationStore


@dataclass(frozen=True)
class Change:
    """One step: before is None for a tag, after is None for a delete; kind names it
    (tag, delete, relabel, note) so that undo can say what it undid."""

    before: Annotation | None
    after: Annotation | None
    kind: str = "tag"

    @property
    def subject(self) -> Annotation:
        return self.after or self.before  # type: ignore[return-value]


class History:
    """Applies changes to a store and remembers them so they can be undone."""

    def __init__(self, store: AnnotationStore, limit: int = 1000) -> None:
        self.store = store
        self.limit = limit
        self._done: list[Change] = []
        self._undone: list[Change] = []

    def _apply(self, before: Annotation | None, after: Annotation | None) -> None:
        if after is None:
            self.store.remove(before.id)  # type: ignore[union-attr]
        else:
            self.store.put(after)

    def do(self, change: Change) -> Change:
        self._apply(change.before, change.after)
        self._done.append(change)
        del self._done[: -self.limit]
        self._undone.clear()
        return change

    def tag(self, annotation: Annotation) -> Change:
        return self.do(Change(None, annotation, "tag"))

    def delete(self, annotation: Annotation) -> Change:
        return self.do(Change(annotation, None, "delete"))

    def edit(self, before: Annotation, after: Annotation, kind: str) -> Change:
        return self.do(Change(before, after, kind))

    def undo(self) -> Change | None:
        """Reverse the last change; None when there is nothing to undo."""
        if not self._done:
            return None
        change = self._done.pop()
        self._apply(change.after, change.before)
        self._undone.append(change)
        return change

    def redo(self) -> Change | None:
        if not self._undone:
            return None
        change = self._undone.pop()
        self._apply(change.before, change.after)
        self._done.append(change)
        return change
