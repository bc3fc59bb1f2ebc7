"""Notifications: a small shared service. An item on the person's home page, and an email,
when something needs them (an assignment, a sign-off request, a review nearing its date)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django_scopes import ScopedManager

from partnerships.models import Partnership


class Notification(models.Model):
    partnership = models.ForeignKey(Partnership, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(max_length=200)
    href = models.CharField(max_length=500)
    key = models.CharField(
        max_length=100, blank=True, help_text="Repeats with the same key are not sent twice."
    )
    created_at = models.DateTimeField(default=timezone.now)
    dismissed_at = models.DateTimeField(null=True, blank=True)

    objects = ScopedManager(partnership="partnership")

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "dismissed_at"])]

    def __str__(self) -> str:
        return self.title
