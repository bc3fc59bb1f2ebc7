"""The partnership's own theory of change (report sections 2.1.3, 2.1.9 and 2.3.2): its own
activities (the branches) and resources (the trunk), each activity linked to the outcomes it
serves with a "because", and a register of what enables or gets in the way. One per year: next
year's draft starts as a copy of this year's, and each year is agreed through the joint
sign-off. The report's indicative activities and resources stay as written in `framework`;
an activity or resource here may say which of them it started from."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils import timezone
from django_scopes import ScopedManager

from framework.models import Edition, IndicativeActivity, IndicativeResource, Outcome
from partnerships.models import Partnership
from signoff.models import Signable
from trust.versioning import VersionedModel


class TheoryOfChange(Signable, VersionedModel):
    """One year's version, e.g. 2025-26."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    edition = models.ForeignKey(Edition, on_delete=models.PROTECT, related_name="+")
    period = models.CharField("Year", max_length=7, help_text="For example 2025-26.")
    context = models.TextField(
        "What is particular about our area",
        blank=True,
        help_text="The local context the theory of change is adapted to: the population, "
        "the partners, what has changed since last year.",
    )
    started_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    agreed = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["-period"]
        verbose_name = "theory of change"
        verbose_name_plural = "theories of change"
        constraints = [
            models.UniqueConstraint(fields=["partnership", "period"], name="one_theory_per_year")
        ]

    signoff_name = "The theory of change"

    def __str__(self) -> str:
        return f"Our theory of change {self.period}"


class Part(models.Model):
    """What every part of a year's theory has: its partnership and year, and a `lineage` that
    the same activity, resource or factor keeps from year to year, so two years compare."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    lineage = models.UUIDField(default=uuid.uuid4, editable=False)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        abstract = True


class Activity(Part):
    """A branch: something the partnership does to bring about outcomes."""

    theory = models.ForeignKey(TheoryOfChange, on_delete=models.CASCADE, related_name="activities")
    title = models.CharField("Activity", max_length=300)
    description = models.TextField("What it involves", blank=True)
    delivered_by = models.CharField("Who delivers it", max_length=300, blank=True)
    indicative = models.ForeignKey(
        IndicativeActivity,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="The report's indicative activity it starts from",
    )

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = "theory of change activity"
        verbose_name_plural = "theory of change activities"
        constraints = [
            models.UniqueConstraint(fields=["theory", "lineage"], name="one_activity_lineage")
        ]

    def __str__(self) -> str:
        return self.title


class Pathway(Part):
    """Why an activity should lead to an outcome: the "because" (the assumption)."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="pathways")
    outcome = models.ForeignKey(Outcome, on_delete=models.PROTECT, related_name="+")
    because = models.TextField()

    class Meta:
        ordering = ["outcome__category__number", "outcome__position"]
        verbose_name = "theory of change pathway"
        constraints = [
            models.UniqueConstraint(fields=["activity", "outcome"], name="one_toc_pathway_per_pair")
        ]

    def __str__(self) -> str:
        return f"{self.activity} → {self.outcome.code}"


class Resource(Part):
    """The trunk: what the partnership needs to do its work, and who provides it."""

    theory = models.ForeignKey(TheoryOfChange, on_delete=models.CASCADE, related_name="resources")
    title = models.CharField("Resource", max_length=300)
    description = models.TextField("What it is", blank=True)
    provided_by = models.CharField("Who provides it", max_length=300, blank=True)
    indicative = models.ForeignKey(
        IndicativeResource,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="The report's indicative resource it starts from",
    )
    activities = models.ManyToManyField(
        Activity, blank=True, related_name="resources", verbose_name="Activities it makes possible"
    )

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = "theory of change resource"
        constraints = [
            models.UniqueConstraint(fields=["theory", "lineage"], name="one_resource_lineage")
        ]

    def __str__(self) -> str:
        return self.title


class Factor(Part):
    """An entry in the register of enablers and barriers: what helps or hinders the change."""

    class Kind(models.TextChoices):
        ENABLER = "enabler", "Enabler"
        BARRIER = "barrier", "Barrier"

    theory = models.ForeignKey(TheoryOfChange, on_delete=models.CASCADE, related_name="factors")
    kind = models.CharField("Enabler or barrier", max_length=7, choices=Kind.choices)
    text = models.TextField("What it is")
    response = models.TextField(
        "What we are doing about it",
        blank=True,
        help_text="For a barrier, how you are tackling it; for an enabler, how you keep it.",
    )
    outcomes = models.ManyToManyField(
        Outcome, blank=True, related_name="+", verbose_name="Outcomes it affects"
    )

    class Meta:
        ordering = ["kind", "pk"]
        verbose_name = "enabler or barrier"
        verbose_name_plural = "enablers and barriers"
        constraints = [
            models.UniqueConstraint(fields=["theory", "lineage"], name="one_factor_lineage")
        ]

    def __str__(self) -> str:
        return self.text
