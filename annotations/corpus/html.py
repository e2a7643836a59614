"""Web pages as articles: the page's readable text, its main content without the
navigation, extracted by trafilatura (Apache-2.0; the best-kept main-content extractor,
and it reads the page's own charset). Offsets and the article's hash are of that text,
so re-anchoring works as for a .txt; the page itself is never changed.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import datetime

from ..model import Article
from ..text import normalise_newlines
from .entries import META_HEAD, TITLE_MAX, ArticleError, Entry, Meta, article_date, parse_date

_TITLE = re.compile(rb"<title[^>]*>(.*?)</title", re.I | re.S)
_META = re.compile(rb"<meta\s[^>]*>", re.I)
_ATTRIBUTE = re.compile(rb"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""")
_TITLE_NAMES = {b"og:title", b"twitter:title"}
_DATE_NAMES = {b"article:published_time", b"date", b"pubdate", b"datepublished", b"dc.date", b"og:published_time"}
_TIME = re.compile(rb"<time[^>]*\sdatetime\s*=\s*[\"']([^\"']+)", re.I)


def readable_text(page: bytes) -> str:
    """The page's main text, paragraphs on lines of their own."""
    import trafilatura  # imported when a page is opened: it costs a quarter of a second

    text = trafilatura.extract(page, include_comments=False, include_tables=True) or trafilatura.html2txt(page)
    if not text or not text.strip():
        raise ArticleError("no readable text in this page")
    return normalise_newlines(text)


def _metas(head: bytes) -> dict[bytes, str]:
    """<meta property|name|itemprop=… content=…> of the page's head, names lower-cased."""
    found: dict[bytes, str] = {}
    for tag in _META.findall(head):
        attributes = {
            m.group(1).lower(): m.group(2) or m.group(3) or m.group(4) or b"" for m in _ATTRIBUTE.finditer(tag)
        }
        name = attributes.get(b"property") or attributes.get(b"name") or attributes.get(b"itemprop")
        if name and b"content" in attributes:
            found.setdefault(name.lower(), html.unescape(attributes[b"content"].decode("utf-8", "replace")))
    return found


def page_title(head: bytes) -> str:
    metas = _metas(head)
    title = next((metas[name] for name in _TITLE_NAMES if metas.get(name)), "")
    if not title:
        match = _TITLE.search(head)
        title = html.unescape(match.group(1).decode("utf-8", "replace")) if match else ""
    return " ".join(title.split())[:TITLE_MAX]


def page_date(head: bytes) -> datetime | None:
    metas = _metas(head)
    value = next((metas[name] for name in _DATE_NAMES if metas.get(name)), "")
    if not value:
        match = _TIME.search(head)
        value = match.group(1).decode("utf-8", "replace") if match else ""
    return parse_date(value) if value else None


@dataclass(eq=False)
class HtmlEntry(Entry):
    """A web page: read whole (pages are small) and made text when opened."""

    def read(self, limit: int | None) -> Article:
        try:
            page = self.path.read_bytes()
        except OSError as error:
            raise ArticleError(f"{self.path}: cannot read ({error.strerror or error})") from None
        try:
            text = readable_text(page)
        except ArticleError as error:
            raise ArticleError(f"{self.path}: {error}") from None
        return Article(self.id, text, str(self.path), "html")

    def read_meta(self) -> Meta:
        try:
            with self.path.open("rb") as file:
                head = file.read(META_HEAD)
        except OSError as error:
            return Meta(self.id, None, problem=f"cannot read ({error.strerror or error})")
        return Meta(page_title(head) or self.id, page_date(head) or article_date("", self.path))
