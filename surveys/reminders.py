"""When a wave has closed: work out its published results once (small-group protection takes
seconds for a big profile table) and tell the business unit they are ready. Run daily by
`manage.py send_reminders`; each wave is announced once (the notification key)."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django_scopes import scope

from notifications.models import Notification
from notifications.services import notify
from partnerships.models import Membership
from partnerships.roles import MANAGER_ROLES

from .models import Wave
from .results import profile_results, statement_results

RECENT_DAYS = 30


def results_ready_reminders() -> int:
    told = 0
    today = timezone.localdate()
    closed = Wave.objects.filter(
        closes_on__lt=today, closes_on__gte=today - timedelta(days=RECENT_DAYS)
    ).select_related("partnership", "edition")
    for wave in closed:
        key = f"survey-results-{wave.pk}"
        if Notification.objects.filter(partnership=wave.partnership, key=key).exists():
            continue
        with scope(partnership=wave.partnership):
            statement_results(wave)  # computes and caches what the results pages publish
            profile_results(wave)
        managers = Membership.objects.filter(
            partnership=wave.partnership, roles__role__in=MANAGER_ROLES
        ).select_related("user")
        told += notify(
            partnership=wave.partnership,
            users=[m.user for m in managers],
            title=f"Results of {wave.title} are ready",
            href=reverse("surveys:results", args=[wave.partnership.slug, wave.pk]),
            key=key,
        )
    return told
