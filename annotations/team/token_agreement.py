"""Agreement on tokens: Krippendorff's alpha (nominal), Cohen's and Fleiss' kappa.

The units are each article's `\\w+` tokens (Python re, Unicode). A token's value for a
coder is the label of the coder's span that overlaps it, the first in the label order
when several do (quote, figure, place, then the configured labels), or none. Values are
whole numbers: 0 is none, i is the i-th label of the order. A unit is the tuple of every
coder's value, None for a coder who did not code that article; the measures take the
distinct units with how often each occurs (a corpus has millions of tokens and a few
thousand distinct tuples).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import repeat

from .spans_agreement import NotComputable, Span

TOKEN = re.compile(r"\w+")
FIRST_LABELS = ("quote", "figure", "place")
NONE = 0

Unit = tuple[Hashable | None, ...]  # one token's value for each coder (None: not coded)


def label_order(configured: Sequence[str], found: Iterable[str] = ()) -> list[str]:
    """quote, figure, place, then the configured labels, then any other found (sorted)."""
    order = [*FIRST_LABELS, *configured]
    order += sorted(set(found) - set(order))
    return list(dict.fromkeys(order))


@dataclass(frozen=True)
class Tokens:
    starts: list[int]
    ends: list[int]

    @classmethod
    def of(cls, text: str) -> Tokens:
        spans = [match.span() for match in TOKEN.finditer(text)]
        return cls([start for start, _ in spans], [end for _, end in spans])

    def ranges(self, spans: Iterable[Span], rank: Mapping[str, int]) -> list[tuple[int, int, int]]:
        """(rank, first token, past the last token) of each span of a ranked label that covers a token."""
        found = []
        for label, start, end in spans:
            if label in rank:
                first, last = bisect_right(self.ends, start), bisect_left(self.starts, end)
                if last > first:
                    found.append((rank[label], first, last))
        return found

    def values(self, spans: Iterable[Span], order: Sequence[str]) -> list[int]:
        """Each token's value for one coder's spans (see the module's docstring)."""
        return _painted(len(self.starts), self.ranges(spans, {label: i for i, label in enumerate(order, 1)}))


def _painted(count: int, ranges: list[tuple[int, int, int]]) -> list[int]:
    """Labels painted from the last in the order to the first, so the first wins where several overlap."""
    values = [NONE] * count
    for rank, first, last in sorted(ranges, reverse=True):
        values[first:last] = [rank] * (last - first)
    return values


def _crossing(ranges: list[tuple[int, int, int]]) -> bool:
    """Whether spans of two labels share a token: swept by first token, keeping the
    furthest reach and the furthest of the other labels'."""
    top, top_rank, other = -1, -1, -1
    for rank, first, last in sorted(ranges, key=lambda r: r[1]):
        if (top if top_rank != rank else other) > first:
            return True
        if rank == top_rank:
            top = max(top, last)
        elif last > top:
            top, top_rank, other = last, rank, top
        else:
            other = max(other, last)
    return False


def token_units(
    texts: Mapping[str, str], coders: Sequence[Mapping[str, Sequence[Span]]], order: Sequence[str]
) -> dict[str | None, Counter[Unit]]:
    """Distinct units and their counts over the tokens of every article of texts: for
    all labels (key None: each token's value in the order) and for each label of the
    order (1 for a token of that label, else 0). coders holds each coder's spans per
    article they coded (an article a coder did not code is missing from theirs)."""
    rank = {label: i for i, label in enumerate(order, 1)}
    every: Counter[Unit] = Counter()  # all labels, articles where no two labels share a token
    by_label: dict[str | None, Counter[Unit]] = {label: Counter() for label in order}
    for article, text in texts.items():
        tokens = Tokens.of(text)
        count = len(tokens.starts)
        ranges = [tokens.ranges(c[article], rank) if article in c else None for c in coders]
        if all(r is None for r in ranges):
            continue  # nobody coded it (and the columns would never end)
        columns = [repeat(None) if r is None else _painted(count, r) for r in ranges]
        if any(r is not None and _crossing(r) for r in ranges):
            for label, at in rank.items():  # a label's own spans, as the others hide some of its tokens
                only = [
                    repeat(None) if r is None else _painted(count, [(1, f, t) for k, f, t in r if k == at])
                    for r in ranges
                ]
                by_label[label].update(zip(*only))
            by_label.setdefault(None, Counter()).update(zip(*columns))
        else:
            every.update(zip(*columns))
    for label, at in rank.items():  # where labels never share a token, a label's units follow from all labels'
        for unit, n in every.items():
            by_label[label][tuple(None if v is None else int(v == at) for v in unit)] += n
    by_label.setdefault(None, Counter()).update(every)
    return by_label


def alpha_nominal(units: Mapping[Unit, int]) -> float:
    """Krippendorff's alpha, nominal, from the coincidences of the values in each unit
    (units coded by fewer than two coders are not pairable and left out)."""
    agreeing = 0.0  # Σ o_cc, the coincidences of a value with itself
    totals: Counter[Hashable] = Counter()  # n_c
    for unit, count in units.items():
        values = Counter(value for value in unit if value is not None)
        coded = sum(values.values())
        if coded < 2:
            continue
        agreeing += count * sum(n * (n - 1) for n in values.values()) / (coded - 1)
        for value, n in values.items():
            totals[value] += n * count
    n = sum(totals.values())
    if not n:
        raise NotComputable("no token coded by two coders")
    spread = n * n - sum(c * c for c in totals.values())
    if not spread:
        raise NotComputable("no variation: one value throughout")
    return 1 - (n - 1) * (n - agreeing) / spread


def cohen_kappa(table: Sequence[Sequence[int]]) -> float:
    """Cohen's kappa from a square confusion table (rows: first coder's values)."""
    total = sum(map(sum, table))
    if not total:
        raise NotComputable("no token coded by both")
    observed = sum(table[i][i] for i in range(len(table))) / total
    columns = [sum(row[j] for row in table) for j in range(len(table))]
    expected = sum(sum(row) * column for row, column in zip(table, columns)) / total**2
    if expected == 1:
        raise NotComputable("no variation: one value throughout")
    return (observed - expected) / (1 - expected)


def confusion(units: Mapping[Unit, int], first: int, second: int) -> list[list[int]]:
    """The confusion table of coders first and second over the units both coded."""
    pairs: Counter[tuple[Hashable, Hashable]] = Counter()
    for unit, count in units.items():
        a, b = unit[first], unit[second]
        if a is not None and b is not None:
            pairs[a, b] += count
    values = sorted({v for pair in pairs for v in pair}, key=repr)
    at = {value: i for i, value in enumerate(values)}
    table = [[0] * len(values) for _ in values]
    for (a, b), count in pairs.items():
        table[at[a]][at[b]] += count
    return table


def fleiss_of_units(units: Mapping[Unit, int]) -> float:
    """Fleiss' kappa over the units every coder coded."""
    complete = [(unit, count) for unit, count in units.items() if None not in unit]
    values = sorted({value for unit, _ in complete for value in unit}, key=repr)
    return _fleiss([([unit.count(value) for value in values], count) for unit, count in complete])


def _fleiss(rows: Sequence[tuple[Sequence[int], int]]) -> float:
    subjects = sum(weight for _, weight in rows)
    raters = sum(rows[0][0]) if rows else 0
    if not subjects:
        raise NotComputable("no token coded by every coder")
    if raters < 2:
        raise NotComputable("one coder")
    if any(sum(row) != raters for row, _ in rows):
        raise NotComputable("not every subject has the same number of raters")
    agreement = sum(weight * (sum(n * n for n in row) - raters) for row, weight in rows)
    mean_agreement = agreement / (subjects * raters * (raters - 1))
    shares = [sum(weight * row[j] for row, weight in rows) / (subjects * raters) for j in range(len(rows[0][0]))]
    chance = sum(p * p for p in shares)
    if chance == 1:
        raise NotComputable("no variation: one value throughout")
    return (mean_agreement - chance) / (1 - chance)
