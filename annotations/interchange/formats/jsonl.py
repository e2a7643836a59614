"""Native JSONL: one annotation a line, every field of the record (docs/formats.md)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...model import Annotation, Article
from .common import int_span, require

CARRIES_TEXT = False  # each line stands alone, quote and position
WRITES_FOLDER = False  # JSON lines, to a file or stdout


def export_lines(article: Article, annotations: list[Annotation]) -> Iterator[dict[str, Any]]:
    for annotation in annotations:
        yield annotation.to_record()


def without_offsets(record: dict[str, Any]) -> dict[str, Any]:
    """An orphan's record: its quote and context, no offsets that point nowhere."""
    return {key: value for key, value in record.items() if key not in ("start", "end")}


def parse(record: dict[str, Any]) -> list[dict[str, Any]]:
    """A record with start and end, or (to be anchored by its quote) with text alone."""
    require(record, "article", "label")
    if "start" in record or "end" in record or "text" not in record:
        require(record, "start", "end")
        int_span(record["start"], record["end"])
    return [record]
