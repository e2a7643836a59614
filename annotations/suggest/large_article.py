"""A large article's suggestions in a process of its own: its rules take seconds of pure
Python (3 s a MB), which in a thread would take the interpreter from the app's keys. One
request over pipe_protocol.py's pipes, then the pipe is closed and the process ends.

`python -m annotations.suggest.large_article` is that process.
"""

from __future__ import annotations

import pickle
import subprocess
from functools import cache
from pathlib import Path

from ..model import Annotation
from . import pipe_protocol
from .gazetteer import Gazetteer, load
from .suggestions import Knowledge, Outline, Suggestion, outlines, suggest


def start(
    folder: Path, article: str, text: str, tags: list[Annotation], knowledge: Knowledge, labels: list[str]
) -> subprocess.Popen[bytes]:
    """A large article's suggestions asked of a process apart; read them with answer()."""
    child = pipe_protocol.spawn(__name__)
    request = (str(folder), article, text, outlines(tags).get(article, []), knowledge, labels)
    pipe_protocol.send(child, request, last=True)
    return child


def answer(child: subprocess.Popen[bytes]) -> list[Suggestion] | None:
    """The child's suggestions, or None if it was stopped or failed."""
    try:
        found: list[Suggestion] = pipe_protocol.receive(child)
        return found
    except (EOFError, OSError, pickle.UnpicklingError):
        return None
    finally:
        pipe_protocol.end(child)


@cache
def _gazetteer(folder: str) -> Gazetteer:
    """Loaded once, and only when a rule asks for it."""
    return load(Path(folder))


def _suggest(request: tuple[str, str, str, list[Outline], Knowledge, list[str]]) -> list[Suggestion]:
    folder, article, text, tags, knowledge, labels = request
    return suggest(article, text, tags, knowledge, labels, lambda: _gazetteer(folder))


if __name__ == "__main__":
    pipe_protocol.serve(_suggest)
