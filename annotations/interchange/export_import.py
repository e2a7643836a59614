"""What `reader export` and `reader import` do, without the command line.

Export filters, re-anchors against the corpus, and yields lines (or brat files).
Import parses every line first and checks every span against its article; only when
all are good does anything reach the store (all or nothing).
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from .. import attributes
from ..atomic import atomic_writer
from ..corpus import Corpus
from ..corpus.entries import ArticleError
from ..editing.anchoring import reanchor, reanchor_all
from ..model import ANCHORED, CONTEXT, MANUAL, NOTE_LIMIT, ORIGINS, ORPHANED, Annotation, Article, now_iso, sha256_text
from ..record_json import record_encoder
from ..text import normalise_newlines, plural, snap_span
from .formats import FORMATS, LINE_FORMATS, FormatError, brat, detect
from .formats.common import ARTICLE_TEXT

_ENCODE = record_encoder()


class ExchangeError(Exception):
    """Bad input for an export or import: the message says what and where."""


@dataclass
class Filters:
    labels: list[str] | None = None
    articles: list[str] | None = None
    annotators: list[str] | None = None
    since: datetime | None = None
    until: datetime | None = None

    def any(self) -> bool:
        """Whether any filter was given."""
        return any(value is not None for value in vars(self).values())

    def keep(self, annotation: Annotation) -> bool:
        if self.labels and annotation.label not in self.labels:
            return False
        if self.articles and annotation.article not in self.articles:
            return False
        if self.annotators and annotation.annotator not in self.annotators:
            return False
        if self.since or self.until:
            created = _moment(annotation.created)
            if created is None:
                return False
            if (self.since and created < self.since) or (self.until and created > self.until):
                return False
        return True


def _moment(value: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


# ------------------------------------------------------------------ export

Group = tuple[Article | None, list[Annotation]]  # an article (None: not in the corpus) and its tags


def gather(corpus: Corpus, annotations: list[Annotation], filters: Filters) -> tuple[list[Group], list[str]]:
    """(article or None, its annotations re-anchored) per article, and the ids not in the corpus."""
    by_article: dict[str, list[Annotation]] = {}
    for annotation in annotations:
        if filters.keep(annotation):
            by_article.setdefault(annotation.article, []).append(annotation)
    groups: list[Group] = []
    missing: list[str] = []
    for article_id, group in by_article.items():
        entry = corpus.get(article_id)
        article = None
        if entry is not None:
            try:
                article = entry.load()
            except ArticleError:
                article = None
        if article is None:
            missing.append(article_id)
            groups.append((None, group))
            continue
        placed = reanchor_all(group, article)
        groups.append((article, sorted(placed, key=lambda a: (a.start, -a.end))))
    return groups, missing


def export_lines(groups: list[Group], fmt: str, orphans: bool = False) -> Iterator[str]:
    """JSON lines of a line format; articles not in the corpus only where no text is needed.

    An orphaned tag's offsets point nowhere in the current text, so no record claims
    them: orphans are left out, or with orphans=True (formats without the article
    text) written with their quote and context only, as they can be anchored again.
    """
    module = LINE_FORMATS[fmt]
    for article, group in groups:
        if module.CARRIES_TEXT or not orphans:
            if article is None and module.CARRIES_TEXT:
                continue
            group = _anchored(group)
        if article is None:
            article = Article(group[0].article if group else "", "")
        for annotation, record in zip(group, module.export_lines(article, group)):
            yield _ENCODE(module.without_offsets(record) if annotation.status == ORPHANED else record)


def count_orphans(groups: list[Group]) -> int:
    return sum(a.status == ORPHANED for _, group in groups for a in group)


def _anchored(group: list[Annotation]) -> list[Annotation]:
    return [a for a in group if a.status == ANCHORED]


def count_written(written: int, fmt: str) -> str:
    """What write_export's count counts, said: lines, or (brat) articles."""
    return plural(written, "article" if FORMATS[fmt].WRITES_FOLDER else "line")


def export_to(corpus: Corpus, annotations: list[Annotation], fmt: str, path: Path) -> str:
    """Export annotations (re-anchored against corpus) to path; what to tell the person."""
    try:
        groups, _ = gather(corpus, annotations, Filters())
        written = write_export(groups, fmt, path)
    except OSError as error:
        return f"export failed: {path}: {error.strerror or error}"
    return f"exported {count_written(written, fmt)} as {fmt} to {path}"


def write_lines(lines: Iterator[str], out: BinaryIO, progress: Callable[[int], None] | None = None) -> int:
    """Write JSON lines to a binary stream, a thousand at a time; progress(n) is called
    after each thousand, and at the end."""
    written, batch = 0, []
    for written, line in enumerate(lines, 1):
        batch.append(line)
        if written % 1000 == 0:
            out.write(("\n".join(batch) + "\n").encode("utf-8"))
            batch.clear()
            if progress:
                progress(written)
    if batch:
        out.write(("\n".join(batch) + "\n").encode("utf-8"))
    if progress:
        progress(written)
    return written


def write_export(
    groups: list[Group],
    fmt: str,
    path: Path,
    progress: Callable[[int], None] | None = None,
    orphans: bool = False,
) -> int:
    """Write an export to a file (or, for brat, a folder) that no reader ever sees half-written.

    Returns how many lines (brat: articles) were written.
    """
    if FORMATS[fmt].WRITES_FOLDER:
        return export_brat(groups, path)
    with atomic_writer(path) as out:
        return write_lines(export_lines(groups, fmt, orphans), out, progress)


def export_brat(groups: list[Group], folder: Path) -> int:
    """A .txt and an .ann per article, and the annotation.conf that declares the labels."""
    written = 0
    exported: list[Annotation] = []
    for article, group in groups:
        if article is not None:
            kept = _anchored(group)
            exported += kept
            brat.write_folder(folder, brat.export_files(article, kept))
            written += 1
    labels = sorted({a.label for a in exported})
    brat.write_folder(folder, {"annotation.conf": brat.annotation_conf(labels, exported)})
    return written


# ------------------------------------------------------------------ import


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
        prefix=text[max(0, start - CONTEXT) : start],
        suffix=text[end : end + CONTEXT],
    )
