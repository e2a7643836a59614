"""The coders in annotators' databases: for `reader agree`, each file's records
re-anchored against the corpus and grouped by annotator; for `reader stats --plan`, only
the articles each coded, as the records say (read_coded). Large
databases are read in parallel, a process a core: reading ten of 50,000 tags is most of
what `reader agree` takes."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from annotations.corpus import Corpus, ReadOnce
from annotations.interchange.exporting import Filters, gather
from annotations.model import ORPHANED, Article
from annotations.store import read_stored, stored_bytes
from annotations.team import Coder
from annotations.text import plural

from ..command_setup import Failure, tell

PARALLEL_ABOVE = 20_000_000  # bytes of databases: below, starting processes costs more than it saves


@dataclass
class _File:
    """One database's coders: their spans per article, their tagged articles, and the done marks."""

    fallback: str  # the name of a coder without one: the file's own
    spans: dict[str, dict[str, list[tuple[str, int, int]]]]
    tagged: dict[str, set[str]]
    done: set[str]
    elsewhere: int = 0  # articles tagged that are not in this corpus
    damage: str = ""  # damaged journal lines skipped (told by the parent, not a forked reader)
    read: dict[str, Article] = field(default_factory=dict)  # articles first read for it (back from a forked reader)


_READ: Callable[[str], _File] | None = None  # what forked readers inherit


def read_coders(
    paths: list[str], texts: ReadOnce, labels: set[str] | None = None, articles: list[str] | None = None
) -> list[Coder]:
    """Every coder of every database: named by their records' annotator (a file's own
    name for records without one, or a file without tags). Their articles: those they
    tagged, and those marked done in a file that holds one coder only. Each article is
    read once, into texts, whoever tagged it (in whichever process)."""
    _check(paths)
    files = _read_all(paths, partial(_read_file, texts=texts, labels=labels, articles=articles))
    for found in files:
        texts.keep(found.read)
    return _coders(paths, files)


def read_coded(paths: list[str], corpus: Corpus) -> list[Coder]:
    """The coders as read_coders names them and the articles each coded, without their
    spans: from the records as stored, no article read and no tag anchored again (what
    `reader stats --plan` counts)."""
    _check(paths)
    return _coders(paths, _read_all(paths, partial(_read_tagged, corpus=corpus)))


def _check(paths: list[str]) -> None:
    given: dict[Path, str] = {}
    for path in paths:
        if Path(path).resolve() in given:
            raise Failure(f"{path} is given twice (as {given[Path(path).resolve()]} before): one --db per annotator")
        given[Path(path).resolve()] = path
        if stored_bytes(Path(path)) is None:  # (a journal alone is a database: its annotator is at work)
            raise Failure(f"{path}: no such database")


def _coders(paths: list[str], files: list[_File]) -> list[Coder]:
    coders: list[Coder] = []
    where: dict[str, str] = {}
    for path, found in zip(paths, files):
        if found.damage:
            tell(f"reader: {found.damage}")
        if found.elsewhere:
            tell(f"reader: {path}: left out the tags of {plural(found.elsewhere, 'article')} not in this corpus")
        names = sorted(found.tagged) or [found.fallback]
        for name in names:
            if name in where:
                raise Failure(
                    f"two coders are named {name}: in {where[name]} and in {path} "
                    "(each annotator works with their own --annotator)"
                )
            where[name] = path
            coded = found.tagged.get(name, set()) | (found.done if len(names) == 1 else set())
            coders.append(Coder(name, found.spans.get(name, {}), frozenset(coded)))
    return coders


def _read_all(paths: list[str], read: Callable[[str], _File]) -> list[_File]:
    global _READ
    workers = min(len(paths), os.cpu_count() or 1)
    size = sum(stored_bytes(Path(path)) or 0 for path in paths)
    if workers < 2 or size < PARALLEL_ABOVE or "fork" not in multiprocessing.get_all_start_methods():
        return [read(path) for path in paths]
    _READ = read  # forked processes have it (and the corpus in it) without pickling
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(_read_forked, paths))
    finally:
        _READ = None


def _read_forked(path: str) -> _File:
    assert _READ is not None
    return _READ(path)


def _read_file(path: str, texts: ReadOnce, labels: set[str] | None, articles: list[str] | None) -> _File:
    stored = read_stored(Path(path))
    found = _File(Path(path).stem, {}, {}, set(), damage=stored.damage)
    corpus = texts.corpus
    groups, missing = gather(corpus, stored.annotations, Filters(articles=articles), texts.load)
    found.elsewhere = len(missing)
    for article, group in groups:
        if article is None:
            continue
        here = {tag.annotator or found.fallback for tag in group}
        for name in here:
            found.tagged.setdefault(name, set()).add(article.id)
        for name in here:  # (one, nearly always)
            mine = group if len(here) == 1 else [tag for tag in group if (tag.annotator or found.fallback) == name]
            found.spans.setdefault(name, {})[article.id] = [
                (tag.label, tag.start, tag.end)
                for tag in mine
                if tag.status != ORPHANED and (labels is None or tag.label in labels)
            ]
    found.done = {a for a in stored.done if corpus.get(a) and (not articles or a in articles)}
    found.read = texts.taken()
    return found


def _read_tagged(path: str, corpus: Corpus) -> _File:
    stored = read_stored(Path(path))
    found = _File(Path(path).stem, {}, {}, set(), damage=stored.damage)
    elsewhere = set()
    for tag in stored.annotations:
        if corpus.get(tag.article) is None:
            elsewhere.add(tag.article)
        else:
            found.tagged.setdefault(tag.annotator or found.fallback, set()).add(tag.article)
    found.elsewhere = len(elsewhere)
    found.done = {a for a in stored.done if corpus.get(a)}
    return found
