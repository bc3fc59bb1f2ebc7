"""Writes for resources: start a year, add and remove its rows, answer the adequacy questions
(version-checked, as the business manager and the partners' finance leads both edit it)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from trust.versioning import save_form_versioned

from .models import ResourceYear


@transaction.atomic
def resource_year_start(*, partnership, year: str, actor) -> ResourceYear:
    if ResourceYear.objects.filter(partnership=partnership, year=year).exists():
        raise ValidationError({"year": f"There is already a record for {year}."})
    return ResourceYear.objects.create(partnership=partnership, year=year)


@transaction.atomic
def resource_line_add(*, form, year: ResourceYear, actor):
    row = form.save(commit=False)
    row.partnership = year.partnership
    row.year = year
    row.save()
    return row


@transaction.atomic
def resource_line_delete(*, row, actor) -> None:
    row.delete()


@transaction.atomic
def adequacy_save(*, form, actor) -> ResourceYear:
    return save_form_versioned(form)
