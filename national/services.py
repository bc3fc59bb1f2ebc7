"""Sharing a published yearly report's summary with the national picture."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from audit.events import Event, record
from reports.models import YearlyReport
from signoff.services import snapshot_content
from trust.acting import acting_as

from .models import SharedRating, SharedStatement, SharedSummary


@transaction.atomic
def summary_share(*, report: YearlyReport, actor) -> SharedSummary:
    """Copy the published report's signed-off ratings and judgements, and its closed wave's
    published "true" percentages (hidden ones are left out), replacing any earlier share of the
    period. Everything comes from the signed version, never from live records."""
    if report.status != YearlyReport.Status.PUBLISHED or report.published_snapshot_id is None:
        raise ValidationError("Publish the report before sharing its summary.")
    figures = snapshot_content(report.published_snapshot, actor=actor)["national"]
    if not figures["review_signed"]:
        raise ValidationError("Only a signed-off review can be shared.")
    SharedSummary.objects.filter(partnership=report.partnership, period=report.period).delete()
    summary = SharedSummary.objects.create(
        partnership=report.partnership,
        period=report.period,
        edition=figures["edition"],
        wave_period=figures["wave_period"],
        shared_by=actor,
    )
    ratings = [
        SharedRating(summary=summary, outcome_code=outcome, indicator_code=indicator, level=level)
        for outcome, indicator, level in figures["ratings"]
    ]
    ratings += [
        SharedRating(summary=summary, outcome_code=code, level=level)
        for code, level in figures["judgements"]
    ]
    SharedRating.objects.bulk_create(ratings)
    SharedStatement.objects.bulk_create(
        SharedStatement(summary=summary, number=number, true_percent=percent)
        for number, percent in figures["statements"]
    )
    record(
        Event.PUBLISH,
        actor=actor,
        partnership=report.partnership,
        subject=report,
        detail={"what": "summary shared with the national picture", "period": report.period},
    )
    return summary


@transaction.atomic
def summary_withdraw(*, report: YearlyReport, actor) -> int:
    with acting_as(actor):
        deleted, _ = SharedSummary.objects.filter(
            partnership=report.partnership, period=report.period
        ).delete()
        return deleted
