"""The TinyDB plumbing overrides private names of TinyDB's Table (pinned to one minor
version in pyproject.toml): they must still exist, and the in-place table must do what
TinyDB's own does."""

from __future__ import annotations

import inspect

from tinydb import TinyDB, where
from tinydb.storages import MemoryStorage as TinyMemory
from tinydb.table import Table

from annotations.store.tinydb_memory import InMemoryTinyDB, MemoryStorage


def test_the_private_names_we_override_are_still_tinydbs():
    assert list(inspect.signature(Table._update_table).parameters) == ["self", "updater"]
    table = TinyDB(storage=TinyMemory).table("t")
    assert table._next_id is None and callable(table.clear_cache) and table._storage is not None


def test_the_in_place_table_does_what_tinydbs_own_does():
    ours = InMemoryTinyDB(storage=lambda: MemoryStorage({})).table("t", cache_size=0)
    theirs = TinyDB(storage=TinyMemory).table("t", cache_size=0)
    for table in (ours, theirs):
        first = table.insert({"n": 1, "word": "Erbil"})
        table.insert_multiple([{"n": n, "word": f"w{n}"} for n in range(2, 6)])
        table.update({"word": "Mosul"}, doc_ids=[first])
        table.remove(where("n") == 3)
        table.upsert({"n": 9, "word": "Kirkuk"}, where("n") == 4)
        assert table.insert({"n": 10}) == 6
    assert [(d.doc_id, dict(d)) for d in ours.all()] == [(d.doc_id, dict(d)) for d in theirs.all()]
