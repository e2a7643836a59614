"""Annotations in and out: export and import (export_import.py) in the formats of formats/
(native JSONL, doccano, spaCy/Prodigy, W3C Web Annotation, brat)."""

__all__ = ["export_import", "formats"]
