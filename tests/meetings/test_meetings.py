"""Meetings and attendance: recording a meeting and who attended, the representation of
agencies and sectors over a year, the meeting record in the evidence register, the signal
beside outcome 1.3 in a review, and the yearly report's section."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_scopes import scope, scopes_disabled

from evidence.models import EvidenceItem
from framework.models import Outcome
from meetings import services
from meetings.models import Attendance, Meeting
from meetings.selectors import representation
from partnerships.models import Agency, Membership, Subgroup
from partnerships.roles import Role
from reviews.models import Review
from reviews.outcome_signals import signals_for


def url(name: str, *args) -> str:
    return reverse(f"meetings:{name}", args=["northshire", *args])


def manager():
    with scopes_disabled():
        return Membership.objects.get(user__email="manager@northshire.example").user


def test_representation_counts_meetings_each_sector_attended(demo):
    with scope(partnership=demo["northshire"]):
        data = representation(demo["northshire"], "2024-25")
    assert data.meetings == 5
    sectors = {row.sector: (row.meetings, row.share) for row in data.sectors}
    # The schools alliance sent apologies to the June executive: it counts only where it came.
    assert sectors["Education"] == (3, 60)
    assert sectors["Police"] == (4, 80)
    assert sectors["Youth justice"] == (0, 0)
    rows = {row.agency: row for row in data.agencies}
    assert rows["Northshire Schools Alliance"].apologies == 1
    assert rows["Northshire Schools Alliance"].most_senior == "Head of service or senior manager"
    assert rows["Northshire Police"].most_senior == "Lead safeguarding partner or delegate"
    assert data.education.meetings == 3


def test_a_meeting_is_recorded_with_its_attendance_and_kept_in_the_evidence_register(client_as):
    client = client_as(Role.BUSINESS_MANAGER)
    with scopes_disabled():
        body = Subgroup.objects.get(partnership__slug="northshire", name="Executive group")
        schools = Agency.objects.get(partnership__slug="northshire", name__contains="Schools")
    missing = client.post(url("add"), {"subgroup": body.pk, "date": "31/2/2026"})
    assert "Enter the date of the meeting as day/month/year" in missing.content.decode()
    added = client.post(
        url("add"), {"subgroup": body.pk, "date": "4/3/2026", "decisions": "Adopt the plan."}
    )
    with scopes_disabled():
        meeting = Meeting.objects.get(partnership__slug="northshire", date="2026-03-04")
    assert added["Location"] == url("meeting", meeting.pk)
    page = url("meeting", meeting.pk)
    wrong = client.post(page, {"action": "attend", "agency": schools.pk, "seniority": "Boss"})
    assert "Choose level of seniority from the options given." in wrong.content.decode()
    client.post(
        page,
        {
            "action": "attend",
            "agency": schools.pk,
            "seniority": "Head of service or senior manager",
            "present": "on",
        },
    )
    with scopes_disabled():
        attendance = Attendance.objects.get(meeting=meeting)
        item = EvidenceItem.objects.get(pk=Meeting.objects.get(pk=meeting.pk).evidence_id)
    assert attendance.present
    assert item.source.text.startswith("Records of staff attendance at relevant LSCP meetings")
    assert item.summary.startswith("1 attended from 1 agencies.")
    register = client.get(reverse("evidence:register", args=["northshire"])).content.decode()
    assert "Meeting record: Executive group, 4 March 2026" in register
    detail = client.get(reverse("evidence:detail", args=["northshire", item.pk])).content.decode()
    assert "Meeting: Executive group, 4 March 2026" in detail  # where the item is used


def test_attendance_is_refused_for_another_partnerships_agency_or_an_unknown_level(demo):
    with scopes_disabled():
        meeting = Meeting.objects.filter(partnership=demo["northshire"]).first()
        eastmere_agency = Agency.objects.create(
            partnership=demo["eastmere"], name="X", sector="other"
        )
        ours = Agency.objects.filter(partnership=demo["northshire"]).first()
        with pytest.raises(ValidationError):
            services.attendance_add(
                meeting=meeting,
                values={"agency": eastmere_agency, "seniority": "Manager", "present": True},
                actor=manager(),
            )
        with pytest.raises(ValidationError):
            services.attendance_add(
                meeting=meeting,
                values={"agency": ours, "seniority": "Boss", "present": True},
                actor=manager(),
            )


def test_the_partnership_edits_its_levels_of_seniority(client_as):
    client = client_as(Role.BUSINESS_MANAGER)
    same = client.post(url("seniority"), {"levels": "Chief\nchief"})
    assert "Each level must be different." in same.content.decode()
    client.post(url("seniority"), {"levels": "Chief officer\n\nTeam leader\n"})
    with scopes_disabled():
        meeting = Meeting.objects.filter(
            partnership__slug="northshire", subgroup__name="Executive group"
        ).first()
    page = client.get(url("meeting", meeting.pk)).content.decode()
    assert '<option value="Team leader">' in page
    assert '<option value="Manager">' not in page
    # Attendance recorded before keeps its words.
    assert "Lead safeguarding partner or delegate" in page


def test_outcome_13_in_a_review_shows_who_was_represented(demo):
    with scopes_disabled():
        review = Review.objects.get(partnership=demo["northshire"], period="2024-25")
        outcome = Outcome.objects.get(edition=review.edition, code="1.3")
        other = Outcome.objects.get(edition=review.edition, code="4.1")
    with scope(partnership=demo["northshire"]):
        signals = [s for s in signals_for(review, outcome) if s.title.startswith("Meetings")]
        assert not [s for s in signals_for(review, other) if s.title.startswith("Meetings")]
    assert signals[0].title == "Meetings in 2024-25: who was represented"
    assert "Education attended 3 of 5 (60%)." in signals[0].lines


def test_the_yearly_report_has_meetings_and_representation(demo):
    from reports.assemble import assemble
    from reports.document import Heading, Table
    from reports.models import YearlyReport

    with scopes_disabled():
        report = YearlyReport.objects.get(partnership=demo["northshire"], period="2024-25")
        document = assemble(report)
    headings = [b.text for b in document.blocks if isinstance(b, Heading)]
    assert "Meetings and representation" in headings
    table = next(
        b for b in document.blocks if isinstance(b, Table) and b.caption.startswith("Meetings")
    )
    assert ["Education", "3", "60%"] in table.rows


@pytest.mark.parametrize("name", ["list", "representation"])
def test_pages_take_the_same_queries_however_many_meetings(client_as, name):
    client = client_as(Role.OBSERVER)
    target = url(name) + ("?year=2024-25" if name == "representation" else "")
    client.get(target)

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(target).status_code == 200
        return len(queries)

    before = count()
    with scopes_disabled():
        body = Subgroup.objects.filter(partnership__slug="northshire").first()
        agency = Agency.objects.filter(partnership__slug="northshire").last()
        for day in (1, 2, 3):
            meeting = services.meeting_save(
                partnership=body.partnership,
                values={"subgroup": body, "date": date(2024, 10, day)},
                actor=manager(),
            )
            services.attendance_add(
                meeting=meeting,
                values={"agency": agency, "seniority": "Manager", "present": True},
                actor=manager(),
            )
    assert count() == before


def test_another_partnerships_meeting_is_not_found(outsider_client):
    with scopes_disabled():
        meeting = Meeting.objects.filter(partnership__slug="northshire").first()
    assert outsider_client.get(url("meeting", meeting.pk)).status_code == 404
