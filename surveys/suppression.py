"""Small-group protection for published tables.

A table is a set of inner cells (counts, whole numbers ≥ 0) and published sums of cells
(margins: a group's N, "true" = completely + mostly true, the Overall column). A reader knows
every value shown, that counts are whole and never negative, and the table's structure
(`ties`, e.g. every section of the profile table adds up to the same group N).

`protect` hides every value between 1 and the minimum group size less one (primary
suppression), and any item forced hidden (a whole group smaller than the minimum). It then adds
complementary suppressions until no hidden value can be worked out: for each hidden value it
finds, by integer programming (HiGHS, through scipy), the smallest and largest value it could
take in any table that fits everything shown, and while those are equal it hides one more
value beside it.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp

Key = Hashable


@dataclass
class Table:
    cells: dict[Key, int]
    sums: dict[Key, tuple[Key, ...]] = field(default_factory=dict)
    ties: list[tuple[tuple[Key, ...], tuple[Key, ...]]] = field(default_factory=list)
    force: frozenset[Key] = frozenset()

    def members(self, key: Key) -> tuple[Key, ...]:
        return (key,) if key in self.cells else self.sums[key]

    def value(self, key: Key) -> int:
        return sum(self.cells[m] for m in self.members(key))

    def items(self) -> list[Key]:
        return [*self.cells, *self.sums]


def protect(table: Table, minimum: int) -> frozenset[Key]:
    """The keys (cells and sums) to publish as hidden ("c")."""
    order = {key: index for index, key in enumerate(table.items())}
    hidden = {k for k in table.items() if 0 < table.value(k) < minimum} | set(table.force)
    queue = sorted(hidden, key=order.__getitem__)
    position = 0
    while position < len(queue):
        key = queue[position]
        # Hiding more only widens what a hidden value could be, so a value found safe stays
        # safe: one pass over the queue is enough.
        while is_determined(table, hidden, key):
            extra = _complement(table, hidden, key, order)
            if extra is None:
                break
            hidden.add(extra)
            queue.append(extra)
        position += 1
    return frozenset(hidden)


def value_range(table: Table, hidden: Iterable[Key], key: Key) -> tuple[int, int | None]:
    """Smallest and largest whole value of `key` (None: unbounded) over every table of
    non-negative counts that shows the same values as `table` with `hidden` hidden."""
    hidden = set(hidden)
    unknown = [c for c in table.cells if c in hidden]
    index = {c: i for i, c in enumerate(unknown)}
    known = {c: v for c, v in table.cells.items() if c not in hidden}

    def row(members: Iterable[Key], sign: int = 1) -> tuple[np.ndarray, int]:
        coefficients = np.zeros(len(unknown))
        constant = 0
        for m in members:
            if m in index:
                coefficients[index[m]] += sign
            else:
                constant += sign * known[m]
        return coefficients, constant

    objective, offset = row(table.members(key))
    if not objective.any():
        return offset, offset
    rows, rhs = [], []
    for name, members in table.sums.items():
        if name in hidden:
            continue
        coefficients, constant = row(members)
        if coefficients.any():
            rows.append(coefficients)
            rhs.append(table.value(name) - constant)
    for left, right in table.ties:
        a, ca = row(left)
        b, cb = row(right, -1)
        if (a + b).any():
            rows.append(a + b)
            rhs.append(-(ca + cb))
    constraints = [LinearConstraint(np.array(rows), rhs, rhs)] if rows else []
    integrality = np.ones(len(unknown))
    bounds = Bounds(0, np.inf)
    low = milp(objective, integrality=integrality, bounds=bounds, constraints=constraints)
    high = milp(-objective, integrality=integrality, bounds=bounds, constraints=constraints)
    # The shown table itself is always a solution, so the only failure is an unbounded
    # maximum (HiGHS may report it as unbounded or as "infeasible or unbounded").
    lowest = round(low.fun) + offset
    highest = round(-high.fun) + offset if high.status == 0 else None
    return lowest, highest


def is_determined(table: Table, hidden: set[Key], key: Key) -> bool:
    lowest, highest = value_range(table, hidden, key)
    return highest is not None and lowest == highest


def _complement(table: Table, hidden: set[Key], key: Key, order: dict) -> Key | None:
    """The shown item to hide next so that `key` stops being determined, nearest first: for a
    sum, a parallel sum (one beside it inside a larger sum, such as another group's N); then
    a shown member of `key`; then a cell sharing a sum with it; then a sum over those; then
    anything. The smallest positive value first, so the least is lost."""
    members = set(table.members(key))
    groups = [set(ms) for ms in [*table.sums.values(), *(a + b for a, b in table.ties)]]
    related = [g for g in groups if members & g]
    neighbours = set().union(*related) - members if related else set()
    near = members | neighbours
    is_sum = key not in table.cells
    containing = [g for g in groups if members < g]

    def tier(item: Key) -> int:
        if item in table.cells:
            return 1 if item in members else 2 if item in neighbours else 4
        own = set(table.sums[item])
        if is_sum and not own & members and any(own < g for g in containing):
            return 0
        return 3 if own & near else 4

    shown = [k for k in table.items() if k not in hidden]
    if not shown:
        return None

    def rank(item: Key) -> tuple:
        value = table.value(item)
        return (tier(item), value == 0, value, order[item])

    candidates = sorted(shown, key=rank)
    # Prefer one that protects `key` by itself (checked among the nearest few); otherwise the
    # nearest, and the caller keeps adding.
    for item in candidates[:TRIES]:
        if not is_determined(table, hidden | {item}, key):
            return item
    return candidates[0]


TRIES = 8
