"""What `reader import` does, without the command line: parse every line first and
check every span against its article; only when all are good does anything reach the
store (all or nothing)."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .. import attributes
from ..corpus import Corpus
from ..corpus.entries import ArticleError
from ..editing.anchoring import reanchor
from ..model import (
    ANCHORED,
    MANUAL,
    NOTE_LIMIT,
    ORIGINS,
    ORPHANED,
    QUOTE_CONTEXT,
    Annotation,
    Article,
    now_iso,
    sha256_text,
)
from ..text import normalise_newlines, snap_span
from .formats import LINE_FORMATS, FormatError, detect
from .formats.common import ARTICLE_TEXT


class ExchangeError(Exception):
    """Bad input for an export or import: the message says what and where."""


def read_records(path: Path, fmt: str | None) -> list[tuple[int, dict[str, Any]]]:
    """(line number, span record) for every span in the file; ExchangeError names the line."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise ExchangeError(f"{path}: cannot read ({error.strerror or error})") from None
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ExchangeError(f"{path}: not UTF-8 (byte {error.start})") from None
    records = []
    for number, line in enumerate(content.split("\n"), 1):  # not splitlines: U+2028 is no line end here
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise ExchangeError(f"{path}:{number}: invalid JSON ({error.msg}, column {error.colno})") from None
        if not isinstance(record, dict):
            raise ExchangeError(f"{path}:{number}: expected a JSON object")
        try:
            module = LINE_FORMATS[fmt or detect(record)]
            records += [(number, span) for span in module.parse(record)]
        except FormatError as error:
            raise ExchangeError(f"{path}:{number}: {error}") from None
    return records


def _stable_id(record: dict[str, Any]) -> str:
    """Minimal records get an id from what they say, so importing twice does not double them."""
    if "start" in record:
        key = json.dumps([record["article"], record["label"], record["start"], record["end"]])
    else:  # a quote to be anchored: named by its quote and context
        key = json.dumps(
            [record["article"], record["label"], record.get("text"), record.get("prefix"), record.get("suffix")]
        )
    return uuid.uuid5(uuid.NAMESPACE_URL, "reader:" + key).hex


def _place(record: dict[str, Any], article: Article, where: str) -> tuple[int, int]:
    """The span in the article: as given if its text matches, else found from its quote
    (a record with a quote and no offsets, as a W3C TextQuoteSelector alone, is anchored
    by its quote and context, as the Hypothesis client does)."""
    text = record.get("text")
    if "start" not in record:
        if not isinstance(text, str) or not text:
            raise ExchangeError(f"{where}: needs start and end, or the text of the span")
        return _quote_alone(text, str(record.get("prefix") or ""), str(record.get("suffix") or ""), article, where)
    start, end = record["start"], record["end"]
    if start >= end:
        raise ExchangeError(f"{where}: span {start}–{end} is empty or reversed (end must be after start)")
    if not 0 <= start < end <= len(article.text):
        raise ExchangeError(f"{where}: span {start}–{end} is outside the article (length {len(article.text)})")
    if text is None or article.text[start:end] == text:
        if snap_span(article.text, start, end) != (start, end):
            raise ExchangeError(f"{where}: span {start}–{end} splits a character (grapheme cluster)")
        return start, end
    if not record.get("prefix") and not record.get("suffix"):  # no context: the nearest exact quote
        found = [m.start() for m in re.finditer(re.escape(text), article.text)] if text else []
        if found:
            nearest = min(found, key=lambda s: abs(s - start))
            return nearest, nearest + len(text)
        raise ExchangeError(f"{where}: the text {text[:40]!r} is not at {start}–{end} and was not found")
    return _by_quote(record, article, where, f"is not at {start}–{end} and was not found nearby")


def _quote_alone(text: str, prefix: str, suffix: str, article: Article, where: str) -> tuple[int, int]:
    """The occurrence of text whose surroundings agree best with the prefix and suffix
    given (each may be empty or shorter than ours); the first of equals."""
    found = [m.start() for m in re.finditer(re.escape(text), article.text)]
    if not found:
        raise ExchangeError(f"{where}: the text {text[:40]!r} was not found in the article")

    def agreement(start: int) -> int:
        before = article.text[max(0, start - len(prefix)) : start]
        after = article.text[start + len(text) : start + len(text) + len(suffix)]
        return _shared_head(before[::-1], prefix[::-1]) + _shared_head(after, suffix)

    best = max(found, key=lambda start: (agreement(start), -start))
    return best, best + len(text)


def _shared_head(one: str, other: str) -> int:
    """How many characters two strings share at their start."""
    count = 0
    for a, b in zip(one, other):
        if a != b:
            break
        count += 1
    return count


