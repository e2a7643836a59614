"""Settling a team's differences into one gold set (`reader review`).

Each source is one annotator's database, in the order given (source 1, 2, …). In an
article, a span (label, start, end) that every source has is agreed; the others form
disagreements: groups of spans that overlap one another, whatever their labels, with
each source's version (its spans in the group, perhaps none). What goes into gold is a
copy made for the reviewer: origin "adjudicated", the chosen source's attributes, and
`agreed_by`, the coders who had exactly that span. A disagreement is settled once gold
holds a tag that overlaps it, or once the reviewer took none of the versions (kept in
gold as a rejection with the label DECLINED).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from ..model import ADJUDICATED, Annotation, now_iso
from ..text import quoted

DECLINED = "disagreement"  # the label of a rejection that records "none of the versions"
AGREED_BY = "agreed_by"  # the attribute naming the coders who had exactly this span

Key = tuple[str, int, int]  # label, start, end


def key_of(annotation: Annotation) -> Key:
    return annotation.label, annotation.start, annotation.end


@dataclass(frozen=True)
class Source:
    """One coder's tags, by article."""

    name: str
    by_article: dict[str, list[Annotation]] = field(default_factory=dict)

    @classmethod
    def of(cls, name: str, annotations: Iterable[Annotation]) -> Source:
        by_article: dict[str, list[Annotation]] = {}
        for annotation in annotations:
            by_article.setdefault(annotation.article, []).append(annotation)
        for found in by_article.values():
            found.sort(key=lambda a: (a.start, -a.end, a.label))
        return cls(name, by_article)


@dataclass(frozen=True)
class Disagreement:
    start: int
    end: int
    versions: tuple[tuple[Annotation, ...], ...]  # each source's spans here, in source order

    def said(self, names: list[str]) -> str:
        """alice: quote “The U.S. is…” 0–19 · bob: quote “The U.S.” 0–8 · cat: — (the
        offsets tell apart versions whose words, cut short, look the same)"""
        parts = []
        for name, spans in zip(names, self.versions):
            shown = ", ".join(f"{a.label} {quoted(a.text, 24)} {a.start}–{a.end}" for a in spans) or "—"
            parts.append(f"{name}: {shown}")
        return " · ".join(parts)


@dataclass(frozen=True)
class ArticleReview:
    agreed: list[tuple[Annotation, tuple[str, ...]]]  # one of the equal spans, and who had it
    disagreements: list[Disagreement]


class Review:
    """The sources of one review and what they say of each article (each worked out once:
    the sources do not change while a review runs)."""

    def __init__(self, sources: list[Source]) -> None:
        self.sources = sources
        self.names = [source.name for source in sources]
        self._held: dict[str, dict[Key, tuple[Annotation, tuple[str, ...]]]] = {}
        self._of: dict[str, ArticleReview] = {}

    def articles(self) -> set[str]:
        return {article for source in self.sources for article in source.by_article}

    def held(self, article: str) -> dict[Key, tuple[Annotation, tuple[str, ...]]]:
        """Each span (label, start, end) of the article: its first source's tag, and the
        coders who had exactly it, in source order."""
        if article not in self._held:
            found: dict[Key, tuple[Annotation, list[str]]] = {}
            for source in self.sources:
                for annotation in source.by_article.get(article, []):
                    _, names = found.setdefault(key_of(annotation), (annotation, []))
                    if source.name not in names:
                        names.append(source.name)
            self._held[article] = {key: (first, tuple(names)) for key, (first, names) in found.items()}
        return self._held[article]

    def holders(self, article: str, annotation: Annotation) -> tuple[str, ...]:
        """The coders who had exactly this span."""
        return self.held(article)[key_of(annotation)][1]

    def of(self, article: str) -> ArticleReview:
        if article not in self._of:
            everyone = len(self.sources)
            agreed = [(first, names) for first, names in self.held(article).values() if len(names) == everyone]
            seen = {key_of(first) for first, _ in agreed}
            spans = [source.by_article.get(article, []) for source in self.sources]
            rest = [(i, a) for i, found in enumerate(spans) for a in found if key_of(a) not in seen]
            self._of[article] = ArticleReview(agreed, self._grouped(rest))
        return self._of[article]

    def _grouped(self, rest: list[tuple[int, Annotation]]) -> list[Disagreement]:
        """Spans that overlap one another (a chain of overlaps) form one disagreement."""
        rest.sort(key=lambda item: (item[1].start, item[1].end))
        groups: list[list[tuple[int, Annotation]]] = []
        end = -1
        for item in rest:
            if groups and item[1].start < end:
                groups[-1].append(item)
                end = max(end, item[1].end)
            else:
                groups.append([item])
                end = item[1].end
        found = []
        for group in groups:
            versions = tuple(tuple(a for i, a in group if i == n) for n in range(len(self.sources)))
            found.append(Disagreement(min(a.start for _, a in group), max(a.end for _, a in group), versions))
        return found


