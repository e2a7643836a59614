"""One reading session over a large article, in a process of its own so that its memory
peak is its own: the whole read, `/` to a word near the end, resizes, G. Prints JSON.

    python -m tests.bench.session FILE WORD
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path

from textual.app import App
from textual.widgets import Static

from annotations.corpus import find_articles
from annotations.model import DEFAULT_LABELS
from annotations.store import AnnotationStore
from reader.app import ReaderApp
from reader.layout import Layout, block_bounds
from reader.widgets.article_view import ArticleView

from .measure import key_times, peak_mb

WIDTHS = (100, 120, 90, 120)


class Smallest(App):
    def compose(self):
        yield Static("smallest")


async def resizes(app: App, pilot) -> list[float]:
    """UI-thread milliseconds of each resize, the screen laid out and drawn again."""
    times = []
    for width in WIDTHS:
        started = time.thread_time()
        await pilot.resize_terminal(width, 40)
        await pilot.pause()
        times.append((time.thread_time() - started) * 1000)
    return times


def rewraps(text: str) -> list[float]:
    """Milliseconds to wrap, at a width not seen yet, what a screen in the middle shows."""
    bounds = block_bounds(text)  # made once per text, when it opens
    times = []
    for width in (77, 93, 111):
        started = time.perf_counter()
        Layout(text, width, bounds).wrap_around(len(text) // 2, 40, 40)
        times.append((time.perf_counter() - started) * 1000)
    return times


async def session(path: Path, word: str) -> dict:
    async with Smallest().run_test(size=(120, 40)) as pilot:
        floor = await resizes(pilot.app, pilot)
    with tempfile.TemporaryDirectory() as folder:
        store = AnnotationStore(Path(folder) / "db.json")
        app = ReaderApp(find_articles([path]), store, DEFAULT_LABELS, "bench", open_first=True)
        async with app.run_test(size=(120, 40)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            view = app.query_one(ArticleView)
            assert view.article is not None and view.article.complete
            await pilot.press("slash", *word)
            [search_ms] = await key_times(pilot, ["enter"])
            assert view.match is not None and view.text[slice(*view.match)] == word
            ours = await resizes(app, pilot)
            assert view.layout_rows.width == view.scrollable_content_region.width
            [end] = await key_times(pilot, ["G"])
            wraps = rewraps(view.text)
        store.close()
    return {
        "search_ms": search_ms,
        "resize_ms": max(ours),
        "floor_resize_ms": max(floor),
        "rewrap_ms": max(wraps),
        "g_ms": end,
        "peak_mb": peak_mb(),
    }


if __name__ == "__main__":
    print(json.dumps(asyncio.run(session(Path(sys.argv[1]), sys.argv[2]))))
