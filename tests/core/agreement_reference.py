"""The agreement measures taken the plain way, one pair and one article at a time: a
test oracle for annotations/team/agreement.py, which tallies every pair at once by
clusters of overlapping spans (clusters.py). Never imported by reader.

f1 pairs spans in plain code, every span against every other, by the rule
spans_agreement.py documents (exact: same label, start and end; by overlap: one to one,
the largest overlaps first, ties by the two extents, smaller first), not by its tally;
the observed disagreement of unitizing is DKPro Agreement's own sweep
(KrippendorffAlphaUnitizingAgreement's calculateObservedCategoryDisagreement, ported
line for line), not the product's closed form; Fleiss' kappa is the textbook formula on
a table of counts.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from itertools import combinations

from annotations.team import NotComputable
from annotations.team.spans_agreement import (
    Continuum,
    Extent,
    Span,
    alpha_from,
    by_label,
    expected_disagreement,
    merged,
    observed_disagreement,
)

Coding = Mapping[str, Sequence[Span]]  # article id → spans


def _extents(coding: Coding, article: str, label: str) -> set[Extent]:
    """One coder's spans of one label in one article, each once, the empty ones left out."""
    return {(start, end) for name, start, end in coding.get(article, ()) if name == label and end > start}


def _by_overlap(mine: set[Extent], theirs: set[Extent]) -> int:
    """How many one-to-one pairs of overlapping spans, the largest overlaps taken first."""
    candidates = []
    for x in mine:
        for y in theirs:
            overlap = min(x[1], y[1]) - max(x[0], y[0])
            if overlap > 0:
                candidates.append((overlap, x, y))
    candidates.sort(key=lambda c: (-c[0], min(c[1], c[2]), max(c[1], c[2])))
    paired_mine: set[Extent] = set()
    paired_theirs: set[Extent] = set()
    for _, x, y in candidates:
        if x not in paired_mine and y not in paired_theirs:
            paired_mine.add(x)
            paired_theirs.add(y)
    return len(paired_mine)


def _f1(a: Coding, b: Coding, label: str | None, matches: Callable[[set[Extent], set[Extent]], int]) -> float:
    """2·matches / (|A| + |B|), over every article and one label or every label."""
    labels = {name for coding in (a, b) for spans in coding.values() for name, _, _ in spans}
    matched = total = 0
    for article in {*a, *b}:
        for name in labels if label is None else {label}:
            mine, theirs = _extents(a, article, name), _extents(b, article, name)
            matched += matches(mine, theirs)
            total += len(mine) + len(theirs)
    if not total:
        raise NotComputable("neither coder tagged anything")
    return 2 * matched / total


def f1_exact(a: Coding, b: Coding, label: str | None = None) -> float:
    """Spans match when label, start and end are equal."""
    return _f1(a, b, label, lambda mine, theirs: len(mine & theirs))


def f1_overlap(a: Coding, b: Coding, label: str | None = None) -> float:
    """Spans of one label match when they overlap, paired one to one by largest overlap."""
    return _f1(a, b, label, _by_overlap)


def dkpro_sweep(units1: list[Extent], units2: list[Extent], length: int) -> int:
    """DKPro's calculateObservedCategoryDisagreement for two raters of one category,
    line for line (its units sorted by begin, none of a rater's overlapping), before
    it is scaled."""

    def distance(o1: int, l1: int, c1: bool, o2: int, l2: int, c2: bool) -> int:
        begin, diff = o1 - o2, l1 - l2
        if c1 and c2 and -l1 < begin < l2:
            return begin * begin + (begin + diff) * (begin + diff)
        if c1 and not c2 and -diff >= begin >= 0:
            return l1 * l1
        if not c1 and c2 and -diff <= begin <= 0:
            return l2 * l2
        return 0

    it1, it2 = iter(units1), iter(units2)
    next1, next2 = next(it1, None), next(it2, None)
    offset1 = offset2 = length1 = length2 = pos = 0
    cat1 = cat2 = False
    result = 0
    while pos < length and (next1 is not None or next2 is not None):
        if pos == offset1 + length1:
            if next1 is not None and pos == next1[0]:
                length1, cat1, next1 = next1[1] - next1[0], True, next(it1, None)
            else:
                length1, cat1 = (next1[0] if next1 is not None else length) - pos, False
            offset1 = pos
        if pos == offset2 + length2:
            if next2 is not None and pos == next2[0]:
                length2, cat2, next2 = next2[1] - next2[0], True, next(it2, None)
            else:
                length2, cat2 = (next2[0] if next2 is not None else length) - pos, False
            offset2 = pos
        result += distance(offset1, length1, cat1, offset2, length2, cat2)
        pos = min(offset1 + length1, offset2 + length2)
    return result


def unitizing_disagreements(coders: Sequence[Coding], lengths: Mapping[str, int]) -> dict[str, tuple[float, float]]:
    """Per label, (observed, expected) disagreement over the articles of lengths, laid
    end to end in that order; every coder coded every one of them."""
    if len(coders) < 2:
        raise NotComputable("one coder")
    continuum = Continuum.of(lengths)
    labelled = [{article: by_label(coding.get(article, ())) for article in lengths} for coding in coders]
    labels = sorted({label for coding in labelled for extents in coding.values() for label in extents})
    result = {}
    for label in labels:
        per_coder = [{a: merged(extents.get(label, [])) for a, extents in coding.items()} for coding in labelled]
        summed = sum(
            dkpro_sweep(first[article], second[article], lengths[article])
            for first, second in combinations(per_coder, 2)
            for article in lengths
        )
        units = [
            [(continuum.starts[a] + s, continuum.starts[a] + e) for a in lengths for s, e in mine[a]]
            for mine in per_coder
        ]
        expected = expected_disagreement(units, continuum.length)
        result[label] = (observed_disagreement(summed, len(coders), continuum.length), expected)
    return result


def alpha_unitizing(coders: Sequence[Coding], lengths: Mapping[str, int], label: str | None = None) -> float:
    """Krippendorff's αu over one label, or over all (their disagreements averaged)."""
    found = unitizing_disagreements(coders, lengths)
    if label is not None:
        if label not in found:
            raise NotComputable(f"no {label} spans")
        return alpha_from([found[label]])
    return alpha_from(found.values())


def fleiss_kappa(counts: Sequence[Sequence[int]]) -> float:
    """Fleiss' kappa: a row per subject, how many raters gave each category (every row
    the same number of raters)."""
    subjects, raters = len(counts), sum(counts[0])
    agreement = sum((sum(n * n for n in row) - raters) / (raters * (raters - 1)) for row in counts) / subjects
    shares = [sum(row[j] for row in counts) / (subjects * raters) for j in range(len(counts[0]))]
    chance = sum(p * p for p in shares)
    return (agreement - chance) / (1 - chance)
