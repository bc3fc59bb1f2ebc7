"""Reads for the national picture: distributions across sharing partnerships, counted in the
database from the shared snapshots only. A distribution drawn from fewer than five
partnerships is not shown, and nothing names or ranks a partnership."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from statistics import median

from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber

from framework.models import Edition, Indicator, Outcome, RatingLevel, SurveyStatement

from .models import SharedRating, SharedStatement, SharedSummary

MINIMUM_PARTNERSHIPS = 5
BANDS = [(0, 19), (20, 39), (40, 59), (60, 79), (80, 100)]


@dataclass
class Distribution:
    label: str
    code: str
    n: int
    counts: list[int]  # per rating level (or per band), in order

    @property
    def hidden(self) -> bool:
        return self.n < MINIMUM_PARTNERSHIPS


def periods() -> list[tuple[str, int]]:
    """Each shared period with how many partnerships shared it, newest first."""
    return list(
        SharedSummary.objects.values_list("period").annotate(n=Count("pk")).order_by("-period")
    )


def edition_for(period: str) -> Edition | None:
    name = SharedSummary.objects.filter(period=period).values_list("edition", flat=True).first()
    return Edition.objects.filter(name=name).first() if name else None


def levels(edition: Edition) -> list[RatingLevel]:
    return list(RatingLevel.objects.filter(edition=edition).order_by("value"))


def _distributions(rows, keys: list[tuple[str, str]], values: list[int]) -> list[Distribution]:
    counts: dict[str, dict[int, int]] = defaultdict(dict)
    for row in rows:
        counts[row["key"]][row["level"]] = row["n"]
    result = []
    for code, label in keys:
        found = counts.get(code, {})
        result.append(
            Distribution(label, code, sum(found.values()), [found.get(v, 0) for v in values])
        )
    return result


def outcome_distributions(period: str, edition: Edition) -> list[Distribution]:
    rows = (
        SharedRating.objects.filter(summary__period=period, indicator_code="")
        .annotate(key=F("outcome_code"))
        .values("key", "level")
        .annotate(n=Count("summary", distinct=True))
        .order_by()
    )
    outcomes = [
        (o.code, f"{o.code} {o.short_name}") for o in Outcome.objects.filter(edition=edition)
    ]
    return _distributions(rows, outcomes, [lv.value for lv in levels(edition)])


def indicator_distributions(period: str, edition: Edition, outcome: Outcome) -> list[Distribution]:
    rows = (
        SharedRating.objects.filter(summary__period=period, outcome_code=outcome.code)
        .exclude(indicator_code="")
        .annotate(key=F("indicator_code"))
        .values("key", "level")
        .annotate(n=Count("summary", distinct=True))
        .order_by()
    )
    indicators = [(i.code, f"{i.code} {i.text}") for i in Indicator.objects.filter(outcome=outcome)]
    return _distributions(rows, indicators, [lv.value for lv in levels(edition)])


def outcome_over_years(outcome: Outcome, edition: Edition) -> list[Distribution]:
    rows = (
        SharedRating.objects.filter(
            outcome_code=outcome.code, indicator_code="", summary__edition=edition.name
        )
        .annotate(key=F("summary__period"))
        .values("key", "level")
        .annotate(n=Count("summary", distinct=True))
        .order_by()
    )
    years = sorted({p for p, _ in periods()})
    return _distributions(rows, [(p, p) for p in years], [lv.value for lv in levels(edition)])


@dataclass
class StatementSpread:
    number: int
    text: str
    n: int
    bands: list[int]
    middle: int | None  # the median "true" percentage

    @property
    def hidden(self) -> bool:
        return self.n < MINIMUM_PARTNERSHIPS


def statement_spreads(period: str, edition: Edition) -> list[StatementSpread]:
    """Each statement's spread of "true" percentages across partnerships: how many fall in each
    band, and the median, all counted in the database (two queries and the statements')."""
    shared = SharedStatement.objects.filter(summary__period=period)
    counts = {
        row["number"]: row
        for row in shared.values("number")
        .annotate(
            n=Count("pk"),
            **{
                f"band{i}": Count("pk", filter=Q(true_percent__range=band))
                for i, band in enumerate(BANDS)
            },
        )
        .order_by()
    }
    # The median is the middle value, or the mean of the middle two: number each statement's
    # percentages in order and keep only the middle ones.
    middles: dict[int, list[int]] = defaultdict(list)
    ranked = (
        shared.annotate(
            position=Window(
                RowNumber(), partition_by=F("number"), order_by=F("true_percent").asc()
            ),
            total=Window(Count("pk"), partition_by=F("number")),
        )
        .filter(position__gte=(F("total") + 1) / 2, position__lte=(F("total") + 2) / 2)
        .values_list("number", "true_percent")
    )
    for number, percent in ranked:
        middles[number].append(percent)
    spreads = []
    for statement in SurveyStatement.objects.filter(category__edition=edition).order_by("number"):
        found = counts.get(statement.number, {})
        n = found.get("n", 0)
        spreads.append(
            StatementSpread(
                statement.number,
                statement.text,
                n,
                [found.get(f"band{i}", 0) for i in range(len(BANDS))],
                round(median(middles[statement.number])) if n >= MINIMUM_PARTNERSHIPS else None,
            )
        )
    return spreads


@dataclass
class Standing:
    """One of a partnership's shared figures beside the national distribution it belongs to:
    how many partnerships are in each band, and which band is this partnership's. A band only:
    never a rank or a percentile, and no other partnership named."""

    label: str
    yours: str
    bands: list[tuple[str, int, bool]]  # (band, how many partnerships, is it this one's)
    n: int


def standings(summary: SharedSummary, edition: Edition) -> dict[str, list[Standing]]:
    """Where a partnership stands, for the period it shared: each outcome's rating and each
    survey statement's "true" percentage beside the distributions the national picture shows.
    Only distributions of at least MINIMUM_PARTNERSHIPS partnerships are given."""
    scale = levels(edition)
    own_levels = dict(
        summary.ratings.filter(indicator_code="").values_list("outcome_code", "level")
    )
    outcomes = []
    for found in outcome_distributions(summary.period, edition):
        mine = own_levels.get(found.code)
        if found.hidden or mine is None:
            continue
        outcomes.append(
            Standing(
                found.label,
                next(lv.label for lv in scale if lv.value == mine),
                [
                    (lv.label, count, lv.value == mine)
                    for lv, count in zip(scale, found.counts, strict=True)
                ],
                found.n,
            )
        )
    own_percent = dict(summary.statements.values_list("number", "true_percent"))
    statements = []
    for spread in statement_spreads(summary.period, edition):
        mine = own_percent.get(spread.number)
        if spread.hidden or mine is None:
            continue
        bands = [
            (f"{low}–{high}%", count, low <= mine <= high)
            for count, (low, high) in zip(spread.bands, BANDS, strict=True)
        ]
        yours = next(label for label, _, is_mine in bands if is_mine)
        statements.append(Standing(f"{spread.number}. {spread.text}", yours, bands, spread.n))
    return {"outcomes": outcomes, "statements": statements}
