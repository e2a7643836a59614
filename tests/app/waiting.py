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


async def started(pilot: Pilot) -> None:
    """Until the work the app starts after its first screen (the database's load, the
    titles' read) has run. Textual's wait_for_complete alone returns at once if it is
    asked before that work has begun, as it can be on a busy machine."""
    await until(pilot, lambda: pilot.app.store.loaded)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
