"""Sharing a published yearly report's summary with the national picture."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from audit.events import Event, record
from reports.models import YearlyReport
from reviews.models import OutcomeJudgement, Rating, Review
from surveys.results import statement_results

from .models import SharedRating, SharedStatement, SharedSummary


@transaction.atomic
def summary_share(*, report: YearlyReport, actor) -> SharedSummary:
    """Copy the report's signed-off ratings and judgements, and its closed wave's published
    "true" percentages (hidden ones are left out), replacing any earlier share of the period."""
    if report.status != YearlyReport.Status.PUBLISHED:
        raise ValidationError("Publish the report before sharing its summary.")
    review = report.review
    if review is None or review.status != Review.Status.SIGNED_OFF:
        raise ValidationError("Only a signed-off review can be shared.")
    SharedSummary.objects.filter(partnership=report.partnership, period=report.period).delete()
    wave = report.wave if report.wave and report.wave.is_closed else None
    summary = SharedSummary.objects.create(
        partnership=report.partnership, period=report.period, edition=review.edition.name,
        wave_period=wave.period if wave else "", shared_by=actor,
    )  # fmt: skip
    ratings = [
        SharedRating(
            summary=summary,
            outcome_code=r["indicator__outcome__code"],
            indicator_code=r["indicator__code"],
            level=r["level"],
        )
        for r in Rating.objects.filter(
            review=review, indicator__isnull=False, level__isnull=False
        ).values("indicator__outcome__code", "indicator__code", "level")
    ]
    ratings += [
        SharedRating(summary=summary, outcome_code=code, level=level)
        for code, level in OutcomeJudgement.objects.filter(
            review=review, level__isnull=False
        ).values_list("outcome__code", "level")
    ]
    SharedRating.objects.bulk_create(ratings)
    if wave:
        statements = []
        for result in statement_results(wave):
            true = result.truth.groups.get("true")
            if result.statement.number < 100 and true is not None and true.whole is not None:
                statements.append(
                    SharedStatement(
                        summary=summary, number=result.statement.number, true_percent=true.whole
                    )
                )
        SharedStatement.objects.bulk_create(statements)
    record(
        Event.PUBLISH, actor=actor, partnership=report.partnership, subject=report,
        detail={"what": "summary shared with the national picture", "period": report.period},
    )  # fmt: skip
    return summary


@transaction.atomic
def summary_withdraw(*, report: YearlyReport, actor) -> int:
    deleted, _ = SharedSummary.objects.filter(
        partnership=report.partnership, period=report.period
    ).delete()
    return deleted
