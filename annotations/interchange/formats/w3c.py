"""W3C Web Annotation: one Annotation a line, TextQuote and TextPosition selectors.

The label is a TextualBody with purpose "tagging"; a note is one with "commenting"; a
place's GeoNames id is a SpecificResource with purpose "identifying" whose source is the
GeoNames URI (https://sws.geonames.org/95446/); a quote's speaker is a "describing" body
with the name as written, and a "linking" SpecificResource whose TextPositionSelector is
the speaker's mention (both with "reader:role": "speaker"). The source is the article id; its hash
travels in a "reader:sha256" extension field, every attribute in "reader:attrs", where the
tag came from (manual, suggested or adjudicated) in "reader:origin".
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...model import ANCHORED, Annotation, Article
from .common import FormatError, int_span, require

CARRIES_TEXT = False  # each line stands alone, quote and position
WRITES_FOLDER = False  # JSON lines, to a file or stdout


JSONLD_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
GEONAMES = "https://sws.geonames.org/"


def to_w3c(annotation: Annotation) -> dict[str, Any]:
    body = [{"type": "TextualBody", "purpose": "tagging", "value": annotation.label}]
    if annotation.note:
        body.append({"type": "TextualBody", "purpose": "commenting", "value": annotation.note})
    if "geonameid" in annotation.attrs:
        body.append({"type": "SpecificResource", "purpose": "identifying", "source": geonames_uri(annotation)})
    body += _speaker_bodies(annotation)
    return {
        "@context": JSONLD_CONTEXT,
        "id": f"urn:uuid:{annotation.id}" if "-" in annotation.id or len(annotation.id) == 32 else annotation.id,
        "type": "Annotation",
        "body": body,
        "target": {
            "source": annotation.article,
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": annotation.text,
                    "prefix": annotation.prefix,
                    "suffix": annotation.suffix,
                },
                {"type": "TextPositionSelector", "start": annotation.start, "end": annotation.end},
            ],
        },
        "creator": {"type": "Person", "name": annotation.annotator},
        "created": annotation.created,
        "modified": annotation.updated,
        "reader:sha256": annotation.article_sha256,
        "reader:status": annotation.status,
        "reader:attrs": annotation.attrs,
        "reader:origin": annotation.origin,
    }


def _speaker_bodies(annotation: Annotation) -> list[dict[str, Any]]:
    """A quote's speaker: a describing body with the name as written, and, when the
    article names them, a linking body whose selector is the speaker's mention."""
    attrs = annotation.attrs
    if not attrs.get("speaker"):
        return []
    bodies: list[dict[str, Any]] = [
        {"type": "TextualBody", "purpose": "describing", "reader:role": "speaker", "value": str(attrs["speaker"])}
    ]
    if isinstance(attrs.get("speaker_start"), int) and isinstance(attrs.get("speaker_end"), int):
        mention = {"type": "TextPositionSelector", "start": attrs["speaker_start"], "end": attrs["speaker_end"]}
        bodies.append(
            {
                "type": "SpecificResource",
                "purpose": "linking",
                "reader:role": "speaker",
                "source": annotation.article,
                "selector": mention,
            }
        )
    return bodies


def geonames_uri(annotation: Annotation) -> str:
    return f"{GEONAMES}{annotation.attrs['geonameid']}/"


def export_lines(article: Article, annotations: list[Annotation]) -> Iterator[dict[str, Any]]:
    for annotation in annotations:
        yield to_w3c(annotation)


def without_offsets(record: dict[str, Any]) -> dict[str, Any]:
    """An orphan's annotation: the TextQuoteSelector alone, no position that points nowhere."""
    target = dict(record["target"])
    target["selector"] = [s for s in target["selector"] if s.get("type") != "TextPositionSelector"]
    return {**record, "target": target}


def parse(record: dict[str, Any]) -> list[dict[str, Any]]:
    require(record, "body", "target")
    bodies = record["body"] if isinstance(record["body"], list) else [record["body"]]
    tags = [b.get("value") for b in bodies if isinstance(b, dict) and b.get("purpose") == "tagging"]
    notes = [b.get("value") for b in bodies if isinstance(b, dict) and b.get("purpose") == "commenting"]
    target = record["target"]
    selectors = target.get("selector", []) if isinstance(target, dict) else []
    selectors = selectors if isinstance(selectors, list) else [selectors]
    quote = next((s for s in selectors if s.get("type") == "TextQuoteSelector"), None)
    position = next((s for s in selectors if s.get("type") == "TextPositionSelector"), None)
    if not tags or (position is None and quote is None) or not isinstance(target.get("source"), str):
        raise FormatError("needs a tagging body, a target source and a TextPositionSelector or TextQuoteSelector")
    parsed = {
        "article": target["source"],
        "label": tags[0],
        "note": notes[0] if notes else "",
        "status": record.get("reader:status", ANCHORED),
    }
    if position is not None:
        parsed["start"], parsed["end"] = int_span(position.get("start"), position.get("end"))
    if quote is not None:
        parsed.update(text=quote.get("exact", ""), prefix=quote.get("prefix", ""), suffix=quote.get("suffix", ""))
    identifier = record.get("id", "")
    if isinstance(identifier, str) and identifier:
        parsed["id"] = identifier.removeprefix("urn:uuid:")
    creator = record.get("creator")
    if isinstance(creator, dict):
        parsed["annotator"] = creator.get("name", "")
    for ours, theirs in (
        ("created", "created"),
        ("updated", "modified"),
        ("article_sha256", "reader:sha256"),
        ("origin", "reader:origin"),
    ):
        if isinstance(record.get(theirs), str):
            parsed[ours] = record[theirs]
    parsed["attrs"] = record.get("reader:attrs", _identified(bodies))
    return [parsed]


def _identified(bodies: list[Any]) -> dict[str, Any]:
    """From another tool's annotation (no reader:attrs): the GeoNames id its identifying
    body names, and the speaker of its speaker bodies."""
    found: dict[str, Any] = {}
    for body in (b for b in bodies if isinstance(b, dict)):
        source = body.get("source") if body.get("purpose") == "identifying" else None
        if isinstance(source, str) and source.startswith(GEONAMES) and source[len(GEONAMES) :].strip("/").isdigit():
            found["geonameid"] = int(source[len(GEONAMES) :].strip("/"))
        if body.get("reader:role") == "speaker" and isinstance(body.get("value"), str):
            found["speaker"] = body["value"]
        selector = body.get("selector") if body.get("reader:role") == "speaker" else None
        if isinstance(selector, dict) and selector.get("type") == "TextPositionSelector":
            found["speaker_start"], found["speaker_end"] = int_span(selector.get("start"), selector.get("end"))
    return found
