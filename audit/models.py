"""The audit trail: one table for field changes (written by django-auditlog) and named events.

Rows are never edited: `save()` refuses an update and the queryset refuses `update()` and
`delete()`. Only `purge_before()` (the partnership's retention purge) removes rows. The one
exception is Django setting `actor` to NULL when an account is deleted; the entry keeps
`actor_email`.
"""

from __future__ import annotations

from auditlog.models import AbstractLogEntry, LogEntryManager
from django.db import models

from partnerships.models import Partnership


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        if set(kwargs) == {"actor"} and kwargs["actor"] is None:
            return super().update(**kwargs)  # an account was deleted (on_delete=SET_NULL)
        raise PermissionError("Audit entries are never edited.")

    def delete(self):
        raise PermissionError("Audit entries are deleted only by the retention purge.")

    def purge_before(self, cutoff) -> int:
        """Delete entries older than `cutoff` (the retention purge; nothing else deletes)."""
        expired = self.filter(timestamp__lt=cutoff)
        count = expired.count()
        expired._raw_delete(expired.db)
        return count


class AuditEntryManager(LogEntryManager.from_queryset(AuditEntryQuerySet)):
    def log_create(self, instance, force_log: bool = False, **kwargs):
        from .tracking import partnership_id_of

        kwargs.setdefault("partnership_id", partnership_id_of(instance))
        return super().log_create(instance, force_log=force_log, **kwargs)

    def log_m2m_changes(self, changed_queryset, instance, operation, field_name, **kwargs):
        from .tracking import partnership_id_of

        kwargs.setdefault("partnership_id", partnership_id_of(instance))
        return super().log_m2m_changes(changed_queryset, instance, operation, field_name, **kwargs)


class AuditEntry(AbstractLogEntry):
    partnership = models.ForeignKey(
        Partnership, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # Blank for a field change; otherwise an `events.Event` value.
    event = models.CharField(max_length=40, blank=True, db_index=True)

    # Not a scoped manager: account-level entries (partnership empty) belong to no scope.
    # `selectors.entries(partnership, ...)` is the one read for a partnership's trail.
    objects = AuditEntryManager()

    class Meta(AbstractLogEntry.Meta):
        verbose_name = "audit entry"
        verbose_name_plural = "audit entries"
        indexes = [models.Index(fields=["partnership", "-timestamp"])]

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise PermissionError("Audit entries are never edited.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Audit entries are deleted only by the retention purge.")
