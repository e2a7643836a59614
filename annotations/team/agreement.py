"""How well coders agree: every measure, per label and over all labels, from plain data.

A coder is a name, their spans per article and the articles they coded (marked done or
tagged something in). A pair's figures rest on the articles both coded; alpha for
unitizing and Fleiss' kappa on those every coder coded; alpha nominal on every token
of an article at least two coded (the others' values missing). A figure that cannot be
computed is None with the reason, never a made-up number.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import combinations

from .clusters import Labelled, Tallies, pair_tallies
from .spans_agreement import (
    Continuum,
    NotComputable,
    PairTally,
    Span,
    alpha_from,
    by_label,
    expected_disagreement,
    f1,
    merged,
    observed_disagreement,
)
from .token_agreement import Unit, alpha_nominal, cohen_kappa, confusion, fleiss_of_units, label_order, token_units

ALL = "all"
MEASURES = ("f1_exact", "f1_overlap", "alpha_unitizing", "alpha_nominal", "cohen_kappa", "fleiss_kappa")


@dataclass(frozen=True)
class Coder:
    name: str
    spans: Mapping[str, Sequence[Span]]  # article id → spans
    coded: frozenset[str]  # articles marked done or tagged


@dataclass(frozen=True)
class Figure:
    measure: str
    label: str
    pair: tuple[str, str] | None  # None: over every coder (or the mean over the pairs)
    value: float | None
    n: int  # articles the figure rests on
    reason: str = ""  # why value is None


@dataclass
class Report:
    articles: int  # coded by at least two coders
    coders: list[str]
    figures: list[Figure] = field(default_factory=list)


def agreement(coders: Sequence[Coder], texts: Mapping[str, str], configured: Sequence[str] = ()) -> Report:
    """Every measure for coders over the articles of texts (id → text, in corpus order);
    labels in the label order (quote, figure, place, the configured, any other found)."""
    names = [coder.name for coder in coders]
    coded = [coder.coded & texts.keys() for coder in coders]
    counted = [a for a in texts if sum(a in mine for mine in coded) >= 2]
    report = Report(len(counted), names)
    labelled = [{a: by_label(coder.spans.get(a, ())) for a in mine} for coder, mine in zip(coders, coded)]
    found = {label for coding in labelled for extents in coding.values() for label in extents}
    labels = [
        label for label in label_order(configured, found) if label in found or label in configured
    ]  # every asked-for label, null with its reason when nobody used it
    pairs = list(combinations(range(len(coders)), 2))
    everyone = [a for a in counted if all(a in mine for mine in coded)]
    pair_articles = {(i, j): [a for a in counted if a in coded[i] and a in coded[j]] for i, j in pairs}
    tallies = pair_tallies(labelled, pair_articles, set(everyone))
    unitizing = _unitizing(labels, labelled, tallies, everyone, texts, len(coders))
    figures = report.figures
    for label in [*labels, ALL]:
        chosen = labels if label == ALL else [label]
        for measure in ("f1_exact", "f1_overlap"):
            figures += _f1_figures(measure, label, chosen, names, tallies, pair_articles)
        figures.append(_alpha_unitizing(label, chosen, unitizing, everyone, len(coders)))
    spans = [{a: coder.spans.get(a, ()) for a in mine} for coder, mine in zip(coders, coded)]
    figures += _token_figures(names, spans, labels, counted, everyone, texts, pair_articles)
    order = {measure: i for i, measure in enumerate(MEASURES)}
    label_at = {label: i for i, label in enumerate([*labels, ALL])}
    figures.sort(key=lambda f: (order[f.measure], label_at[f.label]))  # stable: pairs keep their order
    return report


def _f1_figures(
    measure: str,
    label: str,
    chosen: list[str],
    names: list[str],
    tallies: dict[tuple[int, int], Tallies],
    pair_articles: dict[tuple[int, int], list[str]],
) -> list[Figure]:
    figures, values = [], []
    for (i, j), (totals, _) in tallies.items():
        summed = PairTally()
        for name in chosen:
            summed.add(totals.get(name, PairTally()).counts())
        value, reason = _computed(partial(f1, summed, overlap=measure == "f1_overlap"))
        n = len(pair_articles[i, j])
        if not n:
            value, reason = None, "no article both coded"
        figures.append(Figure(measure, label, (names[i], names[j]), value, n, reason))
        if value is not None:
            values.append(value)
    if len(tallies) > 1:
        n = len({a for articles in pair_articles.values() for a in articles})
        if values:
            figures.append(Figure(measure, label, None, sum(values) / len(values), n))
        else:
            figures.append(Figure(measure, label, None, None, n, "no pair has a value"))
    elif not tallies:
        figures.append(Figure(measure, label, None, None, 0, "one coder"))
    return figures


def _unitizing(
    labels: list[str],
    labelled: list[Labelled],
    tallies: dict[tuple[int, int], Tallies],
    everyone: list[str],
    texts: Mapping[str, str],
    coders: int,
) -> dict[str, tuple[float, float] | str]:
    """Per label, its (observed, expected) disagreement over the articles every coder
    coded, laid end to end; or why there is none."""
    if coders < 2:
        return dict.fromkeys(labels, "one coder")
    if not everyone:
        return dict.fromkeys(labels, "no article coded by every coder")
    continuum = Continuum.of({a: len(texts[a]) for a in everyone})
    found: dict[str, tuple[float, float] | str] = {}
    for label in labels:
        units = []
        for coding in labelled:
            mine = []
            for article in everyone:
                extents = coding[article].get(label)
                if extents:
                    at = continuum.starts[article]
                    mine += [(at + start, at + end) for start, end in merged(extents)]
            units.append(mine)
        if not any(units):
            found[label] = f"no {label} spans in the articles every coder coded"
            continue
        try:
            expected = expected_disagreement(units, continuum.length)
        except NotComputable as error:
            found[label] = str(error)
            continue
        summed = sum(distances[label] for _, distances in tallies.values())
        found[label] = (observed_disagreement(summed, coders, continuum.length), expected)
    return found


def _alpha_unitizing(
    label: str, chosen: list[str], unitizing: dict[str, tuple[float, float] | str], everyone: list[str], coders: int
) -> Figure:
    disagreements = [found for name in chosen if not isinstance(found := unitizing[name], str)]
    if not disagreements:
        reason = "one coder" if coders < 2 else "no article coded by every coder" if not everyone else "no spans"
        reason = next((found for name in chosen if isinstance(found := unitizing[name], str)), reason)
        return Figure("alpha_unitizing", label, None, None, len(everyone) if coders > 1 else 0, reason)
    return Figure("alpha_unitizing", label, None, alpha_from(disagreements), len(everyone))


def _token_figures(
    names: list[str],
    spans: list[dict[str, Sequence[Span]]],
    labels: list[str],
    counted: list[str],
    everyone: list[str],
    texts: Mapping[str, str],
    pair_articles: dict[tuple[int, int], list[str]],
) -> list[Figure]:
    """alpha nominal, Cohen's kappa per pair and Fleiss' kappa, per label (its tokens
    against the rest) and over all labels (each token's value in the label order)."""
    units = token_units({a: texts[a] for a in counted}, spans, labels)
    figures = []
    for label in [*labels, ALL]:
        found = units[None if label == ALL else label]
        value, reason = _computed(partial(alpha_nominal, found))
        figures.append(Figure("alpha_nominal", label, None, value, len(counted), reason))
        for i, j in pair_articles:
            value, reason = _computed(partial(_cohen, found, i, j))
            figures.append(Figure("cohen_kappa", label, (names[i], names[j]), value, len(pair_articles[i, j]), reason))
        value, reason = _computed(partial(fleiss_of_units, found))
        figures.append(Figure("fleiss_kappa", label, None, value, len(everyone), reason))
    return figures


def _cohen(units: Mapping[Unit, int], first: int, second: int) -> float:
    return cohen_kappa(confusion(units, first, second))


def _computed(measure: Callable[[], float]) -> tuple[float | None, str]:
    """(value, "") or (None, why not)."""
    try:
        return measure(), ""
    except NotComputable as error:
        return None, str(error)
