"""Soft deletion: a deleted record can be restored for `MACS_RESTORE_DAYS`, then it is purged.

Models inherit `SoftDeleteModel` and build their manager with `live_manager(...)`, so ordinary
queries never see deleted rows; `all_objects` sees everything (for the restore page and the
purge command).
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone


class LiveQuerySet(models.QuerySet):
    def deleted(self) -> LiveQuerySet:
        return self.filter(deleted_at__isnull=False)


class LiveManager(models.Manager.from_queryset(LiveQuerySet)):
    """Hides deleted rows."""

    def get_queryset(self) -> LiveQuerySet:
        return super().get_queryset().filter(deleted_at__isnull=True)


class AllManager(models.Manager.from_queryset(LiveQuerySet)):
    """Every row, deleted or not."""


class SoftDeleteModel(models.Model):
    deleted_at = models.DateTimeField(null=True, blank=True, editable=False, db_index=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True

    @property
    def restore_until(self):
        if self.deleted_at is None:
            return None
        return self.deleted_at + timedelta(days=settings.MACS_RESTORE_DAYS)


def mark_deleted(instance: SoftDeleteModel, *, actor) -> None:
    """Hide the record; it can be restored until `restore_until`."""
    instance.deleted_at = timezone.now()
    instance.deleted_by = actor
    instance.save(update_fields=["deleted_at", "deleted_by"])


def mark_restored(instance: SoftDeleteModel) -> None:
    instance.deleted_at = None
    instance.deleted_by = None
    instance.save(update_fields=["deleted_at", "deleted_by"])


def soft_delete_models() -> list[type[SoftDeleteModel]]:
    from django.apps import apps

    return [m for m in apps.get_models() if issubclass(m, SoftDeleteModel)]


@transaction.atomic
def purge_expired(now=None) -> dict[str, int]:
    """Delete for good every record deleted more than `MACS_RESTORE_DAYS` ago."""
    cutoff = (now or timezone.now()) - timedelta(days=settings.MACS_RESTORE_DAYS)
    counts = {}
    for model in soft_delete_models():
        manager = getattr(model, "all_objects", model._base_manager)
        expired = manager.filter(deleted_at__lt=cutoff)
        counts[model._meta.label] = expired.count()
        expired.delete()
    return counts
