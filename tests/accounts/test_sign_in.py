"""Sign-in: password, then a second factor; set-up at first sign-in; lockout; resets."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_email.models import EmailDevice
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import two_factor
from accounts.models import User
from audit.events import Event
from audit.models import AuditEntry
from demo.partnerships import DEMO_PASSWORD
from partnerships.roles import Role
from tests.conftest import ROLE_EMAILS, password_only_client

pytestmark = pytest.mark.django_db

MANAGER = ROLE_EMAILS[Role.BUSINESS_MANAGER]
HOME = "/p/northshire/"


def code_for(device: TOTPDevice, offset: int = 0) -> str:
    return (
        f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift + offset):06d}"
    )


def sign_in(
    client: Client, email: str = MANAGER, password: str = DEMO_PASSWORD, next_url=HOME, ip=None
):
    return client.post(
        f"{reverse('accounts:login')}?next={next_url}",
        {"username": email, "password": password},
        REMOTE_ADDR=ip or "127.0.0.1",
    )


def test_sign_in_first_time_sets_up_an_authenticator_and_recovery_codes():
    client = Client()
    response = sign_in(client)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor"))
    response = client.get(response["Location"])
    assert response["Location"].startswith(reverse("accounts:two_factor_setup"))
    page = client.get(response["Location"])
    assert b"<svg" in page.content
    assert b"QR code" in page.content
    device = TOTPDevice.objects.get(user__email=MANAGER, confirmed=False)
    secret = re.search(rb'<code class="macs-secret">([A-Z2-7 ]+)</code>', page.content).group(1)
    assert secret.replace(b" ", b"").decode() in device.config_url

    response = client.post(response["Location"], {"code": code_for(device)})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:recovery_codes"))
    codes_page = client.get(response["Location"])
    codes = re.findall(rb"<li><code>([a-z0-9]+)</code></li>", codes_page.content)
    assert len(codes) == two_factor.RECOVERY_CODE_COUNT
    assert client.get(reverse("accounts:recovery_codes")).content.count(b"<li><code>") == 0
    assert client.get(HOME).status_code == 200
    assert AuditEntry.objects.filter(event=Event.SIGNED_IN, actor__email=MANAGER).exists()


def test_sign_in_with_a_device_asks_for_its_code_and_refuses_a_wrong_one():
    user = User.objects.get(email=MANAGER)
    device = TOTPDevice.objects.create(user=user, name="App", confirmed=True)
    client = Client()
    sign_in(client)
    assert client.get(HOME)["Location"].startswith(reverse("accounts:two_factor"))
    wrong = "000000" if code_for(device) != "000000" else "111111"
    response = client.post(reverse("accounts:two_factor"), {"code": wrong})
    assert response.status_code == 200
    assert b"The code is not right or has expired" in response.content
    assert client.get(HOME).status_code == 302
    # A failure throttles the device: even the right code is refused straight after.
    right = {"code": code_for(device)}
    assert b"The code is not right" in client.post(reverse("accounts:two_factor"), right).content
    device.refresh_from_db()
    device.throttle_reset()
    response = client.post(f"{reverse('accounts:two_factor')}?next={HOME}", right)
    assert response["Location"] == HOME
    assert client.get(HOME).status_code == 200


def test_sign_in_rotates_the_session_id_at_each_step():
    user = User.objects.get(email=MANAGER)
    device = TOTPDevice.objects.create(user=user, name="App", confirmed=True)
    client = Client()
    client.get(reverse("accounts:login"))
    client.session.save()
    before = client.session.session_key
    sign_in(client)
    after_password = client.session.session_key
    client.post(reverse("accounts:two_factor"), {"code": code_for(device)})
    after_code = client.session.session_key
    assert len({before, after_password, after_code}) == 3


def test_sign_in_recovery_code_works_once():
    user = User.objects.get(email=MANAGER)
    TOTPDevice.objects.create(user=user, name="App", confirmed=True)
    codes = two_factor.recovery_codes_create(user)
    client = Client()
    sign_in(client)
    client.post(reverse("accounts:two_factor"), {"code": codes[0]})
    assert client.get(HOME).status_code == 200
    assert StaticToken.objects.filter(device__user=user).count() == len(codes) - 1

    other = Client()
    sign_in(other)
    response = other.post(reverse("accounts:two_factor"), {"code": codes[0]})
    assert b"The code is not right" in response.content


def test_sign_in_email_codes_only_for_young_scrutineers():
    young = User.objects.get(email=ROLE_EMAILS[Role.YOUNG_SCRUTINEER])
    manager = User.objects.get(email=MANAGER)
    assert two_factor.may_use_email_codes(young)
    assert not two_factor.may_use_email_codes(manager)

    client = Client()
    sign_in(client, young.email)
    page = client.get(reverse("accounts:two_factor_setup"))
    assert b"How do you want to get your sign-in code?" in page.content
    setup = f"{reverse('accounts:two_factor_setup')}?method=email"
    client.post(setup, {"action": "send"})
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [young.email]
    code = re.search(r"code is (\d{6})", mail.outbox[0].body).group(1)
    response = client.post(setup, {"code": code})
    assert response["Location"].startswith(reverse("accounts:recovery_codes"))
    assert client.get("/p/northshire/").status_code == 200

    # A confirmed email device does not count for an account that sees staff pages.
    EmailDevice.objects.create(user=manager, name="Email", confirmed=True)
    assert not two_factor.has_second_factor(manager)
    staff = Client()
    sign_in(staff)
    setup_page = staff.get(reverse("accounts:two_factor_setup"))
    assert b"How do you want" not in setup_page.content  # straight to the authenticator


def test_password_reset_never_bypasses_two_factor():
    user = User.objects.get(email=MANAGER)
    device = TOTPDevice.objects.create(user=user, name="App", confirmed=True)
    client = Client()
    client.post(reverse("accounts:password_reset"), {"email": MANAGER})
    link = re.search(r"https?://[^/]+(/account/password-reset/\S+/)", mail.outbox[0].body).group(1)
    form_url = client.get(link)["Location"]
    response = client.post(
        form_url,
        {"new_password1": "a new long passphrase 42", "new_password2": "a new long passphrase 42"},
    )
    assert response["Location"] == reverse("accounts:password_reset_complete")
    assert client.get(HOME)["Location"].startswith(reverse("accounts:login"))
    sign_in(client, password="a new long passphrase 42")
    assert client.get(HOME)["Location"].startswith(reverse("accounts:two_factor"))
    assert TOTPDevice.objects.filter(pk=device.pk, confirmed=True).exists()


def test_password_rules_refuse_short_and_common_passwords():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    for bad in ("short pass", "password1234", "qwertyuiop123"):
        with pytest.raises(ValidationError):
            validate_password(bad)
    validate_password("three unrelated words")
    assert User.objects.get(email=MANAGER).password.startswith("md5$")  # test hasher
    from django.conf import settings

    from macs.settings import base

    assert base.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
    assert settings.AUTH_PASSWORD_VALIDATORS[0]["OPTIONS"]["min_length"] == 12


@override_settings(MACS_TWO_FACTOR_RELAXED_DOMAINS=["northshire.example"])
def test_sign_in_relaxed_for_demo_domains_shows_a_banner():
    client = Client()
    response = sign_in(client)
    assert response["Location"] == HOME
    page = client.get(HOME)
    assert page.status_code == 200
    assert b"Two-factor sign-in is switched off for the demo accounts" in page.content
    outsider = Client()
    sign_in(outsider, ROLE_EMAILS[Role.BUSINESS_MANAGER].replace("northshire", "eastmere"))
    assert outsider.get("/p/eastmere/")["Location"].startswith(reverse("accounts:two_factor"))


def test_sign_in_production_settings_never_relax_two_factor(monkeypatch):
    from django.core.checks import run_checks

    with override_settings(
        MACS_ENVIRONMENT="production", MACS_TWO_FACTOR_RELAXED_DOMAINS=["northshire.example"]
    ):
        assert [e.id for e in run_checks() if e.id == "macs.E001"] == ["macs.E001"]
    import importlib

    monkeypatch.setenv("DJANGO_SECRET_KEY", "x" * 60)
    monkeypatch.setenv("DJANGO_ALLOWED_HOSTS", "macs.example.org")
    production = importlib.import_module("macs.settings.production")
    assert production.MACS_TWO_FACTOR_RELAXED_DOMAINS == []


def test_sign_in_password_only_session_cannot_replace_the_second_factor():
    user = User.objects.get(email=MANAGER)
    TOTPDevice.objects.create(user=user, name="App", confirmed=True)
    client = password_only_client(user)
    response = client.get(reverse("accounts:two_factor_setup"))
    assert response["Location"].startswith(reverse("accounts:reauthenticate"))
    assert client.get(response["Location"])["Location"].startswith(reverse("accounts:two_factor"))


def test_sign_in_refuses_an_overlong_email_before_checking_it():
    response = Client().post(
        reverse("accounts:login"), {"username": "a" * 300 + "@x.org", "password": "whatever it is"}
    )
    assert response.status_code == 200
    assert b"Enter an email address of 254 characters or fewer." in response.content


def test_sign_in_send_email_code_is_ignored_for_an_authenticator_user():
    user = User.objects.get(email=MANAGER)
    TOTPDevice.objects.create(user=user, name="App", confirmed=True)
    client = Client()
    sign_in(client)
    response = client.post(reverse("accounts:two_factor"), {"action": "send"})
    assert response.status_code == 200  # just the code form again, nothing sent
    assert mail.outbox == []
