"""Writes to training: a session, how many attended from each agency, and a participant's
anonymous evaluation. Each session keeps its own entry in the evidence register in step
(through the evidence app's service). Once a session's evaluation has closed, its date and
closing date are fixed, so the groups its answers are shown in never change (release.py)."""

from __future__ import annotations

from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from evidence.models import EvidenceItem
from evidence.services import evidence_save
from surveys.retention import ANSWERS_KEPT_YEARS
from trust.acting import acting_as
from trust.versioning import save_values

from .evaluation import QUESTIONS
from .models import Evaluation, SessionAttendance, TrainingSession

EVIDENCE_TYPE = "Training records and evaluations"
EVALUATION_DAYS = 14  # how long evaluations stay open when no closing date is given


@transaction.atomic
def session_save(
    *,
    partnership,
    session: TrainingSession | None = None,
    values: dict,
    expected_version: int | None = None,
    actor,
) -> TrainingSession:
    values = dict(values)
    for name, message in (
        ("learning_source", "Choose one of your partnership's reviews or learning."),
        ("priority", "Choose one of your partnership's priorities."),
    ):
        chosen = values.get(name)
        if chosen is not None and chosen.partnership_id != partnership.pk:
            raise ValidationError({name: message})
    if values.get("date") and not values.get("evaluation_closes_on"):
        values["evaluation_closes_on"] = values["date"] + timedelta(days=EVALUATION_DAYS)
    if values.get("date") and values["evaluation_closes_on"] < values["date"]:
        raise ValidationError(
            {"evaluation_closes_on": "Evaluations must close on or after the day of the session."}
        )
    if session is not None and session.pk:
        _check_closing(session, values)
    with acting_as(actor):
        session = save_values(
            session or TrainingSession(partnership=partnership),
            values,
            expected_version=expected_version,
        )
        _keep_evidence(session, actor)
    return session


def _check_closing(session: TrainingSession, values: dict) -> None:
    """Answers already shown, or about to be, must keep their groups (release.py)."""
    stored = TrainingSession.objects.get(pk=session.pk)
    if not stored.evaluations.exists():
        return
    today = timezone.localdate()
    new_date = values.get("date", stored.date)
    new_close = values.get("evaluation_closes_on", stored.evaluation_closes_on)
    if stored.evaluation_closes_on < today:
        if new_date != stored.date or new_close != stored.evaluation_closes_on:
            raise ValidationError(
                {
                    "evaluation_closes_on": "Evaluations closed on "
                    f"{stored.evaluation_closes_on:%-d %B %Y}, so the session's date and this "
                    "date can no longer change: the answers already shown must stay as they are."
                }
            )
    elif new_close < today:
        raise ValidationError(
            {
                "evaluation_closes_on": "People have already sent evaluations, so choose today "
                "or a later day for evaluations to close."
            }
        )


@transaction.atomic
def attendance_set(*, session: TrainingSession, agency, attended: int, actor) -> None:
    """How many came from `agency` (replacing any number recorded before)."""
    if agency.partnership_id != session.partnership_id:
        raise ValidationError({"agency": "Choose one of your partnership's agencies."})
    if attended < 1:
        raise ValidationError({"attended": "Enter a number of people, 1 or more."})
    with acting_as(actor):
        found = SessionAttendance.objects.filter(session=session, agency=agency).first()
        if found is None:
            found = SessionAttendance(
                partnership=session.partnership, session=session, agency=agency
            )
        found.attended = attended
        found.save()
        _keep_evidence(session, actor)


@transaction.atomic
def attendance_remove(*, session: TrainingSession, attendance: SessionAttendance, actor) -> None:
    if attendance.session_id != session.pk:
        raise ValidationError("That number was recorded for another session.")
    with acting_as(actor):
        attendance.delete()
        _keep_evidence(session, actor)


@transaction.atomic
def evaluation_send(*, session: TrainingSession, values: dict) -> Evaluation:
    """A participant's evaluation: no account, nothing kept about who sent it or when."""
    locked = TrainingSession.objects.select_for_update().get(pk=session.pk)
    if not locked.evaluation_open:
        raise ValidationError("Evaluations for this session are not open.")
    missing = [name for name, _ in QUESTIONS if values.get(name) is None]
    if missing:
        raise ValidationError(dict.fromkeys(missing, "Choose how far you agree."))
    return Evaluation.objects.create(
        partnership=locked.partnership,
        session=locked,
        **{name: values[name] for name, _ in QUESTIONS},
        change=(values.get("change") or "").strip(),
    )


def evaluations_purge(*, now=None) -> dict[str, int]:
    """Delete participants' evaluations of a financial year once it ended ANSWERS_KEPT_YEARS
    ago, as the evaluation page says; a whole year at once, so no group is left part-shown.
    Signed yearly reports keep the figures they were signed with."""
    today = timezone.localdate(now) if now else timezone.localdate()
    first_kept_year = today.year - ANSWERS_KEPT_YEARS - (1 if today.month < 4 else 0)
    # Sessions before 1 April of that year belong to years that ended long enough ago.
    expired = Evaluation.objects.filter(session__date__lt=date(first_kept_year, 4, 1))
    return {
        "training evaluations past their time": expired.delete()[1].get("training.Evaluation", 0)
    }


def _keep_evidence(session: TrainingSession, actor) -> EvidenceItem:
    """Add or refresh the session's entry in the evidence register. It says who was reached;
    the evaluations are on the session's page, shown by the small-group rule."""
    counts = list(session.attendance.values_list("attended", flat=True))
    marks = [
        text
        for flag, text in (
            (session.co_delivered, "Co-delivered with young people or experts by experience."),
            (session.eedi, "About equality, equity, diversity and inclusion."),
        )
        if flag
    ]
    item = evidence_save(
        partnership=session.partnership,
        item=session.evidence,
        values={
            "source": None,
            "local_type": EVIDENCE_TYPE,
            "title": f"Training record: {session.title}"[:200],
            "date": session.date,
            "summary": " ".join(
                [
                    f"{sum(counts)} attended from {len(counts)} agencies."
                    + (f" Delivered by {session.delivered_by}." if session.delivered_by else ""),
                    *marks,
                ]
            ),
            "url": reverse("training:session", args=[session.partnership.slug, session.pk]),
        },
        actor=actor,
    )
    if session.evidence_id != item.pk:
        TrainingSession.objects.filter(pk=session.pk).update(evidence=item)
        session.evidence = item
    return item
