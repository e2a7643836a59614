"""Shared fixtures: a fresh database per test, the bundled seeds, an app factory."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from annotations.corpus import find_articles
from annotations.store import AnnotationStore
from reader.config import seeds_dir

pytest_plugins = ["tests.faults"]  # the inject fixture: disk faults at any file operation

SEED = "000_9a3c69b587ca93c2.txt"
SEED2 = "003_0eeb8bb35cc91d89.txt"


@pytest.fixture(scope="session")
def gazetteer_cache(tmp_path_factory) -> Path:
    """One cache folder for the run, shared by its test processes (the base folder's parent
    is the run's under pytest-xdist): the gazetteer's index is built once (2 s), not once a
    process. Its file is written whole or not at all, so two processes building it at once
    is no harm."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if base.name.startswith("popen-gw") else base
    folder = shared / "gazetteer-cache"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch, gazetteer_cache):
    """No test reads or writes the real user's data or config."""
    monkeypatch.setenv("READER_DB", str(tmp_path / "default-db.json"))
    monkeypatch.setenv("READER_CACHE", str(gazetteer_cache))
    monkeypatch.setenv("READER_LABELS", str(tmp_path / "labels.toml"))
    monkeypatch.setenv("READER_EXPORTS", str(tmp_path / "exports"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "annotations.json"


@pytest.fixture
def seeds():
    return find_articles([seeds_dir()])


@pytest.fixture
def store(db_path):
    store = AnnotationStore(db_path)
    yield store
    store.close()


def pytest_xdist_auto_num_workers(config) -> int:
    """-n auto: twice the CPUs. Most of the slow tests wait (on tmux, a browser, a child
    process, a killed writer), not compute: on 2 cores, 4 processes take the suite from
    95 s to 69 s."""
    return 2 * (os.cpu_count() or 1)
