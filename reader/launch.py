"""The app started on a corpus and a database, and what is said once it ends: changes it
could not save, a database found unusable, a crash (cli.py turns these into one line)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from annotations.store import check_quickly, trouble
from annotations.text import plural

from . import ner_setting
from .command_setup import Failure, load_corpus, open_store, tell
from .config import database_path, default_annotator, load_keymap, load_labels

if TYPE_CHECKING:
    from annotations.team import Review

FIRST_LISTED = 100  # articles read before the first screen; the app reads the rest as it runs
EXIT_DEADLINE = 1.0  # seconds from being told to exit to the process ending, saved


class Crash(Exception):
    """An unexpected error (a bug): its traceback goes to a file, one line to stderr."""

    def __init__(self, summary: str, report: str) -> None:
        super().__init__(summary)
        self.report = report


def run_app_on(args: argparse.Namespace, review: Review | None = None) -> int:
    """The app on args' corpus and database (with review: `reader review`'s sources on top)."""
    labels = load_labels()
    model = ner_setting.chosen(getattr(args, "ner", None))  # not installed: one line how, before the screen
    plan = getattr(args, "plan", None)
    # With a plan, the whole corpus is read first: the plan may list its last article first.
    corpus = load_corpus(args.paths, quiet=True, text_field=args.text_field, first=None if plan else FIRST_LISTED)
    if plan:
        from .commands.team import plan_share

        corpus = plan_share(corpus, plan, args.annotator or default_annotator())
    check_quickly(database_path(args.db))
    store = open_store(args.db, readonly_if_locked=True, load=False)  # the app loads it in a thread
    try:
        from .app import ReaderApp  # Textual loads only when the app runs
        from .app.suggesting import Suggestions
        from .keys import panes_for
        from .textual_compat import first_error

        Suggestions.model = model
        open_first = len(corpus.entries) == 1 and corpus.later is None  # one article: read it; a corpus file: its list
        keymap = load_keymap(panes_for(labels))
        app = ReaderApp(corpus, store, labels, args.annotator or default_annotator(), open_first, keymap, review)
        app.exit_deadline = EXIT_DEADLINE
        app.run()
        app.ended.set()
    finally:
        unsaved = store.unsaved
        try:
            store.close()
        except OSError as failure:
            what = plural(unsaved, "change") if unsaved else "where you left off"  # (Whereabouts: not counted)
            lost = f"{what} NOT saved to {store.path}: {trouble(failure)}"
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
