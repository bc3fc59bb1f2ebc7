"""A person's notifications as "needs your attention" items on the home page."""

from __future__ import annotations

from django.urls import reverse

from partnerships.attention import AttentionItem

from .models import Notification


def attention_items(request) -> list[AttentionItem]:
    """Undismissed notifications for this person in this partnership (1 query)."""
    return [
        AttentionItem(
            title=n.title,
            href=n.href,
            detail=f"{n.created_at:%-d %B %Y}",
            dismiss_url=reverse("notifications:dismiss", args=[request.partnership.slug, n.pk]),
        )
        for n in Notification.objects.filter(user=request.user, dismissed_at__isnull=True)[:20]
    ]
