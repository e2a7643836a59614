"""The protocol of a module run as a process of its own, spoken to over its pipes: each
request pickled to its stdin, each answer pickled from its stdout, until its stdin
closes. Only the process that started it holds those pipes; it says nothing on stderr
(the app draws on the terminal).

Two speak it: a large article's suggestions (large_article.py, one request, then the pipe
is closed) and the app's named-entity model (model_process.py, kept for every article).
"""

from __future__ import annotations

import contextlib
import pickle
import subprocess
import sys
from collections.abc import Callable
from typing import Any


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


def end(child: subprocess.Popen[bytes], grace: float = 1.0) -> None:
    """The child's pipes closed and the child reaped: its stdin closing ends it once it has
    answered; one that has not ended within grace seconds is killed. No descriptor or
    zombie is left behind."""
    for pipe in (child.stdin, child.stdout):
        if pipe is not None:
            with contextlib.suppress(BrokenPipeError):  # a request it never read, from a child gone
                pipe.close()
    try:
        child.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()


def serve(answer: Callable[[Any], Any]) -> None:
    """The child's side: each request on stdin answered on stdout, until stdin closes."""
    while True:
        try:
            request = pickle.load(sys.stdin.buffer)
        except EOFError:
            return
        pickle.dump(answer(request), sys.stdout.buffer)
        sys.stdout.buffer.flush()
