"""The `start` fixture: a command in a tmux pane of its own, ended after the test."""

from __future__ import annotations

import shutil

import pytest

from tests.tmux import Pane


@pytest.fixture
def start():
    if shutil.which("tmux") is None:
        pytest.fail("tmux is needed for the end-to-end tests (.ci/run installs it)")
    panes = []

    def begin(command: str) -> Pane:
        panes.append(Pane(command))
        return panes[-1]

    yield begin
    for pane in panes:
        pane.close()
