"""Writes to the audit trail other than recording: only the retention purge."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone

from .models import AuditEntry


def audit_purge(*, partnership, now: datetime | None = None) -> int:
    """Delete the partnership's entries older than its retention period. Returns how many."""
    now = now or timezone.now()
    try:
        cutoff = now.replace(year=now.year - partnership.retention_years)
    except ValueError:  # 29 February
        cutoff = now.replace(year=now.year - partnership.retention_years, day=28)
    return AuditEntry.objects.filter(partnership=partnership).purge_before(cutoff)
