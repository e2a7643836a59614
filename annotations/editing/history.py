"""Undo and redo of every change to the tags (tag, delete, relabel, note, attributes,
accept) and to the rejections, applied to an AnnotationStore. Accepting or rejecting
many suggestions at once (Y, R) is one step."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..model import Annotation
from ..store import AnnotationStore


@dataclass(frozen=True)
class Change:
    """One step: before is None for a tag, after is None for a delete; kind names it
    (tag, delete, relabel, note, attributes, accept, reject) so that undo can say what
    it undid. A rejection (a suggestion turned down) has neither, only its record; a
    step of many has its changes as parts."""

    before: Annotation | None
    after: Annotation | None
    kind: str = "tag"
    rejection: dict[str, Any] | None = None
    parts: tuple[Change, ...] = ()

    @property
    def subject(self) -> Annotation | None:
        """The tag it changed (the first part's, for many); None for a rejection."""
        if self.parts:
            return self.parts[0].subject
        return self.after or self.before

    @property
    def article(self) -> str:
        if self.parts:
            return self.parts[0].article
        subject = self.after or self.before
        return subject.article if subject is not None else str((self.rejection or {}).get("article", ""))

    @property
    def start(self) -> int:
        if self.parts:
            return self.parts[0].start
        subject = self.after or self.before
        return subject.start if subject is not None else int((self.rejection or {}).get("start", 0))

    def leaves(self) -> tuple[Change, ...]:
        return self.parts or (self,)


class History:
    """Applies changes to a store and remembers them so they can be undone."""

    def __init__(self, store: AnnotationStore, limit: int = 1000) -> None:
        self.store = store
        self.limit = limit
        self._done: list[Change] = []
        self._undone: list[Change] = []

    def _forward(self, change: Change) -> None:
        for leaf in change.leaves():
            if leaf.rejection is not None:
                self.store.reject(**leaf.rejection)
            elif leaf.after is None:
                self.store.remove(leaf.before.id)  # type: ignore[union-attr]
            else:
                self.store.put(leaf.after)

    def _backward(self, change: Change) -> None:
        for leaf in reversed(change.leaves()):
            if leaf.rejection is not None:
                self.store.unreject(**leaf.rejection)
            elif leaf.before is None:
                self.store.remove(leaf.after.id)  # type: ignore[union-attr]
            else:
                self.store.put(leaf.before)

    def do(self, change: Change) -> Change:
        self._forward(change)
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
        self._backward(change)
        self._undone.append(change)
        return change

    def redo(self) -> Change | None:
        if not self._undone:
            return None
        change = self._undone.pop()
        self._forward(change)
        self._done.append(change)
        return change
