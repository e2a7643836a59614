"""AnnotationStore: annotations in a TinyDB file that is never left half-written.

The data lives in memory (tinydb_memory.py). A change is made durable by appending it
to a journal beside the file (`annotations.json.journal`, one checksummed JSON line a
change, fsync; journal.py), which costs what the change weighs, not what the database
weighs, as SQLite's write-ahead log does. Now and then (when the journal grows past
JOURNAL_LIMIT, and on close) the journal is compacted into the TinyDB file: a whole new
file is written beside the old one (fsync, os.replace, fsync of the folder), naming the
journal it absorbed, and the journal is deleted. Changes not yet durable stay pending
until one of the two has them on disk, whatever fails: a kill or a full disk at any
moment loses nothing that was reported saved. A lock file keeps two processes from
writing at once: the second opens read-only.
"""

from __future__ import annotations

import contextlib
import errno
import shutil
from collections import Counter, defaultdict
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from ..atomic import atomic_writer
from ..model import Annotation
from ..record_json import record_encoder
from .journal import JournalRead, JournalWriter, damage_said, journal_path, rewrite, trouble
from .lock import FileLock, Held
from .reading import LEFT_AS_IT_IS, read_journal, replay
from .saver import Saver, Whereabouts
from .schema import (
    ANNOTATIONS,
    READING,
    REJECTIONS,
    NotLoadedError,
    ReadOnlyError,
    StoreError,
    StoreLocked,
    StoreUnwritable,
    _rejection_key,
    migrate,
    read_database,
)
from .tinydb_memory import InMemoryTinyDB, InPlaceTable, MemoryStorage

_ENCODE = record_encoder(",", ":")


