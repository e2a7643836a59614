"""Disk faults for the store's file operations, in the manner of SQLite's I/O-error tests.

The `inject` fixture (a plugin of tests/conftest.py) puts a Faults in place of the os module and
open() of annotations/store/journal.py and annotations/atomic.py, the store's only writers.
"""

from __future__ import annotations

import builtins
import errno
import os
from typing import Any

import pytest

from annotations import atomic
from annotations.store import journal


class Faults:
    """Counts the store's file operations and fails the Nth (and, persisting, every later one)."""

    OPERATIONS = ("open", "write", "fsync", "replace", "ftruncate", "unlink")

    def __init__(self, fail_at: int = 0, code: int = errno.ENOSPC, persist: bool = False) -> None:
        self.fail_at, self.code, self.persist = fail_at, code, persist
        self.calls = 0
        self.on = True

    def failing(self) -> bool:
        if not self.on:
            return False
        self.calls += 1
        return self.calls == self.fail_at or (self.persist and 0 < self.fail_at < self.calls)

    def error(self) -> OSError:
        return OSError(self.code, os.strerror(self.code))

    def os_module(self) -> Any:
        faults = self

        class FaultyOS:
            def __getattr__(self, name: str) -> Any:
                real = getattr(os, name)
                if name not in Faults.OPERATIONS:
                    return real

                def operation(*args: Any, **kwargs: Any) -> Any:
                    if faults.failing():
                        if name == "write":  # part of it lands, as on a disk that fills mid-write
                            real(args[0], bytes(args[1])[: len(args[1]) // 2])
                        raise faults.error()
                    if name == "fsync":  # counted, not done: these tests kill the process, not the power,
                        return None  # and what was written is read back either way (four fifths of their time)
                    return real(*args, **kwargs)

                return operation

        return FaultyOS()

    def open_function(self) -> Any:
        faults = self

        class FaultyFile:
            def __init__(self, handle: Any) -> None:
                self.handle = handle

            def write(self, data: bytes) -> int:
                if faults.failing():
                    self.handle.write(data[: len(data) // 2])
                    raise faults.error()
                return int(self.handle.write(data))

            def __getattr__(self, name: str) -> Any:
                return getattr(self.handle, name)

            def __enter__(self) -> FaultyFile:
                return self

            def __exit__(self, *exc: object) -> None:
                self.handle.close()

        def faulty_open(path: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
            if "w" in mode and faults.failing():
                raise faults.error()
            return FaultyFile(builtins.open(path, mode, *args, **kwargs))

        return faulty_open


@pytest.fixture
def inject(monkeypatch):
    """inject(Faults(...)): the store's file operations go through it until the test ends."""

    def install(faults: Faults) -> Faults:
        monkeypatch.setattr(journal, "os", faults.os_module())
        monkeypatch.setattr(atomic, "os", faults.os_module())
        monkeypatch.setattr(atomic, "open", faults.open_function(), raising=False)
        return faults

    return install
