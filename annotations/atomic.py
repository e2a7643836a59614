"""Replace a file so that nobody ever sees half of it: temp file, fsync, rename, fsync folder."""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO


@contextmanager
def atomic_writer(path: Path) -> Iterator[BinaryIO]:
    """A file to write into; it replaces path only if the block finishes without error,
    and is durable (the folder's entry too) when the block returns. The new file keeps
    the old one's mode and owner: a replace makes a new file, which would otherwise take
    the umask's mode (a chmod 444 or 640 undone by the next save)."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as out:
            yield out
            out.flush()
            _keep_mode(path, tmp)
            os.fsync(out.fileno())
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(OSError):  # a full or failing disk: the first error is the one to tell
            tmp.unlink(missing_ok=True)
    fsync_folder(path.parent)


def _keep_mode(path: Path, tmp: Path) -> None:
    """Give tmp the mode of path, and its owner where we may (as root, or a group we
    are in); nothing when path does not exist yet. The owner first: a chown clears
    the set-id bits."""
    try:
        before = os.stat(path)
    except OSError:
        return
    if hasattr(os, "chown"):  # (not on Windows)
        with contextlib.suppress(OSError):  # not ours to give: the file stays ours
            os.chown(tmp, before.st_uid, before.st_gid)
    os.chmod(tmp, stat.S_IMODE(before.st_mode))


def fsync_folder(folder: Path) -> None:
    """Make a folder's entries (a new or renamed file) durable. Windows opens no folder
    as a file, and makes a rename durable by itself."""
    if os.name == "nt":
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def write_atomically(path: Path, payload: bytes) -> None:
    with atomic_writer(path) as out:
        out.write(payload)
