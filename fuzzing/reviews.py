"""Review forms in the bad-input harness (see fuzzing/registry.py)."""

from framework.selectors import current_edition
from fuzzing.registry import register
from reviews import services
from reviews.forms import (
    AssignForm,
    CoveragePlanForm,
    JudgementForm,
    LocalIndicatorForm,
    OwnerForm,
    RatingForm,
    ReviewStartForm,
)
from reviews.imports import RATING_COLUMNS
from reviews.models import OutcomeJudgement, Rating, Review
from reviews.selectors import latest_review
from trust.imports import ImportForm
from trust.versioning import expected_version, model_values


def _open_review(ctx) -> Review:
    review = latest_review(ctx.partnership)
    if review is None or review.is_locked:
        review = services.review_start(
            partnership=ctx.partnership,
            edition=current_edition(),
            period="2030-31",
            actor=ctx.actor,
        )
    return review


register(
    ReviewStartForm,
    submit=lambda form, ctx: services.review_start(
        partnership=ctx.partnership,
        edition=current_edition(),
        period=form.cleaned_data["period"],
        due_date=form.cleaned_data["due_date"],
        actor=ctx.actor,
    ),
)
register(
    RatingForm,
    build=lambda ctx: {
        "instance": Rating.objects.filter(review=_open_review(ctx)).first(),
        "edition": current_edition(),
        "partnership": ctx.partnership,
    },
    submit=lambda form, ctx: services.rating_save(
        rating=form.instance,
        values=model_values(form),
        expected_version=expected_version(form),
        actor=ctx.actor,
    ),
)
register(
    JudgementForm,
    build=lambda ctx: {
        "instance": OutcomeJudgement.objects.filter(review=_open_review(ctx)).first(),
        "edition": current_edition(),
        "partnership": ctx.partnership,
    },
    submit=lambda form, ctx: services.judgement_save(
        judgement=form.instance,
        values=model_values(form),
        expected_version=expected_version(form),
        actor=ctx.actor,
    ),
)
register(
    AssignForm,
    build=lambda ctx: {"edition": current_edition(), "partnership": ctx.partnership},
    submit=lambda form, ctx: services.ratings_assign(
        review=_open_review(ctx),
        outcomes=form.chosen_outcomes(),
        owner=form.cleaned_data["owner"],
        actor=ctx.actor,
    ),
)
register(OwnerForm, build=lambda ctx: {"partnership": ctx.partnership})
register(
    CoveragePlanForm,
    submit=lambda form, ctx: services.coverage_plan_save(
        partnership=ctx.partnership, values=model_values(form), actor=ctx.actor
    ),
)
register(
    LocalIndicatorForm,
    build=lambda ctx: {"edition": current_edition()},
    submit=lambda form, ctx: services.local_indicator_add(
        partnership=ctx.partnership,
        outcome=form.outcome_objects[form.cleaned_data["outcome"]],
        text=form.cleaned_data["text"],
        review=None,
        actor=ctx.actor,
    ),
)
register(
    ImportForm,
    name="reviews.ratings_import",
    build=lambda ctx: {"required_columns": RATING_COLUMNS},
    submit=lambda form, ctx: services.ratings_import(
        review=_open_review(ctx),
        rows=form.rows,
        file_name=form.cleaned_data["file"].name,
        actor=ctx.actor,
    ),
)
