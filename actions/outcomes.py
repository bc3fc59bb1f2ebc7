"""Actions and challenges under the framework outcomes they serve (in reviews)."""

from __future__ import annotations

from django.urls import reverse

from reviews.outcome_signals import OutcomeSignal

from .models import Action, Challenge


def outcome_signals(review, outcome) -> list[OutcomeSignal]:
    slug = review.partnership.slug
    signals = []
    actions = list(Action.objects.filter(outcomes=outcome).order_by("due_date"))
    if actions:
        signals.append(
            OutcomeSignal(
                title=f"Actions ({sum(a.status == Action.Status.DONE for a in actions)} of {len(actions)} done)",
                lines=[
                    f"{a.title} ({a.get_status_display().lower()}"
                    + (", overdue" if a.is_overdue else "")
                    + (f"; impact: {a.impact_evidence}" if a.impact_evidence else "")
                    + ")"
                    for a in actions
                ],
                href=reverse("actions:log", args=[slug]) + "?show=all",
            )
        )
    challenges = list(Challenge.objects.filter(outcomes=outcome).select_related("raised_with"))
    if challenges:
        signals.append(
            OutcomeSignal(
                title=f"Challenges ({len(challenges)})",
                lines=[
                    f"{c.raised_on:%-d %b %Y}: {c.subject} ({c.get_status_display().lower()})"
                    for c in challenges
                ],
                href=reverse("actions:challenges", args=[slug]),
            )
        )
    return signals
