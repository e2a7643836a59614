"""`reader export` and `reader import`: every tag out in a format, or in, all or nothing."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path

from annotations.interchange.exporting import (
    Filters,
    count_orphans,
    count_written,
    export_lines,
    export_target,
    gather,
    not_in_corpus,
    write_export,
    write_lines,
)
from annotations.interchange.formats import ALL_FORMATS, FORMATS, LINE_FORMATS
from annotations.interchange.importing import check_records, read_records
from annotations.store import trouble
from annotations.text import plural

from ..command_setup import Failure, add_corpus_arguments, load_corpus, open_store, read_database, tell
from ..config import database_path, default_annotator, load_labels
from .progress import Progress


def _date(value: str, flag: str, end_of_day: bool = False) -> datetime:
    """A date as python-dateutil reads it. A date without a time means its whole day:
    its first moment for --since, its last for --until."""
    from dateutil import parser as date_parser  # imported when needed: it costs 40 ms of every export

    try:
        first = date_parser.parse(value, default=datetime(2000, 1, 1, 0, 0, 0, 0))
        last = date_parser.parse(value, default=datetime(2000, 1, 1, 23, 59, 59, 999999))
    except (ValueError, OverflowError):
        raise Failure(f"{flag}: cannot read the date {value!r} (try 2026-11-21 or '21 Nov 2026 10:00')") from None
    moment = last if end_of_day and first.time() != last.time() else first
    return moment if moment.tzinfo else moment.astimezone()


def run_export(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="reader export",
        description="Write the annotations as native JSONL, doccano, spaCy/Prodigy or W3C Web Annotation "
        "JSON lines, or as a brat folder.",
    )
    add_corpus_arguments(parser)
    parser.add_argument("--format", choices=ALL_FORMATS, default="jsonl", help="default: jsonl (every field)")
    parser.add_argument("-o", "--output", metavar="FILE|DIR", help="write here (brat: a folder) instead of stdout")
    parser.add_argument("--label", nargs="+", action="extend", metavar="L", help="only these labels")
    parser.add_argument("--article", nargs="+", action="extend", metavar="ID", help="only these articles")
    parser.add_argument("--annotator", nargs="+", action="extend", metavar="NAME", help="only these annotators")
    parser.add_argument("--since", metavar="DATE", help="only annotations created at or after DATE")
    parser.add_argument("--until", metavar="DATE", help="only annotations created at or before DATE")
    parser.add_argument(
        "--orphans", action="store_true", help="also orphaned tags, with their quote and no offsets (jsonl, w3c)"
    )
    args = parser.parse_args(argv)
    if FORMATS[args.format].WRITES_FOLDER and not args.output:
        parser.error(f"--format {args.format} writes a folder: give it with -o DIR")
    filters = Filters(
        labels=args.label,
        articles=args.article,
        annotators=args.annotator,
        since=_date(args.since, "--since") if args.since else None,
        until=_date(args.until, "--until", end_of_day=True) if args.until else None,
    )
    corpus = load_corpus(args.paths, text_field=args.text_field)
    groups, _ = gather(corpus, read_database(database_path(args.db)).annotations, filters)
    away = not_in_corpus(groups, args.format)  # skipped where the text is carried, else kept: said either way
    if away:
        tell(f"reader: {away}")
    total = sum(len(group) for _, group in groups)
    orphans = count_orphans(groups)
    if orphans and not (args.orphans and not FORMATS[args.format].CARRIES_TEXT):
        tell(
            f"reader: left out {plural(orphans, 'orphaned tag')}: their text is gone from the article "
            "(reader stats names them; --orphans exports them with their quote, in jsonl or w3c)"
        )
    if total == 0:
        tell("reader: 0 annotations matched" + (" the filters given" if filters.any() else ""))
    lines = len(groups) if FORMATS[args.format].CARRIES_TEXT else total  # (those formats: a line an article)
    progress = Progress("exported", lines, "articles" if FORMATS[args.format].CARRIES_TEXT else "tags")
    if not args.output:
        write_lines(export_lines(groups, args.format, args.orphans), sys.stdout.buffer, progress)
        sys.stdout.flush()
        progress.end()
        return 0
    target = export_target(Path(args.output), args.format)  # a folder: the file inside it
    try:
        written = write_export(groups, args.format, target, progress, args.orphans)
    except OSError as error:
        raise Failure(f"{target}: cannot write ({error.strerror or error})") from None
    progress.end()
    tell(f"wrote {count_written(written, args.format)} to {target}")
    return 0


def run_import(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="reader import", description="Add annotations from a file: all of them or, on any problem, none."
    )
    parser.add_argument("file", metavar="FILE", help="JSON lines in any format export writes but brat")
    add_corpus_arguments(parser)
    parser.add_argument("--format", choices=list(LINE_FORMATS), help="default: told from each line")
    parser.add_argument("--annotator", metavar="NAME", help="for records that name no annotator")
    parser.add_argument(
        "--article", metavar="ID", help="for lines that name no article (default: the article with the same text)"
    )
    args = parser.parse_args(argv)
    corpus = load_corpus(args.paths, text_field=args.text_field)
    path = Path(args.file)
    records = read_records(path, args.format)
    progress = Progress("checked", len(records), "records")
    checked = check_records(
        records, corpus, path, args.annotator or default_annotator(), load_labels().names, args.article, progress
    )
    progress.end()
    store = open_store(args.db, wait=60.0)
    try:
        added, updated = store.merge(checked)
        store.save()  # one new file: all of the import or, if it fails, none
    except OSError as error:
        store.abandon()
        raise Failure(
            f"import not saved: {store.path}: {trouble(error)}; run it again once the disk is fixed "
            "(importing twice adds nothing)"
        ) from None
    store.close()
    skipped = len(checked) - added - updated
    tell(f"imported {added} new, {updated} updated, {skipped} already there, into {store.path}")
    return 0
