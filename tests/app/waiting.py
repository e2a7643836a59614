"""Waiting on what runs on its own time (the saver thread, workers, the debounce of
suggestions) without a fixed pause that a slow machine outruns."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from textual.pilot import Pilot


async def until(pilot: Pilot, condition: Callable[[], object], limit: float = 30.0) -> None:
    """Let the app run until condition() holds, at most limit seconds; the caller's assert
    then says what did not happen."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + limit
    while not condition() and loop.time() < deadline:
        await pilot.pause(0.05)
