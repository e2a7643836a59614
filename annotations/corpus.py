"""Find articles on disk: files and folders, a web page, a JSON-lines corpus's lines."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .corpus_html import HtmlEntry
from .corpus_jsonl import line_entries
from .entries import Entry


@dataclass
class Corpus:
    entries: list[Entry]
    notices: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._by_id = {entry.id: entry for entry in self.entries}

    def get(self, article_id: str) -> Entry | None:
        return self._by_id.get(article_id)


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


def _entries_of(file: Path, article_id: str, text_field: str, notices: list[str]) -> list[Entry]:
    """The articles a file holds: one, or one a line of a JSON-lines corpus."""
    suffix = file.suffix.lower()
    if suffix in LINES:
        return list(line_entries(file, article_id, text_field, notices))
    if suffix in HTML:
        return [HtmlEntry(article_id, file)]
    return [Entry(article_id, file)]


def find_articles(paths: list[Path], text_field: str = "text") -> Corpus:
    """Files and folders (recursively) to a corpus; ids are paths relative to each root,
    and a JSON-lines corpus's are its records' own (text from text_field)."""
    entries: list[Entry] = []
    notices: list[str] = []
    seen: set[str] = set()
    for path in paths:
        if path.is_dir():
            found = [(p, p.relative_to(path).as_posix()) for p in _walk(path, notices)]
        elif path.is_file():
            found = [(path, path.name)]
        else:
            notices.append(f"{path}: no such file or folder")
            continue
        for file, file_id in found:
            if not file.is_file():
                continue
            for entry in _entries_of(file, file_id, text_field, notices):
                if entry.id in seen:
                    notices.append(f"{entry.where}: skipped, another article already has the id {entry.id}")
                    continue
                seen.add(entry.id)
                entries.append(entry)
    return Corpus(entries, notices)
