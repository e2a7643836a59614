"""Agreement on spans, the parts agreement.py and clusters.py build their figures from:
F1 (exact and by overlap) from a pair's tally, Krippendorff's alpha for unitizing from
the observed and expected disagreements. (The whole measures taken the plain way, pair
by pair, are the tests' oracle: tests/core/agreement_reference.py.)

Plain data: a span is (label, start, end), end exclusive; a coder's coding maps each
article to its spans. alpha for unitizing is computed as DKPro Agreement's
KrippendorffAlphaUnitizingAgreement (INCEpTION's) computes it, in closed form: its sweep
adds (Δbegin² + Δend²) for every two overlapping units of two coders, and length² for a
unit that overlaps none of the other coder's (it lies in a gap); its expected
disagreement is Krippendorff's (1995) over every coder's units and gaps. Several
articles lie end to end on one continuum, in the order given.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import accumulate

Span = tuple[str, int, int]
Extent = tuple[int, int]  # (start, end) of one label's span


class NotComputable(ValueError):
    """A measure without a value here; the message says why (shown beside its null)."""


@dataclass
class PairTally:
    """What two coders' spans of one label in one article come to."""

    exact: int = 0  # spans both have, same start and end
    overlapping: int = 0  # spans paired one to one by largest overlap
    first: int = 0  # spans of the first coder
    second: int = 0
    disagreement: int = 0  # DKPro's observed disagreement, before it is scaled

    def add(self, counts: tuple[int, int, int, int, int]) -> None:
        self.exact += counts[0]
        self.overlapping += counts[1]
        self.first += counts[2]
        self.second += counts[3]
        self.disagreement += counts[4]

    def counts(self) -> tuple[int, int, int, int, int]:
        return self.exact, self.overlapping, self.first, self.second, self.disagreement


def by_label(spans: Iterable[Span]) -> dict[str, list[Extent]]:
    """Each label's extents, sorted, each once; empty spans left out (they cover nothing)."""
    found: dict[str, set[Extent]] = {}
    for label, start, end in spans:
        if end > start:
            found.setdefault(label, set()).add((start, end))
    return {label: sorted(extents) for label, extents in found.items()}


def merged(extents: list[Extent]) -> list[Extent]:
    """One coder's extents with the overlapping ones joined (DKPro leaves a coder's
    overlapping units of one category undefined); the same list when none overlap."""
    if all(extents[i][1] <= extents[i + 1][0] for i in range(len(extents) - 1)):
        return extents
    joined: list[Extent] = []
    for start, end in extents:
        if joined and start < joined[-1][1]:
            joined[-1] = (joined[-1][0], max(end, joined[-1][1]))
        else:
            joined.append((start, end))
    return joined


def _alone(extents: list[Extent]) -> frozenset[Extent]:
    """The extents that overlap no other of the same list (sorted by start)."""
    alone = []
    reach = -1
    last = len(extents) - 1
    for i, (start, end) in enumerate(extents):
        if reach <= start and (i == last or extents[i + 1][0] >= end):
            alone.append((start, end))
        if end > reach:
            reach = end
    return frozenset(alone)


@dataclass(frozen=True, slots=True)
class Side:
    """One coder's extents of one label in one article, with what every pair asks of them."""

    extents: list[Extent]  # sorted, each once
    members: frozenset[Extent]
    alone: frozenset[Extent]  # those overlapping no other of this coder's
    units: list[Extent]  # overlapping ones joined: DKPro's units

    @classmethod
    def of(cls, extents: list[Extent]) -> Side:
        alone = _alone(extents)
        members = frozenset(extents)
        return cls(extents, members, alone, extents if len(alone) == len(extents) else merged(extents))


def _overlaps(a: list[Extent], b: list[Extent]) -> list[tuple[int, Extent, Extent]]:
    """(overlap, x, y) for every x of a and y of b that overlap (both sorted by start)."""
    if not a or not b:
        return []
    starts = [start for start, _ in b]
    reach = list(accumulate((end for _, end in b), max))
    found = []
    for x in a:
        for y in b[bisect_right(reach, x[0]) : bisect_left(starts, x[1])]:
            if y[1] > x[0]:
                found.append((min(x[1], y[1]) - max(x[0], y[0]), x, y))
    return found


