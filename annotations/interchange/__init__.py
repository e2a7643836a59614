"""Annotations in and out: export (exporting.py) and import (importing.py) in the formats
of formats/ (native JSONL, doccano, spaCy/Prodigy, W3C Web Annotation, brat)."""

__all__ = ["exporting", "formats", "importing"]
