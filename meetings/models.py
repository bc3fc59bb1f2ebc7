"""The partnership's meetings (report: "records of staff attendance at relevant LSCP meetings",
"minutes of LSCP meetings"): each board or subgroup meeting with what was on its agenda (linked
to priorities, actions and reviews), its decisions, and who attended for which agency at what
level of seniority. Attendance over a year is the representation view, and each meeting is an
item of the evidence register."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django_scopes import ScopedManager

from actions.models import Action
from evidence.models import EvidenceItem
from partnerships.models import Agency, Partnership, Subgroup
from planning.models import Priority
from reviews.models import Review
from trust.versioning import VersionedModel

# The partnership may edit its own list (SeniorityList); these are where it starts.
DEFAULT_SENIORITY = [
    "Lead safeguarding partner or delegate",
    "Director or equivalent",
    "Head of service or senior manager",
    "Manager",
    "Practitioner",
]


class SeniorityList(VersionedModel):
    """The partnership's levels of seniority, most senior first."""

    partnership = models.OneToOneField(Partnership, on_delete=models.CASCADE, related_name="+")
    levels = models.JSONField(default=list)

    objects = ScopedManager(partnership="partnership")

    def __str__(self) -> str:
        return ", ".join(self.levels)


class Meeting(VersionedModel):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    subgroup = models.ForeignKey(
        Subgroup, on_delete=models.PROTECT, related_name="+", verbose_name="Board or subgroup"
    )
    date = models.DateField()
    agenda = models.TextField("What was discussed", blank=True)
    decisions = models.TextField("Decisions", blank=True)
    priorities = models.ManyToManyField(
        Priority, blank=True, related_name="+", verbose_name="Priorities on the agenda"
    )
    actions = models.ManyToManyField(
        Action, blank=True, related_name="+", verbose_name="Actions on the agenda"
    )
    reviews = models.ManyToManyField(
        Review, blank=True, related_name="+", verbose_name="Reviews on the agenda"
    )
    # The meeting's entry in the evidence register, kept in step with it.
    evidence = models.ForeignKey(
        EvidenceItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return f"{self.subgroup}, {self.date:%-d %B %Y}"


class Attendance(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="+")
    name = models.CharField("Name or role (optional)", max_length=150, blank=True)
    seniority = models.CharField("Level of seniority", max_length=100)
    present = models.BooleanField("Attended", default=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["agency__name", "pk"]
        verbose_name_plural = "attendance"

    def __str__(self) -> str:
        return f"{self.agency} ({self.seniority})"
