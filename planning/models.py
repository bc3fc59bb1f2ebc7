"""Priority planning with the theory of change (section 2.3.2.2): a priority planned in five
steps, from the issue (step one) to the principles (step five, the roots), producing the
priority's own tree and logic model, then reviewed for progress outcome by outcome."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django_scopes import ScopedManager

from evidence.models import EvidenceItem
from framework.models import Edition, Indicator, Outcome, Principle
from monitoring.models import Monitor
from partnerships.models import Partnership
from signoff.models import Signable
from theory.models import Activity as TheoryActivity
from theory.models import Resource as TheoryResource
from trust.versioning import VersionedModel


class Priority(Signable, VersionedModel):
    """A partnership priority, e.g. neglect. Steps one's answers live here."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    edition = models.ForeignKey(Edition, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=150)
    issue = models.TextField("The issue", blank=True)
    target_groups = models.TextField("Who is affected (target groups)", blank=True)
    overall_change = models.TextField("The change hoped for overall", blank=True)
    principles_influence = models.TextField("How the principles shape the choice", blank=True)
    context = models.TextField("Contextual factors and opportunities", blank=True)
    agreed = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["title"]
        verbose_name_plural = "priorities"
        constraints = [
            models.UniqueConstraint(fields=["partnership", "title"], name="unique_priority_title")
        ]

    signoff_name = "The priority's plan"

    def __str__(self) -> str:
        return self.title

    def target_group_list(self) -> list[str]:
        return [line.strip() for line in self.target_groups.splitlines() if line.strip()]


class PriorityOutcome(models.Model):
    """A leaf: a short or medium-term outcome for a target group (step two)."""

    class Term(models.TextChoices):
        SHORT = "short", "Short term"
        MEDIUM = "medium", "Medium term"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="outcomes")
    target_group = models.CharField(max_length=150)
    term = models.CharField(max_length=6, choices=Term.choices, default=Term.SHORT)
    text = models.TextField("Outcome")
    on_course = models.TextField("How you will know you are on course", blank=True)
    framework_outcomes = models.ManyToManyField(Outcome, blank=True, related_name="+")
    indicators = models.ManyToManyField(Indicator, blank=True, related_name="+")
    monitors = models.ManyToManyField(Monitor, blank=True, related_name="+")

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["target_group", "term", "pk"]

    def __str__(self) -> str:
        return self.text


class Activity(models.Model):
    """A branch: what will be done, with its key features, who delivers it and for how long
    (step three)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="activities")
    title = models.CharField(max_length=200)
    key_features = models.TextField(blank=True)
    delivered_by = models.CharField("Who delivers it", max_length=300, blank=True)
    duration = models.CharField("For how long", max_length=150, blank=True)
    # Reused from the partnership's theory of change (its words are copied, then the plan's own).
    from_theory = models.ForeignKey(
        TheoryActivity,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="priority_activities",
        verbose_name="From our theory of change",
    )

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["pk"]
        verbose_name_plural = "activities"

    def __str__(self) -> str:
        return self.title


class Pathway(models.Model):
    """An explicit link from an activity to an outcome, with its "because" (the assumption)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="pathways")
    outcome = models.ForeignKey(PriorityOutcome, on_delete=models.CASCADE, related_name="pathways")
    because = models.TextField()

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["activity_id", "outcome_id"]
        constraints = [
            models.UniqueConstraint(fields=["activity", "outcome"], name="one_pathway_per_pair")
        ]

    def __str__(self) -> str:
        return f"{self.activity} → {self.outcome}"


class Resource(models.Model):
    """The trunk: what an activity needs and who provides it (step four)."""

    class Kind(models.TextChoices):
        FUNDING = "funding", "Partner funding"
        STAFF_TIME = "staff_time", "Staff time"
        DATA = "data", "Data and analysis"
        AGENCIES = "agencies", "Relevant agencies and the VCSE sector"
        COMMUNITIES = "communities", "Children, young people, families and communities"
        PRIVATE = "private", "The private sector"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="resources")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    description = models.TextField("What is needed")
    provided_by = models.CharField("Who provides it", max_length=300)
    secured = models.BooleanField("Secured", default=False)
    from_theory = models.ForeignKey(
        TheoryResource,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="priority_resources",
        verbose_name="From our theory of change",
    )

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["activity_id", "kind", "pk"]

    def __str__(self) -> str:
        return self.description


class Reflection(models.Model):
    """A root: the partnership's reflection on one of the six principles for this priority
    (step five)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="reflections")
    principle = models.ForeignKey(Principle, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["principle__number"]
        constraints = [
            models.UniqueConstraint(fields=["priority", "principle"], name="one_reflection_each")
        ]

    def __str__(self) -> str:
        return self.text


class ProgressUpdate(models.Model):
    """A dated review of one outcome: on track, some concerns or off track, with evidence."""

    class Status(models.TextChoices):
        ON_TRACK = "on_track", "On track"
        CONCERNS = "concerns", "Some concerns"
        OFF_TRACK = "off_track", "Off track"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    outcome = models.ForeignKey(PriorityOutcome, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField()
    status = models.CharField(max_length=10, choices=Status.choices)
    note = models.TextField(blank=True)
    evidence = models.ManyToManyField(EvidenceItem, blank=True, related_name="+")
    recorded_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, related_name="+"
    )

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_status_display()} on {self.date}"
