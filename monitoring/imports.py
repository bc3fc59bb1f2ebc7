"""Reading monitor values from a spreadsheet: period, value, and optionally breakdown, group
and series (Local, England, region, statistical neighbours...)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError

from trust.tabular import Row

from .models import LOCAL

VALUE_COLUMNS = ("period", "value")


def _number(raw: str, problems: list[str]) -> Decimal | None:
    """A value like 12, 12.5, 1,200 or 12%; a problem is added for anything else."""
    if not raw:
        problems.append("Enter the value as a number.")
        return None
    try:
        value = Decimal(raw.rstrip("%"))
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite() or abs(value) >= Decimal("1e11"):
        problems.append(f"{raw[:40]} is not a number.")
        return None
    return value


def value_row_cleaner():
    def clean(row: Row, seen: dict) -> dict:
        problems = []
        period = row.values.get("period", "").strip()
        raw = row.values.get("value", "").strip().replace(",", "")
        breakdown = row.values.get("breakdown", "").strip()
        group = row.values.get("group", "").strip()
        series = row.values.get("series", "").strip() or LOCAL
        if not period:
            problems.append("Enter the period, like 2024-25.")
        elif len(period) > 20:
            problems.append("The period must be 20 characters or fewer.")
        value = _number(raw, problems)
        if bool(breakdown) != bool(group):
            problems.append("Give both the breakdown and the group, or neither.")
        if len(breakdown) > 60 or len(group) > 100 or len(series) > 60:
            problems.append("Breakdown, group or series is too long.")
        key = (period, breakdown, group, series)
        if not problems and key in seen:
            problems.append(f"This period, group and series is also on row {seen[key]}.")
        if problems:
            raise ValidationError(problems)
        seen[key] = row.number
        return {
            "period": period,
            "breakdown": breakdown,
            "group": group,
            "series": series,
            "value": value,
        }

    return clean
