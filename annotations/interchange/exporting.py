"""What `reader export` does, without the command line: filter, re-anchor against the
corpus, and write lines (or brat files) that no reader ever sees half-written."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from ..atomic import atomic_writer
from ..corpus import Corpus
from ..corpus.entries import ArticleError
from ..editing.anchoring import reanchor_all
from ..model import ANCHORED, ORPHANED, Annotation, Article
from ..record_json import record_encoder
from ..text import plural
from .formats import FORMATS, LINE_FORMATS, brat

_ENCODE = record_encoder()


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


def gather(
    corpus: Corpus, annotations: list[Annotation], filters: Filters, load: Callable[[str], Article] | None = None
) -> tuple[list[Group], list[str]]:
    """(article or None, its annotations re-anchored) per article, and the ids not in the
    corpus (or that cannot be read); load reads an article of the corpus (its entry's
    load() if not given; ReadOnce.load to read each once)."""
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
                article = entry.load() if load is None else load(article_id)
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


def not_in_corpus(groups: list[Group], fmt: str) -> str:
    """One line on the tags of articles not in the corpus ("" if none). A format that
    carries the text skips them: it has none to carry. jsonl and w3c keep them as they
    are (a backup loses no tag), their offsets unchecked against any text."""
    away = [group for article, group in groups if article is None and group]
    if not away:
        return ""
    ids = ", ".join(group[0].article for group in away[:5]) + (", …" if len(away) > 5 else "")
    articles = f"{plural(len(away), 'article')} not in the corpus: {ids}"
    if FORMATS[fmt].CARRIES_TEXT:
        return f"skipped the annotations of {articles}"
    tags = plural(sum(len(group) for group in away), "annotation")
    return f"kept as they are (offsets unchecked) the {tags} of {articles}"


def count_orphans(groups: list[Group]) -> int:
    return sum(a.status == ORPHANED for _, group in groups for a in group)


def _anchored(group: list[Annotation]) -> list[Annotation]:
    return [a for a in group if a.status == ANCHORED]


def default_name(fmt: str) -> str:
    """An export's file (brat: folder) name where only its folder is given."""
    return f"reader-{fmt}" if FORMATS[fmt].WRITES_FOLDER else f"reader-{fmt}.jsonl"


def export_target(path: Path, fmt: str) -> Path:
    """Where an export to path goes: a folder given for a format that writes one file
    means that file inside it, under its default name (never the folder overwritten);
    brat writes the folder itself."""
    return path / default_name(fmt) if path.is_dir() and not FORMATS[fmt].WRITES_FOLDER else path


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
    away = not_in_corpus(groups, fmt)
    return f"exported {count_written(written, fmt)} as {fmt} to {path}" + (f"; {away}" if away else "")


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
