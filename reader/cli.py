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

from annotations.store import StoreError
from annotations.text import excerpt

from . import __version__
from .command_setup import Failure, add_corpus_arguments, tell
from .config import APP_NAME, ConfigError
from .launch import Crash, run_app_on


def run_app(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="reader", description="Read articles and tag quotes, figures and places.")
    add_corpus_arguments(parser)
    parser.add_argument(
        "--annotator", metavar="NAME", default=None, help="name stored with your tags (default: your login)"
    )
    parser.add_argument(
        "--ner", metavar="MODEL", help="suggest with a spaCy model too (default: $READER_NER, or ner in labels.toml)"
    )
    parser.add_argument("--plan", metavar="FILE", help="list only your share of this plan (reader assign writes it)")
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    parser.epilog = (
        "other commands: reader export | import | stats | suggest | assign | agree | review | serve  (each has --help)"
    )
    args = parser.parse_args(argv)
    # No garbage collection until the first screen is drawn (ReaderApp._start_background_work
    # turns it on): what a start makes, some 60,000 objects, all lives on, and collecting
    # it as it was made took 40 ms of every start (50 collections).
    gc.disable()
    try:
        return run_app_on(args)
    finally:
        gc.enable()  # for callers that go on (the tests call main() in-process)


def write_crash_report(report: str) -> Path:
    """The traceback in the user's log folder, in a file of its own; its path."""
    folder = user_log_path(APP_NAME)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"crash-{datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}.txt"
    path.write_text(report, encoding="utf-8")
    return path


COMMANDS = ("export", "import", "stats", "suggest", "assign", "agree", "review", "serve")
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
