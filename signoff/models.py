"""Joint sign-off: every statutory partner body in the footprint signs, through its lead
safeguarding partner or a delegated partner acting for them.

One mechanism for every record that is signed (reviews, priorities, yearly reports): the
record's model takes on `Signable`, and a `SignOff` round points at it generically. One state
machine: draft -> awaiting sign-off -> signed -> (reopened with a reason) -> draft. One rule:
the record is locked from the moment sign-off is asked until it is reopened. Asking freezes a
`Snapshot` of exactly what is being signed, with its SHA-256; each signature records the hash
it signed.
"""

from __future__ import annotations

import hashlib
import json

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django_scopes import ScopedManager

from partnerships.models import PartnerBody, Partnership, RoleAssignment


class SignoffState(models.TextChoices):
    DRAFT = "draft", "Draft"
    AWAITING = "awaiting", "Awaiting sign-off"
    SIGNED = "signed", "Signed off"


class Signable(models.Model):
    """Taken on by any record that is signed off jointly. Only `signoff.services` changes the
    state; the owning app's services refuse writes while `is_locked` (see `signoff.locking`)."""

    signoff_state = models.CharField(
        "Sign-off",
        max_length=10,
        choices=SignoffState.choices,
        default=SignoffState.DRAFT,
        editable=False,
    )
    # How the record is named at the start of a sentence ("The review").
    signoff_name = "This record"

    class Meta:
        abstract = True

    @property
    def is_locked(self) -> bool:
        return self.signoff_state != SignoffState.DRAFT


def canonical_json(content) -> str:
    """One spelling of a snapshot's content, so the same content always has the same hash."""
    return json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def sha256_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class Snapshot(models.Model):
    """An immutable copy of exactly what was put up for sign-off, as canonical JSON."""

    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(default=timezone.now)
    body = models.TextField(editable=False)
    sha256 = models.CharField(max_length=64, editable=False)
    # Made later for a signature given before fixed versions were recorded: not the signed text.
    reconstructed = models.BooleanField(default=False)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"Version {self.sha256[:12]} of {self.target}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("A snapshot is never changed once made.")
        super().save(*args, **kwargs)

    @property
    def intact(self) -> bool:
        return sha256_of(self.body) == self.sha256


class SignOff(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    requested_at = models.DateTimeField(default=timezone.now)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    locked_at = models.DateTimeField(null=True, blank=True)
    reopened_at = models.DateTimeField(null=True, blank=True)
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reopen_reason = models.TextField(blank=True)
    # Closed by a partner declining to sign (reopened_* then hold who declined, when and why).
    declined = models.BooleanField(default=False)
    declined_for = models.ForeignKey(
        PartnerBody, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    due_by = models.DateField("Sign by", null=True, blank=True)
    # The record's sign-off page, for links in reminders and replies.
    page = models.CharField(max_length=500, blank=True)
    # What this round asks the partners to sign (none for rounds made before fixed versions).
    snapshot = models.ForeignKey(
        Snapshot, null=True, blank=True, on_delete=models.PROTECT, related_name="rounds"
    )

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = "sign-off"
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"Sign-off of {self.target}"

    @property
    def is_open(self) -> bool:
        return self.reopened_at is None and self.locked_at is None


class Signature(models.Model):
    signoff = models.ForeignKey(SignOff, on_delete=models.CASCADE, related_name="signatures")
    partner_body = models.ForeignKey(PartnerBody, on_delete=models.PROTECT, related_name="+")
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Set when a delegated partner signed for this lead partner.
    on_behalf_of = models.ForeignKey(
        RoleAssignment, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    signed_at = models.DateTimeField(default=timezone.now)
    # The SHA-256 of the snapshot this signature covers; blank for signatures given before
    # fixed versions were recorded.
    snapshot_sha256 = models.CharField(max_length=64, blank=True)
    comment = models.TextField(blank=True)
    # Signed, but with a reservation that appears with the signature wherever it is shown.
    reservation = models.TextField(blank=True)

    objects = ScopedManager(partnership="signoff__partnership")

    class Meta:
        ordering = ["signed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["signoff", "partner_body"], name="one_signature_per_body"
            )
        ]

    def __str__(self) -> str:
        return f"{self.partner_body} signed"
