"""Data the benchmarks run on, made fresh in a temporary folder."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from annotations.corpus import find_articles
from annotations.model import Article, new_annotation
from annotations.store import AnnotationStore

# Words of every length, so that lines and rows wrap at varied places (the benchmarks
# were once tuned on text made of one repeated sentence).
WORDS = [
    "the",
    "coalition",
    "forces",
    "said",
    "troops",
    "Baghdad",
    "Erbil",
    "were",
    "moved",
    "into",
    "bases",
    "across",
    "Iraq",
    "on",
    "Sunday",
    "officials",
    "confirmed",
    "5,200",
    "soldiers",
    "and",
    "300",
    "advisers",
    "left",
    "Kirkuk",
    "after",
    "the",
    "ceremony",
    "a",
    "of",
    "to",
    "in",
    "reconstruction",
    "negotiations",
    "parliamentary",
    "spokeswoman",
    "humanitarian",
    "infrastructure",
    "it",
    "is",
    "as",
    "by",
    "Mosul",
    "Sulaymaniyah",
    "Duhok",
    "Nineveh",
    "governorate",
    "ministry",
    "electricity",
    "shortages",
    "protesters",
    "gathered",
    "near",
    "the",
    "provincial",
    "council",
    "building",
    "demanding",
    "jobs",
    "water",
    "and",
    "an",
    "end",
    "to",
    "corruption",
    "while",
    "police",
    "said",
    "nobody",
    "was",
    "hurt",
    "during",
    "Tuesday's",
    "demonstration",
    "which",
    "lasted",
    "until",
    "late",
    "evening",
    "according",
    "to",
    "witnesses",
    "interviewed",
    "by",
    "reporters",
    "12.5%",
    "four",
    "billion",
    "dollars",
    "$3",
    "million",
    "km",
]
MARKER = "BIGSTART"
END = "BIGEND"
# The marker in the text pane, right of the list's border: the article's first line is
# also its title in the list, which is drawn a frame or more before the text can be.
MARKER_IN_TEXT = re.compile(rf"[│┃]\s*[│┃]{MARKER}")


def paragraph(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def big_article(path: Path, size: int, seed: int = 1) -> Path:
    """An article of about size bytes: paragraphs of 40 to 120 words, a marker first."""
    return shaped_article(path, size, "plain", seed)


ARABIC = ["القوات", "بغداد", "أربيل", "قال", "المسؤولون", "الجنود", "في", "العراق", "يوم", "الأحد"]
SHAPES = ("curly quotes", "Arabic", "short lines", "giant line")


def shaped_article(path: Path, size: int, shape: str, seed: int = 4) -> Path:
    """About size bytes of plain paragraphs, or of a shape the reader was not first
    tuned on: English prose with curly quotes in every paragraph, Arabic prose, short
    lines (a hard-wrapped book, a transcript, a program's source), or one giant line
    (minified text, a JSON dump). The marker comes first, the end marker last. Made
    once per path: later calls return the file already there."""
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    parts, total = [f"{MARKER} {shape}"], 0
    while total < size:
        if shape in ("plain", "giant line"):
            part = paragraph(rng, rng.randint(40, 120))
        elif shape == "curly quotes":
            part = f"“{paragraph(rng, rng.randint(40, 120))[:-1]},” an official said."
        elif shape == "Arabic":
            part = " ".join(rng.choice(ARABIC) for _ in range(rng.randint(40, 120))) + "."
        else:
            part = " ".join(rng.choice(WORDS) for _ in range(rng.randint(2, 9)))
        parts.append(part)
        total += len(part.encode("utf-8")) + 1
    parts.append(END)
    path.write_text((" " if shape == "giant line" else "\n").join(parts) + "\n", encoding="utf-8")
    return path


def many_articles(folder: Path, count: int) -> Path:
    if folder.exists():
        return folder
    rng = random.Random(2)
    folder.mkdir(parents=True)
    for number in range(count):
        text = f"Headline number {number} about troops in Iraq\n\n" + paragraph(rng, 300) + "\n"
        (folder / f"article{number:05d}.txt").write_text(text, encoding="utf-8")
    return folder


def tag_spread(article: Article, count: int, seed: int = 3) -> list:
    """count annotations spread over the article, on word starts, 1 to 6 words long."""
    rng = random.Random(seed)
    text = article.text
    annotations = []
    step = max(1, len(text) // max(1, count))
    labels = ["quote", "figure", "place"]
    for number in range(count):
        start = min(len(text) - 2, number * step + rng.randint(0, max(0, step // 2)))
        start = text.rfind(" ", 0, start) + 1
        end = min(len(text), start + rng.randint(5, 60))
        annotations.append(new_annotation(article, labels[number % 3], start, end, annotator="bench"))
    return annotations


def database(path: Path, corpus_paths: list[Path], count: int) -> Path:
    """A database of count annotations spread over every article of the corpus (made
    once per path)."""
    if path.exists():
        return path
    corpus = find_articles(corpus_paths)
    articles = [entry.load() for entry in corpus.entries]
    annotations = []
    for number, article in enumerate(articles):
        share = count // len(articles) + (1 if number < count % len(articles) else 0)
        annotations += tag_spread(article, share, seed=number)
    with AnnotationStore(path) as store:
        store.merge(annotations)
        store.save()
    return path


# News-like sentences for the suggestion rows: places, quotes with speakers, figures,
# among the plain vocabulary (written for the benchmarks; the gazetteer knows the places).
PLACES = ["Erbil", "Baghdad", "Kirkuk", "Mosul", "Damascus", "Ankara", "Leeds", "York", "Paris", "Texas", "Cairo"]
SPEAKERS = ["Dana Smith", "Colonel Ali Haddad", "the spokesman", "Mayor Ana Ruiz", "Tom Berg"]


def news_article(path: Path, size: int, seed: int = 5) -> Path:
    """About size bytes of paragraphs, each with a place, a figure and a quote."""
    rng = random.Random(seed)
    parts, total = [], 0
    while total < size:
        place, speaker = rng.choice(PLACES), rng.choice(SPEAKERS)
        figure = f"{rng.randint(2, 9)},{rng.randint(100, 999)} {rng.choice(['troops', 'homes', 'people'])}"
        quote = paragraph(rng, rng.randint(8, 25))
        text = (
            f"{paragraph(rng, rng.randint(20, 50))} Officials in {place} said {figure} were affected.\n\n"
            f"“{quote[:-1]},” said {speaker}. {paragraph(rng, rng.randint(10, 30))}\n\n"
        )
        parts.append(text)
        total += len(text.encode("utf-8"))
    path.write_text("".join(parts), encoding="utf-8")
    return path


def search_corpus(folder: Path, count: int, size: int) -> Path:
    """count articles of about size bytes each; every hundredth names Zakho (the search's word)."""
    if folder.exists():
        return folder
    rng = random.Random(6)
    folder.mkdir(parents=True)
    for number in range(count):
        parts = [f"Report {number}\n"]
        while sum(map(len, parts)) < size:
            parts.append(paragraph(rng, 80) + "\n")
        if number % 100 == 99:
            parts.insert(len(parts) // 2, "Officials in Zakho said the talks would go on.\n")
        (folder / f"report{number:05d}.txt").write_text("".join(parts), encoding="utf-8")
    return folder


JSONL_FIRST, JSONL_LAST = "JSONLFIRST", "JSONLLAST"


def jsonl_corpus(path: Path, size: int, seed: int = 7) -> Path:
    """About size bytes of JSON lines as corpora come: ids or none, a title in the record,
    in its meta, or none (read from the text), dates written several ways, texts of 1 to
    30 KB. The first text starts with JSONL_FIRST, the last holds JSONL_LAST."""
    if path.exists():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    pool = [paragraph(rng, rng.randint(20, 150)) for _ in range(3000)]
    dates = ["2026-11-{:02d}", "Nov {}, 2026", "{} November 2026 10:00"]
    total, number = 0, 0
    with path.open("w", encoding="utf-8") as out:
        while total < size:
            number += 1
            paragraphs = [rng.choice(pool) for _ in range(rng.randint(2, 60))]
            if number == 1:
                paragraphs.insert(0, JSONL_FIRST)
            record: dict = {"text": "\n\n".join(paragraphs)}
            if number % 3:
                record["id"] = f"item-{number}"
            date = rng.choice(dates).format(number % 28 + 1)
            if number % 4 == 0:
                record["meta"] = {"title": f"Item {number} in meta", "published": date}
            elif number % 4 == 1:
                record |= {"headline": f"Item {number} headline", "date": date}
            line = json.dumps(record, ensure_ascii=False) + "\n"
            out.write(line)
            total += len(line.encode("utf-8"))
        out.write(json.dumps({"id": "last", "title": "The last item", "text": f"Last words. {JSONL_LAST}"}) + "\n")
    return path
