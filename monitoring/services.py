"""Writes to monitors: save a monitor, import values (all or nothing), add one value."""

from __future__ import annotations

from django.db import transaction

from trust.acting import acting_as
from trust.imports import ImportResult, validate_rows
from trust.signals import data_imported
from trust.versioning import save_values

from .imports import value_row_cleaner
from .models import Monitor, MonitorValue


@transaction.atomic
def monitor_save(
    *,
    partnership,
    monitor: Monitor | None = None,
    values: dict,
    expected_version: int | None = None,
    actor,
) -> Monitor:
    with acting_as(actor):
        monitor = monitor or Monitor(partnership=partnership)
        return save_values(monitor, values, expected_version=expected_version)


@transaction.atomic
def values_import(*, monitor: Monitor, rows: list, file_name: str, actor) -> ImportResult:
    """Add or replace values from spreadsheet rows: every row valid, or nothing changes."""
    result = validate_rows(rows, value_row_cleaner())
    if not result.ok:
        return result
    for data in result.rows:
        MonitorValue.objects.update_or_create(
            partnership=monitor.partnership,
            monitor=monitor,
            period=data["period"],
            breakdown=data["breakdown"],
            group=data["group"],
            series=data["series"],
            defaults={"value": data["value"]},
        )
    data_imported.send(
        sender=MonitorValue,
        actor=actor,
        partnership=monitor.partnership,
        what=f"values of {monitor.name}",
        file_name=file_name,
        rows=len(result.rows),
    )
    return result
