"""How long respondents' answers are kept, and deleting them when that time is up (run daily by
`purge_expired` through the "purge_due" hook)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from .models import Response, Wave
from .results import results_changed

ANSWERS_KEPT_YEARS = 3
"""Answers and comments are deleted this many years after their wave closes (the survey's first
page says so). Signed yearly reports keep the figures they were signed with."""


def answers_purge(*, now=None) -> dict[str, int]:
    """Delete what respondents were told would not be kept: unsent answers once a wave has
    closed, and every answer and comment `ANSWERS_KEPT_YEARS` after it closed."""
    today = timezone.localdate(now) if now else timezone.localdate()
    expired = today.replace(year=today.year - ANSWERS_KEPT_YEARS, day=min(today.day, 28))
    removed = {"unsent survey responses": 0, "survey responses past their time": 0}
    with transaction.atomic():
        for wave in Wave.objects.filter(closes_on__lt=today).only("pk", "closes_on"):
            unsent = Response.objects.filter(wave=wave, submitted=False)
            removed["unsent survey responses"] += unsent.delete()[1].get("surveys.Response", 0)
            if wave.closes_on < expired:
                old = Response.objects.filter(wave=wave)
                removed["survey responses past their time"] += old.delete()[1].get(
                    "surveys.Response", 0
                )
                results_changed(wave)
    return removed
