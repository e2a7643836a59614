"""Articles, labels and annotations: the records every other module passes around."""

from __future__ import annotations

import hashlib
import uuid
from functools import cached_property
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timezone

from .text import snap_span

CONTEXT = 32  # characters of prefix and suffix kept with every quote (as Hypothesis does)

ANCHORED = "anchored"
ORPHANED = "orphaned"


def now_iso() -> str:
    """The current time, ISO 8601 with a timezone (UTC), to the second."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Label:
    name: str
    key: str
    colour: str


@dataclass(frozen=True)
class LabelSet:
    labels: tuple[Label, ...]

    def by_key(self, key: str) -> Label | None:
        return next((label for label in self.labels if label.key == key), None)

    def by_name(self, name: str) -> Label | None:
        return next((label for label in self.labels if label.name == name), None)

    @property
    def names(self) -> list[str]:
        return [label.name for label in self.labels]


DEFAULT_LABELS = LabelSet(
    (
        Label("quote", "1", "#2e6fd8"),
        Label("figure", "2", "#b8860b"),
        Label("place", "3", "#2e8b57"),
    )
)


@dataclass
class Article:
    """One article as loaded: its id is its path relative to the corpus root."""

    id: str
    text: str
    path: str = ""
    encoding: str = "utf-8"

    @cached_property
    def sha256(self) -> str:
        return sha256_text(self.text)


@dataclass(frozen=True)
class Annotation:
    """One tagged span. start is inclusive, end exclusive, both code points."""

    id: str
    article: str
    article_sha256: str
    label: str
    start: int
    end: int
    text: str
    prefix: str = ""
    suffix: str = ""
    note: str = ""
    annotator: str = ""
    created: str = ""
    updated: str = ""
    status: str = ANCHORED

    def to_record(self) -> dict:
        return asdict(self)

    @classmethod
    def from_record(cls, record: dict) -> Annotation:
        known = {name: record[name] for name in cls.__dataclass_fields__ if name in record}
        return cls(**known)

    def with_changes(self, **changes) -> Annotation:
        return replace(self, updated=now_iso(), **changes)

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end


def new_annotation(
    article: Article, label: str, start: int, end: int, annotator: str = "", note: str = ""
) -> Annotation:
    """An annotation of article[start:end], widened to whole grapheme clusters."""
    start, end = snap_span(article.text, start, end)
    if start >= end:
        raise ValueError("an annotation needs at least one character")
    stamp = now_iso()
    return Annotation(
        id=uuid.uuid4().hex,
        article=article.id,
        article_sha256=article.sha256,
        label=label,
        start=start,
        end=end,
        text=article.text[start:end],
        prefix=article.text[max(0, start - CONTEXT) : start],
        suffix=article.text[end : end + CONTEXT],
        note=note,
        annotator=annotator,
        created=stamp,
        updated=stamp,
    )
