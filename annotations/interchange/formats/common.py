"""Helpers the format modules share: field checks and the article id carried in meta."""

from __future__ import annotations

from typing import Any


class FormatError(ValueError):
    """A record does not fit its format; the message says what is missing."""


def require(record: dict[str, Any], *fields: str) -> None:
    missing = [field for field in fields if field not in record]
    if missing:
        raise FormatError(f"missing {', '.join(missing)}")


ARTICLE_TEXT = "article_text"  # a span's field for a line that names no article: its whole text


def article_of(record: dict[str, Any]) -> dict[str, Any]:
    """The fields that name the article of a doccano or spaCy line: meta.article (or
    meta.id) when it has one; else its text, to be matched to the article whose text is
    identical (a genuine doccano export carries no id of ours)."""
    meta = record.get("meta") or {}
    article = meta.get("article") or meta.get("id") or record.get("article")
    if isinstance(article, str):
        return {"article": article}
    return {ARTICLE_TEXT: record["text"]}


def int_span(start: object, end: object) -> tuple[int, int]:
    if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool):
        raise FormatError("start and end must be whole numbers")
    return start, end
