"""Monitors: the partnership's own measures, tracked over periods, with breakdowns by
characteristic (for disproportionality) and comparators (England, region, statistical
neighbours), linked to the framework's indicators and outcomes."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django_scopes import ScopedManager

from framework.models import Indicator, Outcome
from partnerships.models import Partnership
from trust.versioning import VersionedModel

LOCAL = "Local"


class Monitor(VersionedModel):
    class Direction(models.TextChoices):
        HIGHER = "higher", "Higher is better"
        LOWER = "lower", "Lower is better"
        NEITHER = "neither", "Neither (context only)"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    unit = models.CharField(max_length=50, help_text="For example: %, per 10,000 children, days.")
    direction = models.CharField(max_length=10, choices=Direction.choices)
    target = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    indicators = models.ManyToManyField(Indicator, blank=True, related_name="+")
    outcomes = models.ManyToManyField(Outcome, blank=True, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "name"], name="unique_monitor_name")
        ]

    def __str__(self) -> str:
        return self.name


class MonitorValue(models.Model):
    """One value: for a period, overall or for one group of a breakdown, locally or for a
    comparator."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    monitor = models.ForeignKey(Monitor, on_delete=models.CASCADE, related_name="values")
    period = models.CharField(max_length=20)
    breakdown = models.CharField(
        max_length=60, blank=True, help_text="Empty for the overall value."
    )
    group = models.CharField(max_length=100, blank=True)
    series = models.CharField(max_length=60, default=LOCAL, help_text="Local, or a comparator.")
    value = models.DecimalField(max_digits=14, decimal_places=3)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["period", "series", "breakdown", "group"]
        constraints = [
            models.UniqueConstraint(
                fields=["monitor", "period", "breakdown", "group", "series"],
                name="one_value_per_key",
            )
        ]

    def __str__(self) -> str:
        return f"{self.monitor} {self.period}: {self.value}"
