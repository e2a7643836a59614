"""spaCy / Prodigy spans: one article a line, {"text", "spans": [{start, end, label}], "meta"}.

Character offsets as Doc.char_span takes them. A place with a GeoNames id has it as the
span's kb_id (as Span.kb_id_ takes it); every attribute is also in the span's attrs.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...model import Annotation, Article
from .common import article_of, int_span, require
from .doccano import EXTRA

CARRIES_TEXT = True  # ships the article text; positions point into it
WRITES_FOLDER = False  # JSON lines, to a file or stdout


def export_lines(article: Article, annotations: list[Annotation]) -> Iterator[dict[str, Any]]:
    yield {
        "text": article.text,
        "spans": [
            {
                "start": a.start,
                "end": a.end,
                "label": a.label,
                "text": a.text,
                **({"kb_id": f"GeoNames:{a.attrs['geonameid']}"} if "geonameid" in a.attrs else {}),
                **{k: getattr(a, k) for k in EXTRA},
            }
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
