"""The year a yearly report covers. A report covers only its period: the financial year named
by its period (2024-25 is 1 April 2024 to 31 March 2025). The rule for each section is in
docs/reports.md."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from ui.periods import period_bounds


@dataclass(frozen=True)
class ReportYear:
    label: str
    start: date
    end: date

    def not_after(self, period: str) -> bool:
        """True for a monitor period (e.g. 2023-24, 2024 or 2024 Q3) that starts no later than
        this year: its first four-digit year is at most this year's first."""
        found = re.search(r"\d{4}", period)
        return found is not None and int(found.group(0)) <= self.start.year


def report_year(period: str) -> ReportYear:
    start, end = period_bounds(period)
    return ReportYear(label=period, start=start, end=end)
