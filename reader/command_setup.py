"""What every command does first: find the corpus, open the database, say what failed.

Shared by the app's command line (cli.py) and the commands without a UI (commands.py),
so neither imports the other's internals.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from annotations.corpus import Corpus, find_articles, skipped_said
from annotations.store import AnnotationStore, Stored, StoreLocked, StoreUnwritable, read_stored
from annotations.text import display_line

from .config import database_path, seeds_dir


class Failure(Exception):
    """Bad input: printed as one line on stderr, exit 1."""


def tell(message: str, end: str = "\n") -> None:
    """A line for the person on stderr. File names, labels and import errors come from
    outside: display_line makes every control character visible, so none of them can
    act on the terminal."""
    print(display_line(message), end=end, file=sys.stderr, flush=True)


def add_corpus_arguments(parser: argparse.ArgumentParser, db: bool = True) -> None:
    """PATH ... and --db, which every command takes (those of a team take several --db)."""
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="articles: files or folders (default: the bundled seeds)"
    )
    if db:
        parser.add_argument(
            "--db", metavar="FILE", help="annotation database (default: $READER_DB or the user data dir)"
        )
    parser.add_argument(
        "--text-field",
        default="text",
        metavar="NAME",
        help="in a .jsonl corpus (one article a line), the field that holds the text (default: text)",
    )


def load_corpus(paths: list[str], quiet: bool = False, text_field: str = "text", first: int | None = None) -> Corpus:
    """The corpus of paths (default the seeds), or only its first entries (the app reads
    the rest); what was skipped is said on stderr unless quiet (the app says it in its
    status line)."""
    corpus = find_articles([Path(p) for p in paths] if paths else [seeds_dir()], text_field, first)
    if first is None:  # a command: what is not an article is left out before it starts (the app: once read)
        dropped = corpus.drop_non_articles()
        if dropped:
            corpus.notices.append(skipped_said(dropped))
    if not quiet:
        for notice in corpus.notices:
            tell(f"reader: {notice}")
    if not corpus.entries:
        where = ", ".join(paths) if paths else str(seeds_dir())
        detail = f" ({corpus.notices[0]})" if corpus.notices else ""
        raise Failure(f"no articles found in {where}{detail}")
    return corpus


def read_database(path: Path) -> Stored:
    """What a command reads of a database, without a lock; damaged journal lines
    skipped are said in one line, as the app says them (the rest is kept)."""
    stored = read_stored(path)
    if stored.damage:
        tell(f"reader: {stored.damage}")
    return stored


def open_store(
    db: str | None, readonly_if_locked: bool = False, wait: float = 0.0, load: bool = True
) -> AnnotationStore:
    """The database to write (read-only if another has it, when asked); loaded, what
    its load set right (damaged journal lines) is said (the app says it itself)."""
    path = database_path(db)
    try:
        store = AnnotationStore(path, lock_timeout=wait, load=load)
    except (StoreLocked, StoreUnwritable) as error:
        if not readonly_if_locked:
            raise
        store = AnnotationStore(path, readonly=True, load=load)
        store.readonly_because = str(error)
    for warning in store.warnings:
        tell(f"reader: {warning}")
    return store
