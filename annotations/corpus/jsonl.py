"""JSON-lines corpora: one article a line, as doccano, Prodigy and dataset dumps keep
them ({"text": …, "id": …, "meta": {…}}).

The text is the record's `text` (or another field, named by --text-field); the id its
`id` or `meta.id`, else FILE#LINE; title and date from the usual fields, in `meta`
too. Offsets are into that text, so an export names the article by the corpus's own id
and an import of it finds it again. A line that is not JSON, has no text, or repeats an
id is named (FILE:LINE) and left out or renamed; the rest of the corpus is read.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import Article
from ..text import excerpt, normalise_newlines
from .entries import TITLE_MAX, ArticleError, Entry, Meta, guess_title, parse_date

TITLE_FIELDS = ("title", "headline", "name")
DATE_FIELDS = ("date", "published", "published_at", "datetime", "created_at")


def _field(record: dict[str, Any], names: tuple[str, ...]) -> Any:
    """The first of names in the record, or in its meta."""
    meta = record.get("meta")
    for where in (record, meta if isinstance(meta, dict) else {}):
        for name in names:
            value = where.get(name)
            if value not in (None, ""):
                return value
    return None


@dataclass(eq=False)
class LineEntry(Entry):
    """One line of a JSON-lines file: read again from its bytes when opened."""

    start: int = 0  # the line's byte offsets in the file
    end: int = 0
    number: int = 0  # the line's number, from 1
    text_field: str = "text"
    title: str = ""
    date_text: str = ""

    @property
    def where(self) -> str:
        return f"{self.path}:{self.number}"

    def read(self, limit: int | None) -> Article:
        try:
            with self.path.open("rb") as file:
                file.seek(self.start)
                record = json.loads(file.read(self.end - self.start))
        except (OSError, ValueError) as error:
            raise ArticleError(f"{self.where}: cannot read this line again ({error})") from None
        text = record.get(self.text_field) if isinstance(record, dict) else None
        if not isinstance(text, str):
            raise ArticleError(f"{self.where}: no text in {self.text_field!r} any more")
        return Article(self.id, normalise_newlines(text), f"{self.path}#{self.number}")

    def read_meta(self) -> Meta:
        return Meta(self.title, parse_date(self.date_text) if self.date_text else None)


def line_entries(path: Path, file_id: str, text_field: str, notices: list[str]) -> Iterator[LineEntry]:
    """Every line of path that holds an article; what is wrong with the others in notices."""
    ids: dict[str, int] = {}
    unnamed = 0  # lines without an id: named by their number
    try:
        file = path.open("rb")
    except OSError as error:
        notices.append(f"{path}: cannot read ({error.strerror or error})")
        return
    with file:
        offset = 0
        for number, line in enumerate(file, 1):
            start, offset = offset, offset + len(line)
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                said = error.msg.lower().removesuffix(" at")  # "Invalid control character at"
                notices.append(f"{where}: not JSON ({said}, column {error.colno}); skipped")
                continue
            except ValueError:  # bytes that are not UTF-8
                notices.append(f"{where}: not JSON (not UTF-8 text); skipped")
                continue
            text = record.get(text_field) if isinstance(record, dict) else None
            if not isinstance(text, str):
                notices.append(f"{where}: no text in {text_field!r}; skipped")
                continue
            given = _field(record, ("id",))
            unnamed += given in (None, "")
            article_id = str(given) if given not in (None, "") else f"{file_id}#{number}"
            if article_id in ids:
                renamed = f"{file_id}#{number}"
                notices.append(
                    f"{where}: id {excerpt(article_id, 40)} is line {ids[article_id]}'s too; named {renamed}"
                )
                article_id = renamed
            ids[article_id] = number
            title = _field(record, TITLE_FIELDS)
            shown = str(title)[:TITLE_MAX] if title else guess_title(normalise_newlines(text[:20000]), article_id)
            date = _field(record, DATE_FIELDS)
            yield LineEntry(
                article_id,
                path,
                start=start,
                end=offset,
                number=number,
                text_field=text_field,
                title=shown,
                date_text=str(date) if date is not None else "",
            )
    if unnamed:
        notices.append(
            f"{path}: {unnamed} line{'s have' if unnamed > 1 else ' has'} no id and {'are' if unnamed > 1 else 'is'} "
            f"known by line ({file_id}#LINE): a line added or removed above moves tags to another article; "
            'give each line an "id"'
        )