def tally(a: Side, b: Side) -> tuple[int, int, int, int, int]:
    """Two coders' extents of one label in one article: (exact matches, matches by
    overlap, |a|, |b|, DKPro's observed disagreement before it is scaled)."""
    common = a.members & b.members
    # An extent both have that overlaps nothing else of either is paired with itself and
    # adds no disagreement: most of them, when coders agree; only the rest are compared.
    settled = common & a.alone & b.alone if common else common
    if len(settled) == len(a.extents) == len(b.extents):
        return len(common), len(common), len(settled), len(settled), 0
    rest_a = [x for x in a.extents if x not in settled] if settled else a.extents
    rest_b = [y for y in b.extents if y not in settled] if settled else b.extents
    overlapping = len(settled) + _paired(_overlaps(rest_a, rest_b))
    if a.units is a.extents and b.units is b.extents:
        units_a, units_b = rest_a, rest_b
    else:
        units_a = [x for x in a.units if x not in settled] if settled else a.units
        units_b = [y for y in b.units if y not in settled] if settled else b.units
    return len(common), overlapping, len(a.extents), len(b.extents), _observed(units_a, units_b)


def _paired(candidates: list[tuple[int, Extent, Extent]]) -> int:
    """How many one-to-one pairs the largest overlaps make, taken greedily. The order
    does not depend on which coder is first: ties go by the two extents, smaller first,
    and two candidates tied on that are mirror images that share no extent."""
    candidates.sort(key=lambda c: (-c[0], min(c[1], c[2]), max(c[1], c[2])))
    used_a: set[Extent] = set()
    used_b: set[Extent] = set()
    for _, x, y in candidates:
        if x not in used_a and y not in used_b:
            used_a.add(x)
            used_b.add(y)
    return len(used_a)


def _observed(a: list[Extent], b: list[Extent]) -> int:
    """DKPro's sweep of two coders' units (no coder's overlapping): the sum of its distances."""
    total = 0
    met_a: set[Extent] = set()
    met_b: set[Extent] = set()
    for _, x, y in _overlaps(a, b):
        total += (x[0] - y[0]) ** 2 + (x[1] - y[1]) ** 2
        met_a.add(x)
        met_b.add(y)
    total += sum((end - start) ** 2 for start, end in a if (start, end) not in met_a)
    total += sum((end - start) ** 2 for start, end in b if (start, end) not in met_b)
    return total


def f1(tallied: PairTally, overlap: bool) -> float:
    """2·matches / (|A| + |B|)."""
    if not tallied.first + tallied.second:
        raise NotComputable("neither coder tagged anything")
    matches = tallied.overlapping if overlap else tallied.exact
    return 2 * matches / (tallied.first + tallied.second)


@dataclass(frozen=True)
class Continuum:
    """Articles end to end: where each starts, and the whole length."""

    starts: dict[str, int]
    length: int

    @classmethod
    def of(cls, lengths: Mapping[str, int]) -> Continuum:
        starts = dict(zip(lengths, accumulate(lengths.values(), initial=0)))
        return cls(starts, sum(lengths.values()))


def expected_disagreement(units: Sequence[list[Extent]], continuum_length: int) -> float:
    """Krippendorff's (1995) expected disagreement for one category, as DKPro computes it
    (in whole numbers until the one division): units holds each coder's units of it on
    the continuum, sorted and not overlapping."""
    coders, length = len(units), continuum_length
    gaps = []
    for mine in units:
        at = 0
        for start, end in mine:
            if start > at:
                gaps.append(start - at)
            at = end
        if length > at:
            gaps.append(length - at)
    gaps.sort()
    above = list(accumulate(reversed([gap + 1 for gap in gaps]), initial=0))  # sums of the largest
    sizes = Counter(end - start for mine in units for start, end in mine)
    count = sum(sizes.values())
    total = 0
    for size, times in sizes.items():  # units of one length add the same: a few dozen lengths, not 100,000 units
        longer = len(gaps) - bisect_left(gaps, size)
        each = (count - 1) * size * (size - 1) * (2 * size - 1) // 3 + size * size * (above[longer] - size * longer)
        total += times * each
    squares = sum(times * size * (size - 1) for size, times in sizes.items())
    denominator = length * (coders * length * (coders * length - 1) - squares)
    if not total or not denominator:
        raise NotComputable("no expected disagreement: nothing to tell from chance")
    return 2 * total / denominator


def observed_disagreement(summed: int, coders: int, continuum_length: int) -> float:
    """The pairs' summed distances (tally's disagreement) scaled as DKPro scales them."""
    return 2 * summed / (coders * (coders - 1) * continuum_length**2)


def alpha_from(disagreements: Iterable[tuple[float, float]]) -> float:
    """αu = 1 − mean observed / mean expected, over the categories given (DKPro: one
    category's α is 0 when its two disagreements are equal)."""
    pairs = list(disagreements)
    if not pairs:
        raise NotComputable("no spans")
    observed = sum(o for o, _ in pairs) / len(pairs)
    expected = sum(e for _, e in pairs) / len(pairs)
    return 0.0 if observed == expected else 1 - observed / expected
