"""Writes to priorities: start, the five steps (saved as you go), progress reviews, and the
joint sign-off that agrees a priority (only once all six principles have a reflection)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from framework.models import Principle
from signoff import services as signoff
from signoff.locking import writes_signed
from trust.acting import acting_as
from trust.versioning import save_values, save_versioned
from ui.text import with_paragraph

from .models import (
    Activity,
    Pathway,
    Priority,
    PriorityOutcome,
    ProgressUpdate,
    Reflection,
    Resource,
)

PRINCIPLES_NEEDED = (
    "Write a reflection on each of the six principles (step five) before asking for sign-off."
)


@transaction.atomic
def priority_start(*, partnership, edition, title: str, actor) -> Priority:
    with acting_as(actor):
        return Priority.objects.create(partnership=partnership, edition=edition, title=title)


@writes_signed(lambda priority, **_: priority)
def issue_save(
    *, priority: Priority, values: dict, expected_version: int | None, actor
) -> Priority:
    """Step one: the issue, its context and the data that describe it."""
    with acting_as(actor):
        return save_values(priority, values, expected_version=expected_version)


def _part_of(priority: Priority, part, model):
    """The part being edited, or a new one; a part of another priority is refused."""
    if part is None:
        return model(partnership=priority.partnership, priority=priority)
    if part.priority_id != priority.pk:
        raise ValidationError("That belongs to another priority.")
    return part


@writes_signed(lambda priority, **_: priority)
def outcome_save(
    *, priority: Priority, outcome: PriorityOutcome | None = None, values: dict, actor
) -> PriorityOutcome:
    """Add an outcome to step two, or change one (with its framework links)."""
    with acting_as(actor):
        return save_values(_part_of(priority, outcome, PriorityOutcome), values)


@writes_signed(lambda priority, **_: priority)
def activity_save(
    *, priority: Priority, activity: Activity | None = None, values: dict, actor
) -> Activity:
    with acting_as(actor):
        return save_values(_part_of(priority, activity, Activity), values)


@writes_signed(lambda activity, **_: activity.priority)
def pathway_add(*, activity: Activity, outcome: PriorityOutcome, because: str, actor) -> Pathway:
    with acting_as(actor):
        if outcome.priority_id != activity.priority_id:
            raise ValidationError("The outcome belongs to another priority.")
        return Pathway.objects.create(
            partnership=activity.partnership, activity=activity, outcome=outcome, because=because
        )


@writes_signed(lambda priority, **_: priority)
def resource_save(
    *, priority: Priority, resource: Resource | None = None, values: dict, actor
) -> Resource:
    """A resource belongs to one of the priority's activities."""
    with acting_as(actor):
        resource = resource or Resource(partnership=priority.partnership)
        activity = values.get("activity", getattr(resource, "activity", None))
        if activity is None or activity.priority_id != priority.pk:
            raise ValidationError("Choose one of this priority's activities.")
        return save_values(resource, values)


@writes_signed(lambda priority, **_: priority)
def part_delete(*, priority: Priority, part, actor) -> None:
    """Remove an outcome, activity, pathway or resource from the plan."""
    owner = getattr(part, "priority_id", None) or part.activity.priority_id
    if owner != priority.pk:
        raise ValidationError("That belongs to another priority.")
    with acting_as(actor):
        part.delete()


@writes_signed(lambda priority, **_: priority)
def reflections_save(*, priority: Priority, reflections: dict, actor) -> int:
    """Save the principle reflections given; a blank one removes it. Returns how many exist."""
    with acting_as(actor):
        for principle, text in reflections.items():
            text = text.strip()
            if text:
                Reflection.objects.update_or_create(
                    priority=priority,
                    principle=principle,
                    defaults={"partnership": priority.partnership, "text": text},
                )
            else:
                Reflection.objects.filter(priority=priority, principle=principle).delete()
        return priority.reflections.count()


def missing_principles(priority: Priority) -> list[Principle]:
    done = set(priority.reflections.values_list("principle_id", flat=True))
    return [
        p
        for p in Principle.objects.filter(edition=priority.edition).order_by("number")
        if p.pk not in done
    ]


@transaction.atomic
def priority_request_signoff(*, priority: Priority, actor, due_by=None):
    if missing_principles(priority):
        raise ValidationError(PRINCIPLES_NEEDED)
    return signoff.signoff_ask(
        partnership=priority.partnership,
        target=priority,
        actor=actor,
        title=f"The priority “{priority}” is ready for your sign-off",
        href=reverse("planning:sign_off", args=[priority.partnership.slug, priority.pk]),
        due_by=due_by,
    )


@transaction.atomic
def progress_add(*, outcome: PriorityOutcome, values: dict, actor) -> ProgressUpdate:
    """Progress reviews continue after a priority is agreed: that is their point."""
    update = ProgressUpdate(partnership=outcome.partnership, outcome=outcome, recorded_by=actor)
    return save_values(update, values)


# Writes other apps make to a plan (a workshop's notes put into it), through the plan's lock.


@writes_signed(lambda *, priority, **_: priority)
def outcome_add(*, priority: Priority, target_group: str, text: str, actor) -> PriorityOutcome:
    """A new outcome for a target group of the priority, worded as given."""
    with acting_as(actor):
        return PriorityOutcome.objects.create(
            partnership=priority.partnership,
            priority=priority,
            target_group=target_group[:150],
            text=text,
        )


@writes_signed(lambda *, priority, **_: priority)
def activity_add(*, priority: Priority, title: str, key_features: str = "", actor) -> Activity:
    with acting_as(actor):
        return Activity.objects.create(
            partnership=priority.partnership,
            priority=priority,
            title=title[:200],
            key_features=key_features,
        )


@writes_signed(lambda *, priority, **_: priority)
def context_append(*, priority: Priority, paragraph: str, actor) -> None:
    """Add a paragraph to the priority's contextual factors, through its version check (someone
    editing them at the same moment is told rather than overwritten)."""
    with acting_as(actor):
        priority.context = with_paragraph(priority.context, paragraph)
        save_versioned(priority, expected_version=None)


@writes_signed(lambda *, outcome, **_: outcome.priority)
def on_course_append(*, outcome: PriorityOutcome, paragraph: str, actor) -> None:
    with acting_as(actor):
        outcome.on_course = with_paragraph(outcome.on_course, paragraph)
        outcome.save(update_fields=["on_course"])


@writes_signed(lambda *, pathway, **_: pathway.activity.priority)
def because_append(*, pathway: Pathway, paragraph: str, actor) -> None:
    with acting_as(actor):
        pathway.because = with_paragraph(pathway.because, paragraph)
        pathway.save(update_fields=["because"])
