"""The partnership survey: waves built from the report's 34 statements (Appendix II, Table A5),
anonymous responses, personal invitations whose completion is never linked to an answer, open
comments and the code frame used to analyse them.

Anonymity is a property of the tables, not a promise: `Response`, `Answer` and `Comment` have
no timestamp, no address, no account and no invitation; responses have random ids, so their
order says nothing about who answered when. None of them is audited (an audit entry would
carry a time).
"""

from __future__ import annotations

import secrets
import uuid
from datetime import date

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django_scopes import ScopedManager

from framework.models import Edition, Outcome, SurveyCategory, SurveyStatement
from partnerships.models import Agency, Partnership
from trust.versioning import VersionedModel

DEFAULT_MIN_GROUP = 5
LOWEST_MIN_GROUP = 3
# The respondent profile (Table A6): the order of the keys in the edition's survey content.
PROFILE_KEYS = (
    "position",
    "region",
    "service_length",
    "leadership_experience",
    "professional_experience",
    "lscb_experience",
)


def all_profile_keys() -> list[str]:
    return list(PROFILE_KEYS)


def new_link_token() -> str:
    return secrets.token_urlsafe(18)


class Wave(VersionedModel):
    """One round of the survey, open between two dates."""

    class Mode(models.TextChoices):
        LINK = "link", "One anonymous link for everyone"
        INVITATIONS = "invitations", "Personal invitation links (response rates per agency)"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    edition = models.ForeignKey(Edition, on_delete=models.PROTECT, related_name="+")
    title = models.CharField(max_length=150)
    period = models.CharField(max_length=20, help_text="For example 2025.")
    opens_on = models.DateField()
    closes_on = models.DateField()
    mode = models.CharField(max_length=12, choices=Mode.choices, default=Mode.LINK)
    link_token = models.CharField(max_length=40, unique=True, default=new_link_token)
    min_group_size = models.PositiveSmallIntegerField(
        default=DEFAULT_MIN_GROUP,
        validators=[MinValueValidator(LOWEST_MIN_GROUP), MaxValueValidator(50)],
    )
    min_group_reason = models.TextField(blank=True)
    breakdown_questions = models.JSONField(default=all_profile_keys, blank=True)
    # Set the first time anyone is shown the results of the closed wave: from then on its
    # responses and minimum are fixed, so what was shown can never be differenced.
    results_shown = models.BooleanField(default=False)
    asks_resources = models.BooleanField(
        "Ask about resources (the report's Table A11)",
        default=False,
        help_text="Four questions on whether financial, staff, systems and training resources "
        "are adequate, and what other resources are needed. Optional for respondents.",
    )
    created_at = models.DateTimeField(default=timezone.now)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["-opens_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "period"], name="unique_wave_period"),
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")),
                name="wave_closes_after_opening",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def status(self, today: date | None = None) -> str:
        today = today or timezone.localdate()
        if today < self.opens_on:
            return "not open yet"
        if today > self.closes_on:
            return "closed"
        return "open"

    @property
    def is_open(self) -> bool:
        return self.status() == "open"

    @property
    def is_closed(self) -> bool:
        return self.status() == "closed"


class WaveStatement(models.Model):
    """A statement as asked in one wave: one of the report's 34, or a local one. Its outcomes
    are the editable mapping to the framework (copied from the content's default)."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="statements")
    category = models.ForeignKey(SurveyCategory, on_delete=models.PROTECT, related_name="+")
    source = models.ForeignKey(
        SurveyStatement, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    number = models.PositiveSmallIntegerField()
    text = models.TextField()
    included = models.BooleanField(default=True)
    outcomes = models.ManyToManyField(Outcome, blank=True, related_name="+")

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["category__number", "number"]
        constraints = [
            models.UniqueConstraint(fields=["wave", "number"], name="unique_wave_statement")
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def is_local(self) -> bool:
        return self.source_id is None


class Invitation(models.Model):
    """A personal link to a wave. Only a hash of the token is kept; `completed` is set when a
    response is submitted through it, with no date and nothing pointing at the response."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="invitations")
    agency = models.ForeignKey(
        Agency, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    email = models.EmailField()
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
    reminded_at = models.DateTimeField(null=True, blank=True)
    completed = models.BooleanField(default=False)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["email"]
        constraints = [
            models.UniqueConstraint(fields=["wave", "email"], name="one_invitation_per_email")
        ]

    def __str__(self) -> str:
        return self.email


class Response(models.Model):
    """One respondent's answers to a wave. Random id, no time, no person, no invitation."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    wave = models.ForeignKey(Wave, on_delete=models.CASCADE, related_name="responses")
    # A hash of the resume code the respondent keeps; cleared on submission.
    resume_hash = models.CharField(max_length=64, unique=True, null=True, blank=True)
    submitted = models.BooleanField(default=False)
    imported = models.BooleanField(default=False)
    position = models.CharField(max_length=60, blank=True)
    region = models.CharField(max_length=60, blank=True)
    service_length = models.CharField(max_length=60, blank=True)
    leadership_experience = models.CharField(max_length=60, blank=True)
    professional_experience = models.CharField(max_length=60, blank=True)
    lscb_experience = models.CharField(max_length=60, blank=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        indexes = [models.Index(fields=["wave", "submitted"])]

    def __str__(self) -> str:
        return "A response"


class ResourceAnswer(models.Model):
    """One respondent's answers on resources (Table A11): adequate or not, and what else is
    needed. Part of the anonymous response, like its answers and comments."""

    class Adequate(models.TextChoices):
        YES = "yes", "Yes"
        NO = "no", "No"

    QUESTIONS = (
        ("financial", "Adequate financial resources?"),
        ("staffing", "Adequate staffing?"),
        ("systems", "Adequate admin/data systems, data collection and analysis?"),
        ("training", "Adequate training?"),
    )

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    response = models.OneToOneField(Response, on_delete=models.CASCADE, related_name="resources")
    financial = models.CharField(max_length=3, choices=Adequate.choices, blank=True)
    staffing = models.CharField(max_length=3, choices=Adequate.choices, blank=True)
    systems = models.CharField(max_length=3, choices=Adequate.choices, blank=True)
    training = models.CharField(max_length=3, choices=Adequate.choices, blank=True)
    needed = models.TextField("What other resources are needed", blank=True)

    objects = ScopedManager(partnership="partnership")

    def __str__(self) -> str:
        return "Answers on resources"


class Answer(models.Model):
    """The three answers to one statement, as 1-based positions in the edition's option lists
    (the last option is always "don't know"); empty when not answered."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    # No index of its own: the one-answer-each constraint's index starts with the response.
    response = models.ForeignKey(
        Response, on_delete=models.CASCADE, related_name="answers", db_index=False
    )
    statement = models.ForeignKey(WaveStatement, on_delete=models.CASCADE, related_name="answers")
    truth = models.PositiveSmallIntegerField(null=True, blank=True)
    change = models.PositiveSmallIntegerField(null=True, blank=True)
    importance = models.PositiveSmallIntegerField(null=True, blank=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "statement"], name="one_answer_each")
        ]

    def __str__(self) -> str:
        return "An answer"


class CommentCode(models.Model):
    """A code in the partnership's frame for template analysis of open comments."""

    class Group(models.TextChoices):
        SURVEY_CATEGORY = "survey_category", "Survey category"
        STATEMENT = "statement", "Survey statement"
        OUTCOME_CATEGORY = "outcome_category", "Framework outcome category"
        OUTCOME = "outcome", "Framework outcome"
        ENABLER_BARRIER = "enabler_barrier", "Enabler or barrier"
        LOCAL = "local", "Added by the partnership"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    group = models.CharField(max_length=20, choices=Group.choices)
    name = models.CharField(max_length=300)
    position = models.PositiveIntegerField(default=0)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "name"], name="unique_comment_code")
        ]

    def __str__(self) -> str:
        return self.name


class Comment(models.Model):
    """An open comment on one statement category, part of an anonymous response."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    # The key in links and the order within a category: random, so that neither says which
    # comments one person wrote or in what order comments arrived.
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="comments")
    category = models.ForeignKey(SurveyCategory, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    codes = models.ManyToManyField(CommentCode, blank=True, related_name="comments")

    objects = ScopedManager(partnership="partnership")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["response", "category"], name="one_comment_each")
        ]

    def __str__(self) -> str:
        return "A comment"
