"""The database file: what a reader database is (its tables, its schema and the
migrations from older ones), how it is read whole and checked, and the errors a store
raises. TinyDB's JSON: {table: {doc id: document}}."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

from ..model import MANUAL

SCHEMA = 5
ANNOTATIONS = "annotations"
META = "meta"
REJECTIONS = "rejections"  # suggestions the person turned down (see suggestions.py)
READING = "reading"  # per article: where the person left it, and whether it is done
_NO_ATTRS: dict[str, Any] = {}  # a record from before attributes
_REQUIRED = {"id": str, "article": str, "label": str, "start": int, "end": int, "text": str}


class StoreError(Exception):
    """The database cannot be used; the message says what, where and what to do."""


class StoreLocked(StoreError):
    """Another process holds the database's lock."""


class StoreUnwritable(StoreError):
    """Nothing can be written beside the database (a read-only disk or folder): it can be read."""


class ReadOnlyError(StoreError):
    """A change was asked of a store opened read-only."""


class NotLoadedError(StoreError):
    """A change was asked before load() finished."""


def _check_shape(path: Path, data: object) -> dict[str, Any]:
    """The parsed file if it is a reader database we can read, else StoreError."""
    where = f"{path}"
    if not isinstance(data, dict) or not all(isinstance(t, dict) for t in data.values()):
        raise StoreError(f"{where} is not a reader database (unexpected JSON shape); pass another --db")
    foreign = set(data) - {ANNOTATIONS, META, REJECTIONS, READING}
    if foreign:
        names = ", ".join(sorted(foreign))
        raise StoreError(f"{where} is not a reader database (tables: {names}); pass another --db")
    schema = schema_of(data)
    if not isinstance(schema, int) or schema > SCHEMA:
        raise StoreError(
            f"{where} was written by a newer reader (schema {schema}, this one reads {SCHEMA}); upgrade reader"
        )
    for doc_id, record in data.get(ANNOTATIONS, {}).items():
        if not _well_formed(record):
            bad = [k for k, kind in _REQUIRED.items() if type(record.get(k)) is not kind]
            raise StoreError(f"{where}: annotation {doc_id} lacks {', '.join(bad)}; the file is damaged")
    return data


def _well_formed(record: dict[str, Any]) -> bool:
    """_REQUIRED, written out: a loop over it costs 2.5 times as much per record, and a
    database is checked record by record (100,000 of them) on every open."""
    get = record.get
    return (
        type(get("id")) is str
        and type(get("article")) is str
        and type(get("label")) is str
        and type(get("start")) is int
        and type(get("end")) is int
        and type(get("text")) is str
        and type(get("attrs", _NO_ATTRS)) is dict
    )


def schema_of(data: dict[str, Any]) -> int:
    """The schema a file was written with: 0 for files from before it was recorded."""
    meta = data.get(META, {})
    if meta:
        first: dict[str, Any] = next(iter(meta.values()), {})
        schema: int = first.get("schema", 0)
        return schema
    return 0 if data.get(ANNOTATIONS) else SCHEMA


def _schema_0_to_1(data: dict[str, Any]) -> dict[str, Any]:
    return {**data, META: {"1": {"schema": 1, "app": "reader"}}}


def _schema_1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    """Every tag gets its attributes (none yet)."""
    tags = {
        doc_id: {**record, "attrs": record.get("attrs", {})} for doc_id, record in data.get(ANNOTATIONS, {}).items()
    }
    meta = {doc_id: {**entry, "schema": 2} for doc_id, entry in data.get(META, {}).items()}
    return {**data, ANNOTATIONS: tags, META: meta}


def _schema_2_to_3(data: dict[str, Any]) -> dict[str, Any]:
    """Every tag says where it came from: all made by hand until suggestions came."""
    tags = {
        doc_id: {**record, "origin": record.get("origin", MANUAL)}
        for doc_id, record in data.get(ANNOTATIONS, {}).items()
    }
    meta = {doc_id: {**entry, "schema": 3} for doc_id, entry in data.get(META, {}).items()}
    return {**data, ANNOTATIONS: tags, META: meta}


def _schema_3_to_4(data: dict[str, Any]) -> dict[str, Any]:
    """Reading is remembered per article (the table comes with the first position)."""
    meta = {doc_id: {**entry, "schema": 4} for doc_id, entry in data.get(META, {}).items()}
    return {**data, META: meta}


def _schema_4_to_5(data: dict[str, Any]) -> dict[str, Any]:
    """Journal lines carry checksums, and the file names the journal it absorbed."""
    meta = {doc_id: {**entry, "schema": 5} for doc_id, entry in data.get(META, {}).items()}
    return {**data, META: meta}


MIGRATIONS = {0: _schema_0_to_1, 1: _schema_1_to_2, 2: _schema_2_to_3, 3: _schema_3_to_4, 4: _schema_4_to_5}


def migrate(path: Path, data: dict[str, Any], readonly: bool) -> tuple[dict[str, Any], bool]:
    """Bring old data up to SCHEMA, after copying the file aside; returns (data, migrated)."""
    schema = schema_of(data)
    if schema == SCHEMA:
        return data, False
    if not readonly:
        shutil.copy2(path, path.with_name(f"{path.name}.schema{schema}.bak"))
    while schema < SCHEMA:
        data = MIGRATIONS[schema](data)
        schema += 1
    return data, True


def check_quickly(path: Path) -> None:
    """Refuse, from its first and last bytes, a file that cannot be a whole JSON object.

    Catches truncated and binary files before the app starts; load() checks the rest.
    """
    try:
        with open(path, "rb") as handle:
            head = handle.read(64).lstrip()
            handle.seek(max(0, handle.seek(0, os.SEEK_END) - 64))
            tail = handle.read().rstrip()
    except FileNotFoundError:
        return
    except OSError as error:
        raise StoreError(f"{path}: cannot read the database ({error.strerror or error})") from None
    if head and not (head.startswith(b"{") and tail.endswith(b"}")):
        raise StoreError(
            f"{path} is damaged or not a reader database (invalid JSON); restore a backup or pass another --db"
        )


def read_database(path: Path) -> dict[str, Any]:
    """Parse and check a database file; {} when it does not exist yet."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise StoreError(f"{path}: cannot read the database ({error.strerror or error})") from None
    if not raw.strip():
        return {}
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        detail = f"line {error.lineno}" if isinstance(error, json.JSONDecodeError) else "not UTF-8"
        raise StoreError(
            f"{path} is damaged or not a reader database (invalid JSON, {detail}); "
            "restore a backup or pass another --db"
        ) from None
    return _check_shape(path, data)


def reading_well_formed(record: dict[str, Any]) -> bool:
    return (
        type(record.get("article")) is str
        and type(record.get("position")) is int
        and type(record.get("done")) is bool
        and type(record.get("opened", "")) is str
    )


def rejection_well_formed(record: dict[str, Any]) -> bool:
    return all(type(record.get(k)) is str for k in ("article", "label", "text")) and type(record.get("start")) is int


def _rejection_key(record: dict[str, Any]) -> tuple[str, str, str, int]:
    return record["article"], record["label"], record["text"], record["start"]
