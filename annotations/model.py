"""Articles, labels and annotations: the records every other module passes around."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from functools import cached_property
from operator import attrgetter
from typing import Any

from .text import snap_span

NOTE_LIMIT = 10_000  # characters in a note: a longer one is cut in the app, refused on import
QUOTE_CONTEXT = 32  # characters of prefix and suffix kept with every quote (as Hypothesis does)

ANCHORED = "anchored"
MANUAL = "manual"  # an annotation's origin: tagged by hand
SUGGESTED = "suggested"  # or a suggestion the person accepted
ADJUDICATED = "adjudicated"  # or taken into a gold set by a reviewer (annotations/team/review.py)
ORIGINS = (MANUAL, SUGGESTED, ADJUDICATED)
ORPHANED = "orphaned"


def now_iso() -> str:
    """The current time, ISO 8601 with a timezone (UTC), to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


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
        # White text on each measures 6.1, 5.5 and 6.2 to 1 (WCAG AA asks 4.5).
        Label("quote", "1", "#1f5fbf"),
        Label("figure", "2", "#8a6100"),
        Label("place", "3", "#1d6e45"),
    )
)


@dataclass
class Article:
    """One article as loaded: its id is its path relative to the corpus root."""

    id: str
    text: str
    path: str = ""
    encoding: str = "utf-8"
    complete: bool = True  # False: only the beginning, shown while a large file is read

    @cached_property
    def sha256(self) -> str:
        return sha256_text(self.text)


@dataclass(slots=True)
class Annotation:
    """One tagged span. start is inclusive, end exclusive, both code points.

    Treated as immutable (with_changes makes a new one); not frozen, because a frozen
    dataclass is three times slower to build and a database holds 100,000 of them.
    """

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
    # What the tag says beyond its label: a figure's value and unit, a place's GeoNames
    # id, a quote's speaker (see attributes.py). Plain JSON values, never nested.
    attrs: dict[str, Any] = field(default_factory=dict)
    origin: str = MANUAL
    # The stored record this was read from, handed back by to_record: an export of
    # 100,000 tags then builds no dicts. with_changes() leaves it unset (None).
    _record: dict[str, Any] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        """No attribute is stored empty: a field not known is absent (docs/formats.md), whichever
        way the tag was made (by hand, the editor, a suggestion, an import, an old file)."""
        values = self.attrs.values()
        if "" in values or None in values:  # (a generator over them cost 0.4 µs a tag)
            self.attrs = {name: value for name, value in self.attrs.items() if value is not None and value != ""}

    def to_record(self) -> dict[str, Any]:
        """The record to store or export (shared with the store: never mutate it)."""
        if self._record is not None:
            return self._record
        return dict(zip(RECORD_FIELDS, _values(self)))  # asdict() is 10× slower

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Annotation:
        try:
            annotation = cls(*[record[name] for name in RECORD_FIELDS])  # a full record: the quick way
        except KeyError:
            return cls(**{name: record[name] for name in RECORD_FIELDS if name in record})
        if len(record) == len(RECORD_FIELDS) and annotation.attrs is record["attrs"]:  # (not cleaned)
            annotation._record = record
        return annotation

    def with_changes(self, **changes: Any) -> Annotation:
        return replace(self, updated=now_iso(), **changes)


RECORD_FIELDS = tuple(name for name, spec in Annotation.__dataclass_fields__.items() if spec.init)
_values = attrgetter(*RECORD_FIELDS)


def new_annotation(
    article: Article,
    label: str,
    start: int,
    end: int,
    annotator: str = "",
    note: str = "",
    attrs: dict[str, Any] | None = None,
    origin: str = MANUAL,
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
        prefix=article.text[max(0, start - QUOTE_CONTEXT) : start],
        suffix=article.text[end : end + QUOTE_CONTEXT],
        note=note,
        annotator=annotator,
        created=stamp,
        updated=stamp,
        attrs=dict(attrs or {}),
        origin=origin,
    )
