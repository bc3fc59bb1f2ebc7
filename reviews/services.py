"""Writes to reviews: start (carrying the last review forward), rate, judge, assign, local
indicators, and the joint sign-off (through the signoff app). One function per user action."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from framework.models import Indicator, Outcome, RatingLevel
from notifications.services import notify
from partnerships.models import Membership, Subgroup
from signoff import services as signoff
from signoff.locking import writes_signed
from trust.acting import acting_as
from trust.imports import ImportResult, validate_rows
from trust.signals import data_imported
from trust.versioning import save_values, save_versioned
from ui.text import with_paragraph

from .imports import rating_row_cleaner
from .models import CoveragePlan, LocalIndicator, OutcomeJudgement, Rating, Review
from .selectors import latest_review

CARRIED = (
    "level",
    "commentary",
    "enablers",
    "barriers",
    "next_steps",
    "owner_agency_id",
    "owner_subgroup_id",
)


@transaction.atomic
def review_start(*, partnership, edition, period: str, due_date=None, actor) -> Review:
    """Start a review for `period`. Every indicator gets a rating; if there was a review before,
    its ratings, judgements and evidence links are copied and marked as carried forward."""
    period = period.strip()
    if Review.objects.filter(partnership=partnership, period__iexact=period).exists():
        raise ValidationError({"period": f"There is already a review for {period}."})
    previous = latest_review(partnership)
    review = Review.objects.create(
        partnership=partnership,
        edition=edition,
        period=period,
        due_date=due_date,
        previous=previous,
        created_by=actor,
    )
    old_ratings = {}
    old_judgements = {}
    if previous is not None:
        old_ratings = {
            (r.indicator_id, r.local_indicator_id): r
            for r in Rating.objects.filter(review=previous).prefetch_related("evidence")
        }
        old_judgements = {
            j.outcome_id: j
            for j in OutcomeJudgement.objects.filter(review=previous).prefetch_related("evidence")
        }
    keys = [
        (i, None)
        for i in Indicator.objects.filter(outcome__edition=edition).values_list("pk", flat=True)
    ]
    keys += [
        (None, li)
        for li in LocalIndicator.objects.filter(partnership=partnership).values_list(
            "pk", flat=True
        )
    ]
    ratings = []
    for indicator_id, local_id in keys:
        old = old_ratings.get((indicator_id, local_id))
        rating = Rating(
            partnership=partnership,
            review=review,
            indicator_id=indicator_id,
            local_indicator_id=local_id,
        )
        if old is not None:
            for field in CARRIED:
                setattr(rating, field, getattr(old, field))
            rating.carried_forward = True
        ratings.append(rating)
    Rating.objects.bulk_create(ratings)
    judgements = []
    for outcome_id in Outcome.objects.filter(edition=edition).values_list("pk", flat=True):
        old = old_judgements.get(outcome_id)
        judgement = OutcomeJudgement(partnership=partnership, review=review, outcome_id=outcome_id)
        if old is not None:
            judgement.level, judgement.narrative, judgement.carried_forward = (
                old.level,
                old.narrative,
                True,
            )
        judgements.append(judgement)
    OutcomeJudgement.objects.bulk_create(judgements)
    if previous is not None:
        _copy_evidence(
            Rating,
            ratings,
            old_ratings,
            lambda r: (r.indicator_id, r.local_indicator_id),
            "rating_id",
        )
        _copy_evidence(
            OutcomeJudgement,
            judgements,
            old_judgements,
            lambda j: j.outcome_id,
            "outcomejudgement_id",
        )
    return review


def _copy_evidence(model, new_rows, old_by_key, key, column: str) -> None:
    through = model.evidence.through
    links = []
    for row in new_rows:
        old = old_by_key.get(key(row))
        if old is not None:
            links += [
                through(**{column: row.pk, "evidenceitem_id": item.pk})
                for item in old.evidence.all()
            ]
    through.objects.bulk_create(links)


@writes_signed(lambda rating, **_: rating.review)
def rating_save(*, rating: Rating, values: dict, expected_version: int | None, actor) -> Rating:
    """Rate an indicator (version-checked); it is no longer carried forward."""
    rating.carried_forward = False
    rating.updated_by = actor
    rating.updated_at = timezone.now()
    return save_values(rating, values, expected_version=expected_version)


@writes_signed(lambda judgement, **_: judgement.review)
def judgement_save(
    *, judgement: OutcomeJudgement, values: dict, expected_version: int | None, actor
) -> OutcomeJudgement:
    """Judge an outcome (version-checked); it is no longer carried forward."""
    judgement.carried_forward = False
    judgement.updated_by = actor
    judgement.updated_at = timezone.now()
    return save_values(judgement, values, expected_version=expected_version)


@writes_signed(lambda review, **_: review)
def ratings_assign(*, review: Review, outcomes, owner, actor) -> int:
    """Give every indicator under `outcomes` to one subgroup or agency. Returns how many."""
    with acting_as(actor):
        ids = [o.pk for o in outcomes]
        ratings = Rating.objects.filter(review=review).filter(
            Q(indicator__outcome_id__in=ids) | Q(local_indicator__outcome_id__in=ids)
        )
        fields = (
            {"owner_subgroup": owner, "owner_agency": None}
            if isinstance(owner, Subgroup)
            else {"owner_agency": owner, "owner_subgroup": None}
        )
        count = 0
        for rating in ratings:  # saved one by one so each change is in the audit trail
            for name, value in fields.items():
                setattr(rating, name, value)
            rating.version += 1
            rating.save(update_fields=[*fields, "version"])
            count += 1
        if isinstance(owner, Subgroup):
            people = [m.user for m in owner.members.select_related("user")]
            if owner.chair_id:
                people.append(owner.chair.user)
        else:
            people = [
                m.user for m in Membership.objects.filter(agency=owner).select_related("user")
            ]
        notify(
            partnership=review.partnership,
            users=people,
            title=f"{review}: {count} indicators assigned to {owner}",
            href=reverse("reviews:review", args=[review.partnership.slug, review.pk]) + "?mine=1",
        )
        return count


@transaction.atomic
def local_indicator_add(
    *, partnership, outcome, text: str, review: Review | None, actor
) -> LocalIndicator:
    """Add a local indicator under an outcome (and a rating for it in the open review)."""
    with acting_as(actor):
        existing = LocalIndicator.objects.filter(partnership=partnership, outcome=outcome).count()
        indicator = LocalIndicator.objects.create(
            partnership=partnership,
            outcome=outcome,
            code=f"{outcome.code}.L{existing + 1}",
            text=text.strip(),
        )
        if review is not None and not review.is_locked:
            Rating.objects.create(partnership=partnership, review=review, local_indicator=indicator)
        return indicator


@transaction.atomic
def review_request_signoff(*, review: Review, actor, due_by=None):
    round_ = signoff.signoff_ask(
        partnership=review.partnership,
        target=review,
        actor=actor,
        title=f"{review} is ready for your sign-off",
        href=reverse("reviews:sign_off", args=[review.partnership.slug, review.pk]),
        due_by=due_by,
    )
    return round_


@writes_signed(lambda rating, **_: rating.review)
def rating_owner_set(*, rating: Rating, owner, actor) -> Rating:
    """Give one indicator to a subgroup or agency (or nobody), e.g. when a member leaves."""
    with acting_as(actor):
        rating.owner_subgroup = owner if isinstance(owner, Subgroup) else None
        rating.owner_agency = (
            owner if owner is not None and not isinstance(owner, Subgroup) else None
        )
        rating.version += 1
        rating.save(update_fields=["owner_subgroup", "owner_agency", "version"])
        return rating


@writes_signed(lambda review, **_: review)
def ratings_import(*, review: Review, rows: list, file_name: str, actor) -> ImportResult:
    """Ratings and commentary from a spreadsheet: every row valid, or nothing changes."""
    ratings = {
        r.code: r
        for r in Rating.objects.filter(review=review).select_related("indicator", "local_indicator")
    }
    levels = {}
    for level in RatingLevel.objects.filter(edition=review.edition_id):
        levels[level.label.lower()] = level.value
        levels[str(level.value)] = level.value
    focus = {c: r.pk for c, r in ratings.items() if r.in_focus}
    result = validate_rows(
        rows, rating_row_cleaner(focus, levels, frozenset(ratings.keys() - focus.keys()))
    )
    if not result.ok:
        return result
    by_id = {r.pk: r for r in ratings.values()}
    now = timezone.now()
    changed = []
    for data in result.rows:
        rating = by_id[data.pop("rating_id")]
        for name, value in data.items():
            setattr(rating, name, value)
        rating.carried_forward = False
        rating.updated_by = actor
        rating.updated_at = now
        rating.version += 1
        changed.append(rating)
    Rating.objects.bulk_update(
        changed,
        [
            "level",
            "commentary",
            "enablers",
            "barriers",
            "next_steps",
            "carried_forward",
            "updated_by",
            "updated_at",
            "version",
        ],
    )
    data_imported.send(
        sender=Rating,
        actor=actor,
        partnership=review.partnership,
        what=f"ratings for {review}",
        file_name=file_name,
        rows=len(changed),
    )
    return result


# Writes other apps make to a review (a workshop's notes put into it), through its lock and
# the version check, exactly as a person's edit would be.

RATING_TEXT_FIELDS = ("commentary", "enablers", "barriers")


@writes_signed(lambda *, judgement, **_: judgement.review)
def judgement_narrative_append(*, judgement: OutcomeJudgement, paragraph: str, actor) -> None:
    with acting_as(actor):
        judgement.narrative = with_paragraph(judgement.narrative, paragraph)
        save_versioned(judgement, expected_version=None)


@writes_signed(lambda *, rating, **_: rating.review)
def rating_text_append(*, rating: Rating, field: str, paragraph: str, actor) -> None:
    with acting_as(actor):
        if field not in RATING_TEXT_FIELDS:
            raise ValidationError(f"A rating has no text called {field}.")
        setattr(rating, field, with_paragraph(getattr(rating, field), paragraph))
        save_versioned(rating, expected_version=None)


def _outcome_of(rating: Rating) -> int:
    return rating.indicator.outcome_id if rating.indicator_id else rating.local_indicator.outcome_id


@writes_signed(lambda review, **_: review)
def review_focus_set(*, review: Review, outcome_ids: set[int], rating_ids: set[int], actor) -> int:
    """Choose the outcomes, and within them the indicators (local ones too), this review looks
    at this year. An outcome out of focus keeps its last judgement, shown as not reviewed this
    year. Every row that changes is saved (and so audited) on its own. Returns how many."""
    with acting_as(actor):
        judgements = list(OutcomeJudgement.objects.filter(review=review).select_related("outcome"))
        ratings = list(
            Rating.objects.filter(review=review).select_related("indicator", "local_indicator")
        )
        chosen = outcome_ids & {j.outcome_id for j in judgements}
        if not chosen:
            raise ValidationError({"outcomes": "Choose at least one outcome to look at this year."})
        with_indicators = {_outcome_of(r) for r in ratings if r.pk in rating_ids}
        empty = {
            f"indicators-{j.outcome.code}": f"Choose at least one indicator of {j.outcome}, or "
            "leave the outcome out of this year's focus."
            for j in judgements
            if j.outcome_id in chosen and j.outcome_id not in with_indicators
        }
        if empty:
            raise ValidationError(empty)
        changed = 0
        for row, wanted in [
            *((j, j.outcome_id in chosen) for j in judgements),
            *((r, _outcome_of(r) in chosen and r.pk in rating_ids) for r in ratings),
        ]:
            if row.in_focus != wanted:
                row.in_focus = wanted
                row.version += 1
                row.save(update_fields=["in_focus", "version"])
                changed += 1
        return changed


@transaction.atomic
def coverage_plan_save(*, partnership, values: dict, actor) -> CoveragePlan:
    """Set how many years the partnership's reviews take to look at every outcome."""
    with acting_as(actor):
        plan = CoveragePlan.objects.filter(partnership=partnership).first() or CoveragePlan(
            partnership=partnership
        )
        return save_values(plan, values)
