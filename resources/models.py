"""Resources per financial year (section 2.3 resources; Appendix II Tables A9 to A11): partner
contributions with their shares, additional income, in-kind resources, expenditure by the
report's categories, posts funded, and whether resources are adequate."""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django_scopes import ScopedManager

from partnerships.models import PartnerBody, Partnership
from trust.versioning import VersionedModel


class ResourceYear(VersionedModel):
    """One financial year, with Table A11's four questions on adequacy."""

    class Adequate(models.TextChoices):
        YES = "yes", "Yes"
        NO = "no", "No"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    year = models.CharField("Financial year", max_length=7, help_text="For example 2025-26.")
    financial = models.CharField(
        "Adequate financial resources?", max_length=3, choices=Adequate.choices, blank=True
    )
    financial_comment = models.TextField("What is needed (finance)", blank=True)
    staffing = models.CharField(
        "Adequate staffing?", max_length=3, choices=Adequate.choices, blank=True
    )
    staffing_comment = models.TextField("What is needed (staffing)", blank=True)
    systems = models.CharField(
        "Adequate admin/data systems, data collection and analysis?",
        max_length=3,
        choices=Adequate.choices,
        blank=True,
    )
    systems_comment = models.TextField("What is needed (systems and data)", blank=True)
    training = models.CharField(
        "Adequate training?", max_length=3, choices=Adequate.choices, blank=True
    )
    training_comment = models.TextField("What is needed (training)", blank=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["-year"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "year"], name="one_resource_year")
        ]

    def __str__(self) -> str:
        return f"Resources {self.year}"


QUESTIONS = ["financial", "staffing", "systems", "training"]


class Line(models.Model):
    """What every money row shares."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    amount = models.DecimalField("Amount (£)", max_digits=12, decimal_places=2)

    class Meta:
        abstract = True


class Contribution(Line):
    class Sector(models.TextChoices):
        LOCAL_AUTHORITY = "la", "Local authority"
        ICB = "icb", "Integrated care board"
        POLICE = "police", "Police"
        OTHER = "other", "Other partner or agency"

    year = models.ForeignKey(ResourceYear, on_delete=models.CASCADE, related_name="contributions")
    sector = models.CharField(max_length=6, choices=Sector.choices)
    partner_body = models.ForeignKey(
        PartnerBody, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    contributor = models.CharField("Who contributes", max_length=200)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["sector", "contributor"]

    def __str__(self) -> str:
        return self.contributor


class OtherResource(Line):
    """Additional income (with its source) or an in-kind resource (with its estimated value)."""

    class Kind(models.TextChoices):
        INCOME = "income", "Additional income"
        IN_KIND = "in_kind", "In-kind resource"

    year = models.ForeignKey(ResourceYear, on_delete=models.CASCADE, related_name="others")
    kind = models.CharField(max_length=7, choices=Kind.choices)
    source = models.CharField("Where it comes from", max_length=200)
    description = models.CharField(max_length=300, blank=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["kind", "source"]

    def __str__(self) -> str:
        return self.source


class Spend(Line):
    """Expenditure in one of Table A9's categories, or a local one."""

    class Category(models.TextChoices):
        STAFF = "staff", "Staff"
        IT = "it", "IT related expenses"
        TRAINING = "training", "Training"
        CONSULTANTS = "consultants", "Consultant fees"
        INVOLVEMENT = "involvement", "Involvement of children & young people or families"
        REVIEWS = "reviews", "Child safeguarding practice review/case reviews/rapid reviews"
        VENUES = "venues", "Room bookings/venue hire/refreshments"
        EVENTS = "events", "Conferences/workshops/meetings"
        PROCEDURES = "procedures", "Policies & procedures/procedure manuals"
        LOCAL = "local", "Another category (say which)"

    year = models.ForeignKey(ResourceYear, on_delete=models.CASCADE, related_name="spending")
    category = models.CharField(max_length=12, choices=Category.choices)
    local_category = models.CharField("Local category", max_length=150, blank=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["category", "local_category"]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return (
            self.local_category
            if self.category == self.Category.LOCAL
            else self.get_category_display()
        )


class Post(models.Model):
    """A post funded from the partnership budget, in Table A10's categories."""

    class Category(models.TextChoices):
        MANAGER = "manager", "Business/partnership manager, deputy/assistant manager"
        SCRUTINEER = "scrutineer", "Independent scrutineer/chair"
        ADMIN = "admin", "Administrator/training administrator"
        SUPPORT = "support", "Business support/development officer, business co-ordinator"
        TRAINING = "training", "Training/training & development lead/co-ordinator/officer/manager"
        LEARNING = "learning", "Learning & improvement/learning & development officer/manager"
        PRACTICE = "practice", "Practice/policy/workforce development co-ordinator/ officer"
        PROJECT = "project", "Project co-ordinator/officer, project support/programme officer"
        CASE_REVIEW = "case_review", "Case review/safeguarding practice review officer/manager"
        QUALITY = "quality", "Quality assurance officer/manager"
        PERFORMANCE = "performance", "Performance/planning & performance officer/co-ordinator"
        COMMS = "comms", "Communications & media/social media officer"
        ADVISOR = "advisor", "Advisor/independent advisor/professional advisor"
        OTHER = "other", "Another post"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    year = models.ForeignKey(ResourceYear, on_delete=models.CASCADE, related_name="posts")
    category = models.CharField(max_length=12, choices=Category.choices)
    title = models.CharField("Job title", max_length=200)
    fte = models.DecimalField(
        "Full-time equivalent", max_digits=5, decimal_places=2, default=Decimal("1.00")
    )

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["category", "title"]

    def __str__(self) -> str:
        return self.title


# The rows of a year, by the name its pages use.
LINE_MODELS = {"contribution": Contribution, "other": OtherResource, "spend": Spend, "post": Post}
