"""Agreement measures against their published figures (the product's agreement() and
the plain reference, tests/core/agreement_reference.py, alike), and against DKPro's
sweep and the krippendorff package where no figure is published."""

from __future__ import annotations

import math
from collections import Counter
from itertools import combinations

import krippendorff  # GPL-3.0: a test dependency only, never imported by reader
import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from annotations.team import ALL, Coder, NotComputable, Tokens, agreement, alpha_nominal, cohen_kappa, label_order
from annotations.team.spans_agreement import Side, tally
from annotations.team.token_agreement import token_units
from tests.core.agreement_reference import (
    alpha_unitizing,
    dkpro_sweep,
    f1_exact,
    f1_overlap,
    fleiss_kappa,
    unitizing_disagreements,
)

# Krippendorff (2004, p. 254), as DKPro's Krippendorff2004Test builds it: a continuum
# from 150 to 450, here moved to start at 0 (only differences from its start count).
B = 150
KRIPPENDORFF_A = {
    "x": [("c", 225 - B, 295 - B), ("c", 370 - B, 400 - B), ("k", 180 - B, 240 - B), ("k", 300 - B, 350 - B)]
}
KRIPPENDORFF_B = {
    "x": [
        ("c", 220 - B, 300 - B),
        ("c", 355 - B, 375 - B),
        ("c", 400 - B, 420 - B),
        ("k", 180 - B, 240 - B),
        ("k", 300 - B, 350 - B),
    ]
}
CONTINUUM = {"x": 300}

# Wikipedia, "Fleiss' kappa", worked example: 10 subjects, 14 raters, 5 categories.
WIKIPEDIA_FLEISS = [
    [0, 0, 0, 0, 14],
    [0, 2, 6, 4, 2],
    [0, 0, 3, 5, 6],
    [0, 3, 9, 2, 0],
    [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0],
    [3, 2, 6, 3, 0],
    [2, 5, 3, 2, 2],
    [6, 5, 2, 1, 0],
    [0, 2, 2, 3, 7],
]


def figures_of(codings: list[dict], texts: dict[str, str], labels=()) -> dict:
    """agreement()'s figures by (measure, label, pair) for coders p, q, r … coding every article."""
    team = [Coder(chr(ord("p") + i), coding, frozenset(texts)) for i, coding in enumerate(codings)]
    return {(f.measure, f.label, f.pair): f.value for f in agreement(team, texts, labels).figures}


def test_krippendorff_2004_unitizing_example_as_agree_computes_it():
    figures = figures_of([KRIPPENDORFF_A, KRIPPENDORFF_B], {"x": "." * 300})
    assert figures["alpha_unitizing", ALL, None] == pytest.approx(0.8587, abs=5e-5)
    assert figures["alpha_unitizing", "c", None] == pytest.approx(0.7286, abs=5e-5)
    assert figures["alpha_unitizing", "k", None] == 1.0
    assert figures["f1_exact", ALL, ("p", "q")] == pytest.approx(4 / 9)
    assert figures["f1_overlap", ALL, ("p", "q")] == pytest.approx(8 / 9)
    assert figures["f1_overlap", "c", ("p", "q")] == pytest.approx(4 / 5)


def test_cohen_and_fleiss_published_examples_as_agree_computes_them():
    """One token a subject; a coder's value for it is a label's span over it, or none."""
    labels = ["quote", "figure", "place", "person"]  # values 1 to 4 (0: no span)
    text = " ".join(["word"] * 19)
    cohen = [(0, 1)] * 4 + [(0, 2)] + [(1, 1)] * 8 + [(2, 1)] + [(2, 2)] * 5  # the table's cells, token by token
    codings = [
        {"x": [(labels[v[coder] - 1], 5 * t, 5 * t + 4) for t, v in enumerate(cohen) if v[coder]]} for coder in (0, 1)
    ]
    assert figures_of(codings, {"x": text}, labels)["cohen_kappa", ALL, ("p", "q")] == pytest.approx(0.4842, abs=5e-5)
    text = " ".join(["word"] * len(WIKIPEDIA_FLEISS))
    raters = [[value for value, n in enumerate(row) for _ in range(n)] for row in WIKIPEDIA_FLEISS]  # 14 a subject
    codings = [
        {"x": [(labels[given[coder] - 1], 5 * t, 5 * t + 4) for t, given in enumerate(raters) if given[coder]]}
        for coder in range(14)
    ]
    assert figures_of(codings, {"x": text}, labels)["fleiss_kappa", ALL, None] == pytest.approx(0.210, abs=5e-4)


