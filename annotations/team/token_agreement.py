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

    def values(self, spans: Iterable[Span], order: Sequence[str]) -> list[int]:
        """Each token's value for one coder's spans: labels painted from the last in the
        order to the first, so the first wins where several overlap; other labels ignored."""
        rank = {label: i for i, label in enumerate(order, 1)}
        values = [NONE] * len(self.starts)
        for label, start, end in sorted((s for s in spans if s[0] in rank), key=lambda s: -rank[s[0]]):
            first, last = bisect_right(self.ends, start), bisect_left(self.starts, end)
            if last > first:
                values[first:last] = [rank[label]] * (last - first)
        return values


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


def fleiss_kappa(counts: Sequence[Sequence[int]]) -> float:
    """Fleiss' kappa: a row per subject, how many raters gave each category (every row
    the same number of raters)."""
    return _fleiss([(row, 1) for row in counts])


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
