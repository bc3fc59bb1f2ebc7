"""The yearly report (section 2.3.4): a period's cumulative summary of work towards the
outcomes, assembled from what the partnership recorded, with the business manager's own
sections; signed off jointly, then published. Every generated Word and PDF file is kept."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django_scopes import ScopedManager

from files.models import StoredFile
from partnerships.models import Partnership
from resources.models import ResourceYear
from reviews.models import Review
from signoff.models import Signable, Snapshot
from surveys.models import Wave
from trust.versioning import VersionedModel


class YearlyReport(Signable, VersionedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_REVIEW = "in_review", "Awaiting sign-off"
        SIGNED_OFF = "signed_off", "Signed off"
        PUBLISHED = "published", "Published"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    period = models.CharField(max_length=7, help_text="The financial year, for example 2024-25.")
    review = models.ForeignKey(
        Review, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    wave = models.ForeignKey(
        Wave, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    resource_year = models.ForeignKey(
        ResourceYear, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    published_on = models.DateField(null=True, blank=True)
    # The signed version that is public: the page, the Word file and the PDF are made from it.
    published_snapshot = models.ForeignKey(
        Snapshot, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    # 1 for the first publication; a corrected version signed and published again is 2, ...
    published_version = models.PositiveSmallIntegerField(default=0)
    withdrawn_on = models.DateField(null=True, blank=True)
    withdrawn_reason = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["-period"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "period"], name="one_report_per_period")
        ]

    signoff_name = "The yearly report"

    def is_published_round(self, round_) -> bool:
        """True when this round's version is already the published one."""
        return round_.snapshot_id is not None and round_.snapshot_id == self.published_snapshot_id

    def __str__(self) -> str:
        return f"Yearly report {self.period}"


class NarrativeSection(VersionedModel):
    """A section the business manager writes (introduction, highlights, next year...)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    report = models.ForeignKey(YearlyReport, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField(default=0)
    heading = models.CharField(max_length=150)
    text = models.TextField()
    after_outcomes = models.BooleanField(
        "Place after the summary of outcomes",
        default=False,
        help_text="Otherwise it comes before the summary, with the introduction.",
    )

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["after_outcomes", "position", "pk"]

    def __str__(self) -> str:
        return self.heading


class GeneratedFile(models.Model):
    """A Word or PDF file made from the report, kept with who made it and when."""

    class Format(models.TextChoices):
        DOCX = "docx", "Word"
        PDF = "pdf", "PDF"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    report = models.ForeignKey(YearlyReport, on_delete=models.CASCADE, related_name="files")
    fmt = models.CharField(max_length=4, choices=Format.choices)
    file = models.ForeignKey(StoredFile, on_delete=models.PROTECT, related_name="+")
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    generated_at = models.DateTimeField(default=timezone.now)
    # Set for the files made at publication from the signed version: these are the published
    # files, served as stored.
    snapshot = models.ForeignKey(
        Snapshot, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["-generated_at"]

    def __str__(self) -> str:
        return f"{self.report} ({self.get_fmt_display()}, {self.generated_at:%-d %b %Y %H:%M})"
