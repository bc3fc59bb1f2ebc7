"""Survey results under the framework outcomes their statements speak to (in reviews), and
the survey's part of "download your data"."""

from __future__ import annotations

from django.urls import reverse

from reviews.outcome_signals import OutcomeSignal

from .models import Wave
from .results import statement_results
from .selectors import response_counts


def outcome_signals(review, outcome) -> list[OutcomeSignal]:
    """The latest closed wave's "true" percentages for statements mapped to this outcome."""
    closed = [
        w for w in Wave.objects.select_related("edition").order_by("-closes_on") if w.is_closed
    ]
    if not closed:
        return []
    wave = closed[0]
    mapped = set(wave.statements.filter(outcomes=outcome).values_list("pk", flat=True))
    lines = [
        f"{r.statement.number}. {r.statement.text}: "
        + (
            f"not shown (fewer than {wave.min_group_size} answered)"
            if r.truth.withheld or r.truth.groups["true"].percent is None
            else f"{r.truth.groups['true'].whole}% true"
        )
        for r in statement_results(wave)
        if r.statement.pk in mapped
    ]
    if not lines:
        return []
    sent = response_counts(wave)["sent"]
    return [
        OutcomeSignal(
            title=f"{wave.title} ({sent} responses)",
            lines=lines,
            href=reverse("surveys:results", args=[review.partnership.slug, wave.pk]),
        )
    ]


def invitations_of_person(user) -> list[dict]:
    """Survey invitations sent to this person's email (for "download your data"). Answers are
    anonymous and never linked to an invitation, so none can be included."""
    from django_scopes import scopes_disabled

    from .models import Invitation

    with scopes_disabled():
        return [
            {
                "partnership": i.partnership.name,
                "wave": i.wave.title,
                "invited": i.created_at.isoformat(),
                "reminded": i.reminded_at.isoformat() if i.reminded_at else None,
                "link_used": i.completed,
            }
            for i in Invitation.objects.filter(email__iexact=user.email).select_related(
                "partnership", "wave"
            )
        ]
