"""A module run as a process of its own, spoken to over its pipes: each request pickled
to its stdin, each answer pickled from its stdout, until its stdin closes. Only the
process that started it holds those pipes; it says nothing on stderr (the app draws on
the terminal).

Two use it: suggest() for a large article (here: its rules take seconds of pure Python,
3 s a MB, which in a thread would take the interpreter from the app's keys; one request,
then the pipe is closed), and the app's named-entity model (model_process.py, kept for
every article).
"""

from __future__ import annotations

import pickle
import subprocess
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from ..model import Annotation
from .gazetteer import Gazetteer, load
from .suggestions import Knowledge, Outline, Suggestion, outlines, suggest


def spawn(module: str) -> subprocess.Popen[bytes]:
    """`python -m module`, which serve()s requests."""
    return subprocess.Popen(
        [sys.executable, "-m", module],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,  # nothing it says may reach the terminal the app draws on
    )


def send(child: subprocess.Popen[bytes], request: Any, last: bool = False) -> None:
    """A request to the child; the last one closes its stdin, so it ends once it has answered."""
    assert child.stdin is not None
    try:
        pickle.dump(request, child.stdin)
        child.stdin.flush()
        if last:
            child.stdin.close()
    except BrokenPipeError:
        pass  # stopped already, or it failed to start: receive() says so


def receive(child: subprocess.Popen[bytes]) -> Any:
    """The child's answer to the request before; EOFError, OSError or
    pickle.UnpicklingError if it was stopped or died."""
    assert child.stdout is not None
    return pickle.load(child.stdout)


def serve(answer: Callable[[Any], Any]) -> None:
    """The child's side: each request on stdin answered on stdout, until stdin closes."""
    while True:
        try:
            request = pickle.load(sys.stdin.buffer)
        except EOFError:
            return
        pickle.dump(answer(request), sys.stdout.buffer)
        sys.stdout.buffer.flush()


def start(
    folder: Path, article: str, text: str, tags: list[Annotation], knowledge: Knowledge, labels: list[str]
) -> subprocess.Popen[bytes]:
    """A large article's suggestions asked of a process apart; read them with answer()."""
    child = spawn(__name__)
    send(child, (str(folder), article, text, outlines(tags).get(article, []), knowledge, labels), last=True)
    return child


def answer(child: subprocess.Popen[bytes]) -> list[Suggestion] | None:
    """The child's suggestions, or None if it was stopped or failed."""
    assert child.stdout is not None
    try:
        found: list[Suggestion] = receive(child)
        return found
    except (EOFError, OSError, pickle.UnpicklingError):
        return None
    finally:
        child.stdout.close()
        child.wait()


@cache
def _gazetteer(folder: str) -> Gazetteer:
    """Loaded once, and only when a rule asks for it."""
    return load(Path(folder))


def _suggest(request: tuple[str, str, str, list[Outline], Knowledge, list[str]]) -> list[Suggestion]:
    folder, article, text, tags, knowledge, labels = request
    return suggest(article, text, tags, knowledge, labels, lambda: _gazetteer(folder))


if __name__ == "__main__":
    serve(_suggest)
