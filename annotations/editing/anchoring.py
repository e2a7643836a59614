"""Re-anchor annotations after their article's text changed, as the Hypothesis client does.

A tag moved (or orphaned) here keeps its `updated` time: that records a person's change.

Every annotation keeps its quote with 32 characters of context each side. When the
article's hash no longer matches: the exact quote nearest the old position, if its
context still agrees; else a fuzzy match scored on quote, prefix, suffix and distance,
above a minimum score, with the same numbers in it ("340 homes" is never moved onto "345
homes": its value would be wrong); else the annotation is kept, flagged orphaned, never
moved onto other words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from difflib import SequenceMatcher

from ..model import ANCHORED, ORPHANED, QUOTE_CONTEXT, Annotation, Article

_DIGITS = re.compile(r"\d+")
MIN_QUOTE = 0.75  # how alike a fuzzy match's text must be to the quote
MIN_SCORE = 0.70  # the weighted score a fuzzy match must reach
MIN_CONTEXT = 0.30  # how alike the context of an exact match elsewhere must be
MAX_CANDIDATES = 200
PROGRESS_EVERY = 500


def _alike(a: str, b: str) -> float:
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _context_score(text: str, start: int, end: int, annotation: Annotation) -> float:
    """How well the text around [start, end) agrees with the stored prefix and suffix."""
    prefix = text[max(0, start - QUOTE_CONTEXT) : start]
    suffix = text[end : end + QUOTE_CONTEXT]
    return (_alike(annotation.prefix, prefix) + _alike(annotation.suffix, suffix)) / 2


def _moved(annotation: Annotation, article: Article, start: int, end: int) -> Annotation:
    text = article.text
    return replace(
        annotation,
        article_sha256=article.sha256,
        start=start,
        end=end,
        text=text[start:end],
        prefix=text[max(0, start - QUOTE_CONTEXT) : start],
        suffix=text[end : end + QUOTE_CONTEXT],
        status=ANCHORED,
    )


def _nearest(starts: list[int], old: int) -> list[int]:
    return sorted(starts, key=lambda s: abs(s - old))[:MAX_CANDIDATES]


def _exact(text: str, annotation: Annotation) -> tuple[int, int] | None:
    quote = annotation.text
    found = [m.start() for m in re.finditer(re.escape(quote), text)]
    for start in _nearest(found, annotation.start):
        if _context_score(text, start, start + len(quote), annotation) >= MIN_CONTEXT:
            return start, start + len(quote)
    return None


def _fuzzy(text: str, annotation: Annotation) -> tuple[int, int] | None:
    """Candidates from where the quote's head, tail or context still stand exactly."""
    quote, length = annotation.text, len(annotation.text)
    k = max(1, min(8, length // 3))
    spans: set[tuple[int, int]] = set()
    heads = [m.start() for m in re.finditer(re.escape(quote[:k]), text)]
    tails = [m.end() for m in re.finditer(re.escape(quote[-k:]), text)]
    if annotation.prefix:
        heads += [m.end() for m in re.finditer(re.escape(annotation.prefix[-k:]), text)]
    if annotation.suffix:
        tails += [m.start() for m in re.finditer(re.escape(annotation.suffix[:k]), text)]
    heads, tails = _nearest(heads, annotation.start), _nearest(tails, annotation.end)
    for start in heads:
        spans.add((start, start + length))
        spans.update((start, end) for end in tails if length // 2 <= end - start <= length * 2 + 8)
    spans.update((end - length, end) for end in tails if end >= length)
    best, best_score = None, 0.0
    size = max(1, len(text))
    numbers = _DIGITS.findall(quote)
    for start, end in spans:
        quote_score = _alike(quote, text[start:end])
        if quote_score < MIN_QUOTE or _DIGITS.findall(text[start:end]) != numbers:
            continue  # words changed a little may be the same words; a number changed is another figure
        distance = abs(start - annotation.start) / size
        score = 0.6 * quote_score + 0.4 * _context_score(text, start, end, annotation) - 0.05 * distance
        if score > best_score:
            best, best_score = (start, end), score
    return best if best_score >= MIN_SCORE else None


def reanchor(annotation: Annotation, article: Article) -> Annotation:
    """The annotation placed in the article's current text, or flagged orphaned."""
    if annotation.article_sha256 == article.sha256 and annotation.status == ANCHORED:
        return annotation
    text = article.text
    start, end = annotation.start, annotation.end
    span: tuple[int, int] | None
    if text[start:end] == annotation.text and _context_score(text, start, end, annotation) >= MIN_CONTEXT:
        span = (start, end)
    else:
        span = _exact(text, annotation) or _fuzzy(text, annotation)
    if span is None:
        if annotation.status == ORPHANED and annotation.article_sha256 == article.sha256:
            return annotation
        return replace(annotation, article_sha256=article.sha256, status=ORPHANED)
    return _moved(annotation, article, *span)


def reanchor_all(
    annotations: list[Annotation], article: Article, progress: Callable[[int, int], None] | None = None
) -> list[Annotation]:
    """Every annotation placed in the article's current text, in the order given.

    An edited article is mostly shifted: text inserted or cut somewhere moves everything
    after it by the same amount. So each tag (in text order) is first looked for where
    the one before it moved to, and taken there when its quote and its whole stored
    context stand there exactly; only the others are searched for (reanchor). 10,000 tags
    after an insertion at the top cost a slice comparison each, not a search of the text.
    progress(done, total) is told every PROGRESS_EVERY tags.
    """
    placed: dict[str, Annotation] = {}
    shift = 0
    for done, annotation in enumerate(sorted(annotations, key=lambda a: a.start)):
        if progress is not None and done and done % PROGRESS_EVERY == 0:
            progress(done, len(annotations))
        moved = _shifted(annotation, article, shift)
        if moved is None:
            moved = reanchor(annotation, article)
        if moved.status == ANCHORED and moved is not annotation:
            shift = moved.start - annotation.start
        placed[annotation.id] = moved
    return [placed[a.id] for a in annotations]


def _shifted(annotation: Annotation, article: Article, shift: int) -> Annotation | None:
    """The annotation moved by shift, if its quote and full context stand exactly there."""
    if annotation.article_sha256 == article.sha256 and annotation.status == ANCHORED:
        return annotation
    text, quote = article.text, annotation.text
    start = annotation.start + shift
    end = start + len(quote)
    if start < 0 or text[start:end] != quote or not quote:
        return None
    if text[max(0, start - len(annotation.prefix)) : start] != annotation.prefix:
        return None
    if text[end : end + len(annotation.suffix)] != annotation.suffix:
        return None
    return _moved(annotation, article, start, end)
