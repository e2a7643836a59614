"""A large corpus lists at once: its first entries before the first screen, the rest
as a thread reads them (Pilot, on a JSON-lines file written here; the thread is held
back until the test lets it go)."""

from __future__ import annotations

import json
import threading

from annotations.corpus import find_articles
from annotations.model import DEFAULT_LABELS
from annotations.store import AnnotationStore
from reader.app import ReaderApp
from tests.app.waiting import until


def held_corpus(tmp_path, count: int, first: int):
    lines = [
        json.dumps({"id": f"item-{n}", "title": f"Item {n} about Kirkuk", "text": f"Text {n}."}) for n in range(count)
    ]
    lines.append("{broken")
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = find_articles([path], first=first)
    gate, rest = threading.Event(), corpus.later

    def held():
        gate.wait(30)
        yield from rest

    corpus.later = held()
    return corpus, gate, path


async def test_the_rest_of_a_large_corpus_is_listed_as_it_is_read_filter_and_order_kept(tmp_path):
    corpus, gate, path = held_corpus(tmp_path, 3000, first=5)
    app = ReaderApp(corpus, AnnotationStore(tmp_path / "db.json"), DEFAULT_LABELS, "tester")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        listed = app.article_list
        assert listed.row_count == 5
        assert "5 articles so far, reading the rest" in app.query_one("#message").content.plain
        await pilot.press("x")
        assert "the corpus is still being read; export in a moment" in app.query_one("#message").content.plain
        await pilot.press("slash", *"item 29", "enter")  # a filter typed before its rows are read
        assert listed.row_count == 0
        gate.set()
        await until(pilot, lambda: app.corpus.later is None and listed.row_count == 111)  # titles read too
        assert len(app.corpus.entries) == 3000 and app.corpus.get("item-2999") is not None
        assert [entry.id for entry in listed.shown] == [
            "item-29",
            *(f"item-{n}" for n in range(290, 300)),
            *(f"item-{n}" for n in range(2900, 3000)),
        ]
        said = app.query_one("#message").content.plain
        assert said.startswith("3000 articles; ") and f"{path}:3001: not JSON" in said
        await pilot.press("escape", "slash", "escape", "G", "enter")
        assert app.session.article.id == "item-2999" and app.view.text == "Text 2999."
