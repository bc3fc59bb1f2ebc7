"""Participation (outcome category 3): what young people, families and communities tell the
partnership, what the partnership did about it ("you said, we did"), the groups' consented,
aggregated diversity (indicator 3.3), and workshops where anyone adds ideas anonymously.

Workshop notes are written by guests without an account: a note has a random key and no
author, time, address or session, and neither notes nor supports are audited."""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.db import models
from django.utils import timezone
from django_scopes import ScopedManager

from actions.models import Action
from framework.models import Outcome, OutcomeCategory
from partnerships.models import Membership, Partnership
from planning.models import Priority
from reviews.models import Rating, Review
from trust.versioning import VersionedModel


class VoiceGroup(models.Model):
    """A group whose voice the partnership hears: young scrutineers, a family panel, ..."""

    class Kind(models.TextChoices):
        YOUNG_SCRUTINEERS = "young_scrutineers", "Young scrutineers"
        YOUNG_ADVISORS = "young_advisors", "Young advisors or young inspectors"
        FAMILY_PANEL = "family_panel", "Family panel or family advisory board"
        PARENTS_CARERS = "parents_carers", "Parents and carers"
        COMMUNITY = "community", "Community group"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(max_length=150)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    description = models.TextField(blank=True)
    respond_within_days = models.PositiveSmallIntegerField(
        "Respond to feedback within (days)", default=28
    )
    members = models.ManyToManyField(Membership, blank=True, related_name="voice_groups")

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "name"], name="unique_voice_group")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def easy_who(self) -> str:
        """Who the group is, in easy-read words ("Young people told us ...")."""
        return EASY_WHO.get(self.kind, "People")


EASY_WHO = {
    VoiceGroup.Kind.YOUNG_SCRUTINEERS: "Young people",
    VoiceGroup.Kind.YOUNG_ADVISORS: "Young people",
    VoiceGroup.Kind.FAMILY_PANEL: "Families",
    VoiceGroup.Kind.PARENTS_CARERS: "Parents and carers",
    VoiceGroup.Kind.COMMUNITY: "People in the community",
}


class DiversityCount(models.Model):
    """How many of a group's members share one answer to one characteristic, as at a date.
    Counts only, given with everyone's consent; no person is recorded."""

    class Characteristic(models.TextChoices):
        AGE = "age", "Age"
        DISABILITY = "disability", "Disability"
        ETHNICITY = "ethnicity", "Race or ethnicity"
        FAITH = "faith", "Faith or belief"
        GENDER = "gender", "Gender"
        GENDER_IDENTITY = "gender_identity", "Gender identity"
        LANGUAGE = "language", "Language"
        SEXUAL_ORIENTATION = "sexual_orientation", "Sexual orientation"
        EXPERIENCE = "experience", "Experience of services (e.g. level of need)"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    group = models.ForeignKey(VoiceGroup, on_delete=models.CASCADE, related_name="diversity")
    as_at = models.DateField()
    characteristic = models.CharField(max_length=20, choices=Characteristic.choices)
    category = models.CharField(max_length=100)
    count = models.PositiveSmallIntegerField()

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["characteristic", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "as_at", "characteristic", "category"], name="one_count_each"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_characteristic_display()}: {self.category}"


