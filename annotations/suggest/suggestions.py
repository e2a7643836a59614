"""Suggestions: spans the machine proposes, one key to accept or reject.

Four sources, each a module of its own: places (gazetteer), figures, quotes, and what
the person has tagged before (every whole-word occurrence of a tagged text, with the
tag's label and attributes). A suggestion that overlaps a tag of its label, or that
was rejected in this article, is left out; a text rejected in REJECTED_ANYWHERE
articles is not suggested anywhere. Suggestions are never stored or exported: an
accepted one becomes an ordinary annotation with origin "suggested".
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

import regex

from .. import attributes
from ..editing.spans import Spans, Tagged, order
from ..model import Annotation
from ..text import quoted
from . import ner
from .figures import find_figures
from .gazetteer import Gazetteer
from .ner import Entities
from .places import find_places
from .quotes import find_quotes

REJECTED_ANYWHERE = 3  # rejections of a text (in as many articles) that stop it everywhere
LEARN_MAX = 100  # characters: a longer tag is not looked for elsewhere (a quote is said once)
QUOTE, FIGURE, PLACE = "quote", "figure", "place"
RULES, LEARNED = "rules", "learned"


@dataclass(frozen=True, slots=True)
class Suggestion:
    label: str
    start: int
    end: int
    text: str
    attrs: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    source: str = RULES  # rules, or learned (from the person's own tags)

    def record(self, article: str) -> dict[str, Any]:
        """As `reader suggest` writes it."""
        return {
            "article": article,
            "label": self.label,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "status": "suggested",
            "origin": "suggested",  # what `reader import` keeps: a machine proposed it
            "attrs": self.attrs,
        }


class Outline(NamedTuple):
    """A tag as suggest() needs it, where it is and its label: small to send to another
    process (a whole Annotation carries its text and context)."""

    label: str
    start: int
    end: int
    id: str


def outlines(tags: Iterable[Annotation]) -> dict[str, list[Outline]]:
    """The tags' outlines by article."""
    by_article: dict[str, list[Outline]] = {}
    for tag in tags:
        by_article.setdefault(tag.article, []).append(Outline(tag.label, tag.start, tag.end, tag.id))
    return by_article


@dataclass
class Knowledge:
    """What suggestions learn from the database: tagged texts and rejections."""

    tagged: dict[tuple[str, str], dict[str, Any]] = field(default_factory=dict)  # (label, text) -> attrs
    rejected: set[tuple[str, str, str, int]] = field(default_factory=set)  # (article, label, text, start)
    rejected_texts: Counter[tuple[str, str]] = field(default_factory=Counter)  # (label, text) -> articles
    _rejected_in: set[tuple[str, str, str]] = field(default_factory=set)  # (article, label, text)
    _times_tagged: Counter[tuple[str, str]] = field(default_factory=Counter)  # (label, text) -> tags of it

    @classmethod
    def of(cls, annotations: Iterable[Annotation], rejections: Iterable[dict[str, Any]]) -> Knowledge:
        knowledge = cls()
        for annotation in sorted(annotations, key=lambda a: a.updated):
            knowledge.learn(annotation)
        knowledge.rejections_are(rejections)
        return knowledge

    def copy(self) -> Knowledge:
        """A copy to hand to another process (the app goes on learning in this one)."""
        return Knowledge(
            dict(self.tagged),
            set(self.rejected),
            Counter(self.rejected_texts),
            set(self._rejected_in),
            Counter(self._times_tagged),
        )

    def rejections_are(self, rejections: Iterable[dict[str, Any]]) -> None:
        """Remember exactly these rejections (the store's, after one is made or undone)."""
        self.rejected, self.rejected_texts, self._rejected_in = set(), Counter(), set()
        for record in rejections:
            self.remember_rejection(record["article"], record["label"], record["text"], record["start"])

    def learn(self, annotation: Annotation) -> None:
        """One more tag of its text in the database: the text is suggested elsewhere, with
        this tag's label and attributes."""
        text = annotation.text
        if 2 <= len(text) <= LEARN_MAX and "\n" not in text and (text[0].isalnum() and text[-1].isalnum()):
            self._times_tagged[annotation.label, text] += 1
            self.tagged[annotation.label, text] = dict(annotation.attrs)

    def forget(self, annotation: Annotation) -> None:
        """One tag of its text fewer (deleted, relabelled, undone): once none is left, the
        text is no longer suggested as that label."""
        key = (annotation.label, annotation.text)
        if self._times_tagged[key] > 1:
            self._times_tagged[key] -= 1
        else:
            self._times_tagged.pop(key, None)
            self.tagged.pop(key, None)

    def remember_rejection(self, article: str, label: str, text: str, start: int) -> None:
        self.rejected.add((article, label, text, start))
        if (article, label, text) not in self._rejected_in:
            self._rejected_in.add((article, label, text))
            self.rejected_texts[label, text] += 1

    def allows(self, article: str, suggestion: Suggestion) -> bool:
        if (article, suggestion.label, suggestion.text, suggestion.start) in self.rejected:
            return False
        return self.rejected_texts[suggestion.label, suggestion.text] < REJECTED_ANYWHERE


