"""Annotations in and out: export and import (exchange.py) in the formats of formats/
(native JSONL, doccano, spaCy/Prodigy, W3C Web Annotation, brat)."""

__all__ = ["exchange", "formats"]
