"""Writes for workshops: opening and closing a session, guests' notes and supports, and the
facilitator's grouping, hiding and promotion of notes into a priority's plan or a review.

Guests have no account: `note_add` and `note_support` take no actor and store nothing about
who called them (the views rate-limit by a keyed hash of the address). A support is recorded
under a keyed hash of the guest's secret and the note (`support_key`), so a guest supports a
note once, and the stored supports cannot be grouped by guest."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django_scopes import scopes_disabled

from planning import services as planning
from planning.models import Pathway
from reviews import services as reviews
from reviews.models import OutcomeJudgement, Rating, Review
from signoff.locking import writes_signed
from trust.acting import acting_as
from trust.versioning import save_values

from .models import Column, Note, NoteGroup, NoteSupport, Workshop

# No 0/O or 1/I/L: a code read aloud in a room or copied from a screen.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
NOTE_LIMIT = 500


def new_code() -> str:
    with scopes_disabled():
        while True:
            code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
            if not Workshop.objects.filter(code=code).exists():
                return code


def normalise_code(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())


def workshop_by_code(code: str) -> Workshop | None:
    """The open workshop with this code (codes are global: guests have no partnership)."""
    code = normalise_code(code)
    if len(code) != CODE_LENGTH:
        return None
    with scopes_disabled():
        return (
            Workshop.objects.select_related("partnership", "category", "priority")
            .filter(code=code, status=Workshop.Status.OPEN)
            .first()
        )


@transaction.atomic
def workshop_open(*, partnership, values: dict, actor) -> Workshop:
    """Open a workshop board with a fresh code for guests to join with."""
    with acting_as(actor):
        workshop = Workshop(partnership=partnership, code=new_code(), status=Workshop.Status.OPEN)
        return save_values(workshop, values)


@transaction.atomic
def workshop_close(*, workshop: Workshop, actor) -> Workshop:
    """Finish the session: the code stops working and the board is kept for the record."""
    with acting_as(actor):
        workshop.status = Workshop.Status.CLOSED
        workshop.save(update_fields=["status"])
        return workshop


@transaction.atomic
def workshop_reopen(*, workshop: Workshop, actor) -> Workshop:
    with acting_as(actor):
        workshop.status = Workshop.Status.OPEN
        workshop.save(update_fields=["status"])
        return workshop


def _check_open(workshop: Workshop) -> None:
    if not workshop.is_open:
        raise ValidationError("This workshop has finished, so notes can no longer be added.")


def note_add(*, workshop: Workshop, column: str, text: str) -> Note:
    """A guest's (or the facilitator's) note. Nothing records who wrote it."""
    _check_open(workshop)
    text = text.strip()
    if column not in Column.values:
        raise ValidationError({"column": "Choose a column for your note."})
    if not text:
        raise ValidationError({"text": "Write your note."})
    if len(text) > NOTE_LIMIT:
        raise ValidationError({"text": f"Your note must be {NOTE_LIMIT} characters or fewer."})
    return Note.objects.create(
        partnership=workshop.partnership, workshop=workshop, column=column, text=text
    )


def guest_secret() -> str:
    """A new guest's secret, kept only in their session."""
    return secrets.token_urlsafe(24)


def support_key(guest: str, note_id) -> str:
    return hmac.new(
        settings.SECRET_KEY.encode(), f"support|{guest}|{note_id}".encode(), hashlib.sha256
    ).hexdigest()


def notes_supported(*, workshop: Workshop, guest: str, notes) -> set:
    """Which of these notes this guest supported (one query)."""
    keys = {support_key(guest, note.pk): note.pk for note in notes}
    found = NoteSupport.objects.filter(note__workshop=workshop, key__in=keys).values_list(
        "key", flat=True
    )
    return {keys[key] for key in found}


def note_support(*, workshop: Workshop, note_id, guest: str) -> bool:
    """Add this guest's support to a visible note of this workshop, once. False if there is no
    such note or the guest already supports it."""
    _check_open(workshop)
    note = Note.objects.filter(workshop=workshop, pk=note_id, hidden=False).first()
    if note is None:
        return False
    try:
        with transaction.atomic():
            NoteSupport.objects.create(
                partnership_id=note.partnership_id, note=note, key=support_key(guest, note.pk)
            )
            Note.objects.filter(pk=note.pk).update(supports=F("supports") + 1)
    except IntegrityError:
        return False
    return True


@transaction.atomic
def notes_group(*, workshop: Workshop, notes: list[Note], name: str, actor) -> NoteGroup:
    """Put notes of one column under a name the facilitator gives."""
    with acting_as(actor):
        columns = {note.column for note in notes}
        if not notes:
            raise ValidationError("Choose the notes to group.")
        if len(columns) > 1:
            raise ValidationError("Choose notes from one column to group them.")
        group = NoteGroup.objects.create(
            partnership=workshop.partnership,
            workshop=workshop,
            column=columns.pop(),
            name=name.strip(),
        )
        Note.objects.filter(pk__in=[n.pk for n in notes]).update(group=group)
        return group


@transaction.atomic
def note_hide(*, note: Note, hidden: bool, actor) -> Note:
    with acting_as(actor):
        note.hidden = hidden
        note.save(update_fields=["hidden"])
        return note


# Promotion ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    value: str
    label: str


def review_for(workshop: Workshop) -> Review | None:
    """The review a category workshop feeds: the one chosen, else the latest draft."""
    if workshop.review_id:
        return workshop.review
    return Review.objects.filter(status=Review.Status.DRAFT).order_by("-period").first()


