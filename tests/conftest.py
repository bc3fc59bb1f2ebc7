"""Shared fixtures: the MACS content loaded once per test database, the demo partnerships, and
signed-in clients for each role."""

from __future__ import annotations

import os
import sqlite3

import pytest
from django.test import Client
from django_scopes import scopes_disabled

from demo.partnerships import load_demo
from framework.loader import load_edition
from partnerships.roles import Role

# Playwright's sync API runs an event loop in the test thread; Django must allow ORM use there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# One demo person per role in Northshire; the outsider belongs only to Eastmere.
ROLE_EMAILS: dict[Role, str] = {
    Role.BUSINESS_MANAGER: "manager@northshire.example",
    Role.BUSINESS_UNIT_OFFICER: "officer@northshire.example",
    Role.LEAD_PARTNER: "la-lead@northshire.example",
    Role.DELEGATED_PARTNER: "delegate@northshire.example",
    Role.INDEPENDENT_SCRUTINEER: "scrutineer@northshire.example",
    Role.INDEPENDENT_CHAIR: "chair@northshire.example",
    Role.SUBGROUP_MEMBER: "member@northshire.example",
    Role.YOUNG_SCRUTINEER: "young@northshire.example",
    Role.OBSERVER: "observer@northshire.example",
}
OUTSIDER_EMAIL = "manager@eastmere.example"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the MACS content and the demo once into this worker's test database (tests roll
    back around them). On SQLite a copy of the database is also kept at this moment, before
    any test runs, so transactional tests (which empty the database) can restore it in
    milliseconds instead of loading the demo again (`demo_database_copy`)."""
    from django.db import connection

    with django_db_blocker.unblock():
        load_edition()
        load_demo()
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            copy = sqlite3.connect(":memory:", check_same_thread=False)
            connection.connection.backup(copy)
            _DEMO_COPY.append(copy)
    yield
    for copy in _DEMO_COPY:
        copy.close()


_DEMO_COPY: list[sqlite3.Connection] = []


@pytest.fixture(scope="session")
def demo_database_copy(django_db_setup):
    """The SQLite copy of the database with the MACS content and the demo, or None."""
    return _DEMO_COPY[0] if _DEMO_COPY else None


@pytest.fixture
def demo(db):
    """The demo partnerships. Returns {"northshire": ..., "eastmere": ...}."""
    from partnerships.models import Partnership

    load_demo()
    with scopes_disabled():
        return {p.slug: p for p in Partnership.objects.all()}


def password_only_client(user) -> Client:
    """A client that has passed the password step only (the second factor is still to come)."""
    client = Client()
    client.force_login(user)
    return client


def verified_client(user) -> Client:
    """A client signed in with both factors: a confirmed authenticator app verified this session."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client = password_only_client(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Test app", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def client_for(email: str) -> Client:
    """A client signed in (with two-factor verified) as the account with this email."""
    from accounts.models import User

    return verified_client(User.objects.get(email=email))


@pytest.fixture
def client_as(demo):
    """client_as(Role.BUSINESS_MANAGER) -> a client signed in as Northshire's person in that role."""
    return lambda role: client_for(ROLE_EMAILS[role])


@pytest.fixture
def outsider_client(demo) -> Client:
    return client_for(OUTSIDER_EMAIL)


@pytest.fixture
def current_review(demo):
    """Northshire's 2025-26 review (in progress in the demo)."""
    from reviews.models import Review

    with scopes_disabled():
        return Review.objects.get(partnership=demo["northshire"], period="2025-26")


@pytest.fixture
def rating_of(current_review):
    """rating_of("1.1.1") -> that indicator's rating in the current review (or another)."""
    from reviews.models import Rating

    def get(code: str, review=None):
        with scopes_disabled():
            return Rating.objects.select_related("review").get(
                review=review or current_review, indicator__code=code
            )

    return get
