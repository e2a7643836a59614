"""Never lose a tag: SIGKILL at random moments, and two writers at once."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from annotations.model import Article, new_annotation
from annotations.store import AnnotationStore
from reader.config import seeds_dir
from tests.conftest import SEED

ROOT = Path(__file__).resolve().parents[2]

# Tags and reports each one once it is on disk. "save": the whole file written each
# time; "journal": appended to the journal (as the app's saver does after every key),
# with a removal now and then and a compaction every 500 changes.
CHILD = """
import sys
from annotations.model import Article, new_annotation
from annotations.store import AnnotationStore
store = AnnotationStore(sys.argv[1], lock_timeout=30)
journal = sys.argv[2] == "journal"
article = Article("a.txt", "x" * 5000)
n = 0
while True:
    n += 1
    annotation = new_annotation(article, "quote", n % 4000, n % 4000 + 5)
    store.add(annotation)
    if journal and n % 7 == 0:
        store.remove(annotation.id)
        continue
    store.flush() if journal else store.save()
    print(annotation.id, flush=True)
    if journal and n % 500 == 0:
        store.save()
"""


def populate(path: Path, count: int) -> None:
    article = Article("a.txt", "x" * 5000)
    with AnnotationStore(path) as store:
        store.merge([new_annotation(article, "figure", i % 4000, i % 4000 + 3) for i in range(count)])
        store.save()


def killed_at_random(db: Path, mode: str, seed: int, rounds: int, pause: float):
    """Start the child on db, kill -9 it at a random moment; after each round, yield
    every id it reported saved so far."""
    rng = random.Random(seed)
    reported: list[str] = []
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(rounds):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(db), mode], stdout=subprocess.PIPE, text=True, env=env
        )
        reported.append(child.stdout.readline().strip())  # it is running and has saved once
        time.sleep(rng.uniform(0.0, pause))
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate()
        reported += rest.split()
        yield reported


def test_sigkill_at_random_moments_loses_nothing_reported(tmp_path):
    db = tmp_path / "db.json"
    populate(db, 3000)
    for reported in killed_at_random(db, "save", 20261121, rounds=15, pause=0.3):
        with AnnotationStore(db) as store:  # opens, and holds everything reported saved
            ids = {a.id for a in store.annotations()}
            assert set(reported) <= ids
            assert len(ids) >= 3000 + len(reported)
    leftovers = sorted(p.name for p in tmp_path.iterdir())
    assert leftovers == ["db.json", "db.json.counts", "db.json.lock"]  # no temporary file left


def test_two_imports_at_once_both_land(tmp_path):
    db = tmp_path / "db.json"
    article = Article(SEED, (seeds_dir() / SEED).read_text(encoding="utf-8"))
    words = ["Baghdad", "Anbar", "Saladin", "Kirkuk", "Diyala", "Erbil", "Khanaqin", "Nineveh"]
    files = []
    for number, word in enumerate(words):
        start = article.text.index(word)
        path = tmp_path / f"in{number}.jsonl"
        path.write_text(json.dumps({"article": SEED, "label": "place", "start": start, "end": start + len(word)}))
        files.append(path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "reader", "import", str(f), "--db", str(db)],
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for f in files
    ]
    for process in processes:
        _, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
    with AnnotationStore(db) as store:
        assert sorted(a.text for a in store.annotations()) == sorted(words)


def test_sigkill_during_journal_appends_and_compactions_loses_nothing_reported(tmp_path):
    db = tmp_path / "db.json"
    populate(db, 2000)
    for reported in killed_at_random(db, "journal", 20261129, rounds=12, pause=0.4):
        with AnnotationStore(db, readonly=True) as store:  # file and journal, as a second reader sees them
            assert set(reported) <= {a.id for a in store.annotations()}
        with AnnotationStore(db) as store:  # and as the next writer does (it compacts on close)
            assert set(reported) <= {a.id for a in store.annotations()}


def test_a_tag_writes_bytes_in_proportion_to_the_change(tmp_path):
    db = tmp_path / "db.json"
    populate(db, 3000)
    size = db.stat().st_size
    article = Article("a.txt", "x" * 5000)
    with AnnotationStore(db) as store:
        store.add(new_annotation(article, "place", 10, 15))
        store.flush()
        journal = db.with_name("db.json.journal")
        assert db.stat().st_size == size  # the file is not rewritten for one tag
        assert 0 < journal.stat().st_size < 1000
    assert not journal.exists()  # compacted on close
    assert db.stat().st_size > size


def test_a_torn_last_journal_line_is_ignored_and_damage_in_the_middle_is_set_aside(tmp_path):
    from annotations.store import read_annotations

    db = tmp_path / "db.json"
    populate(db, 10)
    article = Article("a.txt", "x" * 5000)
    first, second = new_annotation(article, "place", 10, 15), new_annotation(article, "place", 20, 25)
    store = AnnotationStore(db)
    store.add(first)
    store.flush()
    store.add(second)
    store.flush()
    store._release()  # killed: the journal stays
    journal = db.with_name("db.json.journal")
    saved = journal.read_bytes()
    journal.write_bytes(saved + b'{"put": {"id": "half')  # a kill in the middle of an append
    assert {first.id, second.id} <= {a.id for a in read_annotations(db)}
    lines = saved.split(b"\n")
    lines[1] = lines[1].replace(b'"place"', b'"plaCe"')  # a bit flipped: its checksum no longer matches
    journal.write_bytes(b"\n".join(lines))
    with AnnotationStore(db) as again:
        assert {a.id for a in again.annotations()} == {a.id for a in read_annotations(db)}
        assert first.id not in {a.id for a in again.annotations()} and second.id in {a.id for a in again.annotations()}
        assert len(again.warnings) == 1 and "damaged line 2 skipped, 1 changes kept" in again.warnings[0]
        aside = list(tmp_path.glob("db.json.journal.damaged-*"))
        assert [path.read_bytes() for path in aside] == [b"\n".join(lines)]  # kept as it was, beside the db
        assert str(aside[0]) in again.warnings[0]
    assert len(read_annotations(db)) == 11  # the ten and the good change, compacted on close


def test_a_new_database_killed_before_its_first_compaction_opens_with_its_tags(tmp_path):
    db = tmp_path / "db.json"
    store = AnnotationStore(db)
    tag = new_annotation(Article("a.txt", "hello world"), "place", 0, 5)
    store.add(tag)
    store.flush()
    store._release()  # as a kill -9 leaves it: the journal, no file, the lock free
    assert not db.exists()
    from annotations.store import read_annotations

    assert [a.id for a in read_annotations(db)] == [tag.id]
    with AnnotationStore(db) as again:
        assert [a.id for a in again.annotations()] == [tag.id]
    assert db.exists() and not db.with_name("db.json.journal").exists()


def test_appends_after_a_torn_line_start_a_line_of_their_own(tmp_path):
    db = tmp_path / "db.json"
    populate(db, 5)
    article = Article("a.txt", "x" * 5000)
    journal = db.with_name("db.json.journal")
    first, second = new_annotation(article, "place", 10, 15), new_annotation(article, "place", 20, 25)
    store = AnnotationStore(db)
    store.add(first)
    store.flush()
    store._release()  # killed (never closed, so never compacted), in the middle of a second append:
    journal.write_bytes(journal.read_bytes() + b'{"put": {"id": "to')
    store = AnnotationStore(db)  # the next writer appends, and is killed too
    store.add(second)
    store.flush()
    store._release()
    assert (
        journal.read_bytes().count(b"\n") == 4
    )  # the torn bytes are gone: each writer's epoch, each change on its line
    with AnnotationStore(db, readonly=True) as reader:
        assert {first.id, second.id} <= {a.id for a in reader.annotations()}


def test_after_damage_was_set_aside_a_kill_between_compaction_and_delete_undoes_nothing(tmp_path, monkeypatch):
    """The rewritten journal is a segment the next compaction names: replayed over the
    new file after a kill, it would put back a tag's older version."""
    from annotations.store.journal import JournalWriter

    db = tmp_path / "db.json"
    article = Article("a.txt", "x" * 5000)
    tag = new_annotation(article, "place", 10, 15)
    store = AnnotationStore(db)
    store.add(tag)
    store.flush()
    store.add(new_annotation(article, "place", 20, 25))
    store.flush()
    store._release()
    journal = db.with_name("db.json.journal")
    lines = journal.read_bytes().split(b"\n")
    lines[2] = lines[2].replace(b'"place"', b'"plaCe"')  # the second tag's line damaged, the first's good
    journal.write_bytes(b"\n".join(lines) + b"\n" + lines[1] + b"\n")  # and a good line after it
    store = AnnotationStore(db)
    assert store.warnings
    store.put(tag.with_changes(note="newer"))  # pending: in the compaction's snapshot, not in the journal
    monkeypatch.setattr(JournalWriter, "absorbed", lambda self: None)  # killed after the rename
    store.save()
    store._release()
    monkeypatch.undo()
    with AnnotationStore(db) as again:
        assert again.get(tag.id).note == "newer"


def test_a_database_keeps_its_mode_and_owner_across_saves_and_compactions(tmp_path):
    db = tmp_path / "private.json"
    article = Article("a.txt", "Erbil and Baghdad")
    with AnnotationStore(db) as store:
        store.add(new_annotation(article, "place", 0, 5))
    os.chmod(db, 0o640)
    owner = (1234, 4321) if os.geteuid() == 0 else (os.getuid(), os.getgid())  # as root: another owner kept too
    os.chown(db, *owner)
    with AnnotationStore(db) as store:
        store.add(new_annotation(article, "place", 10, 17))
        store.flush()  # the journal begins: as private as the database
        assert os.stat(db.with_name("private.json.journal")).st_mode & 0o777 == 0o640
        store.save()  # a compaction: a new file put in place of the old
        assert os.stat(db).st_mode & 0o777 == 0o640 and (os.stat(db).st_uid, os.stat(db).st_gid) == owner
        store.add(new_annotation(article, "place", 6, 9))
    # closing saved the last change (compacted again)
    assert os.stat(db).st_mode & 0o777 == 0o640 and (os.stat(db).st_uid, os.stat(db).st_gid) == owner
    assert len(AnnotationStore(db, readonly=True).annotations()) == 3
