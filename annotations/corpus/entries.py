"""An article on disk, an entry of the corpus: how its file is decoded, and its title
and date read. (Web pages and JSON-lines corpora have entries of their own kinds:
corpus_html.py, corpus_jsonl.py.)

Decoding: a BOM decides; else strict UTF-8; else cp1252 (or latin-1 for bytes cp1252
leaves undefined), and the article says which. Files with NUL bytes are binary and skipped.
"""

from __future__ import annotations

import codecs
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import ClassVar

from ..model import Article
from ..text import normalise_newlines

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class ArticleError(Exception):
    """An article could not be read; the message says which file and why."""


def _decode(data: bytes, encoding: str, partial: bool) -> str:
    """partial: data is the head of a file, so a character cut at its end is no error."""
    return codecs.getincrementaldecoder(encoding)().decode(data, final=not partial)


def decode(data: bytes, partial: bool = False) -> tuple[str, str]:
    """Bytes to (text, encoding name). Raises ArticleError for binary data."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _decode(data, encoding, partial), encoding
            except UnicodeDecodeError as error:
                raise ArticleError(f"not valid {encoding}: {error.reason}") from None
    if b"\x00" in data[:65536]:
        raise ArticleError("binary file (NUL bytes)")
    try:
        return _decode(data, "utf-8", partial), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def decoding_said(encoding: str) -> str:
    """What to tell of a file's encoding: nothing for UTF-8, else its name (the user may
    want to check the text, or convert the file)."""
    return "" if encoding in ("utf-8", "utf-8-sig") else f"decoded as {encoding}, not UTF-8"


def read_article(path: Path, article_id: str, limit: int | None = None) -> Article:
    """The article in path; with a limit, only its first limit bytes if it is longer
    (an Article that is not complete: what a large file shows while it is read)."""
    try:
        with path.open("rb") as file:
            data = file.read() if limit is None else file.read(limit + 1)
    except OSError as error:
        raise ArticleError(f"{path}: cannot read ({error.strerror or error})") from None
    complete = limit is None or len(data) <= limit
    try:
        text, encoding = decode(data if complete else data[:limit], partial=not complete)
    except ArticleError as error:
        raise ArticleError(f"{path}: {error}") from None
    return Article(article_id, normalise_newlines(text), str(path), encoding, complete)


# ---------------------------------------------------------------- metadata

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*(\n|\Z)", re.S)
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")
_MARKDOWN_HEADING = re.compile(r"#{1,6}\s+(.*?)\s*#*$")
TITLE_MAX = 120


def front_matter(text: str) -> dict[str, str]:
    """Simple `key: value` front matter between two `---` lines at the top."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}
    fields = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip():
            fields[key.strip().lower()] = value.strip().strip("\"'")
    return fields


