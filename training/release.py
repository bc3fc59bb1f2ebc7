"""Which sessions' evaluations may be shown, and together with which (pure; no database).

Evaluations arrive over the year, so a figure must be safe against everything shown before it
as well as beside it. A session's answers are shown only once its evaluation has closed (its
answers are then fixed), and only in a group of at least the minimum number of people:

* a closed session with at least the minimum evaluations is a group of its own;
* closed sessions with fewer wait in the year's pool, in the order they closed, and are shown
  together as one combined group as soon as the pool holds the minimum;
* the year's figures add up only the groups shown.

So what is shown only ever grows by whole groups of at least the minimum: comparing the year's
figures before and after, or a group with the year, never singles out fewer people. Evaluations
left in the pool at the end are never shown (their number is; it describes no answer).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Entry:
    key: Hashable
    closes_on: date
    evaluations: int


@dataclass(frozen=True)
class Group:
    keys: tuple[Hashable, ...]
    evaluations: int

    @property
    def combined(self) -> bool:
        return len(self.keys) > 1


@dataclass(frozen=True)
class Release:
    groups: list[Group]
    held: tuple[Hashable, ...]  # closed, with evaluations, still waiting in the pool
    held_evaluations: int
    waiting: tuple[Hashable, ...]  # not closed yet

    def group_of(self, key: Hashable) -> Group | None:
        return next((g for g in self.groups if key in g.keys), None)

    @property
    def shown_evaluations(self) -> int:
        return sum(g.evaluations for g in self.groups)


def release(entries: Iterable[Entry], minimum: int, today: date) -> Release:
    """The groups of one year's sessions that may be shown on `today`."""
    entries = list(entries)
    closed = sorted(
        (e for e in entries if e.closes_on < today and e.evaluations > 0),
        key=lambda e: (e.closes_on, str(e.key)),
    )
    groups: list[Group] = []
    pool: list[Entry] = []
    for entry in closed:
        if entry.evaluations >= minimum:
            groups.append(Group((entry.key,), entry.evaluations))
            continue
        pool.append(entry)
        if sum(e.evaluations for e in pool) >= minimum:
            groups.append(Group(tuple(e.key for e in pool), sum(e.evaluations for e in pool)))
            pool = []
    return Release(
        groups,
        tuple(e.key for e in pool),
        sum(e.evaluations for e in pool),
        tuple(e.key for e in entries if e.closes_on >= today),
    )
