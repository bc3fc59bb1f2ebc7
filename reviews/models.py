"""Effectiveness reviews: every indicator rated with evidence, each outcome judged, signed off
jointly by the statutory partners (the report's first use of the framework, 2.3.2.1)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django_scopes import ScopedManager

from evidence.models import EvidenceItem
from framework.models import Edition, Indicator, Outcome
from partnerships.models import Agency, Partnership, Subgroup
from signoff.models import Signable
from trust.versioning import VersionedModel


class Review(Signable):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_REVIEW = "in_review", "Awaiting sign-off"
        SIGNED_OFF = "signed_off", "Signed off"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    edition = models.ForeignKey(Edition, on_delete=models.PROTECT, related_name="+")
    period = models.CharField(max_length=20, help_text="For example 2025-26.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    previous = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    due_date = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["-period"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "period"], name="one_review_per_period")
        ]

    signoff_name = "The review"

    def __str__(self) -> str:
        return f"Effectiveness review {self.period}"


class CoveragePlan(models.Model):
    """How a partnership reaches all the outcomes over several years: its reviews from
    `first_period` for `years` years between them look at every outcome at least once."""

    partnership = models.OneToOneField(Partnership, on_delete=models.CASCADE, related_name="+")
    first_period = models.CharField("First year of the plan", max_length=7)
    years = models.PositiveSmallIntegerField("Years to cover every outcome", default=3)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedManager(partnership="partnership")

    def __str__(self) -> str:
        return f"Every outcome over {self.years} years from {self.first_period}"

    def periods(self) -> list[str]:
        first = int(self.first_period[:4])
        return [f"{y}-{(y + 1) % 100:02d}" for y in range(first, first + self.years)]


class LocalIndicator(models.Model):
    """A partnership's own indicator under one of the 16 outcomes, beside the report's."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    outcome = models.ForeignKey(Outcome, on_delete=models.PROTECT, related_name="+")
    code = models.CharField(max_length=20)
    text = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["outcome__position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "code"], name="unique_local_indicator")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.text[:60]}"


class Assessment(VersionedModel):
    """What ratings and outcome judgements share: a level (None: not yet assessed)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="+")
    level = models.PositiveSmallIntegerField(null=True, blank=True)
    carried_forward = models.BooleanField(default=False)
    # A proportionate review looks at some outcomes (and indicators) each year; the rest keep
    # their last judgement, shown as "not reviewed this year" and never counted as this year's.
    in_focus = models.BooleanField("in focus this year", default=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        abstract = True


class Rating(Assessment):
    indicator = models.ForeignKey(
        Indicator, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    local_indicator = models.ForeignKey(
        LocalIndicator, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    commentary = models.TextField(blank=True)
    enablers = models.TextField(blank=True)
    barriers = models.TextField(blank=True)
    next_steps = models.TextField("next steps", blank=True)
    owner_agency = models.ForeignKey(
        Agency, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    owner_subgroup = models.ForeignKey(
        Subgroup, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    evidence = models.ManyToManyField(EvidenceItem, blank=True, related_name="+")

    objects = ScopedManager(partnership="partnership")

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(indicator__isnull=True) ^ models.Q(local_indicator__isnull=True),
                name="rating_of_one_indicator",
            ),
            models.UniqueConstraint(
                fields=["review", "indicator"], name="one_rating_per_indicator"
            ),
            models.UniqueConstraint(
                fields=["review", "local_indicator"], name="one_rating_per_local_indicator"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} ({self.review.period})"

    @property
    def code(self) -> str:
        return self.indicator.code if self.indicator_id else self.local_indicator.code

    @property
    def text(self) -> str:
        return self.indicator.text if self.indicator_id else self.local_indicator.text

    @property
    def owner(self):
        return self.owner_subgroup or self.owner_agency


class OutcomeJudgement(Assessment):
    outcome = models.ForeignKey(Outcome, on_delete=models.PROTECT, related_name="+")
    narrative = models.TextField(blank=True)
    evidence = models.ManyToManyField(EvidenceItem, blank=True, related_name="+")

    objects = ScopedManager(partnership="partnership")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["review", "outcome"], name="one_judgement_per_outcome")
        ]

    def __str__(self) -> str:
        return f"Outcome {self.outcome.code} ({self.review.period})"
