"""Suggestions for a whole corpus, as `reader suggest` writes them: the articles in
partitions, each partition turned into JSON lines by one function (`lines_of`) that one
process, a pool of processes (`in_processes`) or a Dask cluster (on_dask.py) runs the
same way, so all three write the same lines in the same (input) order.

What every partition needs (the Job: what the database taught, the labels, where the
gazetteer's index is, the NER model) goes to each worker once; the gazetteer and the
model are loaded once per worker process, on its first partition, not per article.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from ..corpus.entries import ArticleError, Entry
from ..model import Article
from . import ner
from .gazetteer import Gazetteer, load
from .suggestions import Knowledge, Outline, Suggestion, suggest

T = TypeVar("T")
PARTITION = 16  # articles a worker is given at a time: news takes 0.1-0.2 s, spread evenly, few messages


@dataclass(frozen=True)
class Job:
    """What every partition is suggested with."""

    knowledge: Knowledge
    labels: list[str]
    cache: str  # the folder of the gazetteer's index (a worker builds it there if it has none)
    tags: dict[str, list[Outline]] = field(default_factory=dict)  # by article: no suggestion over a tag
    ner: str = ""  # a spaCy pipeline's name, or "" for the rules alone


class Done(NamedTuple):
    """One article's part of the output: its JSON lines, how many, or why it was skipped."""

    lines: str
    suggested: int
    skipped: str = ""


_loaded: dict[tuple[str, str], Any] = {}  # (kind, name) -> the gazetteer or model, once per process
_loading = threading.Lock()  # a Dask worker may run partitions in threads


def _once(kind: str, name: str) -> Any:
    with _loading:
        if (kind, name) not in _loaded:
            _loaded[kind, name] = load(Path(name)) if kind == "gazetteer" else ner.load_model(name)
        return _loaded[kind, name]


def lines_of(job: Job, sources: Sequence[Entry | Article | ArticleError]) -> list[Done]:
    """A partition's output, article by article: entries are read here (in the worker);
    articles come read, or as the error reading them (from a client whose corpus the
    cluster cannot see)."""
    articles: list[Article | str] = []  # an article, or why it could not be read
    for source in sources:
        try:
            if isinstance(source, ArticleError):
                raise source
            articles.append(source if isinstance(source, Article) else source.load())
        except ArticleError as error:
            articles.append(str(error))
    read = [article for article in articles if isinstance(article, Article)]
    found = iter(suggestions_of(job, read))
    done = []
    for article in articles:
        if isinstance(article, str):
            done.append(Done("", 0, article))
            continue
        suggested = next(found)
        lines = "".join(json.dumps(s.record(article.id), ensure_ascii=False) + "\n" for s in suggested)
        done.append(Done(lines, len(suggested)))
    return done


def suggestions_of(job: Job, articles: Sequence[Article]) -> list[list[Suggestion]]:
    """Each article's suggestions; with a model, the articles go through it together."""
    if job.ner and articles:
        found: list[ner.Entities | None] = list(ner.entities(_once("model", job.ner), [a.text for a in articles]))
    else:
        found = [None] * len(articles)

    def places() -> Gazetteer:
        gazetteer: Gazetteer = _once("gazetteer", job.cache)
        return gazetteer

    return [
        suggest(article.id, article.text, job.tags.get(article.id, []), job.knowledge, job.labels, places, entities)
        for article, entities in zip(articles, found)
    ]


def partitions(sources: Iterable[T], size: int = PARTITION) -> Iterator[list[T]]:
    """The sources in lists of size, in order (read lazily: a corpus of millions is fine)."""
    iterator = iter(sources)
    while chunk := list(islice(iterator, size)):
        yield chunk


_job: Job | None = None  # a pool worker's, set once when it starts


def _start_worker(job: Job) -> None:
    global _job
    _job = job


def _pool_lines(sources: list[Entry]) -> list[Done]:
    assert _job is not None
    return lines_of(_job, sources)


def in_processes(job: Job, sources: Sequence[Entry], workers: int) -> Iterator[list[Done]]:
    """Each partition's output, in input order; in this process with one worker (or one
    partition), else in a pool of worker processes."""
    chunks = list(partitions(sources))
    if workers <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            yield lines_of(job, chunk)
        return
    import multiprocessing  # 17 ms, for a pool only

    # forkserver: each worker forked from a fresh process that imported this module, never
    # a copy of a parent that may hold threads (the tests' do); the job is sent to each once.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    with context.Pool(min(workers, len(chunks)), _start_worker, (job,)) as pool:
        yield from pool.imap(_pool_lines, chunks)