def test_krippendorff_2004_unitizing_example():
    found = unitizing_disagreements([KRIPPENDORFF_A, KRIPPENDORFF_B], CONTINUUM)
    assert found["c"][0] == pytest.approx(0.0144, abs=5e-5)
    assert found["k"][0] == 0
    assert found["c"][1] == pytest.approx(0.0532, abs=5e-5)
    assert found["k"][1] == pytest.approx(0.0490, abs=5e-5)
    coders = [KRIPPENDORFF_A, KRIPPENDORFF_B]
    assert alpha_unitizing(coders, CONTINUUM) == pytest.approx(0.8587, abs=5e-5)
    assert alpha_unitizing(coders, CONTINUUM, "c") == pytest.approx(0.7286, abs=5e-5)
    assert alpha_unitizing(coders, CONTINUUM, "k") == 1.0


def test_f1_on_the_same_units():
    assert f1_exact(KRIPPENDORFF_A, KRIPPENDORFF_B) == pytest.approx(4 / 9)
    assert f1_overlap(KRIPPENDORFF_A, KRIPPENDORFF_B) == pytest.approx(8 / 9)
    assert f1_overlap(KRIPPENDORFF_A, KRIPPENDORFF_B, "c") == pytest.approx(4 / 5)


def test_cohen_kappa_on_a_confusion_table():
    assert cohen_kappa([(0, 4, 1), (0, 8, 0), (0, 1, 5)]) == pytest.approx(0.4842, abs=5e-5)


def test_fleiss_kappa_on_wikipedias_example():
    assert fleiss_kappa(WIKIPEDIA_FLEISS) == pytest.approx(0.210, abs=5e-4)


def test_no_variation_is_not_a_number():
    with pytest.raises(NotComputable, match="no variation"):
        cohen_kappa([(5, 0), (0, 0)])
    with pytest.raises(NotComputable, match="no variation"):
        alpha_nominal(Counter({(1, 1, 1): 4}))
    with pytest.raises(NotComputable, match="one coder"):
        alpha_unitizing([KRIPPENDORFF_A], CONTINUUM)


@st.composite
def units(draw, length=60):
    """One coder's units of one category: sorted, none empty, none overlapping (some touching)."""
    found, at = [], 0
    for gap, size in draw(st.lists(st.tuples(st.integers(0, 8), st.integers(1, 10)), max_size=8)):
        if at + gap + size > length:
            break
        found.append((at + gap, at + gap + size))
        at += gap + size
    return found


def test_the_sweep_port_gives_dkpros_distances_on_the_example():
    first = [(s, e) for label, s, e in KRIPPENDORFF_A["x"] if label == "c"]
    second = [(s, e) for label, s, e in KRIPPENDORFF_B["x"] if label == "c"]
    assert dkpro_sweep(first, second, 300) == 50 + 850 + 400  # DKPro's testDistanceMetric2


@settings(max_examples=300, deadline=None)
@given(units(), units())
def test_observed_disagreement_is_dkpros_sweep(first, second):
    _exact, _overlapping, _firsts, _seconds, disagreement = tally(Side.of(first), Side.of(second))
    assert disagreement == dkpro_sweep(first, second, 60)


spans = st.lists(
    st.tuples(st.sampled_from(["quote", "place"]), st.integers(0, 40), st.integers(1, 12)).map(
        lambda t: (t[0], t[1], t[1] + t[2])
    ),
    max_size=8,
)


@settings(max_examples=200, deadline=None)
@given(spans, spans)
def test_f1_does_not_depend_on_which_coder_is_first(a, b):
    if not a and not b:
        return
    assert f1_overlap({"x": a}, {"x": b}) == f1_overlap({"x": b}, {"x": a})
    assert f1_exact({"x": a}, {"x": b}) == f1_exact({"x": b}, {"x": a})


values = st.one_of(st.none(), st.integers(0, 3))


@settings(max_examples=200, deadline=None)
@given(
    st.integers(2, 5).flatmap(
        lambda coders: st.lists(st.lists(values, min_size=coders, max_size=coders), min_size=2, max_size=30)
    )
)
def test_alpha_nominal_agrees_with_the_krippendorff_package(rows):
    data = np.array([[np.nan if v is None else v for v in row] for row in rows], dtype=float).T
    try:
        ours = alpha_nominal(Counter(tuple(row) for row in rows))
    except NotComputable:
        return
    theirs = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    assert not math.isnan(theirs)
    assert ours == pytest.approx(theirs, abs=1e-4)


