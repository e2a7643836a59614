"""The app's named-entity model (reader --ner) in a process of its own, started on the
first article and kept: loading a model takes seconds and running it holds the
interpreter, which in a thread would take it from the app's keys.

`python -m annotations.suggest.model_process` reads (job, article) pairs pickled on
stdin and answers each with its suggestions pickled on stdout, until stdin closes (the
app ended). Only the app that started it holds those pipes; it says nothing on stderr.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
import threading
from typing import IO

from ..model import Article
from .batch import Job, suggestions_of
from .ner import ModelMissing
from .suggestions import Suggestion


class ModelProcess:
    """The process and one request at a time to it (a request waits for the one before)."""

    def __init__(self) -> None:
        self._child: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()

    def suggest(self, job: Job, article: Article) -> list[Suggestion]:
        """The article's suggestions; ModelMissing if the model cannot be loaded, OSError
        (or EOFError) if the process died."""
        with self._lock:
            if self._child is None or self._child.poll() is not None:
                self._child = subprocess.Popen(
                    [sys.executable, "-m", __name__],
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,  # nothing it says may reach the terminal the app draws on
                )
            assert self._child.stdin is not None and self._child.stdout is not None
            pickle.dump((job, article), self._child.stdin)
            self._child.stdin.flush()
            found, missing = pickle.load(self._child.stdout)
        if missing:
            raise ModelMissing(missing)
        return list(found)


def serve(requests: IO[bytes], answers: IO[bytes]) -> None:
    while True:
        try:
            job, article = pickle.load(requests)
        except EOFError:
            return
        try:
            answer: tuple[list[Suggestion], str] = (suggestions_of(job, [article])[0], "")
        except ModelMissing as error:
            answer = ([], str(error))
        pickle.dump(answer, answers)
        answers.flush()


if __name__ == "__main__":
    serve(sys.stdin.buffer, sys.stdout.buffer)
