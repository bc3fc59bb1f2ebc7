"""Reads of reviews, in a fixed number of queries however many indicators there are."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch
from django.urls import reverse

from framework.models import Outcome, OutcomeCategory, RatingLevel
from framework.trees import macs_tree_spec

from .focus import NOT_THIS_YEAR, LastJudgement, focus_codes, last_judgements
from .models import OutcomeJudgement, Rating, Review

NOT_ASSESSED = "Not yet assessed"


def latest_review(partnership) -> Review | None:
    return Review.objects.filter(partnership=partnership).order_by("-created_at", "-pk").first()


def change(previous: int | None, now: int | None, had_previous_review: bool) -> str:
    """How a level moved since the last review: improved, same, deteriorated, or new (rated now,
    not rated last time). Nothing when not rated now or when there is no earlier review."""
    if now is None or not had_previous_review:
        return ""
    if previous is None:
        return "new"
    if now > previous:
        return "improved"
    if now < previous:
        return "deteriorated"
    return "same"


@dataclass
class OutcomeRow:
    outcome: Outcome
    judgement: OutcomeJudgement | None
    previous_level: int | None
    had_previous: bool
    ratings: list = field(default_factory=list)  # the indicators in focus this year
    not_in_focus: int = 0  # how many of its indicators this year leaves out
    last: LastJudgement | None = None  # out of focus: the last judgement, from an earlier review

    @property
    def in_focus(self) -> bool:
        return self.judgement is None or self.judgement.in_focus

    @property
    def change(self) -> str:
        if not self.in_focus:
            return ""
        return change(
            self.previous_level,
            self.judgement.level if self.judgement else None,
            self.had_previous,
        )


@dataclass
class ReviewOverview:
    review: Review
    levels: dict[int, RatingLevel]
    categories: list[tuple[OutcomeCategory, list[OutcomeRow]]]
    total: int
    rated: int
    with_evidence: int
    no_evidence: list[Rating]
    not_rated: list[Rating]


def assigned_filter(membership) -> tuple[set[int], int | None]:
    """The subgroups (member or chair) and agency whose indicators this member may rate."""
    subgroups = set(membership.subgroups.values_list("pk", flat=True)) | set(
        membership.chairs.values_list("pk", flat=True)
    )
    return subgroups, membership.agency_id


def is_assigned(rating: Rating, subgroups: set[int], agency_id: int | None) -> bool:
    return (rating.owner_subgroup_id is not None and rating.owner_subgroup_id in subgroups) or (
        rating.owner_agency_id is not None and rating.owner_agency_id == agency_id
    )


def review_overview(review: Review, *, only=None) -> ReviewOverview:
    """Everything the review page shows (9 queries). `only(rating)` narrows the indicators.
    Counts are of this year's focus: an indicator out of focus is neither rated nor missing."""
    levels = {lv.value: lv for lv in RatingLevel.objects.filter(edition=review.edition_id)}
    ratings = list(
        Rating.objects.filter(review=review)
        .select_related("indicator", "local_indicator", "owner_agency", "owner_subgroup")
        .annotate(evidence_count=Count("evidence"))
        .order_by("indicator__position", "local_indicator__code", "pk")
    )
    previous_levels = {}
    previous_judgements = {}
    if review.previous_id:
        previous_levels = {
            (r["indicator_id"], r["local_indicator_id"]): r["level"]
            for r in Rating.objects.filter(review_id=review.previous_id).values(
                "indicator_id", "local_indicator_id", "level"
            )
        }
        previous_judgements = dict(
            OutcomeJudgement.objects.filter(review_id=review.previous_id).values_list(
                "outcome_id", "level"
            )
        )
    judgements = {j.outcome_id: j for j in OutcomeJudgement.objects.filter(review=review)}
    categories = list(
        OutcomeCategory.objects.filter(edition=review.edition_id)
        .order_by("number")
        .prefetch_related(Prefetch("outcomes", Outcome.objects.order_by("position")))
    )
    by_outcome: dict[int, list[Rating]] = defaultdict(list)
    for rating in ratings:
        rating.previous_level = previous_levels.get(
            (rating.indicator_id, rating.local_indicator_id)
        )
        rating.change = change(rating.previous_level, rating.level, review.previous_id is not None)
        rating.level_info = levels.get(rating.level)
        outcome_id = (
            rating.indicator.outcome_id
            if rating.indicator_id
            else rating.local_indicator.outcome_id
        )
        by_outcome[outcome_id].append(rating)
    last = last_judgements(review)
    shown = [r for r in ratings if r.in_focus and (only is None or only(r))]
    shown_ids = {r.pk for r in shown}
    result = []
    for category in categories:
        rows = []
        for outcome in category.outcomes.all():
            rows.append(
                OutcomeRow(
                    outcome=outcome,
                    judgement=judgements.get(outcome.pk),
                    previous_level=previous_judgements.get(outcome.pk),
                    had_previous=review.previous_id is not None,
                    ratings=[r for r in by_outcome[outcome.pk] if r.pk in shown_ids],
                    not_in_focus=sum(1 for r in by_outcome[outcome.pk] if not r.in_focus),
                    last=last.get(outcome.pk),
                )
            )
        result.append((category, rows))
    for row in (r for _, rows in result for r in rows):
        if row.judgement is not None:
            row.judgement.level_info = levels.get(row.judgement.level)
    focus = [r for r in ratings if r.in_focus]
    return ReviewOverview(
        review=review,
        levels=levels,
        categories=result,
        total=len(focus),
        rated=sum(1 for r in focus if r.level is not None),
        with_evidence=sum(1 for r in focus if r.evidence_count),
        no_evidence=[r for r in focus if r.level is not None and not r.evidence_count],
        not_rated=[r for r in focus if r.level is None],
    )


