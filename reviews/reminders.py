"""Remind the business unit and partners of reviews due for sign-off within 14 days."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from notifications.services import notify
from partnerships.models import Membership
from partnerships.roles import SIGN_OFF_ROLES

from .models import Review


def review_due_reminders() -> int:
    today = timezone.localdate()
    told = 0
    due = (
        Review.objects.filter(due_date__isnull=False, due_date__lte=today + timedelta(days=14))
        .exclude(status=Review.Status.SIGNED_OFF)
        .select_related("partnership")
    )
    for review in due:
        people = Membership.objects.filter(
            partnership=review.partnership,
            roles__role__in=SIGN_OFF_ROLES,
        ).select_related("user")
        told += notify(
            partnership=review.partnership,
            users=[m.user for m in people],
            title=f"{review}: sign-off due {review.due_date:%-d %B %Y}",
            href=reverse("reviews:review", args=[review.partnership.slug, review.pk]),
            key=f"review-due-{review.pk}",
        )
    return told
