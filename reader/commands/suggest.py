"""`reader suggest`: the suggestions for every article as JSON lines, in one process, in
--workers processes, or on a Dask cluster (--dask); the same lines in the same order
whichever runs them (annotations/suggest/batch.py)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator

from annotations.text import plural

from .. import ner_setting
from ..command_setup import Failure, add_corpus_arguments, load_corpus, read_database, tell
from ..config import cache_folder, database_path, load_labels
from .progress import Progress


def _workers(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"expected a number of processes, 1 or more, not {value!r}")
    return int(value)


def run_suggest(argv: list[str]) -> int:
    from annotations.suggest import batch, on_dask
    from annotations.suggest.ner import ModelMissing
    from annotations.suggest.on_dask import Unavailable
    from annotations.suggest.suggestions import Knowledge, outlines

    parser = argparse.ArgumentParser(
        prog="reader suggest",
        description="Write the suggestions for every article, one JSON record a line (what the app proposes).",
    )
    add_corpus_arguments(parser)
    parser.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    parser.add_argument("--label", nargs="+", action="extend", metavar="L", help="only these labels")
    parser.add_argument(
        "--workers",
        type=_workers,
        default=os.cpu_count() or 1,
        metavar="N",
        help="articles in N processes at once (default: the CPU count, here %(default)s)",
    )
    parser.add_argument(
        "--ner",
        metavar="MODEL",
        help="also a spaCy model's places and speakers (default: $READER_NER, or ner in labels.toml)",
    )
    parser.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="on a Dask cluster: its scheduler's address (tcp://host:8786), or local for one on this machine",
    )
    args = parser.parse_args(argv)
    model = ner_setting.chosen(args.ner)
    corpus = load_corpus(args.paths, text_field=args.text_field)
    stored = read_database(database_path(args.db))
    knowledge = Knowledge.of(stored.annotations, stored.rejections)
    job = batch.Job(
        knowledge, args.label or load_labels().names, str(cache_folder()), outlines(stored.annotations), model
    )
    try:
        out = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout  # noqa: SIM115
    except OSError as error:
        raise Failure(f"{args.output}: cannot write ({error.strerror or error})") from None
    parts: Iterator[list[batch.Done]]
    if args.dask:
        parts = on_dask.in_partitions(job, corpus.entries, args.dask)
    else:
        parts = batch.in_processes(job, corpus.entries, args.workers)
    written = done = 0
    progress = Progress("suggested for", len(corpus.entries), "articles")
    try:
        for part in parts:
            for article in part:
                if article.skipped:
                    tell(f"reader: skipped {article.skipped}")
                out.write(article.lines)
                written += article.suggested
            done += len(part)
            progress(done)
    except (ModelMissing, Unavailable) as error:
        raise Failure(str(error)) from None
    finally:
        if args.output:
            out.close()
        else:
            out.flush()
    progress.end()
    if progress.shown or args.output:
        tell(f"{plural(written, 'suggestion')} in {plural(len(corpus.entries), 'article')}")
    return 0
