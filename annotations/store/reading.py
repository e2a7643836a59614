"""Reading a database without opening it for writing (export, stats, suggest, a second
process): the file with its journal replayed, one consistent version, and the per-label
counts cached beside it."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import Annotation
from .journal import JournalRead, damage_said, journal_path
from .journal import read_journal as _read_journal
from .schema import (
    ANNOTATIONS,
    META,
    READING,
    REJECTIONS,
    StoreError,
    _rejection_key,
    _well_formed,
    migrate,
    read_database,
    reading_well_formed,
    rejection_well_formed,
)


def counts_path(path: Path) -> Path:
    return path.with_name(path.name + ".counts")


def read_cached_counts(path: Path) -> dict[str, Counter[str]] | None:
    """Per article and label, how many tags the database holds, from the small file
    written beside it at each compaction; None unless it is surely current (written for
    this very file, and no journal since). A million tags take half a minute to load;
    the article list shows their counts from this at once."""
    if journal_size(path):
        return None
    try:
        cached = json.loads(counts_path(path).read_bytes())
        if tuple(cached["file"]) != _identity(path):
            return None
        return {article: Counter(labels) for article, labels in cached["counts"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None


LEFT_AS_IT_IS = "left as it is (set aside when reader next opens the database to write)"


def stored_bytes(path: Path) -> int | None:
    """Bytes in the database at path, its file and its journal; None when neither
    exists. A journal alone is a database: the app writes it first and compacts it into
    the file only when it quits (an annotator at work has no file yet)."""
    try:
        size = path.stat().st_size
    except OSError:
        size = None
    try:
        return (size or 0) + journal_path(path).stat().st_size
    except OSError:
        return size


def journal_size(path: Path) -> int:
    """Bytes in the journal of the database at path (0 when there is none)."""
    try:
        return journal_path(path).stat().st_size
    except OSError:
        return 0


def _is_change(change: dict[str, Any]) -> bool:
    """A journal line this reader knows: a put, a remove, a rejection or a reading."""
    return (
        (isinstance(change.get("put"), dict) and _well_formed(change["put"]))
        or isinstance(change.get("remove"), str)
        or (isinstance(change.get("reject"), dict) and rejection_well_formed(change["reject"]))
        or (isinstance(change.get("unreject"), dict) and rejection_well_formed(change["unreject"]))
        or (isinstance(change.get("reading"), dict) and reading_well_formed(change["reading"]))
    )


def absorbed_journal(data: dict[str, Any]) -> str | None:
    """The epoch of the journal whose changes the database file already holds."""
    first: dict[str, Any] = next(iter(data.get(META, {}).values()), {})
    epoch = first.get("journal")
    return epoch if isinstance(epoch, str) else None


def read_journal(path: Path, data: dict[str, Any]) -> JournalRead:
    """The journal beside the database at path, as far as it is not in data (the file)
    already (see journal.py)."""
    try:
        return _read_journal(path, _is_change, absorbed_journal(data))
    except OSError as error:
        raise StoreError(f"{journal_path(path)}: cannot read the journal ({error.strerror or error})") from None


def replay(data: dict[str, Any], changes: list[dict[str, Any]]) -> dict[str, Any]:
    """The database's data with the journal's changes applied (each put or remove by id)."""
    if not changes:
        return data
    if any("reject" in change or "unreject" in change for change in changes):
        table = dict(data.get(REJECTIONS, {}))
        doc_of_key = {_rejection_key(record): doc_id for doc_id, record in table.items()}
        highest = max((int(doc_id) for doc_id in table), default=0)
        for change in changes:  # in order: an undone rejection may be made again
            if "reject" in change and _rejection_key(change["reject"]) not in doc_of_key:
                highest += 1
                doc_of_key[_rejection_key(change["reject"])] = str(highest)
                table[str(highest)] = change["reject"]
            elif "unreject" in change:
                doc_id = doc_of_key.pop(_rejection_key(change["unreject"]), None)
                if doc_id is not None:
                    del table[doc_id]
        data = {**data, REJECTIONS: table}
        changes = [change for change in changes if "reject" not in change and "unreject" not in change]
    readings = [change["reading"] for change in changes if "reading" in change]
    if readings:
        table = dict(data.get(READING, {}))
        doc_of_article = {record["article"]: doc_id for doc_id, record in table.items()}
        highest = max((int(doc_id) for doc_id in table), default=0)
        for record in readings:  # the last of an article's wins
            doc_id = doc_of_article.get(record["article"])
            if doc_id is None:
                highest += 1
                doc_id = doc_of_article[record["article"]] = str(highest)
            table[doc_id] = record
        data = {**data, READING: table}
        changes = [change for change in changes if "reading" not in change]
    table = dict(data.get(ANNOTATIONS, {}))
    doc_of = {record["id"]: doc_id for doc_id, record in table.items()}
    highest = max((int(doc_id) for doc_id in table), default=0)
    for change in changes:
        if "put" in change:
            record = change["put"]
            doc_id = doc_of.get(record["id"])
            if doc_id is None:
                highest += 1
                doc_id = doc_of[record["id"]] = str(highest)
            table[doc_id] = record
        else:
            doc_id = doc_of.pop(change["remove"], None)
            if doc_id is not None:
                del table[doc_id]
    return {**data, ANNOTATIONS: table}


def read_current(path: Path) -> dict[str, Any]:
    """The database file with its journal replayed, as one consistent version."""
    data, journal = _current(path)
    return replay(data, journal.changes)


def _current(path: Path) -> tuple[dict[str, Any], JournalRead]:
    """The database file and its journal: when a writer compacts between the two reads
    (the file replaced), both are read again."""
    for _ in range(10):
        before = _identity(path)
        data, _ = migrate(path, read_database(path), readonly=True)
        journal = read_journal(path, data)
        if _identity(path) == before:
            break
    return data, journal


def _identity(path: Path) -> tuple[int, int, int] | None:
    """Which file is at path now: a replaced or rewritten file has another."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_ino, stat.st_size, stat.st_mtime_ns


@dataclass(frozen=True)
class Stored:
    """What a database holds, read once by a command that changes nothing."""

    annotations: list[Annotation]
    rejections: list[dict[str, Any]]  # suggestions turned down, for `reader suggest`
    done: set[str]  # articles marked done, for `reader stats`
    damage: str = ""  # damaged journal lines skipped, said as the app says it ("" if none)


def read_stored(path: Path) -> Stored:
    """Every annotation, rejection and done mark in a database (file and journal),
    without a lock or an index; a damaged journal line is skipped, the rest kept, and
    damage says so for the command to tell."""
    data, journal = _current(path)
    data = replay(data, journal.changes)
    return Stored(
        [Annotation.from_record(record) for record in data.get(ANNOTATIONS, {}).values()],
        list(data.get(REJECTIONS, {}).values()),
        {record["article"] for record in data.get(READING, {}).values() if record["done"]},
        damage_said(path, journal, LEFT_AS_IT_IS) if journal.damaged else "",
    )


def read_annotations(path: Path) -> list[Annotation]:
    """Every annotation in a database: for readers (export) that change nothing."""
    return read_stored(path).annotations
