"""AnnotationStore: round trip, atomic writes, lock, and databases it must refuse untouched."""

from __future__ import annotations

import json

import pytest

from annotations.editing.history import History
from annotations.model import Article, new_annotation
from annotations.store import SCHEMA, AnnotationStore, ReadOnlyError, StoreError, StoreLocked, read_annotations

ARTICLE = Article("a.txt", "ERBIL, Kurdistan Region 👍🏽 — Baghdad and 東京.")


def tag(label="place", start=0, end=5, note=""):
    return new_annotation(ARTICLE, label, start, end, annotator="me", note=note)


def test_round_trip_keeps_every_field(db_path):
    first = tag()
    second = tag("quote", 24, 26, note="emoji")
    with AnnotationStore(db_path) as store:
        store.add(first)
        store.add(second)
        store.save()
    with AnnotationStore(db_path) as store:
        assert store.annotations("a.txt") == [first, second]
        assert store.counts()["a.txt"] == {"place": 1, "quote": 1}
    data = json.loads(db_path.read_text(encoding="utf-8"))
    assert data["meta"]["1"]["schema"] == SCHEMA
    assert {r["text"] for r in data["annotations"].values()} == {"ERBIL", "👍🏽"}


def test_close_saves_what_is_pending(db_path):
    store = AnnotationStore(db_path)
    store.add(tag())
    store.close()
    with AnnotationStore(db_path) as again:
        assert len(again) == 1


def test_background_saver_reports_generation(db_path):
    import threading

    done = threading.Event()
    seen = []
    store = AnnotationStore(db_path)
    store.on_saved = lambda generation, error: (seen.append((generation, error)), done.set())
    store.add(tag())
    store.request_save()
    assert done.wait(5)
    assert seen[-1] == (1, None)
    assert [a.id for a in read_annotations(db_path)] == [a.id for a in store.annotations()]  # durable: in the journal
    store.close()


def test_put_and_remove(db_path):
    with AnnotationStore(db_path) as store:
        original = tag()
        store.add(original)
        store.put(original.with_changes(label="figure"))
        assert store.get(original.id).label == "figure"
        assert store.remove(original.id).label == "figure"
        assert len(store) == 0


def test_a_snapshot_is_one_articles_tags_or_all_and_does_not_change_with_the_store(db_path):
    other = Article("b.txt", "Mosul")
    with AnnotationStore(db_path) as store:
        here, there = tag(), new_annotation(other, "place", 0, 5, annotator="me")
        store.add(here)
        store.add(there)
        of_a, every = store.snapshot("a.txt"), store.snapshot()
        store.remove(here.id)
        assert of_a == [here]
        assert sorted(a.article for a in every) == ["a.txt", "b.txt"]
        assert store.snapshot("a.txt") == [] and store.snapshot("none.txt") == []


def test_a_second_writer_waits_for_the_lock_as_long_as_it_is_told(db_path):
    """The lock is the operating system's (annotations/store/lock.py): a writer told to
    wait gets it once the first lets go, and one told not to wait is refused at once."""
    import threading

    first = AnnotationStore(db_path)
    with pytest.raises(StoreLocked):
        AnnotationStore(db_path)
    threading.Timer(0.2, first.close).start()
    with AnnotationStore(db_path, lock_timeout=5) as second:
        assert not second.readonly
        with pytest.raises(StoreLocked, match="in use by another reader"):
            AnnotationStore(db_path, lock_timeout=0.1)


def test_second_writer_is_locked_out_and_read_only_refuses_changes(db_path):
    with AnnotationStore(db_path) as store:
        store.add(tag())
        store.save()
        with pytest.raises(StoreLocked):
            AnnotationStore(db_path)
        reader = AnnotationStore(db_path, readonly=True)
        assert len(reader) == 1
        with pytest.raises(ReadOnlyError):
            reader.add(tag())
        reader.close()


def test_stray_temporary_files_are_removed(db_path):
    stray = db_path.with_name(f".{db_path.name}.99999.tmp")
    stray.write_text("half a write")
    with AnnotationStore(db_path):
        pass
    assert not stray.exists()


@pytest.mark.parametrize(
    "content, words",
    [
        (b'{"annotations": {"1": {"id": "x", "arti', "invalid JSON"),
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", "not a reader database"),
        (b"[1, 2, 3]", "unexpected JSON shape"),
        (b'{"_default": {"1": {"name": "x"}}}', "tables: _default"),
        (b'{"meta": {"1": {"schema": 99}}, "annotations": {}}', "newer reader"),
        (b'{"annotations": {"1": {"id": "x"}}}', "damaged"),
    ],
)
def test_bad_databases_are_refused_and_left_untouched(db_path, content, words):
    db_path.write_bytes(content)
    with pytest.raises(StoreError) as error:
        AnnotationStore(db_path)
    assert words in str(error.value)
    assert str(db_path) in str(error.value)
    assert db_path.read_bytes() == content
    AnnotationStore(db_path.with_name("other.json")).close()  # the lock was released


def test_history_undo_redo_over_tag_delete_relabel_note(db_path):
    with AnnotationStore(db_path) as store:
        history = History(store)
        first = tag()
        history.tag(first)
        relabelled = first.with_changes(label="figure")
        history.edit(first, relabelled, "relabel")
        noted = relabelled.with_changes(note="n")
        history.edit(relabelled, noted, "note")
        history.delete(noted)
        assert len(store) == 0
        assert history.undo().after is None
        assert store.get(first.id).note == "n"
        history.undo()
        assert store.get(first.id) == relabelled
        history.undo()
        assert store.get(first.id) == first
        history.undo()
        assert len(store) == 0
        assert history.undo() is None
        history.redo()
        history.redo()
        assert store.get(first.id) == relabelled
        history.tag(tag("quote", 7, 16))
        assert history.redo() is None  # a new change clears what was undone


