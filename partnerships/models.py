"""Partnerships (the tenants), their footprint, agencies, people, roles and subgroups.

Every model here except `Partnership` belongs to one partnership and is read through
django-scopes: outside `scope(partnership=...)` a query raises instead of leaking.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django_scopes import ScopedManager

from trust.softdelete import AllManager, LiveManager, SoftDeleteModel
from trust.versioning import VersionedModel

from .roles import Role


class Region(models.TextChoices):
    """The nine English regions."""

    NORTH_EAST = "north_east", "North East"
    NORTH_WEST = "north_west", "North West"
    YORKSHIRE = "yorkshire", "Yorkshire and the Humber"
    EAST_MIDLANDS = "east_midlands", "East Midlands"
    WEST_MIDLANDS = "west_midlands", "West Midlands"
    EAST = "east", "East of England"
    LONDON = "london", "London"
    SOUTH_EAST = "south_east", "South East"
    SOUTH_WEST = "south_west", "South West"


SHORT_NAME_ENDS = {"safeguarding", "children", "partnership"}


class Partnership(VersionedModel):
    """A Local Safeguarding Children Partnership: one tenant."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(
        max_length=60, unique=True, help_text="Used in web addresses, e.g. northshire."
    )
    region = models.CharField(max_length=20, choices=Region.choices)
    coterminous = models.BooleanField(
        "coterminous",
        default=True,
        help_text="The local authority, ICB and police force boundaries match the partnership's.",
    )
    merged_with_adult_board = models.BooleanField(
        "merged with the safeguarding adults board", default=False
    )
    retention_years = models.PositiveSmallIntegerField(
        "keep the audit trail for (years)",
        default=6,
        help_text="Audit entries older than this are deleted for good. Between 1 and 25 years.",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(retention_years__gte=1, retention_years__lte=25),
                name="retention_years_range",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def short_name(self) -> str:
        """The place, as people say it: "Northshire" for "Northshire Safeguarding Children
        Partnership" (the whole name when it does not follow that pattern)."""
        words = self.name.split()
        for index, word in enumerate(words):
            if index and word.lower().removesuffix("'s").removesuffix("’s") in SHORT_NAME_ENDS:
                return " ".join(words[:index])
        return self.name


class PartnerBody(VersionedModel):
    """A statutory partner body in the footprint: a local authority, an ICB or a police force."""

    class Kind(models.TextChoices):
        LOCAL_AUTHORITY = "local_authority", "Local authority"
        ICB = "icb", "Integrated Care Board (ICB)"
        POLICE = "police", "Police force"

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="partner_bodies"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    name = models.CharField(max_length=200)
    # A force or ICB on several partnerships is one organisation; each partnership keeps its own
    # partner body for it (its footprint, its signature), naming the organisation here.
    organisation = models.ForeignKey(
        "Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="partner_bodies",
    )

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["kind", "name"]
        verbose_name_plural = "partner bodies"
        constraints = [
            models.UniqueConstraint(fields=["partnership", "name"], name="unique_partner_body")
        ]

    def __str__(self) -> str:
        return self.name


class Organisation(models.Model):
    """A statutory partner as one organisation, whichever partnerships it sits on (a police
    force or ICB usually covers several). Kept by platform staff, like a reference list: it
    holds no partnership's data, only the name every partnership knows it by."""

    kind = models.CharField(max_length=20, choices=PartnerBody.Kind.choices)
    name = models.CharField(max_length=200, unique=True)

    class Meta:
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name


class Agency(VersionedModel, SoftDeleteModel):
    """A partner or relevant agency taking part in the partnership's work."""

    class Sector(models.TextChoices):
        LOCAL_AUTHORITY = "local_authority", "Local authority"
        ICB = "icb", "Integrated Care Board (ICB)"
        HEALTH_PROVIDER = "health_provider", "Health provider"
        POLICE = "police", "Police"
        EDUCATION = "education", "Education"
        VCSE = "vcse", "Voluntary, community and social enterprise (VCSE)"
        PROBATION = "probation", "Probation"
        YOUTH_JUSTICE = "youth_justice", "Youth justice"
        CAFCASS = "cafcass", "CAFCASS"
        OTHER = "other", "Other"

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="agencies")
    name = models.CharField(max_length=200)
    sector = models.CharField(max_length=20, choices=Sector.choices)

    objects = ScopedManager(partnership="partnership", _manager_class=LiveManager)
    all_objects = ScopedManager(partnership="partnership", _manager_class=AllManager)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "agencies"
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "name"],
                condition=models.Q(deleted_at__isnull=True),
                name="unique_agency_name",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A person's place in one partnership. The same account can hold several."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    agency = models.ForeignKey(
        Agency, on_delete=models.SET_NULL, null=True, blank=True, related_name="members"
    )
    job_title = models.CharField(max_length=150, blank=True)
    joined_at = models.DateTimeField(default=timezone.now)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["user__full_name", "user__email"]
        constraints = [
            models.UniqueConstraint(fields=["partnership", "user"], name="unique_membership")
        ]

    def __str__(self) -> str:
        return str(self.user)


