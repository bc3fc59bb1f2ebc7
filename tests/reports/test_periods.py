"""A yearly report covers only its period: items belong to the year in which they were created,
completed, due or reviewed, and a progress review to the year it is dated in."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from django_scopes import scope

from actions.models import Action
from monitoring.models import LOCAL, Monitor, MonitorValue
from planning.models import Priority, PriorityOutcome, ProgressUpdate
from reports.assemble import assemble
from reports.document import Table
from reports.models import YearlyReport
from reports.periods import report_year
from reviews.models import Review

pytestmark = pytest.mark.django_db


def _at(day: date):
    return timezone.make_aware(datetime(day.year, day.month, day.day, 12))


def _text(document) -> str:
    parts = []
    for block in document.blocks:
        if isinstance(block, Table):
            parts += [block.caption, *(" | ".join(map(str, row)) for row in block.rows)]
        else:
            parts.append(getattr(block, "text", "") or " ".join(getattr(block, "items", [])))
    return "\n".join(parts)


def test_report_year_is_the_financial_year():
    year = report_year("2025-26")
    assert (year.start, year.end) == (date(2025, 4, 1), date(2026, 3, 31))
    assert year.not_after("2025-26")
    assert year.not_after("2019")
    assert not year.not_after("2026-27")


def test_only_the_reports_year_is_in_the_report(demo):
    northshire = demo["northshire"]
    with scope(partnership=northshire):
        review = Review.objects.get(period="2025-26")
        report = YearlyReport.objects.create(
            partnership=northshire, period="2025-26", review=review
        )
        within = Priority.objects.create(
            partnership=northshire,
            edition=review.edition,
            title="Started within the year",
            created_at=_at(date(2025, 6, 1)),
        )
        outcome = PriorityOutcome.objects.create(
            partnership=northshire, priority=within, target_group="Families", text="Seen sooner"
        )
        ProgressUpdate.objects.create(
            partnership=northshire, outcome=outcome, date=date(2025, 9, 1), status="on_track"
        )
        ProgressUpdate.objects.create(
            partnership=northshire, outcome=outcome, date=date(2026, 10, 31), status="off_track"
        )
        Priority.objects.create(
            partnership=northshire,
            edition=review.edition,
            title="Started the year after",
            created_at=_at(date(2026, 10, 1)),
        )
        Action.objects.create(
            partnership=northshire,
            title="Due within the year",
            due_date=date(2026, 1, 10),
            created_at=_at(date(2025, 5, 1)),
        )
        Action.objects.create(
            partnership=northshire,
            title="Due the year after",
            due_date=date(2027, 1, 10),
            created_at=_at(date(2026, 11, 1)),
        )
        monitor = Monitor.objects.create(
            partnership=northshire,
            name="Later values only for later years",
            unit="%",
            direction="up",
        )
        for period, value in (("2025-26", "40"), ("2026-27", "90")):
            MonitorValue.objects.create(
                monitor=monitor,
                period=period,
                value=Decimal(value),
                series=LOCAL,
                partnership=northshire,
            )
        text = _text(assemble(report))
    assert "Started within the year" in text
    assert "Started the year after" not in text
    assert "On track (1 Sep 2025)" in text
    assert "31 Oct 2026" not in text
    assert "1 actions from reviews, audits and other learning in 2025-26" in text
    assert "Later values only for later years | 2025-26 | 40 %" in text
    assert "| 2026-27 |" not in text
