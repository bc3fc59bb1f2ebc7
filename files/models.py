"""Files people upload. Stored under a random name outside static files, and only ever served
as a download through `files:download`, which the access policy guards."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django_scopes import ScopedManager

from partnerships.models import Partnership
from trust.softdelete import AllManager, LiveManager, SoftDeleteModel


class StoredFile(SoftDeleteModel):
    """One uploaded file. Other apps (evidence, reports) point at it."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    original_name = models.CharField(max_length=255)
    stored_name = models.CharField(max_length=100, unique=True, editable=False)
    kind = models.CharField(max_length=10)
    content_type = models.CharField(max_length=120)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    in_library = models.BooleanField(
        default=True, help_text="Listed in the partnership's document library."
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedManager(partnership="partnership", _manager_class=LiveManager)
    all_objects = ScopedManager(partnership="partnership", _manager_class=AllManager)

    class Meta:
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def path(self):
        return settings.MACS_UPLOAD_ROOT / self.stored_name

    @property
    def download_name(self) -> str:
        """A safe file name for the download: the name it came with (or its title), keeping
        letters, digits, spaces and plain punctuation, with the checked type's extension."""
        stem = self.original_name.rsplit(".", 1)[0] if self.original_name else self.title
        kept = "".join(c for c in stem if c.isalnum() or c in " -_,()")
        return f"{' '.join(kept.split())[:80] or 'file'}.{self.kind}"


@receiver(post_delete, sender=StoredFile)
def _remove_file(*, instance: StoredFile, **kwargs) -> None:
    # After the purge commits: the row is gone for good, so is the file.
    path = instance.path
    transaction.on_commit(lambda: path.unlink(missing_ok=True))
