"""suggest() in a process apart, for a large article: its rules take seconds of pure
Python (3 s a MB), which in a thread would take the interpreter from the app's keys.

`python -m annotations.suggest.child_process` reads its arguments pickled on stdin and writes the
suggestions pickled to stdout; the parent (the app) started it and trusts nothing else
with those pipes.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

from ..model import Annotation
from .gazetteer import Gazetteer, load
from .suggestions import Knowledge, Suggestion, outlines, suggest


def start(
    folder: Path, article: str, text: str, tags: list[Annotation], knowledge: Knowledge, labels: list[str]
) -> subprocess.Popen[bytes]:
    """The child, its arguments sent; read its answer with answer()."""
    child = subprocess.Popen(
        [sys.executable, "-m", "annotations.suggest.child_process"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,  # nothing it says may reach the terminal the app draws on
    )
    assert child.stdin is not None
    try:
        pickle.dump((str(folder), article, text, outlines(tags).get(article, []), knowledge, labels), child.stdin)
        child.stdin.close()
    except BrokenPipeError:
        pass  # stopped already, or it failed to start: answer() says so
    return child


def answer(child: subprocess.Popen[bytes]) -> list[Suggestion] | None:
    """The child's suggestions, or None if it was stopped or failed."""
    assert child.stdout is not None
    try:
        found: list[Suggestion] = pickle.load(child.stdout)
        return found
    except (EOFError, OSError, pickle.UnpicklingError):
        return None
    finally:
        child.stdout.close()
        child.wait()


def main() -> None:
    folder, article, text, tags, knowledge, labels = pickle.load(sys.stdin.buffer)
    loaded: list[Gazetteer] = []

    def places() -> Gazetteer:
        if not loaded:
            loaded.append(load(Path(folder)))
        return loaded[0]

    pickle.dump(suggest(article, text, tags, knowledge, labels, places), sys.stdout.buffer)


if __name__ == "__main__":
    main()
