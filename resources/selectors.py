"""Reads for resources: one year's totals, shares and year-on-year change, counted in the
database (a handful of aggregate queries however many rows a year has)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Sum

from ui.charts import Series, bar_chart

from .models import QUESTIONS, Contribution, OtherResource, Post, ResourceYear, Spend

ZERO = Decimal("0")


def share(part: Decimal, whole: Decimal) -> str:
    """A percentage to one decimal, as the report prints shares; blank without a whole."""
    if not whole:
        return ""
    return f"{(Decimal(100) * part / whole).quantize(Decimal('0.1'))}%"


def change(now: Decimal | None, before: Decimal | None) -> str:
    if before is None or now is None:
        return ""
    if not before:
        return "new" if now else ""
    percent = (Decimal(100) * (now - before) / before).quantize(Decimal("0.1"))
    return f"{'+' if percent > 0 else ''}{percent}%"


@dataclass
class Row:
    label: str
    amount: Decimal
    share: str = ""
    last: Decimal | None = None
    change: str = ""


@dataclass
class YearSummary:
    year: ResourceYear
    previous: ResourceYear | None
    sectors: list[Row]
    contributions_total: Decimal
    income_total: Decimal
    in_kind_total: Decimal
    spend: list[Row]
    spend_total: Decimal
    posts_fte: Decimal
    totals: list[Row] = field(default_factory=list)
    adequacy: list[tuple[str, str, str]] = field(default_factory=list)


def _by(queryset, key: str) -> dict:
    return {
        r[key]: r["total"] or ZERO
        for r in queryset.values(key).annotate(total=Sum("amount")).order_by()
    }


def previous_year(year: ResourceYear) -> ResourceYear | None:
    return ResourceYear.objects.filter(year__lt=year.year).order_by("-year").first()


def year_summary(year: ResourceYear) -> YearSummary:
    previous = previous_year(year)
    sectors_now = _by(Contribution.objects.filter(year=year), "sector")
    # A year with no contributions yet is not a year in which every contribution fell by 100%:
    # changes are shown once it has some.
    compared = previous if sectors_now else None
    sectors_then = _by(Contribution.objects.filter(year=previous), "sector") if previous else {}
    total = sum(sectors_now.values(), ZERO)
    labels = dict(Contribution.Sector.choices)
    sectors = [
        Row(
            labels[key],
            sectors_now.get(key, ZERO),
            share(sectors_now.get(key, ZERO), total),
            sectors_then.get(key) if previous else None,
            change(sectors_now.get(key, ZERO), sectors_then.get(key, ZERO)) if compared else "",
        )
        for key in Contribution.Sector.values
        if key in sectors_now or key in sectors_then
    ]
    others = _by(OtherResource.objects.filter(year=year), "kind")
    spend_now = _spend(year)
    spend_then = _spend(previous) if previous else {}
    spend_total = sum(spend_now.values(), ZERO)
    spend = [
        Row(
            label,
            amount,
            share(amount, spend_total),
            spend_then.get(label) if previous else None,
            change(amount, spend_then.get(label, ZERO)) if previous else "",
        )
        for label, amount in spend_now.items()
    ]
    posts = Post.objects.filter(year=year).aggregate(fte=Sum("fte"))["fte"] or ZERO
    summary = YearSummary(
        year=year,
        previous=previous,
        sectors=sectors,
        contributions_total=total,
        income_total=others.get(OtherResource.Kind.INCOME, ZERO),
        in_kind_total=others.get(OtherResource.Kind.IN_KIND, ZERO),
        spend=spend,
        spend_total=spend_total,
        posts_fte=posts,
    )
    then_total = sum(sectors_then.values(), ZERO) if previous else None
    summary.totals = [
        Row(
            "Partner contributions",
            total,
            last=then_total,
            change=change(total, then_total) if compared else "",
        ),
        Row("Additional income", summary.income_total),
        Row("In-kind resources (estimated)", summary.in_kind_total),
        Row(
            "Expenditure",
            spend_total,
            last=sum(spend_then.values(), ZERO) if previous else None,
            change=change(spend_total, sum(spend_then.values(), ZERO))
            if previous and spend_now
            else "",
        ),
    ]
    summary.adequacy = [
        (
            ResourceYear._meta.get_field(q).verbose_name,
            getattr(year, f"get_{q}_display")() or "Not answered",
            getattr(year, f"{q}_comment"),
        )
        for q in QUESTIONS
    ]
    return summary


def _spend(year: ResourceYear) -> dict[str, Decimal]:
    labels = dict(Spend.Category.choices)
    totals: dict[str, Decimal] = {}
    rows = (
        Spend.objects.filter(year=year)
        .values("category", "local_category")
        .annotate(total=Sum("amount"))
        .order_by("category", "local_category")
    )
    for r in rows:
        label = (
            r["local_category"] if r["category"] == Spend.Category.LOCAL else labels[r["category"]]
        )
        totals[label] = totals.get(label, ZERO) + (r["total"] or ZERO)
    return totals


def contributions_chart(
    summary: YearSummary, fmt: str | tuple[str, ...] = "svg"
) -> bytes | tuple[bytes, ...]:
    series = [Series(summary.year.year, [float(r.amount) for r in summary.sectors])]
    if summary.previous:
        series.append(
            Series(
                summary.previous.year,
                [float(r.last) if r.last is not None else None for r in summary.sectors],
            )
        )
    return bar_chart(
        title=f"Partner contributions, {summary.year.year}",
        labels=[r.label for r in summary.sectors],
        series=series,
        unit="£",
        fmt=fmt,
    )


def spend_chart(summary: YearSummary, fmt: str = "svg") -> bytes:
    return bar_chart(
        title=f"Expenditure by category, {summary.year.year}",
        labels=[r.label for r in summary.spend],
        series=[Series(summary.year.year, [float(r.amount) for r in summary.spend])],
        unit="£",
        fmt=fmt,
    )
