"""Meetings beside a review's outcomes: who was represented in the review's year, for the
outcome whose indicators ask it (1.3: joint decisions with broad representation, education
included, at the right seniority); and where each meeting record is used."""

from __future__ import annotations

from django.urls import reverse

from reviews.outcome_signals import OutcomeSignal

from .models import Meeting
from .selectors import representation

# The outcome whose indicators speak of representation at meetings (1.3.1 and 1.3.3).
REPRESENTATION_OUTCOME = "1.3"


def outcome_signals(review, outcome) -> list[OutcomeSignal]:
    if outcome.code != REPRESENTATION_OUTCOME:
        return []
    data = representation(review.partnership, review.period)
    if not data.meetings:
        return []
    education = data.education
    sectors = [row for row in data.sectors if row.meetings]
    return [
        OutcomeSignal(
            title=f"Meetings in {review.period}: who was represented",
            lines=[
                f"{data.meetings} meetings of the partnership's boards and subgroups.",
                f"Education attended {education.meetings} of {data.meetings} ({education.share}%)."
                if education
                else "",
                "Sectors at most meetings: "
                + ", ".join(
                    f"{row.sector} ({row.share}%)"
                    for row in sorted(sectors, key=lambda r: -r.meetings)[:4]
                )
                + ".",
            ],
            href=reverse("meetings:representation", args=[review.partnership.slug])
            + f"?year={review.period}",
        )
    ]


def evidence_usage(item_ids: list[int]) -> dict[int, list[tuple[str, str]]]:
    found: dict[int, list[tuple[str, str]]] = {}
    for meeting in Meeting.objects.filter(evidence_id__in=item_ids).select_related(
        "subgroup", "partnership"
    ):
        found.setdefault(meeting.evidence_id, []).append(
            (
                f"Meeting: {meeting}",
                reverse("meetings:meeting", args=[meeting.partnership.slug, meeting.pk]),
            )
        )
    return found
