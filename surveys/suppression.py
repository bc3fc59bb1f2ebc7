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
            extra, protects = _complement(table, hidden, key, order)
            if extra is None:
                break
            hidden.add(extra)
            queue.append(extra)
            if protects:  # already shown to leave `key` undetermined: no need to ask again
                break
        position += 1
    return frozenset(hidden)


class _Problem:
    """The reader's view of a table with some items hidden: whole, non-negative unknowns (the
    hidden cells) tied by every shown sum and by the table's structure."""

    def __init__(self, table: Table, hidden: set[Key]):
        self.table = table
        self.unknown = [c for c in table.cells if c in hidden]
        self.index = {c: i for i, c in enumerate(self.unknown)}
        known = {c: v for c, v in table.cells.items() if c not in hidden}
        self.rows: list[tuple[dict[int, int], int]] = []

        def row(members, sign=1):
            coefficients: dict[int, int] = {}
            constant = 0
            for m in members:
                if m in self.index:
                    i = self.index[m]
                    coefficients[i] = coefficients.get(i, 0) + sign
                else:
                    constant += sign * known[m]
            return coefficients, constant

        self._row = row
        for name, members in table.sums.items():
            if name not in hidden:
                coefficients, constant = row(members)
                coefficients = {i: c for i, c in coefficients.items() if c}
                if coefficients:
                    self.rows.append((coefficients, table.value(name) - constant))
        for left, right in table.ties:
            a, ca = row(left)
            b, cb = row(right, -1)
            for i, c in b.items():
                a[i] = a.get(i, 0) + c
            a = {i: c for i, c in a.items() if c}
            if a:
                self.rows.append((a, -(ca + cb)))

    def _component(self, start: set[int]) -> tuple[list[int], list[int]]:
        """Unknowns and rows linked to `start`: the only ones that can move it."""
        by_var: dict[int, list[int]] = {}
        for r, (coefficients, _) in enumerate(self.rows):
            for i in coefficients:
                by_var.setdefault(i, []).append(r)
        seen_vars, seen_rows, stack = set(start), set(), list(start)
        while stack:
            for r in by_var.get(stack.pop(), []):
                if r not in seen_rows:
                    seen_rows.add(r)
                    for i in self.rows[r][0]:
                        if i not in seen_vars:
                            seen_vars.add(i)
                            stack.append(i)
        return sorted(seen_vars), sorted(seen_rows)

    def extreme(self, key: Key, direction: int) -> int | None:
        """The smallest (direction 1) or largest (-1) whole value of `key`; None if unbounded."""
        objective, offset = self._row(self.table.members(key))
        objective = {i: c for i, c in objective.items() if c}
        if not objective:
            return offset
        variables, rows = self._component(set(objective))
        column = {v: j for j, v in enumerate(variables)}
        c = np.zeros(len(variables))
        for i, coefficient in objective.items():
            c[column[i]] = direction * coefficient
        a = np.zeros((len(rows), len(variables)))
        b = np.zeros(len(rows))
        for k, r in enumerate(rows):
            coefficients, value = self.rows[r]
            for i, coefficient in coefficients.items():
                a[k, column[i]] = coefficient
            b[k] = value
        constraints = [LinearConstraint(a, b, b)] if rows else []
        bounds = Bounds(0, np.inf)
        # The relaxation first: when its optimum is whole it is the answer (tables with
        # margins are usually network-shaped); otherwise solve as integers.
        relaxed = milp(c, bounds=bounds, constraints=constraints)
        if relaxed.status != 0:
            return None if direction < 0 else offset
        if np.allclose(relaxed.x, np.round(relaxed.x), atol=1e-7):
            return round(direction * relaxed.fun) + offset
        exact = milp(c, integrality=np.ones(len(variables)), bounds=bounds, constraints=constraints)
        if exact.status != 0:
            return None
        return round(direction * exact.fun) + offset


def value_range(table: Table, hidden: Iterable[Key], key: Key) -> tuple[int, int | None]:
    """Smallest and largest whole value of `key` (None: unbounded) over every table of
    non-negative counts that shows the same values as `table` with `hidden` hidden."""
    problem = _Problem(table, set(hidden))
    return problem.extreme(key, 1), problem.extreme(key, -1)


def is_determined(table: Table, hidden: set[Key], key: Key) -> bool:
    problem = _Problem(table, hidden)
    value = table.value(key)
    highest = problem.extreme(key, -1)
    if highest is None or highest > value:
        return False
    return problem.extreme(key, 1) == value


def _complement(table: Table, hidden: set[Key], key: Key, order: dict) -> tuple[Key | None, bool]:
    """The shown item to hide next so that `key` stops being determined, and whether it was
    found to be enough by itself. Nearest first: for a
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

    hidden_cells = {k for k in hidden if k in table.cells} - members

    def closes_cycle(item: Key) -> bool:
        # A neighbour that also shares another sum with a hidden cell: hiding it usually
        # closes a cycle of hidden cells, which is what makes each of them uncertain.
        return any(item in g and not g & members and g & hidden_cells for g in groups)

    def tier(item: Key) -> int:
        if item in table.cells:
            if item in members:
                return 1
            if item in neighbours:
                return 2 if closes_cycle(item) else 4
            return 6
        own = set(table.sums[item])
        if is_sum and not own & members and any(own < g for g in containing):
            return 0
        if own & near and not own & members and own & hidden_cells:
            return 3  # it pins down a hidden neighbour
        return 5 if own & near else 6

    shown = [k for k in table.items() if k not in hidden]
    if not shown:
        return None, False

    def rank(item: Key) -> tuple:
        value = table.value(item)
        return (tier(item), value == 0, value, order[item])

    candidates = sorted(shown, key=rank)
    # Prefer one that protects `key` by itself (checked among the nearest few); otherwise the
    # nearest, and the caller keeps adding.
    for item in candidates[:TRIES]:
        if not is_determined(table, hidden | {item}, key):
            return item, True
    return candidates[0], False


TRIES = 3
