"""Writes for resources: start a year, add and remove its rows, answer the adequacy questions
(version-checked, as the business manager and the partners' finance leads both edit it)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models, transaction

from trust.acting import acting_as
from trust.versioning import save_values

from .models import LINE_MODELS, ResourceYear


@transaction.atomic
def resource_year_start(
    *, partnership, year: str, from_last_year: bool = False, actor
) -> ResourceYear:
    """Start a financial year, empty or with a copy of the latest earlier year's lines
    (contributions, income, spending, posts) for the person to check and change."""
    with acting_as(actor):
        if ResourceYear.objects.filter(partnership=partnership, year=year).exists():
            raise ValidationError({"year": f"There is already a record for {year}."})
        started = ResourceYear.objects.create(partnership=partnership, year=year)
        last = (
            ResourceYear.objects.filter(partnership=partnership, year__lt=year)
            .order_by("-year")
            .first()
        )
        if from_last_year and last is not None:
            for line in LINE_MODELS.values():
                for row in line.objects.filter(year=last).order_by("pk"):
                    row.pk, row.year = None, started
                    row.save()
        return started


@transaction.atomic
def resource_line_add(*, year: ResourceYear, line: type[models.Model], values: dict, actor):
    """Add a row of one of the year's tables (`line` is its model)."""
    with acting_as(actor):
        return save_values(line(partnership=year.partnership, year=year), values)


@transaction.atomic
def resource_line_delete(*, row, actor) -> None:
    with acting_as(actor):
        row.delete()


@transaction.atomic
def adequacy_save(
    *, year: ResourceYear, values: dict, expected_version: int | None, actor
) -> ResourceYear:
    with acting_as(actor):
        return save_values(year, values, expected_version=expected_version)
