"""Reviews on the home page: sign-off due soon or overdue (for the business unit and partners)."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from partnerships.attention import AttentionItem

from .models import Review

SOON_DAYS = 30


def attention_items(request) -> list[AttentionItem]:
    if not request.can("reviews.see_sign_off_due"):
        return []
    today = timezone.localdate()
    items = []
    for review in Review.objects.filter(
        due_date__isnull=False, due_date__lte=today + timedelta(days=SOON_DAYS)
    ).exclude(status=Review.Status.SIGNED_OFF):
        overdue = review.due_date < today
        items.append(
            AttentionItem(
                title=f"{review}: sign-off {'was due' if overdue else 'due'} {review.due_date:%-d %B %Y}",
                href=reverse("reviews:review", args=[request.partnership.slug, review.pk]),
                detail=review.get_status_display(),
                overdue=overdue,
            )
        )
    return items
