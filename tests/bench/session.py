"""One reading session over a large article, in a process of its own so that its memory
peak is its own: the whole read, `/` to a word near the end, a resize. Prints JSON.

    python -m tests.bench.session FILE WORD
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
import time
from pathlib import Path

from annotations.corpus import find_articles
from annotations.model import DEFAULT_LABELS
from annotations.store import AnnotationStore
from reader.app import ReaderApp
from reader.widgets.article_view import ArticleView

from .measure import key_times, peak_mb


async def session(path: Path, word: str) -> dict:
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
            resizes = []
            for width in (100, 120, 90, 120):
                started = time.thread_time()
                await pilot.resize_terminal(width, 40)
                await pilot.pause()
                resizes.append((time.thread_time() - started) * 1000)
            assert view.layout_rows.width == view.scrollable_content_region.width
            [end] = await key_times(pilot, ["G"])
        store.close()
    return {"search_ms": search_ms, "resize_ms": max(resizes), "g_ms": end, "peak_mb": peak_mb()}


if __name__ == "__main__":
    print(json.dumps(asyncio.run(session(Path(sys.argv[1]), sys.argv[2]))))
