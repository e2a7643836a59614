"""python -m tests.quality places|quotes|figures PATH [--show N]: development scores."""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from annotations.gazetteer import load
from annotations.places import find_places
from reader.config import cache_folder

from .conll import documents
from .score import Score


def places(path: Path, show: int) -> None:
    gazetteer = load(cache_folder())
    score, prose, with_id, started = Score(), Score(), 0, time.perf_counter()
    for text, gold in documents(path):
        found = find_places(text, gazetteer)
        with_id += sum(1 for f in found if f.place is not None)
        score.add(text, [(f.start, f.end) for f in found], gold)
        lines = text.splitlines()
        if sum(any(c.isdigit() for c in line) for line in lines) < 0.3 * len(lines):  # not a results table
            prose.add(text, [(f.start, f.end) for f in found], gold)
    print(score.line("places (CoNLL-2003 train, LOC)"))
    print(prose.line("  of which articles in prose (under 30% of lines with digits: no results tables)"))
    print(f"  with a GeoNames id: {with_id / max(1, score.found):.3f}; {time.perf_counter() - started:.1f} s")
    if show:
        print("  most common wrong:", Counter(score.wrong).most_common(show))
        print("  most common missed:", Counter(score.misses).most_common(show))


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.quality")
    parser.add_argument("what", choices=["places", "quotes", "figures"])
    parser.add_argument("path", type=Path)
    parser.add_argument("--show", type=int, default=0, help="list the N most common errors")
    args = parser.parse_args()
    {"places": places}[args.what](args.path, args.show)


main()
