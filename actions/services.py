"""Writes for learning and actions: sources and recommendations, actions (version-checked),
escalation to the lead partners and their response, challenges, and the action-log import."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from notifications.services import notify
from signoff.services import signers
from trust.acting import acting_as
from trust.imports import ImportResult, validate_rows
from trust.signals import data_imported
from trust.versioning import save_values

from .models import Action, Challenge, Escalation, LearningSource, Recommendation


@transaction.atomic
def source_save(*, partnership, values: dict, actor) -> LearningSource:
    """Record where learning came from (a review, an audit, feedback ...)."""
    with acting_as(actor):
        return save_values(LearningSource(partnership=partnership), values)


@transaction.atomic
def recommendation_add(*, source: LearningSource, text: str, actor) -> Recommendation:
    with acting_as(actor):
        number = (
            source.recommendations.order_by("-number").values_list("number", flat=True).first() or 0
        ) + 1
        return Recommendation.objects.create(
            partnership=source.partnership, source=source, number=number, text=text.strip()
        )


@transaction.atomic
def action_save(
    *,
    partnership,
    action: Action | None = None,
    values: dict,
    expected_version: int | None = None,
    actor,
) -> Action:
    """Add or change an action (version-checked); completing it records the date."""
    with acting_as(actor):
        action = action or Action(partnership=partnership)
        if values.get("status", action.status) != Action.Status.DONE:
            action.completed_on = None
        elif action.completed_on is None:
            action.completed_on = timezone.localdate()
        return save_values(action, values, expected_version=expected_version)


@transaction.atomic
def action_escalate(*, action: Action, reason: str, actor) -> Escalation:
    """Escalate to the lead partners; they are notified and their response is recorded."""
    if action.status == Action.Status.DONE:
        raise ValidationError("The action is done: there is nothing to escalate.")
    if action.escalations.filter(response="").exists():
        raise ValidationError("This action is already waiting for the lead partners' response.")
    escalation = Escalation.objects.create(
        partnership=action.partnership, action=action, raised_by=actor, reason=reason.strip()
    )
    notify(
        partnership=action.partnership,
        users=signers(action.partnership),
        title=f"Escalated to the lead partners: {action.title[:80]}",
        href=reverse("actions:action", args=[action.partnership.slug, action.pk]),
        key=f"escalation-{escalation.pk}",
    )
    return escalation


@transaction.atomic
def escalation_respond(*, escalation: Escalation, response: str, actor) -> Escalation:
    if escalation.response:
        raise ValidationError("The lead partners have already responded.")
    escalation.response = response.strip()
    escalation.responded_by = actor
    escalation.responded_on = timezone.localdate()
    escalation.save(update_fields=["response", "responded_by", "responded_on"])
    return escalation


@transaction.atomic
def challenge_save(
    *,
    partnership,
    challenge: Challenge | None = None,
    values: dict,
    expected_version: int | None = None,
    actor,
) -> Challenge:
    """Add or change a challenge through the version check (the business unit and the
    scrutineer both edit them); a response without a date is dated today."""
    with acting_as(actor):
        challenge = challenge or Challenge(partnership=partnership)
        values = dict(values)
        responded = values.get("response", challenge.response)
        if responded and values.get("responded_on", challenge.responded_on) is None:
            values["responded_on"] = timezone.localdate()
        return save_values(challenge, values, expected_version=expected_version)


@transaction.atomic
def actions_import(*, partnership, rows: list, file_name: str, actor) -> ImportResult:
    """An existing action log: every row valid, or nothing is saved."""
    from .imports import action_row_cleaner

    result = validate_rows(rows, action_row_cleaner(partnership))
    if not result.ok:
        return result
    Action.objects.bulk_create(Action(partnership=partnership, **data) for data in result.rows)
    data_imported.send(
        sender=Action,
        actor=actor,
        partnership=partnership,
        what="action log",
        file_name=file_name,
        rows=len(result.rows),
    )
    return result
