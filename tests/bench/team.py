"""The `reader agree` row: coders × articles × tags each, the whole command in a fresh
process, against json.load of the same databases (the floor of reading them)."""

from __future__ import annotations

import random
import re
from pathlib import Path

from annotations.model import Article, new_annotation
from annotations.store import AnnotationStore

from . import data
from .measure import run_python, run_reader

LABELS = ("quote", "figure", "place")
JSON_LOAD = "import json, sys\nfor path in sys.argv[1:]: json.load(open(path, encoding='utf-8'))"


def corpus(folder: Path, count: int) -> list[Article]:
    """count articles of about 600 words (4 KB)."""
    rng = random.Random(11)
    folder.mkdir(parents=True, exist_ok=True)
    articles = []
    for number in range(count):
        text = f"Report {number}\n\n" + "\n\n".join(data.paragraph(rng, 100) for _ in range(6)) + "\n"
        (folder / f"report{number:05d}.txt").write_text(text, encoding="utf-8")
        articles.append(Article(f"report{number:05d}.txt", text))
    return articles


def reference(article: Article, tags: int, rng: random.Random) -> list[tuple[str, int, int]]:
    """tags spans on words, none overlapping, 1 to 5 words each, labels in turn."""
    words = [m.span() for m in re.finditer(r"\S+", article.text)]
    step = max(1, len(words) // tags)
    spans = []
    for number in range(min(tags, len(words))):
        first = number * step
        last = min(first + rng.randint(0, min(4, step - 1)), len(words) - 1)
        spans.append((LABELS[number % 3], words[first][0], words[last][1]))
    return spans


def coder_spans(spans: list[tuple[str, int, int]], text: str, rng: random.Random) -> list[tuple[str, int, int]]:
    """What one coder makes of the reference: most spans as they are, some a word
    shorter, some left out, some with another label (the way coders disagree)."""
    mine = []
    for label, start, end in spans:
        roll = rng.random()
        if roll < 0.05:
            continue
        if roll < 0.12:
            cut = text.rfind(" ", start, end)
            end = cut if cut > start else end
        elif roll < 0.15:
            label = LABELS[(LABELS.index(label) + 1) % 3]
        mine.append((label, start, end))
    return mine


def databases(work: Path, coders: int, count: int, tags: int) -> tuple[Path, list[Path]]:
    """The corpus and one database per coder (made once per work folder)."""
    folder = work / "team-corpus"
    paths = [work / f"coder{number}.json" for number in range(coders)]
    if all(path.exists() for path in paths):
        return folder, paths
    articles = corpus(folder, count)
    rng = random.Random(12)
    references = [reference(article, tags, rng) for article in articles]
    for number, path in enumerate(paths):
        made = [
            new_annotation(article, label, start, end, annotator=f"coder{number}")
            for article, spans in zip(articles, references)
            for label, start, end in coder_spans(spans, article.text, rng)
        ]
        with AnnotationStore(path) as store:
            store.merge(made)
            store.save()
    return folder, paths


def agree_figure(sizes: dict, work: Path, rows: list) -> None:
    from .run import Row

    coders, count, tags = sizes["agree"]
    folder, paths = databases(work, coders, count, tags)
    floor = run_python(JSON_LOAD, *paths)
    figures = run_reader(["agree", str(folder), *[arg for path in paths for arg in ("--db", str(path))]])
    seconds = figures["process_seconds"]
    rows.append(
        Row(
            f"reader agree, {coders} coders × {count} articles × {tags} tags (whole process)",
            seconds,
            "s",
            floor,
            "json.load of the databases",
            "≤ 5 s",
            seconds <= 5,
            f"{figures['peak_mb']:.0f} MB",
        )
    )
