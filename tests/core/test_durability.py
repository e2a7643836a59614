"""Never lose a tag: SIGKILL at random moments, and two writers at once."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from annotations.model import Article, new_annotation
from annotations.store import AnnotationStore
from reader.config import seeds_dir
from tests.conftest import SEED

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import sys
from annotations.model import Article, new_annotation
from annotations.store import AnnotationStore
store = AnnotationStore(sys.argv[1], lock_timeout=30)
article = Article("a.txt", "x" * 5000)
n = 0
while True:
    n += 1
    annotation = new_annotation(article, "quote", n % 4000, n % 4000 + 5)
    store.add(annotation)
    store.save()
    print(annotation.id, flush=True)
"""


def populate(path: Path, count: int) -> None:
    article = Article("a.txt", "x" * 5000)
    with AnnotationStore(path) as store:
        store.merge([new_annotation(article, "figure", i % 4000, i % 4000 + 3) for i in range(count)])
        store.save()


def test_sigkill_at_random_moments_loses_nothing_reported(tmp_path):
    db = tmp_path / "db.json"
    populate(db, 3000)
    rng = random.Random(20261121)
    reported: list[str] = []
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for _ in range(15):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(db)], stdout=subprocess.PIPE, text=True, env=env)
        first = child.stdout.readline().strip()  # it is running and has saved once
        reported.append(first)
        time.sleep(rng.uniform(0.0, 0.3))
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate()
        reported += rest.split()
        with AnnotationStore(db) as store:  # opens, and holds everything reported saved
            ids = {a.id for a in store.annotations()}
            assert set(reported) <= ids
            assert len(ids) >= 3000 + len(reported)
    leftovers = sorted(p.name for p in tmp_path.iterdir())
    assert leftovers == ["db.json", "db.json.lock"]


def test_two_imports_at_once_both_land(tmp_path):
    db = tmp_path / "db.json"
    article = Article(SEED, (seeds_dir() / SEED).read_text(encoding="utf-8"))
    words = ["Baghdad", "Anbar", "Saladin", "Kirkuk", "Diyala", "Erbil", "Khanaqin", "Nineveh"]
    files = []
    for number, word in enumerate(words):
        start = article.text.index(word)
        path = tmp_path / f"in{number}.jsonl"
        path.write_text(json.dumps({"article": SEED, "label": "place", "start": start, "end": start + len(word)}))
        files.append(path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "reader", "import", str(f), "--db", str(db)],
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for f in files
    ]
    for process in processes:
        _, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
    with AnnotationStore(db) as store:
        assert sorted(a.text for a in store.annotations()) == sorted(words)
