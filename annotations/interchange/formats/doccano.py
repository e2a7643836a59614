"""doccano sequence labelling: one article a line, {"text", "label": [[start, end, label]]}.

meta carries the article id and, per span, what doccano has no field for (id, note,
annotator, times, attributes), so that an export imports back losslessly. The same spans
also go as a relation project's "entities", with a "speaker" relation from each quote to
its speaker's mention; a file with entities and no "label" is read that way.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...model import Annotation, Article
from .common import FormatError, article_of, int_span, require

EXTRA = ("id", "note", "annotator", "created", "updated", "status", "attrs", "origin")

CARRIES_TEXT = True  # ships the article text; positions point into it
WRITES_FOLDER = False  # JSON lines, to a file or stdout


def export_lines(article: Article, annotations: list[Annotation]) -> Iterator[dict[str, Any]]:
    entities, relations = _relations(annotations)
    yield {
        "text": article.text,
        "label": [[a.start, a.end, a.label] for a in annotations],
        "entities": entities,
        "relations": relations,
        "meta": {
            "article": article.id,
            "article_sha256": article.sha256,
            "annotations": [{key: getattr(a, key) for key in EXTRA} for a in annotations],
        },
    }


def _relations(annotations: list[Annotation]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """doccano's relation-project form of the same spans: entities (the tags, and each
    speaker's mention that is not a tag, labelled "speaker") and a "speaker" relation
    from each quote to its speaker."""
    entities = [
        {"id": i, "label": a.label, "start_offset": a.start, "end_offset": a.end} for i, a in enumerate(annotations, 1)
    ]
    ids = {(a.start, a.end): i for i, a in enumerate(annotations, 1)}
    relations: list[dict[str, Any]] = []
    for i, a in enumerate(annotations, 1):
        start, end = a.attrs.get("speaker_start"), a.attrs.get("speaker_end")
        if not (isinstance(start, int) and isinstance(end, int)):
            continue
        at = (start, end)
        if at not in ids:
            ids[at] = len(entities) + 1
            entities.append({"id": ids[at], "label": "speaker", "start_offset": at[0], "end_offset": at[1]})
        relations.append({"id": len(relations) + 1, "from_id": i, "to_id": ids[at], "type": "speaker"})
    return entities, relations


def parse(record: dict[str, Any]) -> list[dict[str, Any]]:
    require(record, "text")
    article = article_of(record)
    spans = record.get("label", record.get("labels"))
    if spans is None:  # a relation project's export: entities, and speakers by relation
        spans = _from_entities(record)
    extras = (record.get("meta") or {}).get("annotations") or []
    parsed = []
    for index, span in enumerate(spans):
        if not isinstance(span, list) or len(span) not in (3, 4):
            raise FormatError(f"label {index + 1} is not [start, end, label]")
        start, end = int_span(span[0], span[1])
        extra = extras[index] if index < len(extras) and isinstance(extras[index], dict) else {}
        text = record["text"][start:end]
        parsed.append({**extra, **article, "label": span[2], "start": start, "end": end, "text": text})
        if len(span) == 4 and "attrs" not in extra:
            parsed[-1]["attrs"] = span[3]
    return parsed


def _from_entities(record: dict[str, Any]) -> list[list[Any]]:
    """[start, end, label, attrs] of a relation project's entities, but speaker mentions;
    a quote's speaker relation gives it speaker, speaker_start and speaker_end."""
    entities = record.get("entities") or []
    if not isinstance(entities, list) or not all(isinstance(e, dict) for e in entities):
        raise FormatError("entities must be a list of objects")
    by_id = {e.get("id"): e for e in entities}
    said: dict[Any, dict[str, Any]] = {}
    for relation in record.get("relations") or []:
        speaker = by_id.get(relation.get("to_id")) if isinstance(relation, dict) else None
        if speaker is not None and relation.get("type") == "speaker":
            start, end = int_span(speaker.get("start_offset"), speaker.get("end_offset"))
            words = record["text"][start:end] if isinstance(record["text"], str) else ""
            said[relation.get("from_id")] = {"speaker": words, "speaker_start": start, "speaker_end": end}
    return [
        [e.get("start_offset"), e.get("end_offset"), e.get("label"), said.get(e.get("id"), {})]
        for e in entities
        if e.get("label") != "speaker"
    ]
