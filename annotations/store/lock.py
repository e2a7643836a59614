"""The writer's lock: an exclusive lock on a file beside the database, held while open.

The operating system's advisory lock (flock, or msvcrt's on Windows) is all one machine
needs, and it goes with the process however that ends (kill -9 included). The filelock
package did the same, but importing it took 15 ms of every start.
"""

from __future__ import annotations

import errno
import os
import time

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]
    import msvcrt

_HELD = (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK, getattr(errno, "EDEADLOCK", errno.EDEADLK))
_RETRY = 0.05  # seconds between tries while waiting for another holder


class Held(Exception):
    """Another process holds the lock."""


class FileLock:
    def __init__(self, path: str) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self, timeout: float = 0.0) -> None:
        """Take the lock, waiting up to timeout seconds; Held if another process keeps it."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + timeout
        while True:
            try:
                _lock(fd)
            except OSError as error:
                if error.errno in _HELD and time.monotonic() < deadline:
                    time.sleep(_RETRY)
                    continue
                os.close(fd)
                if error.errno in _HELD:
                    raise Held(self.path) from None
                raise
            self._fd = fd
            return

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            try:
                _unlock(fd)
            finally:
                os.close(fd)


def _lock(fd: int) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    else:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)


def _unlock(fd: int) -> None:
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_UN)
    else:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
