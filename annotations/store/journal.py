"""The journal beside a database: each change a checksummed line, after SQLite's WAL.

A line is the change's JSON, a tab and the CRC-32 of that JSON in hex. JSON never holds a
raw tab or newline, so a line splits without parsing. The rules that keep it whole:
- An append goes where the last whole record ends (`end`), never after a fragment: a
  failed or short append is cut back there at once, and again before the next append
  if that cut failed too (a full disk leaves half a line; EIO may leave anything).
- On reading, what follows the last good line is a torn tail (a kill or a failure
  mid-append) and is dropped, as a WAL frame without a valid checksum ends the log.
  A bad line followed by good ones is damage a correct writer never leaves: the good
  lines are kept and the damage is reported, never a refusal to open.
- The journal is in segments, each opened by a line that names its epoch. A compaction
  seals the segment being written (the next append opens a new one), writes the epoch
  of the last segment it holds into the database file, then deletes the journal. On
  reading, the segments up to the one the file names are skipped: they are in the file
  (a kill, or a failed fsync of the folder, came between rename and delete), and
  replaying an older line could undo a newer change the file holds.
Lines from before checksums (plain JSON) are still read.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import secrets
import stat
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..atomic import fsync_folder, write_atomically
from ..record_json import record_encoder

_ENCODE = record_encoder(",", ":")
EPOCH = "epoch"  # the key of a journal's first line


def journal_path(path: Path) -> Path:
    return path.with_name(path.name + ".journal")


def encode_line(record: dict[str, Any]) -> bytes:
    body = _ENCODE(record).encode("utf-8")
    return body + b"\t%08x\n" % zlib.crc32(body)


@dataclass
class JournalRead:
    """What a journal holds: its changes, and what was wrong with it."""

    changes: list[dict[str, Any]] = field(default_factory=list)  # after the absorbed segment
    epoch: str | None = None  # of the last segment
    end: int = 0  # bytes up to the end of the last good line: where the next append goes
    size: int = 0  # bytes in the file
    damaged: list[int] = field(default_factory=list)  # numbers of bad lines followed by good ones


def _parse(line: bytes, well_formed: Callable[[dict[str, Any]], bool]) -> dict[str, Any] | None:
    """The record a line holds, or None if the line is not whole and good."""
    body, tab, checksum = line.rpartition(b"\t")
    if tab:
        try:
            if int(checksum, 16) != zlib.crc32(body) or len(checksum) != 8:
                return None
        except ValueError:
            return None
    else:
        body = line  # a line from before checksums
    try:
        record = json.loads(body)
    except ValueError:
        return None
    if not isinstance(record, dict):
        return None
    if set(record) == {EPOCH} and isinstance(record[EPOCH], str):
        return record
    return record if well_formed(record) else None


def read_journal(path: Path, well_formed: Callable[[dict[str, Any]], bool], absorbed: str | None) -> JournalRead:
    """Read the journal of the database at path, skipping the segments up to the one
    named absorbed (OSError if it cannot be read)."""
    try:
        raw = journal_path(path).read_bytes()
    except FileNotFoundError:
        return JournalRead()
    found = JournalRead(size=len(raw))
    bad: list[int] = []
    start = 0
    number = 0
    while (stop := raw.find(b"\n", start)) != -1:
        number += 1
        line = raw[start:stop]
        start = stop + 1
        if not line.strip():
            continue
        record = _parse(line, well_formed)
        if record is None:
            bad.append(number)
            continue
        found.damaged += bad
        bad = []
        found.end = start
        if EPOCH in record:
            if found.epoch == absorbed and found.epoch is not None:
                found.changes.clear()
            found.epoch = record[EPOCH]
        else:
            found.changes.append(record)
    if found.epoch == absorbed and found.epoch is not None:
        found.changes.clear()
    return found


def damage_said(path: Path, journal: JournalRead, then: str) -> str:
    """The one line that tells of a journal's damage, whoever read it (the app, a
    command): which lines were skipped and how many changes kept, then what became of
    the damaged file."""
    lines = ", ".join(map(str, journal.damaged[:5])) + (" …" if len(journal.damaged) > 5 else "")
    return f"{journal_path(path)}: damaged line {lines} skipped, {len(journal.changes)} changes kept; {then}"


class JournalWriter:
    """Appends changes durably; never leaves a fragment for the next append to follow."""

    def __init__(self, path: Path, end: int = 0, last: str | None = None) -> None:
        self.path = journal_path(path)
        self.database = Path(path)
        self.end = end
        self.epoch: str | None = None  # of the segment being written; None: the next append opens one
        self.last = last  # the epoch of the last segment with lines
        self._named = end > 0  # the folder's entry for the file is durable

    def append(self, changes: list[dict[str, Any]]) -> None:
        """Write the changes and fsync them; on OSError, nothing of them is left behind
        (or, if even the cut failed, the next append cuts first)."""
        epoch = self.epoch or secrets.token_hex(8)
        head = b"" if self.epoch else encode_line({EPOCH: epoch})
        payload = head + b"".join(encode_line(change) for change in changes)
        # A new journal is as private as its database: it holds the same tags.
        handle = os.open(self.path, os.O_WRONLY | os.O_CREAT | getattr(os, "O_BINARY", 0), self._mode())
        try:
            try:
                if os.fstat(handle).st_size != self.end:
                    os.ftruncate(handle, self.end)
                os.lseek(handle, self.end, os.SEEK_SET)
                view = memoryview(payload)
                while view:
                    written = os.write(handle, view)
                    if written <= 0:
                        raise OSError(errno.EIO, "nothing written")
                    view = view[written:]
                os.fsync(handle)
                if not self._named:
                    fsync_folder(self.path.parent)
            except OSError:
                with contextlib.suppress(OSError):
                    os.ftruncate(handle, self.end)
                raise
        finally:
            os.close(handle)
        self._named = True
        self.epoch = self.last = epoch
        self.end += len(payload)

    def _mode(self) -> int:
        """The database file's permissions (0o644 before it exists)."""
        try:
            return stat.S_IMODE(os.stat(self.database).st_mode)
        except OSError:
            return 0o644

    def seal(self) -> str | None:
        """Close the segment being written (a compaction is taking every line so far);
        returns the epoch the database file is to name."""
        self.epoch = None
        return self.last

    def absorbed(self) -> None:
        """The database file now holds every line: delete the journal. If that fails the
        file names its last segment, so it is not replayed, and the next append cuts it
        and starts anew."""
        self.epoch = None
        self.end = 0
        self._named = False
        with contextlib.suppress(OSError):
            os.unlink(self.path)


def rewrite(path: Path, changes: list[dict[str, Any]]) -> JournalWriter:
    """The journal again, with only these changes in one segment (after damage was set
    aside); the writer that goes on after them."""
    epoch = secrets.token_hex(8)
    payload = encode_line({EPOCH: epoch}) + b"".join(encode_line(change) for change in changes)
    write_atomically(journal_path(path), payload)
    return JournalWriter(path, len(payload), last=epoch)


def trouble(error: OSError) -> str:
    """What went wrong with the disk, in a few words a user acts on."""
    words = {
        errno.ENOSPC: "disk full",
        errno.EDQUOT: "disk quota full",
        errno.EROFS: "read-only disk",
        errno.EIO: "disk error (I/O)",
        errno.EACCES: "no permission",
        errno.EPERM: "no permission",
    }
    return words.get(error.errno or 0) or (error.strerror or str(error))
