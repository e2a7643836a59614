"""Export and import formats. Offsets are code points, end exclusive, in every one.

Each line format module has:
  export_lines(article, annotations) -> dicts, one JSON line each
  parse(record) -> list of span records (article, label, start, end, text, ...)
A module with WRITES_FOLDER (brat) writes a folder instead (export_files, write_folder).
Every module says with CARRIES_TEXT whether it ships the article text: such formats
need the article in the corpus and leave out orphaned tags (whose positions point
nowhere in the current text).
"""

from __future__ import annotations

from typing import Any

from . import brat, doccano, jsonl, spacy, w3c
from .common import FormatError

__all__ = ["ALL_FORMATS", "FORMATS", "LINE_FORMATS", "FormatError", "brat", "detect"]

LINE_FORMATS = {"jsonl": jsonl, "doccano": doccano, "spacy": spacy, "w3c": w3c}
FORMATS = {**LINE_FORMATS, "brat": brat}
ALL_FORMATS = list(FORMATS)


def detect(record: dict[str, Any]) -> str:
    """The format of a parsed JSON line, from the fields it has."""
    if "@context" in record or record.get("type") == "Annotation":
        return "w3c"
    if "spans" in record and "text" in record:
        return "spacy"
    if "text" in record and (("label" in record and isinstance(record["label"], list)) or "labels" in record):
        return "doccano"
    if "label" in record and "start" in record:
        return "jsonl"
    raise FormatError("cannot tell the format of this record (use --format)")
