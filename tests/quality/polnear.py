"""PolNeAR (train) as articles with their quoted content and its sources.

Gold quotes are the stretches between quotation marks inside an attribution's content
(PolNeAR marks indirect speech too; a quote here is the words inside marks); the
speaker is the attribution's source. One annotator's file per article (the first); `doubly_marked` gives the
articles two annotators marked, for what two people agree on.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from annotations.suggest.quotes import _stretches, _trim


@dataclass
class Gold:
    start: int
    end: int
    source: tuple[int, int] | None


def _spans(field: str) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in (part.split() for part in field.split(";"))]


def _gold(text: str, ann: Path) -> list[Gold]:
    """The quotes one annotator's file marks in text: stretches in marks inside an
    attribution's content, with the attribution's source."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            kind, _, where = parts[1].partition(" ")
            spans[parts[0]] = (kind, _spans(where))
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(role.split(":", 1) for role in parts[1].split()))
    gold = []
    stretches = _stretches(text)
    for event in events:
        content = spans.get(event.get("Content", ""), ("", []))[1]
        source_spans = spans.get(event.get("Source", ""), ("", []))[1]
        source = source_spans[0] if source_spans else None
        for start, end in stretches:
            if any(a <= start and end <= b + 1 for a, b in content):
                gold.append(Gold(*_trim(text, start, end), source))
    unique = {(g.start, g.end): g for g in gold}
    return list(unique.values())


def _by_article(root: Path) -> dict[str, list[Path]]:
    files: dict[str, list[Path]] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        files.setdefault(ann.name.rsplit("_", 1)[0], []).append(ann)
    return files


def articles(root: Path) -> Iterator[tuple[str, str, list[Gold]]]:
    """(name, text, gold quotes) for each article of PolNeAR's train split under root."""
    for name, files in _by_article(root).items():
        text = (root / "text" / f"{name}.txt").read_text(encoding="utf-8")
        yield name, text, _gold(text, files[0])


def doubly_marked(root: Path) -> Iterator[tuple[str, list[Gold], list[Gold]]]:
    """(text, the first annotator's quotes, the second's) for each article two marked."""
    for name, files in _by_article(root).items():
        if len(files) > 1:
            text = (root / "text" / f"{name}.txt").read_text(encoding="utf-8")
            yield text, _gold(text, files[0]), _gold(text, files[1])
