"""The survey on the home page: an open wave invites everyone on the staff to answer it, and
tells the business unit how many have."""

from __future__ import annotations

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone

from partnerships.attention import AttentionItem

from .models import Wave


def attention_items(request) -> list[AttentionItem]:
    if not request.can("surveys:list"):
        return []
    today = timezone.localdate()
    waves = Wave.objects.filter(opens_on__lte=today, closes_on__gte=today).annotate(
        answered=Count("responses", filter=Q(responses__submitted=True))
    )
    items = []
    for wave in waves:
        closes = f"{wave.closes_on:%-d %B %Y}"
        if request.can("surveys:edit"):
            items.append(
                AttentionItem(
                    title=f"{wave.title} is open until {closes}",
                    href=reverse("surveys:wave", args=[request.partnership.slug, wave.pk]),
                    detail=f"{wave.answered} response{'s' if wave.answered != 1 else ''} so far",
                )
            )
        elif wave.mode == Wave.Mode.LINK:
            items.append(
                AttentionItem(
                    title=f"Have your say: {wave.title} is open until {closes}",
                    href=reverse("survey_respond:start", args=[wave.link_token]),
                    detail="Anonymous: your answers are never linked to you.",
                )
            )
    return items
