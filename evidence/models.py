"""The evidence register: what the partnership's judgements rest on.

Items are typed by the report's 19 sources of evidence (or a local type), and carry a link or an
uploaded file. Later apps link them to ratings and judgements and tell this app where each
item is used (the "evidence_usage" hook).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django_scopes import ScopedManager

from files.models import StoredFile
from framework.models import EvidenceSource
from partnerships.models import Agency, Partnership
from trust.softdelete import AllManager, LiveManager, SoftDeleteModel
from trust.versioning import VersionedModel


class EvidenceItem(VersionedModel, SoftDeleteModel):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    source = models.ForeignKey(
        EvidenceSource,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="source of evidence",
    )
    local_type = models.CharField(
        "local type of evidence",
        max_length=100,
        blank=True,
        help_text="Only if none of the sources of evidence fits.",
    )
    title = models.CharField(max_length=200)
    date = models.DateField(help_text="When the evidence was produced or published.")
    owner_agency = models.ForeignKey(
        Agency,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="owner agency",
    )
    summary = models.TextField(blank=True)
    url = models.URLField("link", max_length=500, blank=True)
    file = models.ForeignKey(
        StoredFile, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = ScopedManager(partnership="partnership", _manager_class=LiveManager)
    all_objects = ScopedManager(partnership="partnership", _manager_class=AllManager)

    class Meta:
        ordering = ["-date", "title"]
        verbose_name = "evidence item"
        constraints = [
            models.CheckConstraint(
                condition=~(models.Q(source__isnull=True) & models.Q(local_type="")),
                name="evidence_has_a_type",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def type_label(self) -> str:
        return self.source.text if self.source_id else self.local_type
