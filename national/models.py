"""The national picture: snapshots a partnership chooses to share when it publishes its yearly
report. Sharing copies a summary here (ratings, judgements and published survey percentages,
never responses, comments or evidence), so the national view never reads live partnership
data. These tables are deliberately not scoped to a partnership, and no national page names
one."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from partnerships.models import Partnership


class SharedSummary(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    period = models.CharField(max_length=7)
    edition = models.CharField(max_length=50)
    wave_period = models.CharField(max_length=20, blank=True)
    shared_at = models.DateTimeField(default=timezone.now)
    shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["partnership", "period"], name="one_share_per_period")
        ]

    def __str__(self) -> str:
        return f"Shared summary {self.period}"


class SharedRating(models.Model):
    """An indicator's rating, or (with no indicator) an outcome's judgement."""

    summary = models.ForeignKey(SharedSummary, on_delete=models.CASCADE, related_name="ratings")
    outcome_code = models.CharField(max_length=10)
    indicator_code = models.CharField(max_length=12, blank=True)
    level = models.PositiveSmallIntegerField()

    class Meta:
        indexes = [models.Index(fields=["outcome_code", "indicator_code"])]

    def __str__(self) -> str:
        return f"{self.indicator_code or self.outcome_code}: {self.level}"


class SharedStatement(models.Model):
    """A survey statement's published "true" percentage."""

    summary = models.ForeignKey(SharedSummary, on_delete=models.CASCADE, related_name="statements")
    number = models.PositiveSmallIntegerField()
    true_percent = models.PositiveSmallIntegerField()

    def __str__(self) -> str:
        return f"Statement {self.number}: {self.true_percent}%"
