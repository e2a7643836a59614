"""spaCy / Prodigy spans: one article a line, {"text", "spans": [{start, end, label}], "meta"}.

Character offsets as Doc.char_span takes them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..model import Annotation, Article
from .common import article_of, int_span, require
from .doccano import EXTRA

CARRIES_TEXT = True  # ships the article text; positions point into it
WRITES_FOLDER = False  # JSON lines, to a file or stdout


def export_lines(article: Article, annotations: list[Annotation]) -> Iterator[dict[str, Any]]:
    yield {
        "text": article.text,
        "spans": [
            {"start": a.start, "end": a.end, "label": a.label, "text": a.text, **{k: getattr(a, k) for k in EXTRA}}
            for a in annotations
        ],
        "meta": {"article": article.id, "article_sha256": article.sha256},
    }


def parse(record: dict[str, Any]) -> list[dict[str, Any]]:
    require(record, "text", "spans")
    article = article_of(record)
    parsed = []
    for span in record["spans"]:
        require(span, "start", "end", "label")
        start, end = int_span(span["start"], span["end"])
        extra = {k: span[k] for k in EXTRA if k in span}
        parsed.append(
            {
                **extra,
                **article,
                "label": span["label"],
                "start": start,
                "end": end,
                "text": record["text"][start:end],
            }
        )
    return parsed
