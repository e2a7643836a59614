"""The process that holds the app's model (model_process.py): one that died is replaced,
and the dead one leaves neither a zombie nor open pipes behind."""

from __future__ import annotations

import os
import signal

import pytest

from annotations.model import Article
from annotations.suggest import pipe_protocol
from annotations.suggest.batch import Job
from annotations.suggest.model_process import ModelProcess
from annotations.suggest.suggestions import Knowledge

ARTICLE = Article("a.txt", "Nothing to suggest in this sentence, written for the test.")
JOB = Job(Knowledge(), [], "")  # the rules alone, no label: a quick answer


def test_a_dead_model_process_is_reaped_and_its_pipes_closed_when_it_is_replaced():
    process = ModelProcess()
    try:
        assert process.suggest(JOB, ARTICLE) == []
        dead = process._child
        assert dead is not None
        dead.send_signal(signal.SIGKILL)
        os.waitid(os.P_PID, dead.pid, os.WEXITED | os.WNOWAIT)  # dead, and left for it to reap

        assert process.suggest(JOB, ARTICLE) == []  # answered by another process

        assert process._child is not dead
        assert dead.returncode == -signal.SIGKILL
        with pytest.raises(ChildProcessError):
            os.waitpid(dead.pid, os.WNOHANG)  # reaped: no zombie left
        assert dead.stdin is not None and dead.stdin.closed
        assert dead.stdout is not None and dead.stdout.closed
    finally:
        if process._child is not None:
            pipe_protocol.end(process._child)
