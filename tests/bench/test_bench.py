"""The benchmarks, behind the bench marker (they take a minute even at their smallest):
CI runs the smallest sizes after the tests (`pytest -m bench -k smoke`), so they never
rot; the full sizes run with `pytest -m bench -k full -s` or `python -m tests.bench`.
No timing is asserted here: the table reports whether each target was met."""

from __future__ import annotations

import math

import pytest

from .run import run, table


@pytest.mark.bench
def test_benchmarks_smoke():
    rows = run(smoke=True)
    print("\n" + table(rows))
    figures = [row.figure for row in rows]
    assert len(rows) > 30 and len(set(figures)) == len(figures)  # every benchmark ran, each row once
    assert all(math.isfinite(row.ours) and (row.met is not None or not row.target) for row in rows)


@pytest.mark.bench
def test_benchmarks_full():
    print("\n" + table(run(smoke=False)))