def outcome_levels(review: Review) -> dict[str, RatingLevel]:
    """Outcome code → its judged level (colour and words), for the coloured MACS tree: this
    year's focus only (an outcome out of focus was not judged this year)."""
    levels = {level.value: level for level in RatingLevel.objects.filter(edition=review.edition_id)}
    return {
        code: levels[level]
        for code, level in OutcomeJudgement.objects.filter(
            review=review, level__isnull=False, in_focus=True
        ).values_list("outcome__code", "level")
    }


def evidence_usage(item_ids: list[int]) -> dict[int, list[tuple[str, str]]]:
    """Where evidence items are used in reviews (for the evidence register; 2 queries)."""
    found: dict[int, list[tuple[str, str]]] = defaultdict(list)
    through = Rating.evidence.through
    for link in through.objects.filter(evidenceitem_id__in=item_ids).select_related(
        "rating__review__partnership", "rating__indicator", "rating__local_indicator"
    ):
        rating = link.rating
        url = reverse(
            "reviews:rating", args=[rating.review.partnership.slug, rating.review_id, rating.pk]
        )
        found[link.evidenceitem_id].append(
            (f"Review {rating.review.period}: indicator {rating.code}", url)
        )
    through = OutcomeJudgement.evidence.through
    for link in through.objects.filter(evidenceitem_id__in=item_ids).select_related(
        "outcomejudgement__review__partnership", "outcomejudgement__outcome"
    ):
        judgement = link.outcomejudgement
        url = reverse(
            "reviews:judgement",
            args=[judgement.review.partnership.slug, judgement.review_id, judgement.outcome.code],
        )
        found[link.evidenceitem_id].append(
            (f"Review {judgement.review.period}: outcome {judgement.outcome.code}", url)
        )
    return found


def review_tree_spec(review: Review, partnership_slug: str):
    """The MACS tree coloured by this review: each outcome in focus by its judged level (in
    colour and in words), the rest grey and saying why."""
    levels = outcome_levels(review)
    focus = focus_codes(review)
    return macs_tree_spec(
        review.edition,
        partnership_slug,
        leaf_colours={code: level.colour for code, level in levels.items()},
        leaf_notes={code: level.label for code, level in levels.items()}
        | {o.code: NOT_THIS_YEAR for o in review.edition.outcomes.exclude(code__in=focus)},
    )
