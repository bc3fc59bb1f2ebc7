"""Hiding the fewest cells of a table that crosses two facts about people.

Such a table (Table A6: position by region, length of service, ...; the participation
diversity counts) publishes every one-way count: each column's N, each row's total (unless
`row_totals` is False) and the grand total. Only inner cells describe a small group, so an inner
cell between 1 and the minimum less one is hidden (a primary suppression), and then the fewest
other cells so that a reader cannot work out any hidden small cell: for each one there must be a
table of whole, non-negative counts that shows everything published and has nobody in that
cell (its possible range includes 0).

All complementary cells are chosen together by one integer programme per table, as τ-ARGUS's
optimal method does: a cell is hidden or not (a 0/1 variable), and for each small cell a
"perturbation" that keeps every published total, takes the small cell to zero, lowers only
hidden cells and by no more than they hold, and raises only hidden cells. Such a perturbation
exists exactly when a reader cannot rule out an empty cell, so the programme's answer is safe by
construction; its objective is the fewest cells hidden, then the smallest values.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_array

Cell = tuple[Hashable, Hashable]  # (row, column)

TIME_LIMIT = 20.0
"""Seconds HiGHS may spend on one table. A pattern found by then is safe (every constraint
holds), only perhaps not the smallest."""


def small_cells(cells: Mapping[Cell, int], minimum: int) -> list[Cell]:
    return [c for c, v in cells.items() if 0 < v < minimum]


def protect_crossed(
    cells: Mapping[Cell, int], minimum: int, *, row_totals: bool = True
) -> frozenset[Cell] | None:
    """The cells to hide; None when no pattern can protect the small cells (withhold the
    table). Every column total, the grand total and (if `row_totals`) every row total are
    published."""
    sensitive = small_cells(cells, minimum)
    if not sensitive:
        return frozenset()
    keys = list(cells)
    index = {c: i for i, c in enumerate(keys)}
    n = len(keys)
    values = np.array([cells[c] for c in keys], dtype=float)
    rows = sorted({c[0] for c in keys}, key=str)
    columns = sorted({c[1] for c in keys}, key=str)
    groups = [[index[c] for c in keys if c[1] == k] for k in columns]
    if row_totals:
        groups += [[index[c] for c in keys if c[0] == r] for r in rows]

    # Variables: hide[n], then for each small cell s: up[n], down[n].
    total = n + 2 * n * len(sensitive)
    lower = np.zeros(total)
    upper = np.full(total, np.inf)
    upper[:n] = 1
    data: list[float] = []
    row_of: list[int] = []
    col_of: list[int] = []
    low_b: list[float] = []
    high_b: list[float] = []

    def add(entries: list[tuple[int, float]], lo: float, hi: float) -> None:
        r = len(low_b)
        for column, value in entries:
            row_of.append(r)
            col_of.append(column)
            data.append(value)
        low_b.append(lo)
        high_b.append(hi)

    for k, s in enumerate(sensitive):
        up = n + 2 * n * k
        down = up + n
        v = cells[s]
        lower[index[s]] = 1  # a small cell is always hidden
        # The perturbation keeps every published total.
        for members in groups:
            add([(up + i, 1.0) for i in members] + [(down + i, -1.0) for i in members], 0, 0)
        # It takes the small cell to zero ...
        lower[down + index[s]] = upper[down + index[s]] = v
        upper[up + index[s]] = 0
        # ... moving only hidden cells, never below zero.
        for i in range(n):
            if i == index[s]:
                continue
            add([(down + i, 1.0), (i, -values[i])], -np.inf, 0)
            add([(up + i, 1.0), (i, -float(v))], -np.inf, 0)
    a = coo_array((data, (row_of, col_of)), shape=(len(low_b), total)).tocsr()
    weight = 1 / (1 + values.sum())
    objective = np.zeros(total)
    objective[:n] = 1 + weight * values
    integrality = np.zeros(total)
    integrality[:n] = 1
    result = milp(
        objective,
        integrality=integrality,
        bounds=Bounds(lower, upper),
        constraints=[LinearConstraint(a, low_b, high_b)],
        options={"time_limit": TIME_LIMIT},
    )
    if result.x is None:
        return None
    return frozenset(keys[i] for i in range(n) if result.x[i] > 0.5)