class AnnotationStore(Saver):
    """Every annotation of every article, saved in one TinyDB file.

    Changes land in memory at once; save() makes them durable. In the app a saver
    thread calls save() so the UI never waits for the disk (see request_save).
    """

    def __init__(self, path: Path, readonly: bool = False, lock_timeout: float = 0.0, load: bool = True) -> None:
        """Lock (unless read-only) and, with load, read the file; else call load() later.

        The app loads in a thread after its first screen: 100,000 tags take a second.
        """
        self.path = Path(path)
        self.readonly = readonly
        self.readonly_because = f"{self.path} is open in another reader"  # what the app says of a read-only store
        self._lock_file: FileLock | None = None
        if not readonly:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise StoreError(f"{self.path.parent}: cannot create the folder ({error.strerror})") from None

            self._lock_file = FileLock(str(self.path) + ".lock")
            try:
                self._lock_file.acquire(timeout=lock_timeout)
            except Held:
                raise StoreLocked(f"{self.path} is in use by another reader") from None
            except OSError as error:
                if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
                    raise StoreUnwritable(f"{self.path.parent} takes no writes ({trouble(error)})") from None
                raise StoreError(f"{self.path}: cannot lock the database ({error.strerror})") from None
            self._remove_stray_files()
        self.loaded = False
        super().__init__()
        self._by_id: dict[str, Annotation] = {}
        self._doc_ids: dict[str, int] = {}
        self._by_article: dict[str, dict[str, Annotation]] = defaultdict(dict)
        # Until load(), every query answers as for an empty database (the app asks before
        # its thread has read the file); changes are refused (_writable).
        self._rejected: dict[tuple[str, str, str, int], dict[str, Any]] = {}
        self._reading: dict[str, int] = {}
        self.warnings: list[str] = []  # what load() found wrong and set right, for the user
        if load:
            self.load()

    def load(self) -> None:
        """Read, check and index the file; StoreError (lock released) if it is not usable."""
        try:
            # The file may be of an older schema; the journal is always of this one.
            data, migrated = migrate(self.path, read_database(self.path), self.readonly)
            journal = read_journal(self.path, data)
            data = replay(data, journal.changes)
            if not self.readonly:
                self._journal = self._continue_journal(journal)
            elif journal.damaged:
                self.warnings.append(damage_said(self.path, journal, LEFT_AS_IT_IS))
        except StoreError:
            self._release()
            raise
        self._storage = MemoryStorage(data)
        self._db = InMemoryTinyDB(storage=lambda: self._storage)
        table = self._db.table(ANNOTATIONS, cache_size=0)
        assert isinstance(table, InPlaceTable)  # InMemoryTinyDB.table_class
        self._table = table
        for doc_id, record in data.get(ANNOTATIONS, {}).items():
            annotation = Annotation.from_record(record)
            self._index(annotation)
            self._doc_ids[annotation.id] = int(doc_id)
        self._table.continue_ids_after(max(self._doc_ids.values(), default=0))
        self._rejections = self._db.table(REJECTIONS, cache_size=0)
        self._rejected = {_rejection_key(record): record for record in data.get(REJECTIONS, {}).values()}
        self._readings = self._db.table(READING, cache_size=0)
        self._reading = {record["article"]: int(doc_id) for doc_id, record in data.get(READING, {}).items()}
        if migrated:
            self.generation += 1
        self.loaded = True

    def _continue_journal(self, journal: JournalRead) -> JournalWriter:
        """The writer that appends after the journal's last good line. Damage in the
        middle is set aside beside the database, said, and the good lines kept."""
        if not journal.damaged:
            return JournalWriter(self.path, journal.end, journal.epoch)
        aside = journal_path(self.path).with_name(
            f"{journal_path(self.path).name}.damaged-{datetime.now():%Y%m%d-%H%M%S}"
        )
        try:
            shutil.copy2(journal_path(self.path), aside)
            writer = rewrite(self.path, journal.changes)
        except OSError as error:
            raise StoreError(
                f"{journal_path(self.path)} is damaged and cannot be set aside ({trouble(error)})"
            ) from None
        self.warnings.append(damage_said(self.path, journal, f"the damaged journal is kept as {aside}"))
        return writer

    # ------------------------------------------------------------ queries

    def __len__(self) -> int:
        return len(self._by_id)

    def get(self, annotation_id: str) -> Annotation | None:
        return self._by_id.get(annotation_id)

    def annotations(self, article: str | None = None) -> list[Annotation]:
        """Annotations (of one article, or all), ordered by position."""
        found = self._by_id.values() if article is None else self._by_article.get(article, {}).values()
        return sorted(found, key=lambda a: (a.article, a.start, -a.end, a.created))

    def snapshot(self, article: str | None = None) -> list[Annotation]:
        """Annotations (of one article, or all) in no order: cheap, for a thread to read
        while changes go on (annotations() sorts: 10 ms at 10,000 tags)."""
        with self._mutex:
            return list((self._by_id if article is None else self._by_article.get(article, {})).values())

    def counts(self) -> dict[str, Counter[str]]:
        """Per article, how many annotations of each label (kept up to date, not counted)."""
        return defaultdict(Counter, {name: +counts for name, counts in self._counts.items()})

    def label_counts(self, article: str) -> Counter[str]:
        """How many annotations of each label one article has."""
        return +self._counts.get(article, Counter())

    def _index(self, annotation: Annotation) -> None:
        self._by_id[annotation.id] = annotation
        self._by_article[annotation.article][annotation.id] = annotation
        self._counts[annotation.article][annotation.label] += 1

    def _unindex(self, annotation_id: str) -> Annotation:
        annotation = self._by_id.pop(annotation_id)
        del self._by_article[annotation.article][annotation_id]
        self._counts[annotation.article][annotation.label] -= 1
        return annotation

    # ------------------------------------------------------------ changes

    @property
    def still_reading(self) -> str:
        """The one way to say the database is not read yet ("" once it is): the app loads
        it in a thread after its first screen, and keys can come first."""
        return "" if self.loaded else f"{self.path} is still being read; try again in a moment"

    def _writable(self) -> None:
        if not self.loaded:
            raise NotLoadedError(self.still_reading)
        if self.readonly:
            raise ReadOnlyError(f"read-only: {self.readonly_because}")

    def add(self, annotation: Annotation) -> None:
        self._writable()
        with self._mutex:
            if annotation.id in self._by_id:
                raise ValueError(f"annotation {annotation.id} exists already")
            record = annotation.to_record()
            self._doc_ids[annotation.id] = self._table.insert(record)
            self._index(annotation)
            self._changed({"put": record})

    def put(self, annotation: Annotation) -> None:
        """Add the annotation, or replace the one with its id."""
        self._writable()
        with self._mutex:
            doc_id = self._doc_ids.get(annotation.id)
            if doc_id is None:
                self.add(annotation)
                return
            record = annotation.to_record()
            self._table.replace(doc_id, record)
            self._unindex(annotation.id)
            self._index(annotation)
            self._changed({"put": record})

    def merge(self, annotations: list[Annotation]) -> tuple[int, int]:
        """Add or update many at once; returns (added, updated).

        An annotation already stored unchanged, or a new one with the same article,
        label and span as a stored one, is skipped: importing twice does not double.
        Where such a one brings a note the stored one has not, the note is taken.
        """
        self._writable()
        with self._mutex:
            spans = {(a.article, a.label, a.start, a.end): a for a in self._by_id.values()}
            new, updated = [], 0
            for annotation in annotations:
                old = self._by_id.get(annotation.id)
                span = (annotation.article, annotation.label, annotation.start, annotation.end)
                same_span = spans.get(span)
                # (times aside: a record without them is stamped at import, a second later the second time)
                if (
                    old is not None
                    and replace(old, created=annotation.created, updated=annotation.updated) != annotation
                ):
                    self.put(annotation)
                    updated += 1
                elif old is None and same_span is None:
                    new.append(annotation)
                    spans[span] = annotation
                elif old is None and same_span is not None and annotation.note and annotation.note != same_span.note:
                    self.put(replace(same_span, note=annotation.note, updated=annotation.updated))  # its note, not lost
                    updated += 1
            records = [a.to_record() for a in new]
            doc_ids = self._table.insert_multiple(records)
            for annotation, doc_id in zip(new, doc_ids):
                self._index(annotation)
                self._doc_ids[annotation.id] = doc_id
            for record in records:
                self._changed({"put": record})
            return len(new), updated

    def remove(self, annotation_id: str) -> Annotation:
        self._writable()
        with self._mutex:
            annotation = self._unindex(annotation_id)
            self._table.remove(doc_ids=[self._doc_ids.pop(annotation_id)])
            self._changed({"remove": annotation_id})
            return annotation

    def reject(self, article: str, label: str, text: str, start: int, end: int) -> bool:
        """Remember a suggestion turned down; False if it was already."""
        self._writable()
        record = {"article": article, "label": label, "text": text, "start": start, "end": end}
        with self._mutex:
            if _rejection_key(record) in self._rejected:
                return False
            self._rejected[_rejection_key(record)] = record
            self._rejections.insert(record)
            self._changed({"reject": record})
            return True

    def is_rejected(self, article: str, label: str, text: str, start: int) -> bool:
        with self._mutex:
            return (article, label, text, start) in self._rejected

    def unreject(self, article: str, label: str, text: str, start: int, end: int) -> bool:
        """Forget a rejection (its undo); False if there was none."""
        self._writable()
        record = {"article": article, "label": label, "text": text, "start": start, "end": end}
        with self._mutex:
            if self._rejected.pop(_rejection_key(record), None) is None:
                return False
            self._rejections.remove(lambda stored: _rejection_key(stored) == _rejection_key(record))
            self._changed({"unreject": record})
            return True

    def reading(self, article: str) -> dict[str, Any]:
        """Where the person left article (position, an offset) and whether it is done."""
        with self._mutex:
            doc_id = self._reading.get(article)
            found = self._readings.get(doc_id=doc_id) if doc_id is not None else None
            return dict(found) if found else {"article": article, "position": 0, "done": False}

    def last_opened(self) -> str | None:
        """The article that was open last, to open again at the next start."""
        if not self.loaded:
            return None
        with self._mutex:
            stamped = [record for record in self._readings.all() if "opened" in record]
            return max(stamped, key=lambda record: record["opened"])["article"] if stamped else None

    def done_articles(self) -> set[str]:
        if not self.loaded:
            return set()
        with self._mutex:
            return {record["article"] for record in self._readings.all() if record["done"]}

    def set_reading(
        self, article: str, position: int | None = None, done: bool | None = None, opened: str | None = None
    ) -> bool:
        """Remember where article was left, that it is done (or not), or when it was last
        open (ISO 8601, for last_opened); False if nothing changed."""
        self._writable()
        with self._mutex:
            before = self.reading(article)
            record = {
                "article": article,
                "position": before["position"] if position is None else position,
                "done": before["done"] if done is None else done,
            }
            if opened or "opened" in before:
                record["opened"] = opened or before["opened"]
            if record == before:
                return False
            doc_id = self._reading.get(article)
            if doc_id is None:
                self._reading[article] = self._readings.insert(record)
            else:
                self._readings.update(record, doc_ids=[doc_id])
            self._changed({"reading": record} if record["done"] != before["done"] else Whereabouts(reading=record))
            return True

    def rejections(self) -> list[dict[str, Any]]:
        """Every suggestion turned down: article, label, text, start, end."""
        with self._mutex:
            return list(self._rejected.values())

    def write_copy(self, path: Path) -> int:
        """Every tag as native JSON lines to path (for `reader import`), when the
        database's own disk takes nothing; returns how many."""
        with self._mutex:
            records = [annotation.to_record() for annotation in self.annotations()]
        with atomic_writer(path) as out:
            out.write("".join(_ENCODE(record) + "\n" for record in records).encode("utf-8"))
        return len(records)

    def _remove_stray_files(self) -> None:
        """Temporary files left by a killed writer (we hold the lock, so none is live)."""
        for stray in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            with contextlib.suppress(OSError):
                stray.unlink()

    def __enter__(self) -> AnnotationStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
