"""CoNLL-2003 (train) as articles with their LOC spans."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path


def documents(path: Path) -> Iterator[tuple[str, list[tuple[int, int]]]]:
    """Each document's text (a sentence a line, tokens joined by spaces) and LOC spans."""
    lines: list[str] = []
    spans: list[tuple[int, int]] = []
    sentence: list[str] = []
    offset = 0
    open_start: int | None = None

    def close_entity(end: int) -> None:
        nonlocal open_start
        if open_start is not None:
            spans.append((open_start, end))
            open_start = None

    def end_sentence() -> None:
        nonlocal offset, sentence
        if sentence:
            lines.append(" ".join(sentence))
            offset += len(lines[-1]) + 1
            sentence = []

    last_end = 0
    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.startswith("-DOCSTART-"):
            close_entity(last_end)
            end_sentence()
            if lines:
                yield "\n".join(lines), spans
            lines, spans, offset = [], [], 0
            continue
        if not raw.strip():
            close_entity(last_end)
            end_sentence()
            continue
        token, *_, tag = raw.split()
        start = offset + sum(len(t) + 1 for t in sentence)
        if tag.endswith("LOC") and (tag.startswith("B-") or open_start is None):
            close_entity(last_end)
            open_start = start
        elif not tag.endswith("LOC"):
            close_entity(last_end)
        sentence.append(token)
        last_end = start + len(token)
    close_entity(last_end)
    end_sentence()
    if lines:
        yield "\n".join(lines), spans