def _by_quote(record: dict[str, Any], article: Article, where: str, problem: str) -> tuple[int, int]:
    """Where the record's quote stands in the article, judged by its context too."""
    start, end, text = record["start"], record["end"], record["text"]
    probe = Annotation(
        id="probe",
        article=article.id,
        article_sha256="",
        label=record["label"],
        start=start,
        end=end,
        text=text,
        prefix=record.get("prefix", ""),
        suffix=record.get("suffix", ""),
    )
    placed = reanchor(probe, article)
    if placed.status != ANCHORED or placed.text != text:
        raise ExchangeError(f"{where}: the text {text[:40]!r} {problem}")
    return placed.start, placed.end


def check_records(
    records: list[tuple[int, dict[str, Any]]],
    corpus: Corpus,
    path: Path,
    annotator: str,
    labels: list[str],
    given_article: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[Annotation]:
    """Every record as an Annotation placed in its article; ExchangeError at the first bad
    one. A label that is not configured is refused: the list would never count it.

    A record that names no article (a doccano line of someone else's) goes to the
    article given, else to the one whose text is identical to the line's.
    """
    checked = []
    by_text: dict[str, str] | None = None
    for number, record in records:
        where = f"{path}:{number}"
        article_id, label = record.get("article") or given_article, record.get("label")
        if article_id is None and ARTICLE_TEXT in record:
            if by_text is None:
                by_text = _articles_by_text(corpus)
            article_id = by_text.get(sha256_text(normalise_newlines(record[ARTICLE_TEXT])))
            if article_id is None:
                raise ExchangeError(
                    f"{where}: the line names no article and its text is not that of any article in the corpus; "
                    "give it with --article ID"
                )
        record = {key: value for key, value in record.items() if key != ARTICLE_TEXT}
        record["article"] = article_id
        if not isinstance(label, str) or not label.strip():
            raise ExchangeError(f"{where}: the label must be a non-empty string")
        note = str(record.get("note") or "")
        if len(note) > NOTE_LIMIT:
            raise ExchangeError(
                f"{where}: the note is {len(note):,} characters; reader keeps notes of up to {NOTE_LIMIT:,}"
            )
        trouble = attributes.problem(record.get("attrs", {}))
        if trouble:
            raise ExchangeError(f"{where}: {trouble}")
        if record.get("origin", MANUAL) not in ORIGINS:
            raise ExchangeError(f"{where}: origin {record['origin']!r} is not one of {', '.join(ORIGINS)}")
        if label not in labels:
            raise ExchangeError(
                f"{where}: the label {label!r} is not configured (configured: {', '.join(labels)}); "
                "add it to labels.toml (see docs/files.md, Labels) and import again"
            )
        entry = corpus.get(article_id) if isinstance(article_id, str) else None
        if entry is None:
            raise ExchangeError(f"{where}: unknown article {article_id!r} (not in the corpus given)")
        try:
            article = entry.load()
        except ArticleError as error:
            raise ExchangeError(f"{where}: {error}") from None
        if record.get("status") == ORPHANED:  # its passage is gone: kept as it came, never placed
            start, end = record.get("start", 0), record.get("end", 0)
        else:
            start, end = _place(record, article, where)
        checked.append(_annotation(record, article, start, end, annotator))
        if progress is not None and len(checked) % 1000 == 0:
            progress(len(checked))
    if progress is not None:
        progress(len(checked))
    return checked


def _articles_by_text(corpus: Corpus) -> dict[str, str]:
    """The SHA-256 of each article's text to its id (articles that cannot be read left out)."""
    found: dict[str, str] = {}
    for entry in corpus.entries:
        try:
            found.setdefault(entry.load().sha256, entry.id)
        except ArticleError:
            continue
    return found


def _annotation(record: dict[str, Any], article: Article, start: int, end: int, annotator: str) -> Annotation:
    stamp = now_iso()
    fields = dict(
        id=str(record.get("id") or _stable_id(record)),
        article=article.id,
        label=record["label"],
        start=start,
        end=end,
        note=str(record.get("note") or ""),
        annotator=str(record.get("annotator") or annotator),
        created=str(record.get("created") or stamp),
        updated=str(record.get("updated") or stamp),
        attrs=dict(record.get("attrs") or {}),
        origin=str(record.get("origin") or MANUAL),
    )
    if record.get("status") == ORPHANED:  # kept as it was: its passage is gone from the article
        return Annotation(
            **fields,
            article_sha256=str(record.get("article_sha256", "")),
            text=str(record.get("text", "")),
            prefix=str(record.get("prefix", "")),
            suffix=str(record.get("suffix", "")),
            status=ORPHANED,
        )
    text = article.text
    return Annotation(
        **fields,
        article_sha256=article.sha256,
        text=text[start:end],
        prefix=text[max(0, start - QUOTE_CONTEXT) : start],
        suffix=text[end : end + QUOTE_CONTEXT],
    )
