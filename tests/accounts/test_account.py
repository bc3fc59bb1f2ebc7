"""Your account: re-authentication before sensitive changes, email change, your data."""

from __future__ import annotations

import json
import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User
from audit.events import Event
from audit.models import AuditEntry
from demo.partnerships import DEMO_PASSWORD
from partnerships.roles import Role
from tests.conftest import ROLE_EMAILS

pytestmark = pytest.mark.django_db
MANAGER = ROLE_EMAILS[Role.BUSINESS_MANAGER]


def test_account_email_change_needs_password_then_a_confirmed_link(client_as):
    client = client_as(Role.BUSINESS_MANAGER)
    response = client.get(reverse("accounts:email_change"))
    assert response["Location"] == reverse("accounts:reauthenticate") + "?then=email"
    wrong = client.post(response["Location"], {"password": "not my password"})
    assert b"The password is not right" in wrong.content
    confirmed = client.post(response["Location"], {"password": DEMO_PASSWORD})
    assert confirmed["Location"] == reverse("accounts:email_change")

    client.post(reverse("accounts:email_change"), {"email": "priya.shah@northshire.example"})
    assert User.objects.filter(email=MANAGER).exists()  # nothing changes yet
    assert mail.outbox[-1].to == ["priya.shah@northshire.example"]
    link = re.search(r"https?://[^/]+(/account/email/confirm/\S+/)", mail.outbox[-1].body).group(1)
    client.post(link)
    user = User.objects.get(pk=User.objects.get(email="priya.shah@northshire.example").pk)
    assert user.email == "priya.shah@northshire.example"
    assert mail.outbox[-1].to == [MANAGER]  # the old address is told
    change = AuditEntry.objects.filter(content_type__model="user", object_pk=str(user.pk)).first()
    assert change is not None
    assert "email" in change.changes


def test_account_email_link_cannot_be_used_by_another_account(client_as):
    manager = client_as(Role.BUSINESS_MANAGER)
    session = manager.session
    import time

    session["macs_reauthenticated_at"] = time.time()
    session.save()
    manager.post(reverse("accounts:email_change"), {"email": "new@northshire.example"})
    link = re.search(r"https?://[^/]+(/account/email/confirm/\S+/)", mail.outbox[-1].body).group(1)
    officer = client_as(Role.BUSINESS_UNIT_OFFICER)
    officer.post(link)
    assert not User.objects.filter(email="new@northshire.example").exists()


def test_account_two_factor_change_needs_password(client_as):
    client = client_as(Role.BUSINESS_MANAGER)
    response = client.get(reverse("accounts:two_factor_setup"))
    assert response["Location"] == reverse("accounts:reauthenticate") + "?then=setup"
    client.post(response["Location"], {"password": DEMO_PASSWORD})
    page = client.get(reverse("accounts:two_factor_setup"))
    assert page.status_code == 200
    assert b"QR code" in page.content


def test_account_your_data_download_holds_memberships_and_audit(client_as):
    client = client_as(Role.LEAD_PARTNER)
    client.post(reverse("accounts:account"), {"full_name": "Alex Morgan-Lee"})
    response = client.post(reverse("accounts:your_data"))
    assert response["Content-Disposition"].startswith("attachment")
    data = json.loads(response.content)
    assert data["account"]["email"] == ROLE_EMAILS[Role.LEAD_PARTNER]
    assert data["partnerships"][0]["partnership"].startswith("Northshire")
    assert any("Lead safeguarding partner" in r for r in data["partnerships"][0]["roles"])
    assert any(e["what"] == "Changed account" for e in data["audit_trail"])
    assert AuditEntry.objects.filter(
        event=Event.PERSONAL_DATA, actor__email=ROLE_EMAILS[Role.LEAD_PARTNER]
    ).exists()


def test_account_business_manager_resets_a_members_two_factor(client_as, demo):
    from django_otp.plugins.otp_totp.models import TOTPDevice
    from django_scopes import scopes_disabled

    from partnerships.models import Membership

    observer = User.objects.get(email=ROLE_EMAILS[Role.OBSERVER])
    TOTPDevice.objects.create(user=observer, name="App", confirmed=True)
    with scopes_disabled():
        member = Membership.objects.get(partnership=demo["northshire"], user=observer)
    client = client_as(Role.BUSINESS_MANAGER)
    url = reverse("partnerships:person_two_factor_reset", args=["northshire", member.pk])
    assert client.post(url)["Location"].endswith(f"/people/{member.pk}/")
    assert not TOTPDevice.objects.filter(user=observer).exists()
    entry = AuditEntry.objects.get(event=Event.TWO_FACTOR_RESET)
    assert entry.partnership == demo["northshire"]
    assert entry.actor.email == MANAGER
    assert entry.additional_data["person"] == observer.email


def test_account_business_manager_cannot_reset_own_two_factor(client_as, demo):
    from django_scopes import scopes_disabled

    from partnerships.models import Membership

    with scopes_disabled():
        own = Membership.objects.get(partnership=demo["northshire"], user__email=MANAGER)
    client = client_as(Role.BUSINESS_MANAGER)
    url = reverse("partnerships:person_two_factor_reset", args=["northshire", own.pk])
    response = client.post(url)
    assert response.status_code == 200
    assert b"cannot reset your own two-factor" in response.content


def test_account_platform_admin_resets_two_factor_from_the_admin(demo):
    from django.test import Client
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.conftest import verified_client

    admin = User.objects.create_superuser(
        "admin@macs.example", "a long admin password", full_name="Ada"
    )
    observer = User.objects.get(email=ROLE_EMAILS[Role.OBSERVER])
    TOTPDevice.objects.create(user=observer, name="App", confirmed=True)
    client = verified_client(admin)
    response = client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "reset_two_factor", "_selected_action": [observer.pk]},
    )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=observer).exists()
    entry = AuditEntry.objects.get(event=Event.TWO_FACTOR_RESET)
    assert entry.partnership is None
    assert entry.actor == admin
    assert Client().get(reverse("admin:index"))["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize(
    ("full_name", "short"),
    [
        ("Chief Supt. Gareth Lewis", "Gareth"),
        ("Dr Amina Shah", "Amina"),
        ("Priya Patel", "Priya"),
        ("Dr", "Dr"),  # nothing but a title: keep it rather than show nothing
    ],
)
def test_the_welcome_uses_the_first_name_past_any_title(full_name, short):
    from accounts.models import User

    assert User(full_name=full_name, email="x@example.org").get_short_name() == short
