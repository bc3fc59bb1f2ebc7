"""Rounds of sign-off as the people in them see them: a date to sign by, a reminder, items that
clear once your body has signed, signing with a reservation, declining with a reason, and
withdrawing and correcting a publication."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from audit.events import Event
from audit.models import AuditEntry
from demo.reviews import sign_by_every_body
from notifications.models import Notification
from partnerships.models import Membership, PartnerBody
from partnerships.roles import Role
from reports import services as reports
from reports.models import YearlyReport
from reviews.models import Review
from signoff import services as signoff
from signoff.models import Signature, SignOff, SignoffState
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

COUNTY = "la-lead@northshire.example"
POLICE_DELEGATE = "delegate@northshire.example"


def _open_items(email: str) -> list[str]:
    with scopes_disabled():
        return list(
            Notification.objects.filter(user__email=email, dismissed_at=None).values_list(
                "title", flat=True
            )
        )


def _body(demo, name: str) -> PartnerBody:
    with scopes_disabled():
        return PartnerBody.objects.get(partnership=demo["northshire"], name=name)


def test_reservation_decline_and_items_per_person(demo, client_as, current_review):
    url = reverse("reviews:sign_off", args=["northshire", current_review.pk])
    due = timezone.localdate() + timedelta(days=10)
    manager = client_as(Role.BUSINESS_MANAGER)
    manager.post(url, {"action": "request", "due_by": due.isoformat()})
    sign_by = f"sign by {due:%-d %B %Y}"
    assert any(sign_by in t for t in _open_items(COUNTY))
    assert any(sign_by in t for t in _open_items(POLICE_DELEGATE))

    lead = client_as(Role.LEAD_PARTNER)  # la-lead, for Northshire County Council
    refused = lead.post(
        url,
        {
            "action": "sign",
            "partner_body": _body(demo, "Northshire County Council").pk,
            "decision": "reservation",
        },
    )
    assert "Write your reservation." in refused.content.decode()
    lead.post(
        url,
        {
            "action": "sign",
            "partner_body": _body(demo, "Northshire County Council").pk,
            "decision": "reservation",
            "note": "Outcome 2.1 rests on one audit.",
        },
    )
    # The county's item clears; the police's stays until their body has signed.
    assert not any(sign_by in t for t in _open_items(COUNTY))
    assert any(sign_by in t for t in _open_items(POLICE_DELEGATE))
    for reader in (Role.BUSINESS_MANAGER, Role.INDEPENDENT_SCRUTINEER):
        page = client_as(reader).get(url).content.decode()
        assert "With a reservation" in page
        assert "Outcome 2.1 rests on one audit." in page

    declined = client_for(POLICE_DELEGATE).post(
        url,
        {
            "action": "sign",
            "partner_body": _body(demo, "Northshire Police").pk,
            "decision": "decline",
            "note": "The police figures are not final.",
        },
    )
    assert declined.status_code == 302
    with scopes_disabled():
        current_review.refresh_from_db()
        closed = SignOff.objects.filter(object_id=current_review.pk).order_by("-pk").first()
    assert current_review.signoff_state == SignoffState.DRAFT
    assert current_review.status == Review.Status.DRAFT
    assert closed.declined
    assert closed.reopen_reason == "The police figures are not final."
    assert any("declined to sign" in t for t in _open_items("manager@northshire.example"))
    assert not any(sign_by in t for t in _open_items(POLICE_DELEGATE))
    assert AuditEntry.objects.filter(event=Event.DECLINE).exists()
    # The county's signature stays in the trail but counts for nothing in the next round.
    with scopes_disabled():
        assert Signature.objects.filter(signoff=closed).count() == 1
    manager.post(url, {"action": "request"})
    with scopes_disabled():
        assert signoff.current_round(current_review).signatures.count() == 0
    page = client_as(Role.INDEPENDENT_SCRUTINEER).get(url).content.decode()
    assert "declined for Northshire Police" in page
    assert "The police figures are not final." in page


def test_a_reminder_goes_a_few_days_before_the_date_once(demo, current_review):
    manager = _manager(demo)
    with scope(partnership=demo["northshire"]):
        from reviews import services as reviews

        reviews.review_request_signoff(
            review=current_review, actor=manager, due_by=timezone.localdate() + timedelta(days=2)
        )
    told = signoff.signoff_due_reminders()
    assert told >= 4
    assert any(t.startswith("Reminder:") for t in _open_items(COUNTY))
    assert signoff.signoff_due_reminders() == 0


def _manager(demo):
    with scopes_disabled():
        return Membership.objects.get(
            partnership=demo["northshire"], user__email="manager@northshire.example"
        ).user


def test_withdraw_then_publish_a_corrected_version(demo, client_as):
    public = reverse("reports:public", args=["northshire", "2024-25"])
    with scopes_disabled():
        report = YearlyReport.objects.get(partnership=demo["northshire"], period="2024-25")
    first = report.published_snapshot
    manager = client_as(Role.BUSINESS_MANAGER)
    refused = manager.post(reverse("reports:withdraw", args=["northshire", report.pk]), {})
    assert refused.status_code == 302
    with scopes_disabled():
        report.refresh_from_db()
    assert report.withdrawn_on is None
    manager.post(
        reverse("reports:withdraw", args=["northshire", report.pk]),
        {"reason": "A figure in the resources section was wrong."},
    )
    page = Client().get(public)
    assert page.status_code == 410
    assert "withdrawn on" in page.content.decode()
    assert "A figure in the resources section was wrong." in page.content.decode()
    assert AuditEntry.objects.filter(event=Event.WITHDRAW).exists()

    with scope(partnership=demo["northshire"]):
        signoff.signoff_reopen_current(
            target=report, reason="Correct the figure.", actor=_manager(demo)
        )
        reports.report_request_signoff(report=report, actor=_manager(demo))
        sign_by_every_body(demo["northshire"], report)
        reports.report_publish(report=report, actor=_manager(demo))
        report.refresh_from_db()
    assert report.published_version == 2
    assert report.withdrawn_on is None
    assert report.published_snapshot != first
    page = Client().get(public).content.decode()
    assert "corrected version 2" in page
    with scopes_disabled():
        # Both versions and their files stay.
        assert report.files.filter(snapshot=first).count() == 2
        assert report.files.filter(snapshot=report.published_snapshot).count() == 2


def test_a_published_report_reopened_for_correction_stays_public(demo):
    public = reverse("reports:public", args=["northshire", "2024-25"])
    before = Client().get(public).content
    with scopes_disabled():
        report = YearlyReport.objects.get(partnership=demo["northshire"], period="2024-25")
    with scope(partnership=demo["northshire"]):
        signoff.signoff_reopen_current(
            target=report, reason="Correct a figure.", actor=_manager(demo)
        )
    after = Client().get(public)
    assert after.status_code == 200
    assert after.content == before
