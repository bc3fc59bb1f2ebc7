"""What respondents said about resources (the report's Table A11): for each question, how many
said yes and no, as counts and percentages of those who answered it, withheld when fewer
answered it than the wave's smallest group; and what other resources they said are needed,
shown only when that many wrote something. Two queries."""

from __future__ import annotations

import random
from dataclasses import dataclass

from django.db.models import Count, Q

from .models import ResourceAnswer, Wave


@dataclass(frozen=True)
class AdequacyRow:
    question: str
    yes: int
    no: int
    shown: bool  # False: fewer answered than the smallest group, so nothing is shown

    @property
    def answered(self) -> int:
        return self.yes + self.no

    def share(self, count: int) -> int:
        """A whole percentage of those who answered (as the report's table gives them)."""
        return round(100 * count / self.answered) if self.answered else 0

    @property
    def yes_text(self) -> str:
        return f"{self.yes} ({self.share(self.yes)}%)"

    @property
    def no_text(self) -> str:
        return f"{self.no} ({self.share(self.no)}%)"


@dataclass(frozen=True)
class Adequacy:
    rows: list[AdequacyRow]
    needed: list[str]  # in no particular order; empty when too few wrote anything
    needed_count: int
    minimum: int


def adequacy_answers(wave: Wave) -> Adequacy | None:
    """Respondents' answers on resources for a wave that asked them (None otherwise)."""
    if not wave.asks_resources:
        return None
    answers = ResourceAnswer.objects.filter(response__wave=wave, response__submitted=True)
    counts = answers.aggregate(
        **{
            f"{name}_{value}": Count("pk", filter=Q(**{name: value}))
            for name, _ in ResourceAnswer.QUESTIONS
            for value in ResourceAnswer.Adequate.values
        }
    )
    minimum = wave.min_group_size
    rows = []
    for name, question in ResourceAnswer.QUESTIONS:
        yes, no = counts[f"{name}_yes"], counts[f"{name}_no"]
        rows.append(AdequacyRow(question, yes, no, shown=yes + no >= minimum))
    needed = list(answers.exclude(needed="").values_list("needed", flat=True))
    # The order says nothing about who wrote what, or when.
    random.SystemRandom().shuffle(needed)
    return Adequacy(
        rows=rows,
        needed=needed if len(needed) >= minimum else [],
        needed_count=len(needed),
        minimum=minimum,
    )


def survey_for_year(year: str) -> Wave | None:
    """The closed wave that asked about resources in a financial year ("2025-26": a wave whose
    period starts 2025), to set beside the business unit's own answer."""
    for wave in Wave.objects.filter(asks_resources=True, period__startswith=year[:4]):
        if wave.is_closed:
            return wave
    return None
