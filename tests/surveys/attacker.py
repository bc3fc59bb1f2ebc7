"""An attacker who combines everything published for a wave (written apart from the product).

For a pair of profile questions X and Y and one statement, the unknowns are the three-way counts
t[x, y, a]: how many respondents gave profile answers x and y and answer band a (true,
sometimes, not true, don't know, or did not answer the statement). Everything published is a
constraint: the statement's counts, every breakdown row (a set of profile answers and its band
counts), Table A6's shown cells, its column Ns and Overall column. Integer programming finds the
smallest and largest value of any sum of unknowns over every table of whole, non-negative counts
that fits.

A disclosure is a set S of respondents, defined by their profile (a pair (x, y), or the
intersection or difference of two published groups), that is provably smaller than the minimum
(1 to minimum - 1) and about whom something is provably known beyond what a published group of at
least the minimum already says of all its members: at least one of S gave answer a, more than
follows from S's size and a big published group containing S.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import lil_array

BANDS = ("true", "sometimes", "not true", "don't know")
NONE = "none"  # did not answer the statement


@dataclass
class Published:
    xs: list[str]  # every answer to X ("" = not given)
    ys: list[str]
    total: int  # respondents in the wave
    statement: dict[str, int] | None  # band counts, None when withheld
    by_x: list[tuple[frozenset, dict[str, int]]] = field(default_factory=list)
    by_y: list[tuple[frozenset, dict[str, int]]] = field(default_factory=list)
    # Table A6 when X is the position: cells[(column members, y)] = count or None (hidden).
    a6: dict[tuple[frozenset, str], int | None] = field(default_factory=dict)
    column_n: dict[frozenset, int] = field(default_factory=dict)
    x_totals: dict[str, int] = field(default_factory=dict)  # one-way counts (Overall column)
    y_totals: dict[str, int] = field(default_factory=dict)


class Attacker:
    def __init__(self, published: Published):
        self.p = published
        answers = (*BANDS, NONE)
        self.keys = [(x, y, a) for x in published.xs for y in published.ys for a in answers]
        self.index = {k: i for i, k in enumerate(self.keys)}
        rows = self._equations(published)
        a = lil_array((len(rows), len(self.keys)))
        for r, (members, _) in enumerate(rows):
            for i in members:
                a[r, i] = 1
        b = np.array([n for _, n in rows], dtype=float)
        self.constraints = [LinearConstraint(a.tocsr(), b, b)]

    def where(self, xs=None, ys=None, bands=None) -> list[int]:
        """The unknown counts a published figure adds up."""
        return [
            i
            for (x, y, a), i in self.index.items()
            if (xs is None or x in xs) and (ys is None or y in ys) and (bands is None or a in bands)
        ]

    def _equations(self, p: Published) -> list[tuple[list[int], int]]:
        """Every published figure as (the unknowns it adds up, its value)."""
        where = self.where
        by_band = [({}, p.statement or {})]
        by_band += [({"xs": members}, counts) for members, counts in p.by_x]
        by_band += [({"ys": members}, counts) for members, counts in p.by_y]
        rows = [(where(), p.total)]
        rows += [
            (where(bands={band}, **group), n)
            for group, counts in by_band
            for band, n in counts.items()
        ]
        rows += [(where(xs=xs, ys={y}), n) for (xs, y), n in p.a6.items() if n is not None]
        rows += [(where(xs=xs), n) for xs, n in p.column_n.items()]
        rows += [(where(xs={x}), n) for x, n in p.x_totals.items()]
        rows += [(where(ys={y}), n) for y, n in p.y_totals.items()]
        return rows

    def extreme(self, members: list[int], direction: int) -> int:
        c = np.zeros(len(self.keys))
        c[members] = direction
        found = milp(
            c,
            integrality=np.ones(len(self.keys)),
            bounds=Bounds(0, np.inf),
            constraints=self.constraints,
        )
        assert found.status == 0, "the published tables must describe at least one wave"
        return round(direction * found.fun)

    def disclosures(self, minimum: int) -> list[str]:
        p = self.p
        sets: dict[str, tuple[set, set]] = {f"{x} & {y}": ({x}, {y}) for x in p.xs for y in p.ys}
        all_x, all_y = set(p.xs), set(p.ys)
        sets |= {f"{x}": ({x}, all_y) for x in p.xs} | {f"{y}": (all_x, {y}) for y in p.ys}
        sets |= {f"{set(g)}": (set(g), all_y) for g, _ in p.by_x}
        sets |= {f"{set(h)}": (all_x, set(h)) for h, _ in p.by_y}
        for g, _ in p.by_x:
            for h, _ in p.by_y:
                sets[f"{set(g)} & {set(h)}"] = (set(g), set(h))
                sets[f"{set(g)} not {set(h)}"] = (set(g), all_y - h)
                sets[f"{set(h)} not {set(g)}"] = (all_x - g, set(h))
        big = [(set(g), all_y, c) for g, c in p.by_x if sum(c.values()) >= minimum]
        big += [(all_x, set(h), c) for h, c in p.by_y if sum(c.values()) >= minimum]
        if p.statement is not None:
            big.append((all_x, all_y, p.statement))
        found = []
        for name, (xs, ys) in sets.items():
            answered = self.where(xs=xs, ys=ys, bands=set(BANDS))
            if not answered:
                continue
            high = self.extreme(answered, -1)
            if not 0 < high < minimum:
                continue
            low = self.extreme(answered, 1)
            for band in BANDS:
                least = self.extreme(self.where(xs=xs, ys=ys, bands={band}), 1)
                if least < 1:
                    continue
                implied = max(
                    [0]
                    + [
                        low - (sum(c.values()) - c[band])
                        for gx, gy, c in big
                        if xs <= gx and ys <= gy
                    ]
                )
                if least > implied:
                    found.append(f"{name}: at most {high} people, {least}+ answered {band}")
        return found


def hidden_cell_problems(published: Published, minimum: int) -> list[str]:
    """Each hidden cell of Table A6 must possibly be empty, or range at least the minimum."""
    attacker = Attacker(published)
    problems = []
    for (members, y), n in published.a6.items():
        if n is None:
            cell = attacker.where(xs=members, ys={y})
            low, high = attacker.extreme(cell, 1), attacker.extreme(cell, -1)
            if low > 0 and high - low < minimum:
                problems.append(f"{set(members)} & {y}: between {low} and {high}")
    return problems