def test_old_schema_is_migrated_after_a_backup(db_path):
    record = tag().to_record()
    old = json.dumps({"annotations": {"1": record}}).encode()
    db_path.write_bytes(old)
    with AnnotationStore(db_path) as store:
        assert store.annotations() == [tag().__class__.from_record(record)]
    assert db_path.with_name(f"{db_path.name}.schema0.bak").read_bytes() == old
    assert json.loads(db_path.read_text())["meta"]["1"]["schema"] == SCHEMA


def test_a_schema_1_database_gains_attributes_and_keeps_a_copy(db_path):
    """Schema 2 gave every tag its attributes: a schema-1 file is copied aside, then
    each of its tags gets empty ones; nothing else changes."""
    records = {}
    for number, label in enumerate(("place", "figure", "quote"), 1):
        record = tag(label, 0, 5, note=f"n{number}").to_record()
        del record["attrs"]
        records[str(number)] = record
    old = json.dumps({"meta": {"1": {"schema": 1, "app": "reader"}}, "annotations": records}).encode()
    db_path.write_bytes(old)
    with AnnotationStore(db_path) as store:
        assert sorted((a.label, a.note, a.attrs) for a in store.annotations()) == [
            ("figure", "n2", {}),
            ("place", "n1", {}),
            ("quote", "n3", {}),
        ]
    assert db_path.with_name(f"{db_path.name}.schema1.bak").read_bytes() == old
    data = json.loads(db_path.read_text())
    assert data["meta"]["1"]["schema"] == SCHEMA
    assert all(record["attrs"] == {} and record["note"] for record in data["annotations"].values())


def test_a_change_to_a_loaded_tag_is_what_gets_saved(db_path):
    """A loaded tag hands back the record it was read from; a changed one must not."""
    with AnnotationStore(db_path) as store:
        store.add(tag())
    with AnnotationStore(db_path) as store:
        [loaded] = store.annotations()
        assert loaded.to_record() == json.loads(db_path.read_text())["annotations"]["1"]
        store.put(loaded.with_changes(label="quote", note="moved"))
    with AnnotationStore(db_path) as store:
        [saved] = store.annotations()
        assert (saved.label, saved.note) == ("quote", "moved")
        assert saved.to_record()["label"] == "quote"


def test_counts_are_kept_beside_the_file_and_trusted_only_for_that_file(db_path):
    from annotations.store import counts_path, journal_path, read_cached_counts

    with AnnotationStore(db_path) as store:
        store.add(tag())
        store.add(tag("quote", 24, 26))
        store.add(tag("place", 28, 35))
    assert read_cached_counts(db_path) == {"a.txt": {"place": 2, "quote": 1}}
    with AnnotationStore(db_path) as store:
        store.remove(store.annotations()[0].id)
        store.flush()  # in the journal, not yet in the file: the cache is not current
        assert journal_path(db_path).exists() and read_cached_counts(db_path) is None
    assert read_cached_counts(db_path) == {"a.txt": {"place": 1, "quote": 1}}  # compacted on close
    db_path.write_text(db_path.read_text(encoding="utf-8") + " ", encoding="utf-8")  # another file
    assert read_cached_counts(db_path) is None
    counts_path(db_path).write_text("{not json", encoding="utf-8")
    assert read_cached_counts(db_path) is None


def test_reading_positions_and_done_marks_are_journalled_replayed_and_migrated(db_path):
    old = json.dumps({"meta": {"1": {"schema": 3, "app": "reader"}}, "annotations": {}, "rejections": {}})
    db_path.write_text(old)
    with AnnotationStore(db_path) as store:
        assert store.reading("a.txt") == {"article": "a.txt", "position": 0, "done": False}
        assert store.set_reading("a.txt", position=120)
        assert store.set_reading("a.txt", done=True)
        assert not store.set_reading("a.txt", position=120)  # no change
        store.set_reading("b.txt", position=5)
        store.flush()  # the journal only
    assert db_path.with_name(f"{db_path.name}.schema3.bak").read_text() == old
    with AnnotationStore(db_path) as store:
        assert store.reading("a.txt") == {"article": "a.txt", "position": 120, "done": True}
        assert store.done_articles() == {"a.txt"}
        store.set_reading("a.txt", done=False)
        store.save()  # compacted into the file
    data = json.loads(db_path.read_text())
    assert data["meta"]["1"]["schema"] == SCHEMA == 5
    assert sorted((r["article"], r["position"], r["done"]) for r in data["reading"].values()) == [
        ("a.txt", 120, False),
        ("b.txt", 5, False),
    ]


def test_a_store_not_read_yet_answers_as_an_empty_one_and_refuses_changes(tmp_path):
    """The app asks before its thread has read the file (a review's cursor moved first)."""
    from annotations.store import NotLoadedError

    with AnnotationStore(tmp_path / "db.json") as store:
        store.reject("a.txt", "place", "Erbil", 0, 5)
        store.set_reading("a.txt", position=3, done=True, opened="2026-12-04T06:00:00+00:00")
    store = AnnotationStore(tmp_path / "db.json", load=False)
    try:
        assert store.rejections() == [] and store.snapshot() == [] and store.done_articles() == set()
        assert store.reading("a.txt")["position"] == 0 and store.last_opened() is None
        assert not store.is_rejected("a.txt", "place", "Erbil", 0)
        with pytest.raises(NotLoadedError):
            store.reject("a.txt", "place", "Mosul", 9, 14)
        store.load()
        assert len(store.rejections()) == 1 and store.done_articles() == {"a.txt"}
    finally:
        store.close()
