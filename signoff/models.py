"""Joint sign-off: every statutory partner body in the footprint signs, through its lead
safeguarding partner or a delegated partner acting for them; then the thing is locked.

One mechanism for anything that needs it (a review now; priorities and the yearly report
later): a `SignOff` round points at its target generically. Reopening closes the round with a
reason; asking again starts a new round.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django_scopes import ScopedManager

from partnerships.models import PartnerBody, Partnership, RoleAssignment


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
