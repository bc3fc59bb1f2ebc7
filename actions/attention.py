"""Overdue actions and unanswered escalations on the home page."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from partnerships.attention import AttentionItem

from .models import Action, Escalation


def attention_items(request) -> list[AttentionItem]:
    slug = request.partnership.slug
    items = []
    overdue = Action.objects.filter(due_date__lt=timezone.localdate()).exclude(
        status=Action.Status.DONE
    )
    if not request.can("actions.see_all_overdue"):
        # Agency staff see their agency's overdue actions only.
        agency = request.membership.agency_id
        overdue = overdue.filter(owner_agency_id=agency) if agency else overdue.none()
    for action in overdue.select_related("owner_agency")[:10]:
        items.append(
            AttentionItem(
                title=f"Overdue action: {action.title[:90]}",
                href=reverse("actions:action", args=[slug, action.pk]),
                detail=f"Due {action.due_date:%-d %B %Y}"
                + (f" · {action.owner_agency}" if action.owner_agency else ""),
                overdue=True,
            )
        )
    if request.can("actions.see_escalations"):
        for escalation in Escalation.objects.filter(response="").select_related("action"):
            items.append(
                AttentionItem(
                    title=f"Escalated to the lead partners: {escalation.action.title[:80]}",
                    href=reverse("actions:action", args=[slug, escalation.action_id]),
                    detail=f"Raised {escalation.raised_on:%-d %B %Y}; awaiting your response",
                )
            )
    return items
