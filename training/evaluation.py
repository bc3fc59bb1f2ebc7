"""The participants' evaluation of a session (pure; no database): four statements on a
five-point scale of agreement, and one optional question in their own words. "Agree" is
strongly agree + agree, as the survey counts "true"."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from surveys.statistics import percent, whole

SCALE = [
    (1, "Strongly agree"),
    (2, "Agree"),
    (3, "Neither agree nor disagree"),
    (4, "Disagree"),
    (5, "Strongly disagree"),
]
AGREE = (1, 2)
NEITHER = (3,)
DISAGREE = (4, 5)

# (field, statement): the order of the form and of every result.
QUESTIONS = [
    ("relevant", "The session was relevant to my work."),
    ("will_use", "I will use what I learned in my practice."),
    ("other_agencies", "I understand better how other agencies work with children and families."),
    ("confident", "I feel more confident to work with and challenge other agencies."),
]
CHANGE_QUESTION = "What will you do differently in your practice after this session?"


@dataclass(frozen=True)
class StatementResult:
    statement: str
    counts: tuple[int, ...]  # one per point of SCALE
    answered: int

    def _sum(self, values: tuple[int, ...]) -> int:
        return sum(c for (value, _), c in zip(SCALE, self.counts, strict=True) if value in values)

    @property
    def agree(self) -> int:
        return self._sum(AGREE)

    @property
    def neither(self) -> int:
        return self._sum(NEITHER)

    @property
    def disagree(self) -> int:
        return self._sum(DISAGREE)

    @property
    def agree_percent(self) -> int | None:
        share = percent(self.agree, self.answered)
        return None if share is None else whole(share)


def results(counts: Mapping[tuple[str, int], int]) -> list[StatementResult]:
    """Each statement's answers from counts keyed by (field, scale value)."""
    found = []
    for field, statement in QUESTIONS:
        row = tuple(counts.get((field, value), 0) for value, _ in SCALE)
        found.append(StatementResult(statement, row, sum(row)))
    return found
