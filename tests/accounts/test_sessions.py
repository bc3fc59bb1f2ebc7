"""Session limits: 30 minutes idle, 12 hours absolute, and a warning that keeps work."""

from __future__ import annotations

import time

import pytest
from django.urls import reverse

from accounts.middleware import LAST_ACTIVITY, SIGNED_IN_AT
from partnerships.roles import Role

pytestmark = pytest.mark.django_db
HOME = "/p/northshire/"


def _set(client, **values) -> None:
    session = client.session
    for key, value in values.items():
        session[key] = value
    session.save()


def test_session_idle_for_30_minutes_signs_out(client_as):
    client = client_as(Role.BUSINESS_MANAGER)
    now = time.time()
    _set(client, **{SIGNED_IN_AT: now - 3600, LAST_ACTIVITY: now - 30 * 60 - 1})
    response = client.get(HOME)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    page = client.get(response["Location"])
    assert b"signed out after 30 minutes without activity" in page.content
    assert "_auth_user_id" not in client.session


def test_session_active_for_29_minutes_stays_signed_in(client_as):
    client = client_as(Role.BUSINESS_MANAGER)
    now = time.time()
    _set(client, **{SIGNED_IN_AT: now - 3600, LAST_ACTIVITY: now - 29 * 60})
    assert client.get(HOME).status_code == 200
    assert client.session[LAST_ACTIVITY] > now - 5  # the page view counted as activity


def test_session_ends_12_hours_after_sign_in_however_active(client_as):
    client = client_as(Role.BUSINESS_MANAGER)
    now = time.time()
    _set(client, **{SIGNED_IN_AT: now - 12 * 3600 - 1, LAST_ACTIVITY: now - 10})
    response = client.get(HOME)
    assert response["Location"].startswith(reverse("accounts:login"))
    assert b"12 hours ago" in client.get(response["Location"]).content


def test_session_status_check_does_not_extend_but_stay_signed_in_does(client_as):
    client = client_as(Role.BUSINESS_MANAGER)
    now = time.time()
    _set(client, **{SIGNED_IN_AT: now - 3600, LAST_ACTIVITY: now - 28 * 60})
    status = client.get(reverse("accounts:session")).json()
    assert status["signed_in"] is True
    assert 100 <= status["seconds_left"] <= 120
    assert client.session[LAST_ACTIVITY] == pytest.approx(now - 28 * 60)
    extended = client.post(reverse("accounts:session")).json()
    assert extended["seconds_left"] > 29 * 60


def test_session_status_after_timeout_says_signed_out(client_as):
    client = client_as(Role.BUSINESS_MANAGER)
    now = time.time()
    _set(client, **{SIGNED_IN_AT: now - 3600, LAST_ACTIVITY: now - 31 * 60})
    assert client.get(reverse("accounts:session")).json() == {"signed_in": False, "seconds_left": 0}


def test_session_warning_dialog_is_on_every_signed_in_page(client_as):
    page = client_as(Role.BUSINESS_MANAGER).get(HOME).content.decode()
    assert 'id="session-timeout"' in page
    assert f'data-session-url="{reverse("accounts:session")}"' in page
    assert "Stay signed in" in page
