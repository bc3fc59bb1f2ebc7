"""No hidden small cell of a table crossing two facts about people can be worked out.

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

from surveys.suppression import protect_crossed


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


def grid(rows: list[list[int]]) -> dict:
    return {(r, c): v for r, row in enumerate(rows) for c, v in enumerate(row)}


def assert_safe(cells: dict, hidden, minimum: int, *, row_totals: bool = True):
    """Every hidden small cell could be empty, reading only what is published: every column
    total, every row total (if published), the grand total and the shown cells."""
    keys = list(cells)
    rows = {r for r, _ in keys}
    columns = {c for _, c in keys}
    sums = {("col", c): tuple(k for k in keys if k[1] == c) for c in columns}
    if row_totals:
        sums |= {("row", r): tuple(k for k in keys if k[0] == r) for r in rows}
    published = {k: (None if k in hidden else v) for k, v in cells.items()}
    published |= {name: sum(cells[m] for m in members) for name, members in sums.items()}
    for cell in hidden:
        if 0 < cells[cell] < minimum:
            lowest, _ = attacker_range(cells, sums, [], published, (cell,))
            assert lowest == 0, (cell, cells[cell], lowest)


counts = st.integers(min_value=0, max_value=12)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(
    rows=st.integers(2, 5).flatmap(
        lambda c: st.lists(st.lists(counts, min_size=c, max_size=c), min_size=2, max_size=6)
    ),
    minimum=st.sampled_from([3, 5]),
)
def test_a_crossed_table_hides_every_small_cell_safely(rows, minimum):
    cells = grid(rows)
    hidden = protect_crossed(cells, minimum)
    if hidden is None:  # no pattern can protect it: the product withholds the table
        return
    assert {k for k, v in cells.items() if 0 < v < minimum} <= hidden
    assert_safe(cells, hidden, minimum)


@settings(max_examples=40, deadline=None, derandomize=True)
@given(values=st.lists(counts, min_size=2, max_size=8), minimum=st.sampled_from([3, 5]))
def test_one_column_under_a_total_hides_small_counts_safely(values, minimum):
    cells = {(i, 0): v for i, v in enumerate(values)}
    hidden = protect_crossed(cells, minimum, row_totals=False)
    if hidden is None:
        assert sum(0 < v < minimum for v in values) >= 1
        return
    assert_safe(cells, hidden, minimum, row_totals=False)


def test_the_fewest_cells_are_hidden():
    # One small cell: a rectangle of four hidden cells is the least that protects it.
    cells = grid([[2, 9, 9], [9, 9, 9], [9, 9, 9]])
    hidden = protect_crossed(cells, 5)
    assert len(hidden) == 4
    assert (0, 0) in hidden
    assert_safe(cells, hidden, 5)
    # Without the complementary cells, the small one follows from its row and column.
    lowest, _ = attacker_range(
        cells,
        {("row", 0): ((0, 0), (0, 1), (0, 2))},
        [],
        {(0, 0): None, (0, 1): 9, (0, 2): 9, ("row", 0): 20},
        ((0, 0),),
    )
    assert lowest == 2
