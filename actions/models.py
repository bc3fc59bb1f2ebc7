"""Learning turned into tracked actions (the action loop of indicator 4.1), and the challenge log
(outcome 2.1): where learning came from, its recommendations, actions with an owner, a lead
and a due date, evidence of completion and of impact on practice, escalation to the lead
partners with their recorded response, good practice to share, and challenges between agencies
with the response and how they ended."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django_scopes import ScopedManager

from evidence.models import EvidenceItem
from framework.models import Indicator, Outcome
from partnerships.models import Agency, Partnership
from planning.models import Priority
from trust.versioning import VersionedModel


class LearningSource(models.Model):
    class Kind(models.TextChoices):
        RAPID_REVIEW = "rapid_review", "Rapid review"
        LCSPR = "lcspr", "Local child safeguarding practice review"
        NATIONAL = "national", "National review"
        SCRUTINY = "scrutiny", "Independent scrutiny"
        AUDIT = "audit", "Multi-agency audit"
        INSPECTION = "inspection", "Inspection"
        SURVEY = "survey", "Survey"
        GOOD_PRACTICE = "good_practice", "Good practice"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=15, choices=Kind.choices)
    title = models.CharField(max_length=200)
    date = models.DateField()
    summary = models.TextField(blank=True)
    shared_how = models.TextField(
        "How it was shared and celebrated", blank=True, help_text="For good practice."
    )
    evidence = models.ForeignKey(
        EvidenceItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["-date", "title"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "title"], name="unique_source_title")
        ]

    def __str__(self) -> str:
        return self.title


class Recommendation(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    source = models.ForeignKey(
        LearningSource, on_delete=models.CASCADE, related_name="recommendations"
    )
    number = models.PositiveSmallIntegerField()
    text = models.TextField()

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["source_id", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "number"], name="unique_recommendation_number"
            )
        ]

    def __str__(self) -> str:
        return f"Recommendation {self.number}: {self.text[:60]}"


class Action(VersionedModel):
    class Status(models.TextChoices):
        NOT_STARTED = "not_started", "Not started"
        IN_PROGRESS = "in_progress", "In progress"
        DONE = "done", "Done"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    source = models.ForeignKey(
        LearningSource, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions"
    )
    recommendation = models.ForeignKey(
        Recommendation, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions"
    )
    title = models.CharField("Action", max_length=300)
    owner_agency = models.ForeignKey(
        Agency, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    lead = models.CharField("Lead person", max_length=150, blank=True)
    due_date = models.DateField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.NOT_STARTED)
    completed_on = models.DateField(null=True, blank=True)
    completion_evidence = models.TextField("Evidence it was done", blank=True)
    impact_evidence = models.TextField("Evidence of impact on practice", blank=True)
    evidence = models.ManyToManyField(EvidenceItem, blank=True, related_name="+")
    outcomes = models.ManyToManyField(Outcome, blank=True, related_name="+")
    indicators = models.ManyToManyField(Indicator, blank=True, related_name="+")
    priority = models.ForeignKey(
        Priority, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["due_date", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_overdue(self) -> bool:
        return self.status != self.Status.DONE and self.due_date < timezone.localdate()


class Escalation(models.Model):
    """An action escalated to the lead partners, and their recorded response."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="escalations")
    raised_on = models.DateField(default=timezone.localdate)
    raised_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reason = models.TextField()
    response = models.TextField(blank=True)
    responded_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    responded_on = models.DateField(null=True, blank=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["-raised_on", "-pk"]

    def __str__(self) -> str:
        return f"Escalation of {self.action}"


class Challenge(VersionedModel):
    """A challenge raised between agencies or by the independent scrutineer (outcome 2.1)."""

    class Status(models.TextChoices):
        OPEN = "open", "Awaiting a response"
        RESPONDED = "responded", "Responded"
        RESOLVED = "resolved", "Resolved"
        ESCALATED = "escalated", "Escalated"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    raised_on = models.DateField()
    raised_by = models.CharField(
        max_length=200, help_text="An agency, or the independent scrutineer."
    )
    raised_with = models.ForeignKey(
        Agency, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    subject = models.CharField(max_length=200)
    detail = models.TextField()
    response = models.TextField(blank=True)
    responded_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    resolution = models.TextField("How it ended (resolution or escalation)", blank=True)
    outcomes = models.ManyToManyField(Outcome, blank=True, related_name="+")

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["-raised_on", "-pk"]

    def __str__(self) -> str:
        return self.subject
