"""Storage: every annotation, rejection and reading mark in one TinyDB file, with a
checksummed journal beside it, that no failure of the disk or the process can lose.

The public face (the UI and the commands use nothing else): AnnotationStore to open a
database for writing; read_stored, read_annotations and read_current to read one
without a lock (a command tells Stored.damage); stored_bytes, whether there is one; check_quickly before opening; the errors; trouble() to say what a disk
error means. Inside: schema.py (the file, its schema, migrations), journal.py (the
journal), reading.py (reading without a lock, the counts cache), database.py (the
store and its saver), lock.py, tinydb_memory.py.
"""

from .database import AnnotationStore
from .journal import journal_path, trouble
from .reading import (
    Stored,
    counts_path,
    read_annotations,
    read_cached_counts,
    read_current,
    read_stored,
    stored_bytes,
)
from .saver import JOURNAL_LIMIT
from .schema import (
    SCHEMA,
    NotLoadedError,
    ReadOnlyError,
    StoreError,
    StoreLocked,
    StoreUnwritable,
    check_quickly,
)

__all__ = [
    "JOURNAL_LIMIT",
    "SCHEMA",
    "AnnotationStore",
    "NotLoadedError",
    "ReadOnlyError",
    "StoreError",
    "StoreLocked",
    "StoreUnwritable",
    "Stored",
    "check_quickly",
    "counts_path",
    "journal_path",
    "read_annotations",
    "read_cached_counts",
    "read_current",
    "read_stored",
    "stored_bytes",
    "trouble",
]
