"""I/O errors at every step, in the manner of SQLite's I/O-error tests.

The store's file operations (open, write, fsync, rename, truncate, unlink) are wrapped
so that the Nth of them fails with ENOSPC, EIO or EROFS, once or from then on, for every
N over a session that tags, relabels, deletes, undoes, rejects, marks reading, compacts
and exports. A failing write first writes part of its bytes, as a full disk does. Then
the process "crashes" (the store is dropped without closing) and the database is opened
again: it opens, and it holds exactly the state after some prefix of the changes, never
a shorter prefix than the one the store had reported durable.
"""

from __future__ import annotations

import contextlib
import errno
import json
from pathlib import Path
from typing import Any

import pytest

from annotations import atomic
from annotations.editing.session import EditingSession
from annotations.interchange.exporting import export_lines
from annotations.model import DEFAULT_LABELS, Article
from annotations.store import AnnotationStore, read_current
from tests.faults import Faults

TEXT = "The troops left Kirkuk for Mosul on Tuesday, said Ahmed Ali, and 5,200 stayed in Erbil."
ARTICLE = Article("a.txt", TEXT)
ERRORS = (errno.ENOSPC, errno.EIO, errno.EROFS)


def span(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def state(path: Path) -> dict[str, Any]:
    """What a database holds, as comparable data (documents, not their ids)."""
    data = read_current(path)
    return {
        "annotations": sorted(json.dumps(r, sort_keys=True) for r in data.get("annotations", {}).values()),
        "rejections": sorted(json.dumps(r, sort_keys=True) for r in data.get("rejections", {}).values()),
        "reading": sorted(json.dumps(r, sort_keys=True) for r in data.get("reading", {}).values()),
    }


def memory_state(store: AnnotationStore) -> dict[str, Any]:
    return {
        "annotations": sorted(json.dumps(a.to_record(), sort_keys=True) for a in store.annotations()),
        "rejections": sorted(json.dumps(r, sort_keys=True) for r in store.rejections()),
        "reading": [json.dumps(r, sort_keys=True) for r in [store.reading("a.txt")] if r["position"] or r["done"]],
    }


def steps(session: EditingSession, store: AnnotationStore, export_to: Path) -> list[Any]:
    """A realistic session, a step a change (or a compaction, or an export)."""

    def tagged(word: str) -> Any:
        return next(a for a in store.annotations() if a.text == word)

    return [
        lambda: session.tag("place", span("Kirkuk"), 0),
        lambda: session.tag("place", span("Mosul"), 0),
        lambda: session.tag("figure", span("5,200"), 0),
        lambda: session.relabel(tagged("Mosul"), "quote"),
        lambda: store.save(),
        lambda: session.note(tagged("Kirkuk"), "the city, not the province"),
        lambda: session.delete(tagged("Mosul")),
        lambda: session.undo(),
        lambda: store.reject("a.txt", "place", "Erbil", *span("Erbil")),
        lambda: store.set_reading("a.txt", position=40),
        lambda: export_to.write_bytes("".join(export_lines([(ARTICLE, store.annotations())], "jsonl")).encode()),
        lambda: atomic.write_atomically(export_to, b"an export through the atomic writer"),
        lambda: session.tag("place", span("Erbil"), 0),
        lambda: store.save(),
        lambda: session.delete(tagged("Kirkuk")),
        lambda: session.undo(),
        lambda: session.redo(),
    ]


def run_session(db: Path, faults: Faults, inject, crash: bool = True) -> tuple[list[dict[str, Any]], int, int]:
    """Play the session with the faults in place; returns the state after each change
    (index = generation), the generation reported durable, and the operations counted."""
    seed = AnnotationStore(db)  # the database as it was before: one tag, compacted
    seeded = EditingSession(seed, DEFAULT_LABELS, "me")
    seeded.open(ARTICLE)
    seeded.tag("quote", span("said Ahmed Ali"), 0)
    seed.close()
    inject(faults)
    store = AnnotationStore(db)
    session = EditingSession(store, DEFAULT_LABELS, "me")
    session.open(ARTICLE)
    states = {store.generation: memory_state(store)}
    for step in steps(session, store, db.with_name("export.jsonl")):
        with contextlib.suppress(OSError):  # an export or a compaction that failed: said, and it goes on
            step()
        states[store.generation] = memory_state(store)
        with contextlib.suppress(OSError):
            store.flush()  # as the saver does after every change
    durable = store.saved_generation
    if not crash:
        faults.on = False  # space freed: the saver's next try, then quit
        store.close()
        return [states[max(states)]], store.saved_generation, faults.calls
    store._release()  # a kill: no close, the lock gone with the process
    faults.on = False
    ordered = [states[g] for g in sorted(states)]
    return ordered, sorted(states).index(max(g for g in states if g <= durable)), faults.calls


def test_a_session_without_faults_counts_its_operations(tmp_path, inject):
    states, durable, calls = run_session(tmp_path / "db.json", Faults(), inject)
    assert durable == len(states) - 1 and calls > 40
    assert state(tmp_path / "db.json") == states[-1]


@pytest.mark.parametrize("persist", [False, True], ids=["once", "from then on"])
@pytest.mark.parametrize("code", ERRORS, ids=errno.errorcode.get)
def test_the_nth_operation_fails_then_a_crash_loses_nothing_reported_and_invents_nothing(
    tmp_path, inject, code, persist
):
    _, _, total = run_session(tmp_path / "count.json", Faults(), inject)
    for n in range(1, total + 2):
        db = tmp_path / f"{n}" / "db.json"
        db.parent.mkdir()
        states, durable, _ = run_session(db, Faults(n, code, persist), inject)
        reopened = state(db)  # opens: no StoreError
        assert reopened in states[durable:], f"fault at operation {n}: the state is not one after a durable prefix"
        with AnnotationStore(db) as again:  # a writer opens it too, with nothing to set aside
            assert memory_state(again) == reopened and not again.warnings


@pytest.mark.parametrize("code", ERRORS, ids=errno.errorcode.get)
def test_the_nth_operation_fails_then_space_returns_and_every_change_is_saved_on_quit(tmp_path, inject, code):
    _, _, total = run_session(tmp_path / "count.json", Faults(), inject)
    for n in range(1, total + 2):
        db = tmp_path / f"{n}" / "db.json"
        db.parent.mkdir()
        (last,), _, _ = run_session(db, Faults(n, code, persist=True), inject, crash=False)
        assert state(db) == last, f"fault at operation {n}"
        assert not db.with_name("db.json.journal").exists()


def test_an_append_that_fails_leaves_no_fragment_for_the_next_to_follow(tmp_path, inject):
    db = tmp_path / "db.json"
    store = AnnotationStore(db)
    session = EditingSession(store, DEFAULT_LABELS, "me")
    session.open(ARTICLE)
    session.tag("place", span("Kirkuk"), 0)
    store.flush()
    before = (db.with_name("db.json.journal")).read_bytes()
    faults = inject(Faults())
    faults.fail_at = faults.calls + 2  # the journal's open, then its write: half of it lands
    session.tag("place", span("Mosul"), 0)
    with pytest.raises(OSError):
        store.flush()
    assert (db.with_name("db.json.journal")).read_bytes() == before  # cut back to the last whole line
    assert store.unsaved == 1
    store.flush()  # space again
    assert store.unsaved == 0
    store._release()
    assert [a.text for a in AnnotationStore(db, readonly=True).annotations()] == ["Kirkuk", "Mosul"]


def test_a_compaction_that_fails_keeps_its_changes_pending(tmp_path, inject):
    db = tmp_path / "db.json"
    store = AnnotationStore(db)
    session = EditingSession(store, DEFAULT_LABELS, "me")
    session.open(ARTICLE)
    inject(Faults(fail_at=1, persist=True))  # nothing reaches the disk
    session.tag("place", span("Kirkuk"), 0)
    with pytest.raises(OSError):
        store.save()
    assert store.unsaved == 1  # not dropped: in neither the file nor the journal
    with pytest.raises(OSError):
        store.flush()
    assert store.saved_generation < store.generation
    with pytest.raises(OSError):
        store.close()  # the journal, then the file: both fail, and it says so
