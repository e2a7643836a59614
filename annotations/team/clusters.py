"""Every pair of coders' span tallies at once, quick enough for 10 coders × 1,000 articles.

Per article and label, all coders' extents fall into clusters: extents that overlap,
directly or through others. Two coders' spans are paired, and disagree, only within a
cluster, so a pair's tally is a sum over clusters. In a cluster, coders who marked the
same extents form a group (a bit mask of coders); what two groups come to is tallied
once and added under the two masks. Masks repeat across clusters (most often: everyone
marked it, or all but one), so the sums are handed out to the pairs of coders at the
end, once a mask pair: the work grows with the clusters, not with clusters × pairs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from .spans_agreement import Extent, PairTally, Side, tally

Labelled = dict[str, dict[str, list[Extent]]]  # one coder's: article → label → extents (by_label)
Tallies = tuple[dict[str, PairTally], Counter[str]]  # per label: a pair's tally; its unitizing distances
Signature = tuple[Extent, ...]  # what one coder marked in a cluster
Tallied = tuple[int, int, int, int, int]


class _Sums:
    """Per (label, mask, mask): summed exact matches, matches by overlap, and unitizing
    distances (over the articles every coder coded)."""

    def __init__(self) -> None:
        self.sums: dict[tuple[str, int, int], list[int]] = {}
        self.known: dict[tuple[Signature, Signature], Tallied] = {}

    def add(self, label: str, first: tuple[Signature, int], second: tuple[Signature, int], counted: bool) -> None:
        (a, mask_a), (b, mask_b) = first, second
        if len(a) == 1 and (b == a or not b):  # one extent: both marked it, or only one did
            found: Tallied = (1, 1, 1, 1, 0) if b else (0, 0, 1, 0, (a[0][1] - a[0][0]) ** 2)
        else:
            key = (a, b) if a <= b else (b, a)
            known = self.known.get(key)
            if known is None:
                known = self.known[key] = tally(Side.of(list(key[0])), Side.of(list(key[1])))
            found = known
        slot = self.sums.get((label, mask_a, mask_b))
        if slot is None:
            slot = self.sums[label, mask_a, mask_b] = [0, 0, 0]
        slot[0] += found[0]
        slot[1] += found[1]
        if counted:
            slot[2] += found[4]

    def cluster(self, label: str, groups: dict[Signature, int], coded: int, counted: bool) -> None:
        """One cluster: its groups (signature → mask), and the coders who coded its article."""
        held = 0
        for mask in groups.values():
            held |= mask
        items = list(groups.items())
        if coded & ~held:
            items.append(((), coded & ~held))
        for at, first in enumerate(items):  # (the group that marked nothing is last)
            if first[0] and first[1] & (first[1] - 1):  # two or more coders marked the same
                self.add(label, first, first, counted)
            for second in items[at + 1 :]:
                self.add(label, first, second, counted)


def _bits(mask: int) -> Iterator[int]:
    at = 0
    while mask:
        if mask & 1:
            yield at
        mask >>= 1
        at += 1


def pair_tallies(
    coders: Sequence[Labelled], pair_articles: dict[tuple[int, int], list[str]], everyone: set[str]
) -> dict[tuple[int, int], Tallies]:
    """Per pair of coders (by index), per label: their tally over the articles both
    coded, and their summed unitizing distances over the articles every coder coded."""
    sums = _Sums()
    spans: list[dict[str, dict[str, int]]] = [{} for _ in coders]  # label → article → extents
    for article in sorted({article for coding in coders for article in coding}):
        holders = [i for i, coding in enumerate(coders) if article in coding]
        coded = sum(1 << i for i in holders)
        for label in sorted({label for i in holders for label in coders[i][article]}):
            held = [(i, coders[i][article].get(label, [])) for i in holders]
            for i, extents in held:
                spans[i].setdefault(label, {})[article] = len(extents)
            for groups in _clusters(held):
                sums.cluster(label, groups, coded, article in everyone)
    result: dict[tuple[int, int], Tallies] = {}
    for i, j in pair_articles:
        both = set(pair_articles[i, j])
        totals = {
            label: PairTally(first=_spans(spans[i].get(label, {}), both), second=_spans(spans[j].get(label, {}), both))
            for label in spans[i].keys() | spans[j].keys()
        }
        result[i, j] = totals, Counter()
    for (label, mask_a, mask_b), (exact, overlapping, distance) in sums.sums.items():
        pairs = (
            [(i, j) for i in _bits(mask_a) for j in _bits(mask_a) if i < j]
            if mask_a == mask_b
            else [(min(i, j), max(i, j)) for i in _bits(mask_a) for j in _bits(mask_b)]
        )
        for pair in pairs:
            totals, distances = result[pair]
            totals[label].exact += exact
            totals[label].overlapping += overlapping
            distances[label] += distance
    return result


def _clusters(held: list[tuple[int, list[Extent]]]) -> list[dict[Signature, int]]:
    """The clusters of one article and label: for each, what each group marked (its
    signature) and who (a mask)."""
    cluster_of: dict[Extent, int] = {}
    reach, count = -1, 0
    for extent in sorted({x for _, extents in held for x in extents}):
        if extent[0] >= reach:
            count += 1
        cluster_of[extent] = count - 1
        reach = max(reach, extent[1])
    groups: list[dict[Signature, int]] = [{} for _ in range(count)]
    for i, extents in held:
        if not extents:
            continue
        mine: dict[int, list[Extent]] = {}
        for extent in extents:
            mine.setdefault(cluster_of[extent], []).append(extent)
        for cid, found in mine.items():
            signature = tuple(found)
            groups[cid][signature] = groups[cid].get(signature, 0) | 1 << i
    return groups


def _spans(per_article: dict[str, int], articles: set[str]) -> int:
    if len(per_article) <= len(articles) and articles.issuperset(per_article):
        return sum(per_article.values())
    return sum(n for article, n in per_article.items() if article in articles)
