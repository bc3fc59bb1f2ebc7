"""What groups said about an outcome, and what was done, shown when a review judges it."""

from __future__ import annotations

from django.urls import reverse

from reviews.outcome_signals import OutcomeSignal

from .models import Feedback


def outcome_signals(review, outcome) -> list[OutcomeSignal]:
    feedback = list(Feedback.objects.filter(outcomes=outcome).select_related("group")[:20])
    if not feedback:
        return []
    answered = sum(bool(f.response) for f in feedback)
    return [
        OutcomeSignal(
            title=f"Voices of children, families and communities ({answered} of {len(feedback)} answered)",
            lines=[
                f"{f.group}, {f.received_on:%-d %b %Y}: “{f.said[:100]}”"
                + (f" We did: {f.response[:100]}" if f.response else " (no response yet)")
                for f in feedback
            ],
            href=reverse("participation:voices", args=[review.partnership.slug]),
        )
    ]
