"""No hidden value of a published table can be worked out from what the table shows.

The attacker here is written independently of `surveys.suppression`: it sees only the
published values (cells, margins, "c" for hidden) and the table's structure, and finds by
integer programming the smallest and largest value each hidden item could have in a table of
whole, non-negative counts that shows the same. Two different values must always fit.
"""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import Bounds, LinearConstraint, milp

from surveys.statistics import TRUTH_GROUPS, breakdown, question_result
from surveys.suppression import Table, protect


def attacker_range(cells, sums, ties, published, target_members):
    """published: {item: value or None}; returns (lowest, highest or None) of the target."""
    names = list(cells)
    col = {c: i for i, c in enumerate(names)}
    a_rows, b = [], []
    for item, value in published.items():
        if value is None:
            continue
        row = np.zeros(len(names))
        for m in sums.get(item, (item,)):
            row[col[m]] = 1
        a_rows.append(row)
        b.append(value)
    for left, right in ties:
        row = np.zeros(len(names))
        for m in left:
            row[col[m]] += 1
        for m in right:
            row[col[m]] -= 1
        a_rows.append(row)
        b.append(0)
    objective = np.zeros(len(names))
    for m in target_members:
        objective[col[m]] = 1
    kwargs = {
        "integrality": np.ones(len(names)),
        "bounds": Bounds(0, np.inf),
        "constraints": [LinearConstraint(np.array(a_rows), b, b)] if a_rows else [],
    }
    low = milp(objective, **kwargs)
    high = milp(-objective, **kwargs)
    return round(low.fun), (round(-high.fun) if high.status == 0 else None)


def assert_safe(table: Table, hidden):
    published = {k: (None if k in hidden else table.value(k)) for k in table.items()}
    for item in hidden:
        lowest, highest = attacker_range(
            table.cells, table.sums, table.ties, published, table.members(item)
        )
        assert highest is None or lowest < highest, (item, table.value(item), lowest, highest)


def grid_table(rows: list[list[int]], force_rows=()) -> Table:
    cells = {(r, c): v for r, row in enumerate(rows) for c, v in enumerate(row)}
    n_rows, n_cols = len(rows), len(rows[0])
    sums = {("row", r): tuple((r, c) for c in range(n_cols)) for r in range(n_rows)}
    sums |= {("col", c): tuple((r, c) for r in range(n_rows)) for c in range(n_cols)}
    sums["total"] = tuple(cells)
    force = {("row", r) for r in force_rows} | {
        (r, c) for r in force_rows for c in range(n_cols) if cells[(r, c)]
    }
    return Table(cells=cells, sums=sums, force=frozenset(force))


counts = st.integers(min_value=0, max_value=12)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(
    rows=st.integers(2, 5).flatmap(
        lambda c: st.lists(st.lists(counts, min_size=c, max_size=c), min_size=2, max_size=6)
    ),
    minimum=st.integers(2, 6),
)
def test_suppression_grid_hides_nothing_derivable(rows, minimum):
    table = grid_table(rows)
    hidden = protect(table, minimum)
    assert all(
        table.value(k) == 0 or table.value(k) >= minimum or k in hidden for k in table.items()
    )
    assert_safe(table, hidden)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(values=st.lists(counts, min_size=6, max_size=6), minimum=st.integers(2, 6))
def test_suppression_statement_row_with_true_and_not_true(values, minimum):
    table = Table(
        cells={i: values[i - 1] for i in range(1, 7)},
        sums={"n": tuple(range(1, 7))} | {k: tuple(v) for k, v in TRUTH_GROUPS.items()},
    )
    hidden = protect(table, minimum)
    assert_safe(table, hidden)
    # The published result agrees with the protected table.
    result = question_result(values, groups=TRUTH_GROUPS, minimum=minimum)
    assert [o.hidden for o in result.options] == [i in hidden for i in range(1, 7)]


@settings(max_examples=40, deadline=None, derandomize=True)
@given(
    groups=st.lists(st.lists(counts, min_size=6, max_size=6), min_size=2, max_size=5),
    minimum=st.integers(3, 6),
)
def test_breakdown_published_cells_are_safe(groups, minimum):
    """Read back from the published breakdown (the attacker's view) with small groups."""
    labels = {f"g{i}": f"Group {i}" for i in range(len(groups))}
    counts_by_group = dict(zip(labels, groups, strict=True))
    result = breakdown(counts_by_group, labels=labels, minimum=minimum)
    bands = [(1, 2), (3,), (4, 5), (6,)]
    present = [g for g in labels if g in counts_by_group]
    cells = {
        (g, b): sum(counts_by_group[g][i - 1] for i in pos)
        for g in present
        for b, pos in enumerate(bands)
    }
    sums = {("n", g): tuple((g, b) for b in range(4)) for g in present}
    sums |= {("all", b): tuple((g, b) for g in present) for b in range(4)}
    sums["total"] = tuple(cells)
    published = {}
    for g, row in zip(present, result.rows, strict=True):
        published[("n", g)] = row.n.count
        for b, cell in enumerate(row.cells):
            published[(g, b)] = cell.count
    published["total"] = result.overall.n.count
    for b, cell in enumerate(result.overall.cells):
        published[("all", b)] = cell.count
    for item, value in published.items():
        if value is None:
            lowest, highest = attacker_range(cells, sums, [], published, sums.get(item, (item,)))
            assert highest is None or lowest < highest, item
        elif item in cells and 0 < value < minimum:
            raise AssertionError(f"{item} = {value} is published below the minimum")
