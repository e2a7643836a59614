"""The benchmarks: the smallest sizes run with the tests (so they never rot), the full
sizes with `pytest -m bench -s` or `python -m tests.bench`. No timing is asserted here:
the table reports whether each target was met."""

from __future__ import annotations

import math

import pytest

from .run import run, table


def test_benchmarks_smoke():
    rows = run(smoke=True)
    print("\n" + table(rows))
    assert len(rows) == 11
    assert all(math.isfinite(row.ours) and row.met is not None for row in rows)


@pytest.mark.bench
def test_benchmarks_full():
    print("\n" + table(run(smoke=False)))
