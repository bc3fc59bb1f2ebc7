"""A proportionate review: which outcomes are in focus this year, what an outcome out of focus
was last judged (and when), and how far the partnership's coverage plan has reached. Reads
only, in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Max, Prefetch

from framework.models import Outcome, OutcomeCategory, RatingLevel
from theory.selectors import activities_by_outcome, theory_for

from .models import CoveragePlan, OutcomeJudgement, Rating, Review

NOT_THIS_YEAR = "Not reviewed this year"


@dataclass(frozen=True)
class LastJudgement:
    """An out-of-focus outcome's judgement from the last review that looked at it."""

    level: RatingLevel | None
    period: str
    on: datetime | None


@dataclass(frozen=True)
class Coverage:
    """Where this review stands in the coverage plan."""

    plan: CoveragePlan
    year: int  # this review's year of the plan, from 1 (0: before it; > years: after it)
    covered: list[Outcome]  # in focus in some review of the plan, up to and including this one
    missing: list[Outcome]  # not yet

    @property
    def total(self) -> int:
        return len(self.covered) + len(self.missing)

    @property
    def in_plan(self) -> bool:
        return 1 <= self.year <= self.plan.years

    @property
    def ends_short(self) -> bool:
        """The plan's last year (or later) and some outcome never looked at: warn."""
        return self.year >= self.plan.years and bool(self.missing)


def focus_codes(review: Review) -> set[str]:
    return set(
        OutcomeJudgement.objects.filter(review=review, in_focus=True).values_list(
            "outcome__code", flat=True
        )
    )


def last_judgements(review: Review) -> dict[int, LastJudgement]:
    """Outcome id -> its last in-focus judgement before this review, for the outcomes this
    review leaves out of focus (2 queries)."""
    out = set(
        OutcomeJudgement.objects.filter(review=review, in_focus=False).values_list(
            "outcome_id", flat=True
        )
    )
    if not out:
        return {}
    levels = {lv.value: lv for lv in RatingLevel.objects.filter(edition=review.edition_id)}
    found: dict[int, LastJudgement] = {}
    for judgement in (
        OutcomeJudgement.objects.filter(
            review__partnership=review.partnership_id,
            review__period__lt=review.period,
            outcome_id__in=out,
            in_focus=True,
        )
        .select_related("review")
        .order_by("-review__period")
    ):
        found.setdefault(
            judgement.outcome_id,
            LastJudgement(
                levels.get(judgement.level), judgement.review.period, judgement.updated_at
            ),
        )
    return found


def coverage(review: Review) -> Coverage | None:
    """How far the partnership's coverage plan has reached by this review (3 queries), or
    None without a plan."""
    plan = CoveragePlan.objects.filter(partnership=review.partnership_id).first()
    if plan is None:
        return None
    periods = plan.periods()
    year = int(review.period[:4]) - int(plan.first_period[:4]) + 1
    looked_at = set(
        OutcomeJudgement.objects.filter(
            review__partnership=review.partnership_id,
            review__period__in=[p for p in periods if p <= review.period],
            in_focus=True,
        ).values_list("outcome_id", flat=True)
    )
    outcomes = list(Outcome.objects.filter(edition=review.edition_id))
    return Coverage(
        plan=plan,
        year=year,
        covered=[o for o in outcomes if o.pk in looked_at],
        missing=[o for o in outcomes if o.pk not in looked_at],
    )


@dataclass
class FocusOutcome:
    outcome: Outcome
    in_focus: bool
    last_looked_at: str  # the last earlier review that had it in focus ("" if none)
    ratings: list  # the outcome's ratings, each with .in_focus, .code and .text
    our_activities: list[str] = field(default_factory=list)  # from our theory of change


def focus_choices(review: Review) -> list[tuple[object, list[FocusOutcome]]]:
    """The focus page: each outcome category's outcomes with their indicators (local ones
    too), what is in focus now, when each outcome was last looked at, and which of the
    partnership's own activities (its theory of change for the year) lead to it (7 queries)."""
    focus = dict(
        OutcomeJudgement.objects.filter(review=review).values_list("outcome_id", "in_focus")
    )
    last = dict(
        OutcomeJudgement.objects.filter(
            review__partnership=review.partnership_id,
            review__period__lt=review.period,
            in_focus=True,
        )
        .values("outcome_id")
        .annotate(period=Max("review__period"))
        .values_list("outcome_id", "period")
    )
    ratings: dict[int, list] = {}
    for rating in (
        Rating.objects.filter(review=review)
        .select_related("indicator", "local_indicator")
        .order_by("indicator__position", "local_indicator__code", "pk")
    ):
        outcome_id = (
            rating.indicator.outcome_id
            if rating.indicator_id
            else rating.local_indicator.outcome_id
        )
        ratings.setdefault(outcome_id, []).append(rating)
    categories = OutcomeCategory.objects.filter(edition=review.edition_id).prefetch_related(
        Prefetch("outcomes", Outcome.objects.order_by("position"))
    )
    theory = theory_for(review.partnership_id, review.period)
    ours = activities_by_outcome(theory) if theory is not None else {}
    return [
        (
            category,
            [
                FocusOutcome(
                    o,
                    focus.get(o.pk, True),
                    last.get(o.pk, ""),
                    ratings.get(o.pk, []),
                    ours.get(o.pk, []),
                )
                for o in category.outcomes.all()
            ],
        )
        for category in categories.order_by("number")
    ]
