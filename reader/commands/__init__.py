"""The commands that need no UI, a module each: exchange.py (export, import), stats.py,
suggest.py, team.py (assign, agree, a plan's progress), review.py (review --auto, and the
app on a gold database); serve is reader/serving/. progress.py is their progress line."""

from __future__ import annotations

import gc
from collections.abc import Callable

from annotations.interchange.importing import ExchangeError

from ..command_setup import Failure
from .exchange import run_export, run_import
from .stats import run_stats
from .suggest import run_suggest
from .team import run_agree, run_assign


def runner(command: str) -> Callable[[list[str]], int]:
    """The function that runs a command; a command of its own module is imported only to run."""
    if command == "review":
        from .review import run_review

        return run_review
    if command == "serve":
        return run_serve
    return {
        "export": run_export,
        "import": run_import,
        "stats": run_stats,
        "suggest": run_suggest,
        "assign": run_assign,
        "agree": run_agree,
    }[command]


def run(command: str, argv: list[str]) -> int:
    if command == "serve":
        return run_serve(argv)  # a server: runs for hours, with the collector on
    run_command = runner(command)
    # A command reads everything, writes, and exits: the cycle collector would walk
    # 100,000 records a few times over (0.1 s of an export) to find no cycles.
    gc.disable()
    try:
        return run_command(argv)
    except ExchangeError as error:
        raise Failure(str(error)) from None
    finally:
        gc.enable()  # for callers that go on (the tests call main() in-process)


def run_serve(argv: list[str]) -> int:
    from ..serving.command import run_serve as serve  # its own package: a server, not a batch command

    return serve(argv)
