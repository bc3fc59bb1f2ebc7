"""Writes for learning and actions: sources and recommendations, actions (version-checked),
escalation to the lead partners and their response, challenges, and the action-log import."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from notifications.services import notify
from signoff.services import signers
from trust.imports import ImportResult, validate_rows
from trust.signals import data_imported
from trust.versioning import save_form_versioned

from .models import Action, Challenge, Escalation, LearningSource, Recommendation

LINKS = ("source", "recommendation", "owner_agency", "priority")


@transaction.atomic
def source_save(*, form, partnership, actor) -> LearningSource:
    source = form.save(commit=False)
    source.partnership = partnership
    source.evidence = form.cleaned_data["evidence"]
    source.save()
    return source


@transaction.atomic
def recommendation_add(*, source: LearningSource, text: str, actor) -> Recommendation:
    number = (
        source.recommendations.order_by("-number").values_list("number", flat=True).first() or 0
    ) + 1
    return Recommendation.objects.create(
        partnership=source.partnership, source=source, number=number, text=text.strip()
    )


@transaction.atomic
def action_save(*, form, partnership, actor) -> Action:
    """Save an action through the version check; completing it records the date."""
    action = form.instance
    action.partnership = partnership
    for name in (*LINKS, "due_date"):
        setattr(action, name, form.cleaned_data[name])
    if action.status == Action.Status.DONE and action.completed_on is None:
        action.completed_on = timezone.localdate()
    elif action.status != Action.Status.DONE:
        action.completed_on = None
    saved = save_form_versioned(form)
    for name in ("evidence", "outcomes", "indicators"):
        getattr(saved, name).set(form.cleaned_data[name])
    return saved


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
def challenge_save(*, form, partnership, actor) -> Challenge:
    """Save a challenge through the version check (the business unit and the scrutineer both
    edit them)."""
    challenge = form.instance
    challenge.partnership = partnership
    for name in ("raised_on", "responded_on", "raised_with"):
        setattr(challenge, name, form.cleaned_data[name])
    if challenge.response and challenge.responded_on is None:
        challenge.responded_on = timezone.localdate()
    saved = save_form_versioned(form)
    saved.outcomes.set(form.cleaned_data["outcomes"])
    return saved


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
