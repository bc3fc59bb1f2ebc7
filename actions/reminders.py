"""Tell the owner agency's staff and the business unit about each overdue action, once."""

from __future__ import annotations

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from notifications.services import notify
from partnerships.models import Membership
from partnerships.roles import MANAGER_ROLES

from .models import Action


def overdue_action_reminders() -> int:
    told = 0
    overdue = (
        Action.objects.filter(due_date__lt=timezone.localdate())
        .exclude(status=Action.Status.DONE)
        .select_related("partnership", "owner_agency")
    )
    for action in overdue:
        people = (
            Membership.objects.filter(
                Q(roles__role__in=MANAGER_ROLES)
                | Q(agency_id=action.owner_agency_id, agency__isnull=False),
                partnership=action.partnership,
            )
            .select_related("user")
            .distinct()
        )
        told += notify(
            partnership=action.partnership,
            users=[m.user for m in people],
            title=f"Overdue action (due {action.due_date:%-d %B %Y}): {action.title[:80]}",
            href=reverse("actions:action", args=[action.partnership.slug, action.pk]),
            key=f"action-overdue-{action.pk}",
        )
    return told
