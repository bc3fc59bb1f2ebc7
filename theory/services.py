"""Writes to the partnership's theory of change: starting a year (from last year's, or from
the report's indicative activities and resources), its activities with their pathways, its
resources, the register of enablers and barriers, and asking for the joint sign-off that
agrees it. Every write to a year goes through that year's sign-off lock."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from framework.models import Edition, Outcome
from signoff import services as signoff
from signoff.locking import writes_signed
from trust.acting import acting_as
from trust.versioning import save_values
from ui.periods import next_period, this_period, valid_period

from .models import Activity, Factor, Pathway, Resource, TheoryOfChange

NOTHING_TO_AGREE = (
    "Add at least one activity with a pathway to an outcome before asking for sign-off."
)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


@transaction.atomic
def theory_start(*, partnership, edition: Edition, period: str, actor) -> TheoryOfChange:
    """Start a year's theory of change. It copies the latest earlier year's, everything in it
    (the copy keeps each part's lineage); the first year starts from the report's indicative
    activities and resources, copied into the partnership's own words to adapt."""
    if not valid_period(period):
        raise ValidationError({"period": "Enter the year like 2025-26."})
    if TheoryOfChange.objects.filter(partnership=partnership, period=period).exists():
        raise ValidationError({"period": f"There is already a theory of change for {period}."})
    earlier = (
        TheoryOfChange.objects.filter(partnership=partnership, period__lt=period)
        .order_by("-period")
        .first()
    )
    with acting_as(actor):
        theory = TheoryOfChange.objects.create(
            partnership=partnership,
            edition=earlier.edition if earlier else edition,
            period=period,
            context=earlier.context if earlier else "",
            started_from=earlier,
        )
        if earlier is not None:
            _copy(earlier, theory)
        else:
            _from_indicative(theory)
    return theory


def _from_indicative(theory: TheoryOfChange) -> None:
    edition = theory.edition
    for item in edition.indicativeactivity_set.order_by("number"):
        Activity.objects.create(
            partnership=theory.partnership,
            theory=theory,
            title=_capital(item.text),
            indicative=item,
        )
    for item in edition.indicativeresource_set.order_by("number"):
        Resource.objects.create(
            partnership=theory.partnership,
            theory=theory,
            title=_capital(item.text).rstrip("."),
            indicative=item,
        )


def _copy(source: TheoryOfChange, theory: TheoryOfChange) -> None:
    """Copy every part of `source` into `theory`, keeping lineages and links between parts."""
    common = {"partnership": theory.partnership, "theory": theory}
    activities = {}
    for old in source.activities.prefetch_related("pathways"):
        new = Activity.objects.create(
            **common,
            lineage=old.lineage,
            title=old.title,
            description=old.description,
            delivered_by=old.delivered_by,
            indicative_id=old.indicative_id,
        )
        activities[old.pk] = new
        Pathway.objects.bulk_create(
            Pathway(
                partnership=theory.partnership,
                lineage=p.lineage,
                activity=new,
                outcome_id=p.outcome_id,
                because=p.because,
            )
            for p in old.pathways.all()
        )
    for old in source.resources.prefetch_related("activities"):
        new = Resource.objects.create(
            **common,
            lineage=old.lineage,
            title=old.title,
            description=old.description,
            provided_by=old.provided_by,
            indicative_id=old.indicative_id,
        )
        new.activities.set([activities[a.pk] for a in old.activities.all()])
    for old in source.factors.prefetch_related("outcomes"):
        new = Factor.objects.create(
            **common, lineage=old.lineage, kind=old.kind, text=old.text, response=old.response
        )
        new.outcomes.set(old.outcomes.all())


@writes_signed(lambda theory, **_: theory)
def context_save(
    *, theory: TheoryOfChange, values: dict, expected_version: int | None, actor
) -> TheoryOfChange:
    with acting_as(actor):
        return save_values(theory, values, expected_version=expected_version)


def _part_of(theory: TheoryOfChange, part, model):
    """The part being edited, or a new one; a part of another year is refused."""
    if part is None:
        return model(partnership=theory.partnership, theory=theory)
    if part.theory_id != theory.pk:
        raise ValidationError("That belongs to another year's theory of change.")
    return part


@writes_signed(lambda theory, **_: theory)
def activity_save(
    *, theory: TheoryOfChange, activity: Activity | None = None, values: dict, actor
) -> Activity:
    with acting_as(actor):
        return save_values(_part_of(theory, activity, Activity), values)


@writes_signed(lambda activity, **_: activity.theory)
def pathway_add(*, activity: Activity, outcome: Outcome, because: str, actor) -> Pathway:
    """Link an activity to an outcome it serves, saying why it should lead there."""
    if outcome.edition_id != activity.theory.edition_id:
        raise ValidationError({"outcome": "Choose one of the framework's outcomes."})
    if activity.pathways.filter(outcome=outcome).exists():
        raise ValidationError(
            {"outcome": f"This activity is already linked to outcome {outcome.code}."}
        )
    with acting_as(actor):
        return Pathway.objects.create(
            partnership=activity.partnership, activity=activity, outcome=outcome, because=because
        )


@writes_signed(lambda theory, **_: theory)
def resource_save(
    *, theory: TheoryOfChange, resource: Resource | None = None, values: dict, actor
) -> Resource:
    activities = values.get("activities") or []
    if any(a.theory_id != theory.pk for a in activities):
        raise ValidationError({"activities": "Choose activities from this year."})
    with acting_as(actor):
        return save_values(_part_of(theory, resource, Resource), values)


@writes_signed(lambda theory, **_: theory)
def factor_save(
    *, theory: TheoryOfChange, factor: Factor | None = None, values: dict, actor
) -> Factor:
    with acting_as(actor):
        return save_values(_part_of(theory, factor, Factor), values)


@writes_signed(lambda theory, **_: theory)
def part_delete(*, theory: TheoryOfChange, part, actor) -> None:
    """Remove an activity (with its pathways), a pathway, a resource or a factor."""
    owner = part.activity.theory_id if isinstance(part, Pathway) else part.theory_id
    if owner != theory.pk:
        raise ValidationError("That belongs to another year's theory of change.")
    with acting_as(actor):
        part.delete()


@transaction.atomic
def theory_request_signoff(*, theory: TheoryOfChange, actor, due_by=None):
    if not Pathway.objects.filter(activity__theory=theory).exists():
        raise ValidationError(NOTHING_TO_AGREE)
    return signoff.signoff_ask(
        partnership=theory.partnership,
        target=theory,
        actor=actor,
        title=f"The theory of change for {theory.period} is ready for your sign-off",
        href=reverse("theory:sign_off", args=[theory.partnership.slug, theory.pk]),
        due_by=due_by,
    )


def suggested_period(partnership) -> str:
    """The year a new version would be for: the year after the latest, or this year."""

    latest = (
        TheoryOfChange.objects.filter(partnership=partnership)
        .order_by("-period")
        .values_list("period", flat=True)
        .first()
    )
    return next_period(latest) if latest else this_period()
