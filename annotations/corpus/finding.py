"""Find articles on disk: files and folders, a web page, a JSON-lines corpus's lines.

A corpus can be read in two steps: its first entries at once, the rest (`later`) by a
thread of the app's while the list is already on screen, so a 1 GB JSON-lines file or
a large folder lists at once.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from ..model import Article
from .entries import ArticleError, Entry
from .html import HtmlEntry
from .jsonl import line_entries


@dataclass
class Corpus:
    entries: list[Entry]
    notices: list[str] = field(default_factory=list)
    later: Iterator[Entry] | None = None  # entries not read yet (find_articles with first)

    def __post_init__(self) -> None:
        found, self.entries = self.entries, []
        self._by_id: dict[str, Entry] = {}
        self.add(found)

    def get(self, article_id: str) -> Entry | None:
        return self._by_id.get(article_id)

    def add(self, entries: Iterable[Entry]) -> list[Entry]:
        """Append entries, but not one whose id an earlier one has (said in notices);
        returns those added."""
        added = []
        for entry in entries:
            if entry.id in self._by_id:
                self.notices.append(f"{entry.where}: skipped, another article already has the id {entry.id}")
                continue
            self._by_id[entry.id] = entry
            self.entries.append(entry)
            added.append(entry)
        return added

    def drop_non_articles(self) -> list[str]:
        """Remove the entries that are not articles (their head is binary or cannot be
        read: Meta.problem, the one rule); their ids. It reads every entry's head: the
        app calls it once its thread has read them, the commands before they start."""
        dropped = [entry.id for entry in self.entries if entry.meta.problem]
        if dropped:
            self.entries[:] = [entry for entry in self.entries if not entry.meta.problem]  # in place: the list shows it
            for article_id in dropped:
                del self._by_id[article_id]
        return dropped

    def next_to_do(self, here: str | None, done: set[str]) -> Entry | None:
        """The first article after here (around to the start) that is not done and not here."""
        at = next((i for i, entry in enumerate(self.entries) if entry.id == here), -1)
        following = self.entries[at + 1 :] + self.entries[: at + 1]
        return next((entry for entry in following if entry.id not in done and entry.id != here), None)

    def read_later(self, count: int) -> list[Entry]:
        """Up to count of the entries not read yet ([] once all are). Only reads them: a
        thread may call this; the thread that shows them add()s them and, once this
        returns [], sets later to None."""
        return list(islice(self.later, count)) if self.later is not None else []


def skipped_said(ids: list[str]) -> str:
    """ "skipped 1 file that is not an article: a.bin", "skipped 4 files that are not articles: …"."""
    names = ", ".join(ids[:3]) + (" …" if len(ids) > 3 else "")
    if len(ids) == 1:
        return f"skipped 1 file that is not an article: {names}"
    return f"skipped {len(ids)} files that are not articles: {names}"


def _walk(folder: Path, problems: list[str]) -> Iterator[Path]:
    """Every visible regular file below folder, in a stable order; a folder that cannot
    be read is named in problems, not skipped in silence."""

    def unreadable(error: OSError) -> None:
        problems.append(f"{error.filename}: cannot read this folder ({error.strerror}); skipped")

    for root, dirs, files in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


LINES = (".jsonl", ".ndjson")  # a corpus of one article a line (see corpus_jsonl)
HTML = (".html", ".htm", ".xhtml")  # a web page: its readable text (see corpus_html)


def _entries_of(file: Path, article_id: str, text_field: str, notices: list[str]) -> Iterator[Entry]:
    """The articles a file holds: one, or one a line of a JSON-lines corpus."""
    suffix = file.suffix.lower()
    if suffix in LINES:
        yield from line_entries(file, article_id, text_field, notices)
    elif suffix in HTML:
        yield HtmlEntry(article_id, file)
    else:
        yield Entry(article_id, file)


class ReadOnce:
    """A corpus's articles, each read from disk once in this process and kept, for a
    command that needs one text several times (reader agree anchors each coder's tags
    in it, then measures over it)."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._read: dict[str, Article | ArticleError] = {}
        self._fresh: dict[str, Article] = {}  # read since taken() last asked

    def load(self, article_id: str) -> Article:
        """The article (an id the corpus has); ArticleError, every time, if it cannot be read."""
        found = self._read.get(article_id)
        if found is None:
            entry = self.corpus.get(article_id)
            assert entry is not None, article_id
            try:
                found = self._fresh[article_id] = entry.load()
            except ArticleError as error:
                found = error
            self._read[article_id] = found
        if isinstance(found, ArticleError):
            raise found
        return found

    def taken(self) -> dict[str, Article]:
        """The articles read since the last call: what a forked reader hands back."""
        fresh, self._fresh = self._fresh, {}
        return fresh

    def keep(self, articles: dict[str, Article]) -> None:
        """Articles another process read (taken() there), so this one need not read them."""
        for article_id, article in articles.items():
            self._read.setdefault(article_id, article)


def find_articles(paths: list[Path], text_field: str = "text", first: int | None = None) -> Corpus:
    """Files and folders (recursively) to a corpus; ids are paths relative to each root,
    and a JSON-lines corpus's are its records' own (text from text_field). With first,
    only that many entries are read now and the rest is left in the corpus's later."""
    notices: list[str] = []
    found = _found(paths, text_field, notices)
    head = list(found if first is None else islice(found, first))
    return Corpus(head, notices, later=found if first is not None and len(head) == first else None)


def _found(paths: list[Path], text_field: str, notices: list[str]) -> Iterator[Entry]:
    for path in paths:
        files: Iterable[tuple[Path, str]]
        if path.is_dir():
            files = ((p, p.relative_to(path).as_posix()) for p in _walk(path, notices))
        elif path.is_file():
            files = [(path, path.name)]
        else:
            notices.append(f"{path}: no such file or folder")
            continue
        for file, file_id in files:
            if file.is_file():
                yield from _entries_of(file, file_id, text_field, notices)
