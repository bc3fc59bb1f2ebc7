"""The national picture in the demo: Northshire shares its published 2024-25 report, and ten
sample partnerships have shared summaries for 2023-24 and 2024-25 (three for 2022-23, which
the national picture therefore hides), so the distributions are real. A national viewer can
sign in to see them."""

from __future__ import annotations

import random

from django.contrib.auth import get_user_model
from django_scopes import scope, scopes_disabled

from demo.partnerships import DEMO_PASSWORD
from framework.models import Indicator, Outcome, RatingLevel, SurveyStatement
from framework.selectors import current_edition
from national.models import SharedRating, SharedStatement, SharedSummary
from national.services import summary_share
from partnerships.models import Partnership, Region
from reports.models import YearlyReport

NATIONAL_VIEWER = "viewer@national.example"
SAMPLE = [f"Sample Safeguarding Children Partnership {letter}" for letter in "ABCDEFGHJK"]
PERIODS = {"2022-23": 3, "2023-24": 10, "2024-25": 10}


def demo_national(partnerships: dict) -> None:
    northshire = partnerships["northshire"]
    manager = get_user_model().objects.get(email="manager@northshire.example")
    with scope(partnership=northshire):
        report = YearlyReport.objects.filter(status=YearlyReport.Status.PUBLISHED).first()
        if report:
            summary_share(report=report, actor=manager)
    if not get_user_model().objects.filter(email=NATIONAL_VIEWER).exists():
        get_user_model().objects.create_user(
            email=NATIONAL_VIEWER,
            password=DEMO_PASSWORD,
            full_name="Nadia Okafor",
            is_national_viewer=True,
        )
    _samples()


def _samples() -> None:
    edition = current_edition()
    values = list(
        RatingLevel.objects.filter(edition=edition)
        .order_by("value")
        .values_list("value", flat=True)
    )
    outcomes = list(Outcome.objects.filter(edition=edition))
    indicators = list(Indicator.objects.filter(outcome__edition=edition).select_related("outcome"))
    statements = list(
        SurveyStatement.objects.filter(category__edition=edition).values_list("number", flat=True)
    )
    regions = Region.values
    rng = random.Random(2024)  # noqa: S311 (repeatable sample data, not security)
    with scopes_disabled():
        for index, name in enumerate(SAMPLE):
            partnership = Partnership.objects.create(
                name=name, slug=f"sample-{name[-1].lower()}", region=regions[index % len(regions)]
            )
            strength = rng.uniform(-0.8, 0.8)
            for year, (period, sharing) in enumerate(PERIODS.items()):
                if index >= sharing:
                    continue
                summary = SharedSummary.objects.create(
                    partnership=partnership,
                    period=period,
                    edition=edition.name,
                    wave_period=period[:4] if index % 3 else "",
                )

                def level(bias: float, year=year, strength=strength) -> int:
                    # Middle levels are commonest; partnerships improve a little each year.
                    position = 1.4 + strength + 0.3 * year + bias + rng.gauss(0, 0.8)
                    return values[max(0, min(len(values) - 1, round(position)))]

                rows = [
                    SharedRating(
                        summary=summary,
                        outcome_code=o.code,
                        level=level(-0.4 if o.category.number == 3 else 0),
                    )
                    for o in outcomes
                ]
                rows += [
                    SharedRating(
                        summary=summary,
                        outcome_code=i.outcome.code,
                        indicator_code=i.code,
                        level=level(-0.4 if i.outcome.category.number == 3 else 0),
                    )
                    for i in indicators
                ]
                SharedRating.objects.bulk_create(rows)
                if summary.wave_period:
                    SharedStatement.objects.bulk_create(
                        SharedStatement(
                            summary=summary,
                            number=n,
                            true_percent=max(0, min(100, round(rng.gauss(62 + 20 * strength, 12)))),
                        )
                        for n in statements
                    )
