"""doccano sequence labelling: one article a line, {"text", "label": [[start, end, label]]}.

meta carries the article id and, per span, what doccano has no field for (id, note,
annotator, times, attributes), so that an export imports back losslessly.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..model import Annotation, Article
from .common import FormatError, article_of, int_span, require

EXTRA = ("id", "note", "annotator", "created", "updated", "status", "attrs")

CARRIES_TEXT = True  # ships the article text; positions point into it
WRITES_FOLDER = False  # JSON lines, to a file or stdout


def export_lines(article: Article, annotations: list[Annotation]) -> Iterator[dict[str, Any]]:
    yield {
        "text": article.text,
        "label": [[a.start, a.end, a.label] for a in annotations],
        "meta": {
            "article": article.id,
            "article_sha256": article.sha256,
            "annotations": [{key: getattr(a, key) for key in EXTRA} for a in annotations],
        },
    }


def parse(record: dict[str, Any]) -> list[dict[str, Any]]:
    require(record, "text")
    article = article_of(record)
    spans = record.get("label", record.get("labels", []))
    extras = (record.get("meta") or {}).get("annotations") or []
    parsed = []
    for index, span in enumerate(spans):
        if not isinstance(span, list) or len(span) != 3:
            raise FormatError(f"label {index + 1} is not [start, end, label]")
        start, end = int_span(span[0], span[1])
        extra = extras[index] if index < len(extras) and isinstance(extras[index], dict) else {}
        text = record["text"][start:end]
        parsed.append({**extra, **article, "label": span[2], "start": start, "end": end, "text": text})
    return parsed
