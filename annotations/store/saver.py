"""How a store's changes reach the disk: appended to the journal (flush), compacted into
the file (save), by a saver thread so the UI never waits, and on close; what could not be
written stays pending and is tried again (database.py has the store; its docstring the
design)."""

from __future__ import annotations

import contextlib
import json
import threading
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tinydb.table import Document

from ..atomic import atomic_writer, write_atomically
from ..record_json import record_encoder
from .journal import JournalWriter
from .lock import FileLock
from .reading import _identity, counts_path, journal_size
from .schema import META, SCHEMA
from .tinydb_memory import InMemoryTinyDB, MemoryStorage, dump, snapshot

_ENCODE = record_encoder(",", ":")
JOURNAL_LIMIT = 8_000_000  # bytes of journal before the saver compacts it into the file


class Whereabouts(dict[str, Any]):
    """A change of where an article was left, and no more: saved as any change, but
    not one the person made (a tag, a done mark) when unsaved counts them for them."""


class Saver:
    """The saving half of AnnotationStore: every change is counted (generation) and kept
    pending until the journal or the file has it durably."""

    path: Path
    readonly: bool
    loaded: bool
    _storage: MemoryStorage
    _db: InMemoryTinyDB
    _lock_file: FileLock | None

    def __init__(self) -> None:
        self._mutex = threading.RLock()
        self._counts: dict[str, Counter[str]] = defaultdict(Counter)
        self.generation = 0  # bumped by every change; saved when above saved_generation
        self.saved_generation = 0
        self._saver: threading.Thread | None = None
        self._wake = threading.Condition(self._mutex)
        self._closing = False
        # Changes not yet in the journal, encoded only when appended (an import's are never:
        # it compacts), so a change costs the UI thread no JSON encoding.
        self._pending: list[dict[str, Any]] = []
        self._disk = threading.Lock()  # one of flush() and save() at a time
        self._journal = JournalWriter(self.path)
        self._compact_at = JOURNAL_LIMIT  # journal bytes past which the saver compacts
        self.on_saved: Callable[[int, Exception | None], None] | None = None

    def _changed(self, change: dict[str, Any]) -> None:
        self._pending.append(change)
        self.generation += 1
        self._wake.notify_all()

    def _prepare(self) -> None:
        meta = self._db.table(META, cache_size=0)
        if not meta.get(doc_id=1):
            meta.insert(Document({"schema": SCHEMA, "app": "reader"}, doc_id=1))

    @property
    def unsaved(self) -> int:
        """How many of the person's changes are not yet durable (in neither the file nor
        the journal): a tag is one, where the article was left none (Whereabouts)."""
        with self._mutex:
            if self.saved_generation >= self.generation:
                return 0
            return sum(not isinstance(change, Whereabouts) for change in self._pending)

    def flush(self) -> int:
        """Append the changes not yet on disk to the journal, durably; returns the
        generation now on disk. Costs what the changes weigh, whatever the database's size."""
        if self.readonly or not self.loaded:
            return self.saved_generation
        with self._disk:
            return self._append()

    def _append(self) -> int:
        with self._mutex:
            changes, self._pending = self._pending, []
            generation = self.generation
        if changes:
            try:
                self._journal.append(changes)
            except OSError:
                with self._mutex:
                    self._pending[:0] = changes  # kept, to be tried again
                raise
        with self._mutex:
            self.saved_generation = max(self.saved_generation, generation)
        return generation

    def save(self) -> int:
        """Write everything into the TinyDB file and empty the journal (compaction);
        returns the generation now on disk."""
        if self.readonly or not self.loaded:
            return self.saved_generation
        with self._disk:
            return self._compact()

    def _compact(self) -> int:
        with self._mutex:
            generation = self.generation
            self._prepare()
            tables = snapshot(self._storage.data)
            tables[META] = {**tables[META], "1": {**tables[META]["1"], "journal": self._journal.seal()}}
            counts = {article: +labels for article, labels in self._counts.items() if +labels}
            taken = len(self._pending)  # in the snapshot; cleared only once it is durable
        with atomic_writer(self.path) as out:
            dump(tables, out)
        with self._mutex:
            del self._pending[:taken]
        # The file holds every line of the journal and names it: delete it. A kill
        # before that leaves a journal that is not replayed.
        self._journal.absorbed()
        self._compact_at = JOURNAL_LIMIT
        with contextlib.suppress(OSError):  # only a shortcut: without it counts come with the load
            cached = {"file": _identity(self.path), "counts": counts}
            write_atomically(counts_path(self.path), json.dumps(cached).encode())
        with self._mutex:
            self.saved_generation = max(self.saved_generation, generation)
        return generation

    def request_save(self) -> None:
        """Have the saver thread write the latest changes; on_saved is told when done."""
        with self._mutex:
            if self._saver is None:
                self._saver = threading.Thread(target=self._save_loop, name="reader-saver", daemon=True)
                self._saver.start()
            self._wake.notify_all()

    def _save_loop(self) -> None:
        while True:
            with self._mutex:
                while self.saved_generation >= self.generation and not self._closing:
                    self._wake.wait()
                if self._closing:
                    return
            try:
                generation, error = self.flush(), None
            except OSError as problem:
                generation, error = self.saved_generation, problem
            if error is None and journal_size(self.path) > self._compact_at:
                try:
                    self.save()
                except OSError:  # every change is durable in the journal: compact once it grew more
                    self._compact_at = journal_size(self.path) + JOURNAL_LIMIT // 4
            if self.on_saved:
                self.on_saved(generation, error)
            if error:
                with self._mutex:
                    self._wake.wait(timeout=1.0)

    def close(self) -> None:
        """Stop the saver, write what is left, release the lock."""
        with self._mutex:
            self._closing = True
            self._wake.notify_all()
        if self._saver is not None:
            self._saver.join()
        try:
            if self.loaded and not self.readonly:
                # a migration counts as a change; a replayed journal is still there
                changed = self.saved_generation < self.generation or journal_size(self.path) > 0
                try:
                    self.flush()  # durable first, cheaply: a nearly full disk may still take a line
                except OSError:
                    self.save()  # the other way onto the disk; if it fails too, its error is told
                else:
                    if changed:
                        with contextlib.suppress(OSError):  # all is in the journal: compacted next time
                            self.save()
        finally:
            self._release()

    def abandon(self) -> None:
        """Let go without writing: what is not durable yet is dropped, as a kill would
        (an import that could not be written whole is not written in part)."""
        with self._mutex:
            self._closing = True
            self._pending = []
            self._wake.notify_all()
        self._release()

    def _release(self) -> None:
        if self._lock_file is not None:
            self._lock_file.release()
            self._lock_file = None
