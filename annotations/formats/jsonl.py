"""Native JSONL: one annotation a line, every field of the record in DESIGN.md."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..model import Annotation, Article
from .common import int_span, require

CARRIES_TEXT = False  # each line stands alone, quote and position
WRITES_FOLDER = False  # JSON lines, to a file or stdout


def export_lines(article: Article, annotations: list[Annotation]) -> Iterator[dict[str, Any]]:
    for annotation in annotations:
        yield annotation.to_record()


def parse(record: dict[str, Any]) -> list[dict[str, Any]]:
    require(record, "article", "label", "start", "end")
    int_span(record["start"], record["end"])
    return [record]