def declined(rejections: Iterable[dict[str, Any]]) -> dict[str, list[tuple[int, int]]]:
    """Per article, the (start, end) of each disagreement where none of the versions was taken."""
    found: dict[str, list[tuple[int, int]]] = {}
    for record in rejections:
        if record["label"] == DECLINED:
            found.setdefault(record["article"], []).append((record["start"], record["end"]))
    return found


def unsettled(
    disagreements: list[Disagreement], gold: Iterable[Annotation], declined: Iterable[tuple[int, int]]
) -> list[Disagreement]:
    tags = [(a.start, a.end) for a in gold]
    turned_down = set(declined)
    return [
        d
        for d in disagreements
        if (d.start, d.end) not in turned_down and not any(s < d.end and d.start < e for s, e in tags)
    ]


def for_gold(annotation: Annotation, reviewer: str, agreed_by: tuple[str, ...]) -> Annotation:
    """The copy of a source's tag that goes into gold."""
    stamp = now_iso()
    attrs = {**annotation.attrs, AGREED_BY: ", ".join(agreed_by)}
    return replace(
        annotation,
        id=uuid.uuid4().hex,
        annotator=reviewer,
        origin=ADJUDICATED,
        attrs=attrs,
        created=stamp,
        updated=stamp,
    )


def to_take(
    review: Review, article: str, at_least: int, gold: Iterable[Annotation], declined: Iterable[tuple[int, int]]
) -> list[tuple[Annotation, tuple[str, ...]]]:
    """What `--auto` takes: the spans at least this many sources share, but never where
    gold has decided already (a tag of the label over it, or none taken there), and never
    two versions of one thing: of overlapping spans of a label, the one more sources
    share; when as many share each, neither (the reviewer decides)."""
    kept = [(a.label, a.start, a.end) for a in gold]
    turned_down = list(declined)
    chosen: list[tuple[Annotation, tuple[str, ...]]] = []
    candidates = sorted(shared_by(review, article, at_least), key=lambda c: (-len(c[1]), c[0].start, c[0].end))
    for annotation, holders in candidates:
        label, start, end = key_of(annotation)
        if any(s < end and start < e for s, e in turned_down):
            continue
        if any(lab == label and s < end and start < e for lab, s, e in kept):
            continue
        rivals = [
            other
            for other, who in candidates
            if other is not annotation and key_of(other) != key_of(annotation) and len(who) == len(holders)
        ]
        if any(r.label == label and r.start < end and start < r.end for r in rivals):
            continue  # as many share another version: the reviewer's to settle
        chosen.append((annotation, holders))
        kept.append((label, start, end))
    return chosen


def shared_by(review: Review, article: str, at_least: int) -> list[tuple[Annotation, tuple[str, ...]]]:
    """The spans of an article that at least this many sources have exactly (for --auto)."""
    return [(first, names) for first, names in review.held(article).values() if len(names) >= at_least]