class Feedback(VersionedModel):
    """Something a group said, and the partnership's response to it."""

    class Status(models.TextChoices):
        AWAITING = "awaiting", "Waiting for a response"
        CONSIDERING = "considering", "We are looking into it"
        DONE = "done", "We did something"
        NOT_DOING = "not_doing", "We decided not to, and said why"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    group = models.ForeignKey(VoiceGroup, on_delete=models.PROTECT, related_name="feedback")
    said = models.TextField("What was said")
    received_on = models.DateField()
    by_the_group = models.BooleanField(default=False)
    outcomes = models.ManyToManyField(Outcome, blank=True, related_name="+")
    respond_by = models.DateField()
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.AWAITING)
    response = models.TextField("What we did or decided", blank=True)
    responded_by = models.CharField("Who in the partnership", max_length=200, blank=True)
    responded_on = models.DateField(null=True, blank=True)
    actions = models.ManyToManyField(Action, blank=True, related_name="+")
    priorities = models.ManyToManyField(Priority, blank=True, related_name="+")
    ratings = models.ManyToManyField(Rating, blank=True, related_name="+")
    public = models.BooleanField("Show on the public “You said, we did” page", default=False)
    # The easy-read page's words: short sentences and everyday words, with pictures beside them.
    said_easy = models.TextField("Easy read: what they told us", blank=True)
    response_easy = models.TextField("Easy read: what we did", blank=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["-received_on", "-pk"]
        verbose_name_plural = "feedback"

    def __str__(self) -> str:
        return self.said[:80]

    @staticmethod
    def due(received_on, group: VoiceGroup):
        return received_on + timedelta(days=group.respond_within_days)

    @property
    def is_overdue(self) -> bool:
        return not self.response and self.respond_by < timezone.localdate()


class YouSaidPage(models.Model):
    """The partnership's public "You said, we did" page."""

    partnership = models.OneToOneField(Partnership, on_delete=models.CASCADE, related_name="+")
    published = models.BooleanField(default=False)
    introduction = models.TextField(blank=True)
    published_on = models.DateField(null=True, blank=True)

    objects = ScopedManager(partnership="partnership")

    def __str__(self) -> str:
        return "You said, we did"


class Workshop(models.Model):
    """A facilitated session on an outcome category or a priority, joined with a short code."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        CLOSED = "closed", "Finished"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=150)
    category = models.ForeignKey(
        OutcomeCategory, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    priority = models.ForeignKey(
        Priority, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    review = models.ForeignKey(
        Review, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    code = models.CharField(max_length=8, unique=True)
    status = models.CharField(max_length=6, choices=Status.choices, default=Status.OPEN)
    held_on = models.DateField(default=timezone.localdate)
    question = models.TextField("What you are asking people", blank=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(category__isnull=True) ^ models.Q(priority__isnull=True),
                name="workshop_on_one_subject",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def subject(self) -> str:
        return f"Priority: {self.priority}" if self.priority_id else str(self.category)


class Column(models.TextChoices):
    """The board's columns: the questions of the report's workshop activities."""

    OUTCOMES = "outcomes", "Outcomes we want"
    ACTIVITIES = "activities", "What we would do"
    WHY = "why", "Why it would work"
    INDICATORS = "indicators", "How we would know"
    ENABLERS = "enablers", "What helps (enablers)"
    BARRIERS = "barriers", "What gets in the way (barriers)"


class Promotable(models.Model):
    """Where the facilitator put a note or group: the plan or the review it became part of."""

    promoted_to = models.CharField(max_length=300, blank=True)
    promoted_href = models.CharField(max_length=300, blank=True)

    class Meta:
        abstract = True


class NoteGroup(Promotable):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="groups")
    column = models.CharField(max_length=12, choices=Column.choices)
    name = models.CharField(max_length=200)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["column", "name"]

    def __str__(self) -> str:
        return self.name


class Note(Promotable):
    """A guest's idea. Deliberately no author, no time and a random key, so nothing ties a note
    to the person who wrote it or to the order people wrote in."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="notes")
    column = models.CharField(max_length=12, choices=Column.choices)
    text = models.TextField(max_length=500)
    supports = models.PositiveIntegerField(default=0)
    group = models.ForeignKey(
        NoteGroup, on_delete=models.SET_NULL, null=True, blank=True, related_name="notes"
    )
    hidden = models.BooleanField(default=False)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["column", "-supports", "text"]

    def __str__(self) -> str:
        return self.text[:80]


class NoteSupport(models.Model):
    """One guest's support for one note, so each guest supports a note once whatever their
    browser forgets. `key` is a keyed hash of the guest's secret (held only in their session)
    and the note: rows cannot be grouped by guest, and say nothing of who or when."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    note = models.ForeignKey(Note, on_delete=models.CASCADE, related_name="support_keys")
    key = models.CharField(max_length=64)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["note", "key"], name="one_support_per_guest")
        ]

    def __str__(self) -> str:
        return "A guest's support"
