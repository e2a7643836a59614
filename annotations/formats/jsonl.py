"""Native JSONL: one annotation a line, every field of the record in DESIGN.md."""

from __future__ import annotations

from ..model import Annotation, Article
from .common import int_span, require

CARRIES_TEXT = False  # each line stands alone, quote and position
WRITES_FOLDER = False  # JSON lines, to a file or stdout


def export_lines(article: Article, annotations: list[Annotation]):
    for annotation in annotations:
        yield annotation.to_record()


def parse(record: dict) -> list[dict]:
    require(record, "article", "label", "start", "end")
    int_span(record["start"], record["end"])
    return [record]
