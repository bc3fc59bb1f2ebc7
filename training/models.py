"""Multi-agency training (outcome 4.3: "uptake and evaluation of multi-agency training ... are
regularly reviewed for relevance and effectiveness"): each session with its topic, the learning
review or priority it serves, how many attended from each agency, and the anonymous
evaluations participants send through the session's public link.

An evaluation holds its answers and the session, nothing else: no person, address or time.
Once a session's evaluation has closed its evaluations, date and closing date never change, so
the groups its answers are shown in (release.py) never change either."""

from __future__ import annotations

import secrets

from django.db import models
from django.utils import timezone
from django_scopes import ScopedManager

from actions.models import LearningSource
from evidence.models import EvidenceItem
from partnerships.models import Agency, Partnership
from planning.models import Priority
from trust.versioning import VersionedModel

from .evaluation import SCALE


def new_evaluation_token() -> str:
    return secrets.token_urlsafe(12)


class TrainingSession(VersionedModel):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    title = models.CharField("Topic", max_length=200)
    date = models.DateField()
    delivered_by = models.CharField("Who delivered it", max_length=200, blank=True)
    co_delivered = models.BooleanField(
        "Co-developed or co-facilitated with children, young people or experts by experience",
        default=False,
    )
    eedi = models.BooleanField(
        "About equality, equity, diversity and inclusion (EEDI)", default=False
    )
    learning_source = models.ForeignKey(
        LearningSource,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="The review or learning it passes on",
    )
    priority = models.ForeignKey(
        Priority,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="The priority it serves",
    )
    evaluation_closes_on = models.DateField("Evaluations close on")
    evaluation_token = models.CharField(max_length=40, unique=True, default=new_evaluation_token)
    # The session's entry in the evidence register, kept in step with it.
    evidence = models.ForeignKey(
        EvidenceItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(evaluation_closes_on__gte=models.F("date")),
                name="training_evaluation_closes_after_session",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.date:%-d %B %Y})"

    def evaluation_status(self, today=None) -> str:
        today = today or timezone.localdate()
        if today < self.date:
            return "not open yet"
        if today > self.evaluation_closes_on:
            return "closed"
        return "open"

    @property
    def evaluation_open(self) -> bool:
        return self.evaluation_status() == "open"

    @property
    def evaluation_closed(self) -> bool:
        return self.evaluation_status() == "closed"


class SessionAttendance(models.Model):
    """How many came from one agency (a count: the report asks who was reached, by agency)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    session = models.ForeignKey(
        TrainingSession, on_delete=models.CASCADE, related_name="attendance"
    )
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    attended = models.PositiveSmallIntegerField("Number who attended")

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["agency__name", "pk"]
        verbose_name_plural = "session attendance"
        constraints = [
            models.UniqueConstraint(fields=["session", "agency"], name="one_count_per_agency"),
            models.CheckConstraint(condition=models.Q(attended__gte=1), name="attended_someone"),
        ]

    def __str__(self) -> str:
        return f"{self.agency}: {self.attended}"


def _answer(label: str) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(label, choices=SCALE)


class Evaluation(models.Model):
    """One participant's anonymous evaluation of a session."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    session = models.ForeignKey(
        TrainingSession, on_delete=models.PROTECT, related_name="evaluations"
    )
    relevant = _answer("The session was relevant to my work")
    will_use = _answer("I will use what I learned in my practice")
    other_agencies = _answer("I understand better how other agencies work with children")
    confident = _answer("I feel more confident to work with and challenge other agencies")
    change = models.TextField("What will you do differently?", blank=True)

    objects = ScopedManager(partnership="partnership")

    def __str__(self) -> str:
        return f"An evaluation of {self.session}"
