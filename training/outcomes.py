"""Training beside a review's outcomes: its reach and evaluation in the review's year for 4.3
(a skilled and supported workforce: co-developed training, uptake and evaluation reviewed,
EEDI training), the sessions passing on learning for 5.1 ("learning is cascaded and integrated
into dissemination and training activities"); and where each training record is used."""

from __future__ import annotations

from django.urls import reverse

from reviews.outcome_signals import OutcomeSignal

from .models import TrainingSession
from .selectors import training_year

WORKFORCE_OUTCOME = "4.3"
LEARNING_OUTCOME = "5.1"


def outcome_signals(review, outcome) -> list[OutcomeSignal]:
    if outcome.code not in (WORKFORCE_OUTCOME, LEARNING_OUTCOME):
        return []
    year = training_year(review.partnership, review.period)
    if not year.sessions:
        return []
    href = reverse("training:year", args=[review.partnership.slug]) + f"?year={review.period}"
    if outcome.code == LEARNING_OUTCOME:
        if not year.from_learning:
            return []
        return [
            OutcomeSignal(
                title=f"Training in {review.period} that passed on learning",
                lines=[f"{s.title}: from {s.learning_source}." for s in year.from_learning],
                href=href,
            )
        ]
    return [OutcomeSignal(title=f"Training in {review.period}", lines=reach_lines(year), href=href)]


def reach_lines(year) -> list[str]:
    """Reach and evaluation in a few sentences (also the yearly report's summary)."""
    lines = [
        f"{len(year.sessions)} session{'s' if len(year.sessions) != 1 else ''}; "
        f"{year.people} people attended from {year.agencies_reached} of the partnership's "
        f"{year.agencies_total} agencies.",
        f"{len(year.co_delivered)} co-developed or co-facilitated with children, young people "
        f"or experts by experience; {len(year.eedi)} on equality, equity, diversity and "
        "inclusion.",
    ]
    if year.groups:
        relevant, will_use = year.overall[0], year.overall[1]
        lines.append(
            f"{year.shown_evaluations} evaluations shown: {relevant.agree_percent}% agreed the "
            f"session was relevant to their work and {will_use.agree_percent}% that they will "
            "use what they learned."
        )
    else:
        lines.append("No evaluations can be shown yet.")
    return lines


def evidence_usage(item_ids: list[int]) -> dict[int, list[tuple[str, str]]]:
    found: dict[int, list[tuple[str, str]]] = {}
    for session in TrainingSession.objects.filter(evidence_id__in=item_ids).select_related(
        "partnership"
    ):
        found.setdefault(session.evidence_id, []).append(
            (
                f"Training session: {session}",
                reverse("training:session", args=[session.partnership.slug, session.pk]),
            )
        )
    return found
