"""Financial years as partnerships write them ("2025-26", April to March): one check and
one way to name the next, used by every form and service that takes a year."""

from __future__ import annotations

import re
from datetime import date

from django.db.models.functions import ExtractMonth, ExtractYear
from django.utils import timezone

PERIOD = re.compile(r"^(\d{4})-(\d{2})$")


def valid_period(period: str) -> bool:
    match = PERIOD.match(period or "")
    return bool(match) and (int(match[1]) + 1) % 100 == int(match[2])


def period_of(start_year: int) -> str:
    return f"{start_year}-{(start_year + 1) % 100:02d}"


def next_period(period: str) -> str:
    return period_of(int(period[:4]) + 1)


def this_period(today: date | None = None) -> str:
    today = today or timezone.localdate()
    return period_of(today.year if today.month >= 4 else today.year - 1)


def period_bounds(period: str) -> tuple[date, date]:
    """The first and last day of a financial year: 2024-25 is 1 April 2024 to 31 March 2025."""
    first = int(period[:4])
    return date(first, 4, 1), date(first + 1, 3, 31)


def periods_with(queryset, field: str = "date") -> list[str]:
    """The financial years in which `queryset` has a `field` date, latest first (one query)."""
    starts = {
        year if month >= 4 else year - 1
        for year, month in queryset.annotate(y=ExtractYear(field), m=ExtractMonth(field))
        .values_list("y", "m")
        .order_by()
        .distinct()
    }
    return [period_of(y) for y in sorted(starts, reverse=True)]