def promotion_targets(workshop: Workshop) -> list[Target]:
    """Where a note of this workshop can go, in one list for the facilitator to choose from."""
    if workshop.priority_id:
        priority = workshop.priority
        if priority.is_locked:
            return []
        targets = [
            Target("outcome", "A new outcome (step two)"),
            Target("activity", "A new activity (step three)"),
            Target("context", "Contextual factors (step one)"),
        ]
        for outcome in priority.outcomes.all():
            targets.append(
                Target(f"on_course:{outcome.pk}", f"How we will know: {outcome.text[:70]}")
            )
        for pathway in Pathway.objects.filter(activity__priority=priority).select_related(
            "activity", "outcome"
        ):
            targets.append(
                Target(
                    f"because:{pathway.pk}",
                    f"Why “{pathway.activity.title[:40]}” leads to “{pathway.outcome.text[:40]}”",
                )
            )
        return targets
    review = review_for(workshop)
    if review is None or review.is_locked:
        return []
    ratings = (
        Rating.objects.filter(review=review, indicator__outcome__category=workshop.category)
        .select_related("indicator")
        .order_by("indicator__outcome__position", "indicator__position")
    )
    judgements = OutcomeJudgement.objects.filter(
        review=review, outcome__category=workshop.category
    ).select_related("outcome")
    return [
        *(
            Target(f"judgement:{j.pk}", f"Outcome {j.outcome.code} {j.outcome.short_name}")
            for j in judgements
        ),
        *(Target(f"rating:{r.pk}", f"Indicator {r.code}: {r.text[:70]}") for r in ratings),
    ]


def default_target(column: str, targets: list[Target]) -> str:
    values = [t.value for t in targets]
    wanted = {
        Column.OUTCOMES: "outcome",
        Column.ACTIVITIES: "activity",
        Column.ENABLERS: "context",
        Column.BARRIERS: "context",
        Column.INDICATORS: "on_course:",
        Column.WHY: "because:",
    }.get(column, "")
    return next((v for v in values if wanted and v.startswith(wanted)), values[0] if values else "")


def _text_of(item: Note | NoteGroup) -> str:
    if isinstance(item, NoteGroup):
        notes = [n.text for n in item.notes.filter(hidden=False)]
        return item.name + (": " + "; ".join(notes) if notes else "")
    return item.text


# Which part of a rating a note's column belongs in.
RATING_FIELD = {Column.ENABLERS: "enablers", Column.BARRIERS: "barriers"}


def _promotion_record(workshop: Workshop, **_):
    """The signable record a promotion writes to: the priority's plan, or the review."""
    return workshop.priority if workshop.priority_id else review_for(workshop)


@writes_signed(_promotion_record)
def note_promote(
    *, workshop: Workshop, item: Note | NoteGroup, target: str, target_group: str = "", actor
) -> str:
    """Put a note (or a group of notes) into the priority's plan or the review, in one step.
    Returns where it went. Version-checked records are saved through the version check, so
    anyone editing them at the same moment is told rather than overwritten."""
    if item.promoted_to:
        raise ValidationError("This has already been added: " + item.promoted_to)
    allowed = {t.value: t for t in promotion_targets(workshop)}
    if target not in allowed:
        raise ValidationError(
            {
                "target": "Choose where this should go. A plan or review that has been signed off "
                "must be reopened first."
            }
        )
    text = _text_of(item)
    paragraph = f"From the workshop “{workshop.title}” ({workshop.held_on:%-d %B %Y}): {text}"
    slug = workshop.partnership.slug
    kind, _, pk = target.partition(":")
    # Every write goes through the owning app's service: its lock and its version check.
    if workshop.priority_id:
        priority = workshop.priority
        href = reverse("planning:priority", args=[slug, priority.pk])
        if kind == "outcome":
            groups = priority.target_group_list()
            group = target_group.strip() or (groups[0] if groups else "Everyone")
            planning.outcome_add(priority=priority, target_group=group, text=text, actor=actor)
            where = f"a new outcome for {group} in “{priority}”"
        elif kind == "activity":
            planning.activity_add(
                priority=priority,
                title=item.name if isinstance(item, NoteGroup) else text,
                key_features=text if len(text) > 200 or isinstance(item, NoteGroup) else "",
                actor=actor,
            )
            where = f"a new activity in “{priority}”"
        elif kind == "context":
            planning.context_append(priority=priority, paragraph=paragraph, actor=actor)
            where = f"the contextual factors of “{priority}”"
        elif kind == "on_course":
            outcome = priority.outcomes.get(pk=pk)
            planning.on_course_append(outcome=outcome, paragraph=paragraph, actor=actor)
            where = f"how we will know, for “{outcome.text[:60]}”"
        else:
            pathway = Pathway.objects.select_related("activity__priority").get(
                pk=pk, activity__priority=priority
            )
            planning.because_append(pathway=pathway, paragraph=paragraph, actor=actor)
            where = f"why “{pathway.activity.title[:40]}” works"
    else:
        review = review_for(workshop)
        if kind == "judgement":
            judgement = OutcomeJudgement.objects.select_related("outcome", "review").get(
                pk=pk, review=review
            )
            reviews.judgement_narrative_append(
                judgement=judgement, paragraph=paragraph, actor=actor
            )
            where = (
                f"the judgement of outcome {judgement.outcome.code} in the {review.period} review"
            )
            href = reverse("reviews:judgement", args=[slug, review.pk, judgement.outcome.code])
        else:
            rating = Rating.objects.select_related("indicator", "review").get(pk=pk, review=review)
            field = RATING_FIELD.get(item.column, "commentary")
            reviews.rating_text_append(rating=rating, field=field, paragraph=paragraph, actor=actor)
            where = f"the {field} of indicator {rating.code} in the {review.period} review"
            href = reverse("reviews:rating", args=[slug, review.pk, rating.pk])
    item.promoted_to = where[:300]
    item.promoted_href = href
    item.save(update_fields=["promoted_to", "promoted_href"])
    return where
