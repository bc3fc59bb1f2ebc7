"""Reads for learning and actions, in fixed numbers of queries."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from .models import Action, Challenge, Escalation, LearningSource

FILTERS = {
    "open": ("Open", ~Q(status=Action.Status.DONE)),
    "overdue": ("Overdue", None),
    "done": ("Done", Q(status=Action.Status.DONE)),
    "all": ("All", Q()),
}


def action_log(show: str = "open", agency: int | None = None):
    today = timezone.localdate()
    waiting = Escalation.objects.filter(action=OuterRef("pk"), response="")
    actions = Action.objects.select_related("owner_agency", "source", "recommendation").annotate(
        escalated=Exists(waiting)
    )
    if show == "overdue":
        actions = actions.filter(due_date__lt=today).exclude(status=Action.Status.DONE)
    else:
        actions = actions.filter(FILTERS.get(show, FILTERS["open"])[1])
    if agency:
        actions = actions.filter(owner_agency_id=agency)
    return actions.order_by("due_date", "pk")


def action_counts() -> dict:
    today = timezone.localdate()
    return Action.objects.aggregate(
        open=Count("id", filter=~Q(status=Action.Status.DONE)),
        overdue=Count("id", filter=Q(due_date__lt=today) & ~Q(status=Action.Status.DONE)),
        done=Count("id", filter=Q(status=Action.Status.DONE)),
    )


def sources():
    return LearningSource.objects.annotate(
        recommendation_count=Count("recommendations", distinct=True),
        action_count=Count("actions", distinct=True),
    ).order_by("-date", "title")


def challenges():
    return Challenge.objects.select_related("raised_with").prefetch_related("outcomes")
