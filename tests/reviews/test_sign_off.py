"""Joint sign-off: every partner body signs (a delegate may sign for their lead), then the
review locks; reopening needs a reason and is audited."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django_scopes import scopes_disabled

from audit.events import Event
from audit.models import AuditEntry
from partnerships.models import PartnerBody
from partnerships.roles import Role
from reviews.models import Review
from signoff.models import Signature
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

SIGNERS = {
    "Northshire County Council": "la-lead@northshire.example",
    "Riverton City Council": "city-lead@northshire.example",
    "Northshire and Riverton Integrated Care Board": "icb-lead@northshire.example",
    "Northshire Police": "delegate@northshire.example",
}


def _body(demo, name):
    with scopes_disabled():
        return PartnerBody.objects.get(partnership=demo["northshire"], name=name)


def test_sign_off_by_every_partner_body_locks_the_review(
    client_as, demo, current_review, rating_of
):
    url = reverse("reviews:sign_off", args=["northshire", current_review.pk])
    client_as(Role.BUSINESS_MANAGER).post(url, {"action": "request"})
    for number, (body, email) in enumerate(SIGNERS.items(), start=1):
        response = client_for(email).post(
            url, {"action": "sign", "partner_body": _body(demo, body).pk}
        )
        assert response.status_code == 302
        with scopes_disabled():
            current_review.refresh_from_db()
        expected = Review.Status.SIGNED_OFF if number == len(SIGNERS) else Review.Status.IN_REVIEW
        assert current_review.status == expected
    assert (
        AuditEntry.objects.filter(event=Event.SIGN_OFF, object_pk=str(current_review.pk)).count()
        == 4
    )
    rating = rating_of("1.1.1")
    response = client_as(Role.BUSINESS_MANAGER).post(
        reverse("reviews:rating", args=["northshire", current_review.pk, rating.pk]),
        {"level": "4", "version": rating.version},
    )
    assert response.status_code == 200
    assert "The review has been signed off, so it cannot be changed." in response.content.decode()
    assert rating_of("1.1.1").level == rating.level


def test_sign_off_only_for_your_own_partner_body(client_as, demo, current_review):
    url = reverse("reviews:sign_off", args=["northshire", current_review.pk])
    client_as(Role.BUSINESS_MANAGER).post(url, {"action": "request"})
    police = _body(demo, "Northshire Police")
    response = client_for("la-lead@northshire.example").post(
        url, {"action": "sign", "partner_body": police.pk}
    )
    assert response.status_code == 200
    assert b"Choose signing for from the options given." in response.content
    with scopes_disabled():
        signed = Signature.objects.filter(partner_body=police, signoff__object_id=current_review.pk)
        assert not signed.exists()


def test_sign_off_reopen_needs_a_reason_and_is_audited(client_as, demo):
    with scopes_disabled():
        signed = Review.objects.get(partnership=demo["northshire"], period="2024-25")
    assert signed.status == Review.Status.SIGNED_OFF
    url = reverse("reviews:sign_off", args=["northshire", signed.pk])
    manager = client_as(Role.BUSINESS_MANAGER)
    response = manager.post(url, {"action": "reopen", "reason": " "})
    assert b"Enter why it is being reopened." in response.content
    manager.post(url, {"action": "reopen", "reason": "The police dataset was wrong."})
    with scopes_disabled():
        signed.refresh_from_db()
    assert signed.status == Review.Status.DRAFT
    entry = AuditEntry.objects.get(event=Event.REOPEN)
    assert entry.additional_data == {"reason": "The police dataset was wrong."}
