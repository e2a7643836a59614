"""The app's named-entity model (reader --ner) in a process of its own, started on the
first article and kept: loading a model takes seconds and running it holds the
interpreter, which in a thread would take it from the app's keys.

`python -m annotations.suggest.model_process` answers each (job, article) request with
the article's suggestions, over the pipes pipe_protocol.py speaks, until the app ends.
"""

from __future__ import annotations

import subprocess
import threading

from ..model import Article
from . import pipe_protocol
from .batch import Job, suggestions_of
from .ner import ModelMissing
from .suggestions import Suggestion


class ModelProcess:
    """The process and one request at a time to it (a request waits for the one before)."""

    def __init__(self) -> None:
        self._child: subprocess.Popen[bytes] | None = None
        self._lock = threading.Lock()

    def suggest(self, job: Job, article: Article) -> list[Suggestion]:
        """The article's suggestions; ModelMissing if the model cannot be loaded, EOFError
        (or OSError) if the process died."""
        with self._lock:
            if self._child is not None and self._child.poll() is not None:
                pipe_protocol.end(self._child)  # died: its pipes closed before another starts
                self._child = None
            if self._child is None:
                self._child = pipe_protocol.spawn(__name__)
            pipe_protocol.send(self._child, (job, article))
            found, missing = pipe_protocol.receive(self._child)
        if missing:
            raise ModelMissing(missing)
        return list(found)


def _answer(request: tuple[Job, Article]) -> tuple[list[Suggestion], str]:
    """The suggestions, or why the model cannot be loaded (an exception would end the process)."""
    job, article = request
    try:
        return suggestions_of(job, [article])[0], ""
    except ModelMissing as error:
        return [], str(error)


if __name__ == "__main__":
    pipe_protocol.serve(_answer)