def _rules(
    text: str, labels: set[str], gazetteer: Callable[[], Gazetteer | None], entities: Entities | None
) -> list[Suggestion]:
    found: list[Suggestion] = []
    if PLACE in labels:
        places = gazetteer()
        if places is not None:
            by_rules = find_places(text, places)
            if entities is None:
                found += [Suggestion(PLACE, f.start, f.end, f.text, f.attrs()) for f in by_rules]
            else:
                found += [Suggestion(PLACE, *spot) for spot in ner.places(text, entities, places, by_rules)]
    if FIGURE in labels:
        found += [Suggestion(FIGURE, f.start, f.end, f.text, f.figure.attrs()) for f in find_figures(text)]
    if QUOTE in labels:
        quotes = find_quotes(text) if entities is None else ner.speakers(text, find_quotes(text), entities)
        found += [Suggestion(QUOTE, q.start, q.end, q.text, q.attrs()) for q in quotes]
    return found


_TOKEN = regex.compile(r"\w+")


def _learned(text: str, knowledge: Knowledge, labels: set[str]) -> list[Suggestion]:
    """Every whole-word occurrence of a text the person has tagged, with that tag's label:
    at each word that begins a tagged text, the longest tagged text that starts there.
    (One alternation of every tagged text took 3 s to compile at 20,000 of them, again
    after each new tag.)"""
    # list(): the UI thread may learn a tag while a thread suggests
    wanted = {tagged: attrs for tagged, attrs in list(knowledge.tagged.items()) if tagged[0] in labels}
    if not wanted:
        return []
    by_text: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    words_after: dict[str, int] = {}  # a tagged text's first word: the most words one has
    for (label, tagged), attrs in wanted.items():
        by_text.setdefault(tagged, []).append((label, attrs))
        words = _TOKEN.findall(tagged)
        words_after[words[0]] = max(words_after.get(words[0], 0), len(words))
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text) if m.group() in words_after]
    ends = [m.end() for m in _TOKEN.finditer(text)] if any(n > 1 for n in words_after.values()) else []
    found = []
    reached = 0  # suggestions of learned texts do not overlap one another
    for start, end in tokens:
        if start < reached:
            continue
        most = words_after[text[start:end]]
        here = bisect_right(ends, start)  # ends[here] is this word's own end
        following = ends[here + 1 : here + most] if most > 1 else []
        for stop in reversed([end, *following]):  # the longest first
            candidate = text[start:stop]
            if candidate in by_text:
                for label, attrs in by_text[candidate]:
                    found.append(Suggestion(label, start, stop, candidate, attrs, LEARNED))
                reached = stop
                break
    return found


def _as_corrected(found: list[Suggestion], knowledge: Knowledge) -> list[Suggestion]:
    """A place the person tagged with its GeoNames id is that place wherever its name is
    suggested, in any case: correct one "Valencia" to Spain's and "VALENCIA" in the
    dateline follows (the gazetteer would say Venezuela's, the larger)."""
    corrected = {
        text.casefold(): attrs
        for (label, text), attrs in list(knowledge.tagged.items())
        if label == PLACE and "geonameid" in attrs
    }
    if not corrected:
        return found
    return [
        replace(s, attrs=dict(corrected[s.text.casefold()]))
        if s.label == PLACE and s.text.casefold() in corrected
        else s
        for s in found
    ]


def suggest(
    article: str,
    text: str,
    tags: Sequence[Tagged],
    knowledge: Knowledge,
    labels: Iterable[str],
    gazetteer: Callable[[], Gazetteer | None],
    entities: Entities | None = None,
) -> list[Suggestion]:
    """The suggestions for one article, in text order, none where a tag of its label is;
    with the entities a model found in it (ner.py), its places and speakers too."""
    wanted = set(labels)
    candidates = _learned(text, knowledge, wanted) + _as_corrected(_rules(text, wanted, gazetteer, entities), knowledge)
    tagged = {label: Spans([t for t in tags if t.label == label], order) for label in {t.label for t in tags}}
    chosen: dict[str, _Apart] = defaultdict(_Apart)
    for suggestion in candidates:  # learned ones first: they carry what the person said
        label, start, end = suggestion.label, suggestion.start, suggestion.end
        if label in tagged and tagged[label].overlapping(start, end):
            continue
        if chosen[label].overlaps(start, end) or not knowledge.allows(article, suggestion):
            continue
        chosen[label].add(suggestion)
    found = [s for spans in chosen.values() for s in spans.spans]
    return sorted(found, key=lambda s: (s.start, -s.end, s.label))


class _Apart:
    """Suggestions of one label that do not overlap, by start: whether another would.
    (A scan of every chosen one per candidate took 8 s for 20,000 in 700 KB.)"""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.spans: list[Suggestion] = []

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect_right(self.starts, start)
        before = index > 0 and self.spans[index - 1].end > start
        return before or (index < len(self.starts) and self.starts[index] < end)

    def add(self, suggestion: Suggestion) -> None:
        index = bisect_right(self.starts, suggestion.start)
        self.starts.insert(index, suggestion.start)
        self.spans.insert(index, suggestion)


def describe(suggestion: Suggestion, country_name: Callable[[str], str] = str) -> str:
    """A suggestion as the status line names it, with what it carries."""
    said = [f"{suggestion.label} {quoted(suggestion.text)}"]
    carried = attributes.describe(suggestion.attrs, country_name)
    if carried:
        said.append(carried)
    if suggestion.source == LEARNED:
        said.append("as tagged before")
    return " · ".join(said)
