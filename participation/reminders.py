"""Tell the business unit once about each piece of feedback past its response date."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from notifications.services import notify
from partnerships.models import Membership
from partnerships.roles import MANAGER_ROLES

from .models import Feedback


def overdue_feedback_reminders() -> int:
    told = 0
    with scopes_disabled():
        overdue = list(
            Feedback.objects.filter(
                response="", respond_by__lt=timezone.localdate()
            ).select_related("partnership", "group")
        )
        for feedback in overdue:
            people = (
                Membership.objects.filter(
                    partnership=feedback.partnership, roles__role__in=MANAGER_ROLES
                )
                .select_related("user")
                .distinct()
            )
            told += notify(
                partnership=feedback.partnership,
                users=[m.user for m in people],
                title=f"Feedback from {feedback.group} is waiting for a response "
                f"(due {feedback.respond_by:%-d %B %Y})",
                href=reverse(
                    "participation:feedback", args=[feedback.partnership.slug, feedback.pk]
                ),
                key=f"feedback-overdue-{feedback.pk}",
            )
    return told
