from __future__ import annotations

import pytest

from annotations.corpus import find_articles
from annotations.model import DEFAULT_LABELS
from annotations.store import AnnotationStore
from reader.app import ReaderApp


@pytest.fixture
def make_app(db_path):
    """Build a ReaderApp over a corpus (default: the seeds) and a store at db_path."""
    opened = []

    def make(paths=None, open_first=False, labels=DEFAULT_LABELS, store=None):
        from reader.config import seeds_dir

        corpus = find_articles(paths or [seeds_dir()])
        store = store if store is not None else AnnotationStore(db_path)
        opened.append(store)
        return ReaderApp(corpus, store, labels, annotator="tester", open_first=open_first)

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def many_articles(tmp_path):
    """300 short articles, "Headline number N about troops in Iraq" each."""
    from tests.bench.data import many_articles

    return many_articles(tmp_path / "many", 300)