def test_a_token_takes_the_first_label_in_the_order():
    assert label_order(["place", "person"], ["zebra"]) == ["quote", "figure", "place", "person", "zebra"]
    tokens = Tokens.of("Élodie said 42 in Zürich.")
    assert tokens.starts == [0, 7, 12, 15, 18]  # \w+ is Unicode: Élodie and Zürich are one token each
    order = label_order([])
    assert tokens.values([("place", 15, 24), ("quote", 7, 17)], order) == [0, 1, 1, 1, 3]


def test_every_figure_says_what_it_rests_on():
    texts = {"a": "One two three four five six.", "b": "Seven eight nine ten.", "c": "Eleven."}
    alice = Coder("alice", {"a": [("quote", 0, 7)], "b": [("place", 0, 5)]}, frozenset({"a", "b", "c"}))
    bob = Coder("bob", {"a": [("quote", 0, 7)]}, frozenset({"a", "b"}))
    cat = Coder("cat", {"a": [("quote", 0, 3)]}, frozenset({"a"}))
    report = agreement([alice, bob, cat], texts, ["quote", "figure", "place"])
    assert report.articles == 2 and report.coders == ["alice", "bob", "cat"]
    figures = {(f.measure, f.label, f.pair): f for f in report.figures}
    assert figures["f1_exact", "quote", ("alice", "bob")].value == 1.0
    assert figures["f1_exact", "quote", ("alice", "bob")].n == 2
    assert figures["f1_exact", "quote", ("alice", "cat")].value == 0.0
    assert figures["f1_exact", ALL, ("alice", "bob")].value == pytest.approx(2 / 3)
    assert figures["f1_overlap", "quote", None].value == pytest.approx(1.0)
    assert figures["alpha_unitizing", ALL, None].n == 1  # only a: every coder coded it
    assert figures["fleiss_kappa", ALL, None].n == 1
    bare = figures["cohen_kappa", "place", ("alice", "cat")]
    assert bare.value is None and bare.reason.startswith("no variation")
    unused = [f for f in report.figures if f.label == "figure"]  # asked for, nobody used it: said so
    assert unused and all(f.value is None and f.reason for f in unused)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), spans), min_size=2, max_size=4))
def test_token_units_are_each_labels_own_tokens(coders):
    """The quick way (a label's units read off all labels' where no two labels share a
    token) gives what painting each label alone gives."""
    assume(any(mine is not None for mine in coders))  # (an article nobody coded has no units)
    text = "Ab cd ef gh ij kl mn op qr st uv wx yz " * 2
    codings = [{} if mine is None else {"x": mine} for mine in coders]
    units = token_units({"x": text}, codings, ["quote", "place"])
    tokens = Tokens.of(text)
    for label in ("quote", "place"):
        columns = [tokens.values(c["x"], [label]) if "x" in c else [None] * len(tokens.starts) for c in codings]
        assert units[label] == Counter(zip(*columns))
    columns = [tokens.values(c["x"], ["quote", "place"]) if "x" in c else [None] * len(tokens.starts) for c in codings]
    assert units[None] == Counter(zip(*columns))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(spans, spans), min_size=3, max_size=3))
def test_the_report_equals_the_measures_taken_one_pair_at_a_time(coders):
    """agreement() tallies every pair at once, by clusters of overlapping spans; it must
    give what the plain functions give pair by pair (spans of one coder may overlap)."""
    texts = {"a": "x" * 60, "b": "y" * 60}
    codings = [{"a": first, "b": second} for first, second in coders]
    team = [Coder(name, coding, frozenset(texts)) for name, coding in zip("pqr", codings)]
    figures = {(f.measure, f.label, f.pair): f.value for f in agreement(team, texts).figures}
    for (i, first), (j, second) in combinations(enumerate(codings), 2):
        pair = ("pqr"[i], "pqr"[j])
        for label in {s[0] for c in (first, second) for spans_ in c.values() for s in spans_}:
            for measure, function in (("f1_exact", f1_exact), ("f1_overlap", f1_overlap)):
                assert figures[measure, label, pair] == pytest.approx(function(first, second, label))
    for label in {s[0] for c in codings for spans_ in c.values() for s in spans_}:
        try:
            expected = alpha_unitizing(codings, {"a": 60, "b": 60}, label)
        except NotComputable:
            assert figures["alpha_unitizing", label, None] is None
        else:
            assert figures["alpha_unitizing", label, None] == pytest.approx(expected)