class RoleAssignment(models.Model):
    """One role held by a member. A lead partner signs for a partner body; a delegated partner
    acts for a lead partner."""

    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(max_length=30, choices=Role.choices)
    partner_body = models.ForeignKey(
        PartnerBody, on_delete=models.PROTECT, null=True, blank=True, related_name="leads"
    )
    acting_for = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="delegates"
    )

    objects = ScopedManager(partnership="membership__partnership")

    class Meta:
        ordering = ["role"]
        constraints = [
            models.UniqueConstraint(
                fields=["membership", "role", "partner_body", "acting_for"],
                name="unique_role_assignment",
            ),
            models.CheckConstraint(
                condition=~models.Q(role=Role.LEAD_PARTNER) | models.Q(partner_body__isnull=False),
                name="lead_partner_has_partner_body",
            ),
            models.CheckConstraint(
                condition=~models.Q(role=Role.DELEGATED_PARTNER)
                | models.Q(acting_for__isnull=False),
                name="delegated_partner_acts_for_lead",
            ),
        ]

    def __str__(self) -> str:
        label = Role(self.role).label
        if self.role == Role.LEAD_PARTNER and self.partner_body_id:
            return f"{label} for {self.partner_body}"
        if self.role == Role.DELEGATED_PARTNER and self.acting_for_id:
            return f"{label}, acting for {self.acting_for.membership.user}"
        return label


class Subgroup(VersionedModel, SoftDeleteModel):
    """A subgroup of the partnership, accountable to another subgroup or to the lead partners."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="subgroups")
    name = models.CharField(max_length=200)
    purpose = models.TextField(blank=True)
    chair = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="chairs"
    )
    members = models.ManyToManyField(Membership, blank=True, related_name="subgroups")
    accountable_to = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reporting_subgroups",
        help_text="Leave empty if the subgroup reports to the lead safeguarding partners.",
    )

    objects = ScopedManager(partnership="partnership", _manager_class=LiveManager)
    all_objects = ScopedManager(partnership="partnership", _manager_class=AllManager)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "name"],
                condition=models.Q(deleted_at__isnull=True),
                name="unique_subgroup_name",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Invitation(models.Model):
    """An emailed invitation to join a partnership in a role. Only a hash of the token is kept."""

    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField()
    full_name = models.CharField(max_length=150)
    role = models.CharField(max_length=30, choices=Role.choices)
    partner_body = models.ForeignKey(PartnerBody, on_delete=models.CASCADE, null=True, blank=True)
    agency = models.ForeignKey(Agency, on_delete=models.SET_NULL, null=True, blank=True)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Invitation for {self.email}"

    @property
    def is_open(self) -> bool:
        return self.accepted_at is None and self.expires_at > timezone.now()
