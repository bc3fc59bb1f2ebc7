"""Priorities under the framework outcomes they serve, shown when a review judges an outcome."""

from __future__ import annotations

from django.urls import reverse

from reviews.outcome_signals import OutcomeSignal

from .selectors import priorities_serving


def outcome_signals(review, outcome) -> list[OutcomeSignal]:
    signals = []
    for priority, outcomes in priorities_serving(outcome):
        lines = []
        for o in outcomes:
            latest = o.update_list[0] if o.update_list else None
            status = f" ({latest.get_status_display()}, {latest.date:%-d %B %Y})" if latest else ""
            lines.append(f"{o.target_group}: {o.text}{status}")
        signals.append(
            OutcomeSignal(
                title=f"Priority: {priority.title}" + (" (agreed)" if priority.agreed else ""),
                lines=lines,
                href=reverse("planning:priority", args=[review.partnership.slug, priority.pk]),
            )
        )
    return signals