def _shorten(line: str, limit: int = TITLE_MAX) -> str:
    if len(line) <= limit:
        return line
    cut = line.rfind(" ", 0, limit)
    return line[: cut if cut > limit // 2 else limit].rstrip(" ,;:-") + "…"


def guess_title(text: str, fallback: str) -> str:
    """Front matter title, else the first line that reads as a headline.

    A headline has at least four words and no closing full stop; short lines before it
    ("In Rudaw") are section labels. With no such line among the first few, the first
    line of some length stands in, shortened.
    """
    title = front_matter(text).get("title")
    if title:
        return _shorten(title)
    match = _FRONT_MATTER.match(text)
    body = text[match.end() :] if match else text
    lines = [line.strip() for line in body[:20000].split("\n") if line.strip()]
    for line in lines[:4]:
        heading = _MARKDOWN_HEADING.match(line)
        if heading:  # a Markdown `# Heading` is the title, whatever its length
            return _shorten(heading.group(1))
    for line in lines[:4]:
        if len(line.split()) >= 4 and len(line) <= 200 and not _SENTENCE_END.search(line):
            return _shorten(line)
    for line in lines:
        if len(line.split()) >= 2:
            return _shorten(line)
    return fallback


# How news dates are written most often besides ISO 8601 ("Nov 22, 2026", "22 November
# 2026 10:00"): read by the standard library, which costs a first screen 14 ms where
# python-dateutil's import costs 70 ms. Everything else goes to dateutil.
_USUAL_DATES = [
    f"{day}{time}" for day in ("%b %d, %Y", "%B %d, %Y", "%d %B %Y", "%d %b %Y") for time in ("", " %H:%M", " %H:%M:%S")
]


def parse_date(value: str) -> datetime | None:
    """A date as people write it ("2026-11-22", "Nov 22, 2026 10:00"), by the standard
    library when it can (see _USUAL_DATES), else by python-dateutil."""
    value = value.strip()
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        pass
    for layout in _USUAL_DATES:
        try:
            return datetime.strptime(value, layout)
        except ValueError:
            pass
    from dateutil import parser as date_parser

    try:
        return date_parser.parse(value)
    except (ValueError, OverflowError):
        return None


def article_date(text: str, path: Path | None) -> datetime | None:
    """Front matter `date:` parsed by python-dateutil, else the file's modification time."""
    value = front_matter(text).get("date")
    found = parse_date(value) if value else None
    if found is not None:
        return found
    if path is not None:
        try:
            return datetime.fromtimestamp(path.stat().st_mtime, tz=UTC).astimezone()
        except OSError:
            return None
    return None


# ---------------------------------------------------------------- corpus


META_HEAD = 65536  # bytes read for a title and a date: a list of thousands stays quick


@dataclass(frozen=True)
class Meta:
    """What the article list shows. problem is set for files that are not articles."""

    title: str
    date: datetime | None
    encoding: str = "utf-8"
    problem: str = ""


def read_meta(path: Path, article_id: str) -> Meta:
    """Title, date and encoding from the head of the file only."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(META_HEAD)
    except OSError as error:
        return Meta(article_id, None, problem=f"cannot read ({error.strerror or error})")
    try:
        text, encoding = decode(head, partial=len(head) == META_HEAD)
    except ArticleError as error:
        return Meta(article_id, None, problem=str(error))
    text = normalise_newlines(text)
    return Meta(guess_title(text, article_id), article_date(text, path), encoding)


RECENT = 8  # articles read whole and kept, the last ones read: reopened at once, whole


@dataclass(eq=False)
class Entry:
    """An article found on disk; its metadata is read when first asked for and kept, its
    text kept only while it is one of the RECENT read (all of them kept, an F search
    over 100,000 articles held 200 MB more).

    Equal only to itself: the list finds its cursor's entry among 10,000 by identity."""

    id: str
    path: Path
    _meta: Meta | None = field(default=None, repr=False)
    _search: str | None = field(default=None, repr=False)

    _recent: ClassVar[OrderedDict[Entry, Article]] = OrderedDict()
    _recent_lock: ClassVar[threading.Lock] = threading.Lock()

    def load(self) -> Article:
        article = self._kept()
        if article is None:
            article = self.read(None)
            with self._recent_lock:
                self._recent[self] = article
                while len(self._recent) > RECENT:
                    self._recent.popitem(last=False)
        return article

    def head(self, limit: int) -> Article:
        """The article if it is kept or no longer than limit bytes, else its beginning."""
        kept = self._kept()
        return kept if kept is not None else self.read(limit)

    def _kept(self) -> Article | None:
        with self._recent_lock:
            article = self._recent.get(self)
            if article is not None:
                self._recent.move_to_end(self)
            return article

    @property
    def where(self) -> str:
        """Where it is on disk, as messages name it: the file (FILE:LINE for a line)."""
        return str(self.path)

    def read(self, limit: int | None) -> Article:
        """The article from disk (its first limit bytes, with a limit): a text file here;
        an HTML page or a line of a JSON-lines corpus in the kinds of entry that read those."""
        return read_article(self.path, self.id, limit)

    def read_meta(self) -> Meta:
        return read_meta(self.path, self.id)

    @property
    def meta(self) -> Meta:
        if self._meta is None:
            self._meta = self.read_meta()
            self._search = f"{self.id}\n{self._meta.title}".casefold()
        return self._meta

    @property
    def search_text(self) -> str:
        """File name and title, case-folded: what the list's filter looks in. Made with
        the metadata (in the thread that reads it); until then only the file name."""
        return self._search if self._search is not None else self.id.casefold()
