"""Issue 25: `reader suggest --workers 2` against `--workers 1` over a corpus of many
articles, each a whole process on the same files, in turns."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from . import data
from .measure import run_reader


def news_corpus(folder: Path, size: int, article: int = 8_000) -> Path:
    """About size bytes of news articles of about article bytes each, one a file."""
    if not folder.exists():
        folder.mkdir(parents=True)
        for number in range(max(1, size // article)):
            data.news_article(folder / f"news{number:05d}.txt", article, seed=number)
    return folder


def _busy(processes: int) -> float:
    """Seconds for processes busy loops at once: what the machine gives two processes now."""
    started = time.perf_counter()
    loops = [subprocess.Popen([sys.executable, "-c", "sum(range(60_000_000))"]) for _ in range(processes)]
    for loop in loops:
        loop.wait()
    return time.perf_counter() - started


def workers_figure(size: int, repeat: int, work: Path) -> tuple[float, float, float]:
    """(seconds with one worker, with two, the machine's speed-up for two busy loops):
    medians, the runs alternated. On a machine shared with other work the last is under
    2, and no program's speed-up can pass it."""
    corpus = news_corpus(work / "news-corpus", size)
    out, db = str(work / "scaled.jsonl"), str(work / "scale-db.json")
    times: dict[int, list[float]] = {1: [], 2: []}
    machine = []
    for _ in range(repeat):
        for workers in (1, 2):
            run = run_reader(["suggest", str(corpus), "-o", out, "--db", db, "--workers", str(workers)])
            times[workers].append(run["process_seconds"])
        machine.append(2 * _busy(1) / _busy(2))
    return statistics.median(times[1]), statistics.median(times[2]), statistics.median(machine)
