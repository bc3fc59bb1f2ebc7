"""Feedback still without a response after the group's set time, on the business unit's home
page; a young scrutineer sees new responses to their group."""

from __future__ import annotations

from django.urls import reverse

from partnerships.attention import AttentionItem

from .models import Feedback, Workshop
from .selectors import overdue_feedback


def attention_items(request) -> list[AttentionItem]:
    slug = request.partnership.slug
    items = []
    if request.can("participation:feedback", method="POST"):
        for feedback in overdue_feedback()[:10]:
            items.append(
                AttentionItem(
                    title=f"Feedback waiting for a response: “{feedback.said[:70]}”",
                    href=reverse("participation:feedback", args=[slug, feedback.pk]),
                    detail=f"From {feedback.group}; a response was due {feedback.respond_by:%-d %B %Y}",
                    overdue=True,
                )
            )
        for workshop in Workshop.objects.filter(status=Workshop.Status.OPEN)[:5]:
            items.append(
                AttentionItem(
                    title=f"Workshop open: {workshop.title}",
                    href=reverse("participation:workshop", args=[slug, workshop.pk]),
                    detail=f"People join with the code {workshop.code}. Finish it when the session ends.",
                )
            )
    if not request.can("participation.see_all_groups"):
        answered = (
            Feedback.objects.filter(group__members=request.membership)
            .exclude(response="")
            .order_by("-responded_on")[:5]
        )
        for feedback in answered:
            items.append(
                AttentionItem(
                    title=f"You said: “{feedback.said[:60]}”. See what we did.",
                    href=reverse("participation:feedback", args=[slug, feedback.pk]),
                    detail=f"Answered {feedback.responded_on:%-d %B %Y}"
                    if feedback.responded_on
                    else "",
                )
            )
    return items
