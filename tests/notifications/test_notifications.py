"""Notifications: assignments and sign-off requests reach people on their home page and by
email; reminders as a review's date nears; dismissing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django_scopes import scopes_disabled

from notifications.models import Notification
from partnerships.roles import Role
from tests.conftest import ROLE_EMAILS, client_for

pytestmark = pytest.mark.django_db(transaction=False)


def test_assignment_notifies_the_subgroup_on_home_page_and_by_email(
    client_as, current_review, django_capture_on_commit_callbacks
):
    from framework.selectors import current_edition

    outcome = current_edition().outcomes.get(code="4.1")
    with scopes_disabled():
        from partnerships.models import Subgroup

        learning = Subgroup.objects.get(name="Learning and development")
    with django_capture_on_commit_callbacks(execute=True):
        client_as(Role.BUSINESS_MANAGER).post(
            reverse("reviews:assign", args=["northshire", current_review.pk]),
            {"outcomes": [outcome.pk], "owner": f"subgroup:{learning.pk}"},
        )
    member = ROLE_EMAILS[Role.SUBGROUP_MEMBER]
    assert any(
        m.to == [member] and "assigned to Learning and development" in m.subject
        for m in mail.outbox
    )
    home = (
        client_for(member).get(reverse("partnerships:home", args=["northshire"])).content.decode()
    )
    assert "indicators assigned to Learning and development" in home


def test_signoff_request_notifies_every_signer_once(
    client_as, current_review, django_capture_on_commit_callbacks
):
    url = reverse("reviews:sign_off", args=["northshire", current_review.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client_as(Role.BUSINESS_MANAGER).post(url, {"action": "request"})
    with scopes_disabled():
        told = sorted(
            n.user.email
            for n in Notification.objects.filter(
                partnership__slug="northshire", title__contains="2025-26 is ready for your sign-off"
            )
        )
    assert told == sorted(
        [
            "la-lead@northshire.example",
            "city-lead@northshire.example",
            "icb-lead@northshire.example",
            "police-lead@northshire.example",
            "delegate@northshire.example",
        ]
    )
    assert len([m for m in mail.outbox if "ready for your sign-off" in m.subject]) == 5


def test_review_nearing_its_date_is_on_the_home_page_and_reminded_once(client_as, current_review):
    home = client_as(Role.LEAD_PARTNER).get(reverse("partnerships:home", args=["northshire"]))
    assert "Effectiveness review 2025-26: sign-off due" in home.content.decode()
    with scopes_disabled():
        current_review.due_date = timezone.localdate() + timedelta(days=7)
        current_review.save()
    call_command("send_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("send_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    with scopes_disabled():
        reminders = Notification.objects.filter(key=f"review-due-{current_review.pk}")
        assert reminders.filter(user__email=ROLE_EMAILS[Role.BUSINESS_MANAGER]).count() == 1


def test_dismissing_hides_only_your_own_notification(client_as, demo):
    member = ROLE_EMAILS[Role.SUBGROUP_MEMBER]
    with scopes_disabled():
        mine = Notification.objects.filter(user__email=member).first()
    other = client_as(Role.BUSINESS_MANAGER)
    other.post(reverse("notifications:dismiss", args=["northshire", mine.pk]))
    with scopes_disabled():
        mine.refresh_from_db()
    assert mine.dismissed_at is None
    client_for(member).post(reverse("notifications:dismiss", args=["northshire", mine.pk]))
    with scopes_disabled():
        mine.refresh_from_db()
    assert mine.dismissed_at is not None
