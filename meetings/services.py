"""Writes to meetings: a meeting (its agenda links and decisions), who attended, and the
partnership's levels of seniority. Each meeting keeps its own entry in the evidence register
in step (through the evidence app's service), so it can be cited like any other evidence."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse

from evidence.models import EvidenceItem
from evidence.services import evidence_save
from framework.models import EvidenceSource
from trust.acting import acting_as
from trust.versioning import save_values

from .models import Attendance, Meeting, SeniorityList
from .selectors import seniority_levels

ATTENDANCE_SOURCE = "Records of staff attendance at relevant LSCP meetings"


@transaction.atomic
def meeting_save(
    *,
    partnership,
    meeting: Meeting | None = None,
    values: dict,
    expected_version: int | None = None,
    actor,
) -> Meeting:
    subgroup = values.get("subgroup")
    if subgroup is not None and subgroup.partnership_id != partnership.pk:
        raise ValidationError({"subgroup": "Choose one of your partnership's boards or subgroups."})
    with acting_as(actor):
        meeting = save_values(
            meeting or Meeting(partnership=partnership), values, expected_version=expected_version
        )
        _keep_evidence(meeting, actor)
    return meeting


@transaction.atomic
def attendance_add(*, meeting: Meeting, values: dict, actor) -> Attendance:
    agency = values.get("agency")
    if agency is not None and agency.partnership_id != meeting.partnership_id:
        raise ValidationError({"agency": "Choose one of your partnership's agencies."})
    if values.get("seniority") not in seniority_levels(meeting.partnership):
        raise ValidationError({"seniority": "Choose one of the levels of seniority given."})
    with acting_as(actor):
        attendance = save_values(
            Attendance(partnership=meeting.partnership, meeting=meeting), values
        )
        _keep_evidence(meeting, actor)
    return attendance


@transaction.atomic
def attendance_remove(*, meeting: Meeting, attendance: Attendance, actor) -> None:
    if attendance.meeting_id != meeting.pk:
        raise ValidationError("That person was recorded at another meeting.")
    with acting_as(actor):
        attendance.delete()
        _keep_evidence(meeting, actor)


@transaction.atomic
def seniority_save(*, partnership, levels: list[str], actor) -> SeniorityList:
    """The partnership's levels, most senior first. Past attendance keeps the words it was
    recorded with."""
    with acting_as(actor):
        found, _ = SeniorityList.objects.get_or_create(partnership=partnership)
        found.levels = levels
        found.save()
        return found


def _keep_evidence(meeting: Meeting, actor) -> EvidenceItem:
    """Add or refresh the meeting's entry in the evidence register."""
    present = meeting.attendance.filter(present=True)
    people, agencies = present.count(), present.values("agency").distinct().count()
    item = evidence_save(
        partnership=meeting.partnership,
        item=meeting.evidence,
        values={
            "source": EvidenceSource.objects.filter(
                edition__is_current=True, text__startswith=ATTENDANCE_SOURCE
            ).first(),
            "title": f"Meeting record: {meeting}"[:200],
            "date": meeting.date,
            "summary": f"{people} attended from {agencies} agencies. "
            + (
                f"Decisions: {meeting.decisions}" if meeting.decisions else "No decisions recorded."
            ),
            "url": reverse("meetings:meeting", args=[meeting.partnership.slug, meeting.pk]),
        },
        actor=actor,
    )
    if meeting.evidence_id != item.pk:
        Meeting.objects.filter(pk=meeting.pk).update(evidence=item)
        meeting.evidence = item
    return item
