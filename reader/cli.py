"""The command line: `reader` opens the app; export, import, stats and suggest are in commands.py.

Exit codes: 0 done, 1 bad input (one line on stderr saying what and where), 2 usage,
3 an unexpected error (a bug: one line on stderr names the file with its traceback).
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import locale
import os
import sys
import traceback
from datetime import datetime
from pathlib import Path

from platformdirs import user_log_path

from annotations.store import StoreError, check_quickly, trouble
from annotations.text import excerpt, plural

from . import __version__
from .command_setup import Failure, add_corpus_arguments, load_corpus, open_store, tell
from .config import APP_NAME, ConfigError, database_path, default_annotator, load_keymap, load_labels


class Crash(Exception):
    """An unexpected error (a bug): its traceback goes to a file, one line to stderr."""

    def __init__(self, summary: str, report: str) -> None:
        super().__init__(summary)
        self.report = report


def run_app(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="reader", description="Read articles and tag quotes, figures and places.")
    add_corpus_arguments(parser)
    parser.add_argument(
        "--annotator", metavar="NAME", default=None, help="name stored with your tags (default: your login)"
    )
    parser.add_argument("--plan", metavar="FILE", help="list only your share of this plan (reader assign writes it)")
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    parser.epilog = "other commands: reader export | import | stats | suggest | assign | agree  (each has --help)"
    args = parser.parse_args(argv)
    # No garbage collection until the first screen is drawn (ReaderApp._start_background_work
    # turns it on): what a start makes, some 60,000 objects, all lives on, and collecting
    # it as it was made took 40 ms of every start (50 collections).
    gc.disable()
    try:
        return _run_app(args)
    finally:
        gc.enable()  # for callers that go on (the tests call main() in-process)


def _run_app(args: argparse.Namespace) -> int:
    labels = load_labels()
    corpus = load_corpus(args.paths, quiet=True, text_field=args.text_field, first=None if args.plan else FIRST_LISTED)
    if args.plan:  # the whole corpus read first: the plan may list its last article first
        from .team_commands import plan_share

        corpus = plan_share(corpus, args.plan, args.annotator or default_annotator())
    check_quickly(database_path(args.db))
    store = open_store(args.db, readonly_if_locked=True, load=False)  # the app loads it in a thread
    try:
        from .app import ReaderApp  # Textual loads only when the app runs
        from .keys import panes_for
        from .textual_compat import first_error

        open_first = len(corpus.entries) == 1 and corpus.later is None  # one article: read it; a corpus file: its list
        keymap = load_keymap(panes_for(labels))
        app = ReaderApp(corpus, store, labels, args.annotator or default_annotator(), open_first, keymap)
        app.exit_deadline = EXIT_DEADLINE
        app.run()
        app.ended.set()
    finally:
        unsaved = store.unsaved
        try:
            store.close()
        except OSError as failure:
            lost = f"{plural(unsaved, 'change')} NOT saved to {store.path}: {trouble(failure)}"
        else:
            lost = ""
    app.closed.set()  # (see EndsWhenTold._end_anyway)
    if lost:
        raise Failure(f"{lost}; {app.wrote_copy}" if app.wrote_copy else lost)
    if app.wrote_copy:
        tell(f"reader: {app.wrote_copy}")
    if app.load_error:
        raise Failure(app.load_error)
    if app.return_code:  # Textual ended the app on an unexpected error
        error = first_error(app)
        summary = f"{type(error).__name__}: {error}" if error else "the app stopped"
        raise Crash(summary, app.crash_report.getvalue())
    return app.return_code or 0


def write_crash_report(report: str) -> Path:
    """The traceback in the user's log folder, in a file of its own; its path."""
    folder = user_log_path(APP_NAME)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"crash-{datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}.txt"
    path.write_text(report, encoding="utf-8")
    return path


COMMANDS = ("export", "import", "stats", "suggest", "assign", "agree")
FIRST_LISTED = 100  # articles read before the first screen; the app reads the rest as it runs
EXIT_DEADLINE = 1.0  # seconds from being told to exit to the process ending, saved
CRASHED = 3


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    with contextlib.suppress(locale.Error):
        locale.setlocale(locale.LC_TIME, "")
    try:
        if argv and argv[0] in COMMANDS:
            from . import commands  # not loaded for the app: it starts quicker

            return commands.run(argv[0], argv[1:])
        return run_app(argv)
    except (Failure, ConfigError, StoreError) as error:
        tell(f"reader: {error}")
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `reader export | head`
        return 0
    except Exception as error:  # a bug: never a bare traceback, never exit 0
        report = error.report if isinstance(error, Crash) else traceback.format_exc()
        try:
            where = f"the full traceback is in {write_crash_report(report)}"
        except OSError:
            where = "the traceback could not be written to a file"
        tell(f"reader: unexpected error ({excerpt(str(error) or type(error).__name__, 200)}); {where}")
        return CRASHED
