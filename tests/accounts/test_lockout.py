"""The three lockout rules (accounts.lockout): the account-and-address pair locks after 10
failures, the account is slowed (never locked) across addresses, an address locks after 100.
A stranger's failures never keep the owner out at their own address."""

from __future__ import annotations

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from accounts import lockout
from audit.events import Event
from audit.models import AuditEntry
from demo.partnerships import DEMO_PASSWORD
from partnerships.roles import Role
from tests.conftest import ROLE_EMAILS

pytestmark = pytest.mark.django_db

LEAD = ROLE_EMAILS[Role.LEAD_PARTNER]
MANAGER = ROLE_EMAILS[Role.BUSINESS_MANAGER]
WRONG = "not the password at all"


def attempt(email: str, password: str, address: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": address}
    if forwarded:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return Client().post(
        reverse("accounts:login"), {"username": email, "password": password}, **extra
    )


def signed_in(response) -> bool:
    return response.status_code == 302


def test_pair_locks_after_ten_failures_and_only_that_pair():
    assert signed_in(attempt(LEAD, DEMO_PASSWORD, "198.51.100.7"))  # the lead's own desk
    for _ in range(9):
        assert attempt(LEAD, WRONG, "203.0.113.5").status_code == 200
    locked = attempt(LEAD, WRONG, "203.0.113.5")
    assert locked.status_code == 429
    # Even the right password is refused for that pair, and the page says why.
    refused = attempt(LEAD, DEMO_PASSWORD, "203.0.113.5")
    assert refused.status_code == 429
    assert b"You cannot sign in for 15 minutes" in refused.content
    # The owner at their own address, and another account at the attacker's, are not locked.
    assert signed_in(attempt(LEAD, DEMO_PASSWORD, "198.51.100.7"))
    assert signed_in(attempt(MANAGER, DEMO_PASSWORD, "203.0.113.5"))
    assert AuditEntry.objects.filter(event=Event.LOCKED_OUT, actor__email=LEAD).exists()


def test_refused_attempts_do_not_extend_the_lock():
    for _ in range(10):
        attempt(LEAD, WRONG, "203.0.113.5")
    for _ in range(5):
        assert attempt(LEAD, WRONG, "203.0.113.5").status_code == 429
    assert (
        sum(AccessAttempt.objects.filter(username=LEAD).values_list("failures_since_start", flat=1))
        == 10
    )


def test_account_is_slowed_across_addresses_never_locked():
    assert signed_in(attempt(LEAD, DEMO_PASSWORD, "198.51.100.7"))
    for n in range(10):
        assert attempt(LEAD, WRONG, f"203.0.113.{n}").status_code == 200
    # From the 10th failure, a new address must wait after the latest failure (the attacker's
    # next guess too); the page says how long, and refused attempts are not failures.
    for _ in range(3):
        slowed = attempt(LEAD, DEMO_PASSWORD, "192.0.2.44")
        assert slowed.status_code == 429
    assert b"Your account is not locked" in slowed.content
    wait = lockout.slow_seconds(10)
    assert wait == 2
    assert f"Wait {wait} seconds".encode() in slowed.content
    # The owner at an address they signed in from before goes straight in.
    assert signed_in(attempt(LEAD, DEMO_PASSWORD, "198.51.100.7"))
    # Once the wait has passed, the owner at a new address does too.
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(seconds=wait + 1))
    assert signed_in(attempt(LEAD, DEMO_PASSWORD, "192.0.2.44"))


def test_slowing_counts_the_account_however_its_address_is_written():
    for n in range(10):
        attempt(f"  {LEAD.upper()} " if n % 2 else LEAD, WRONG, f"203.0.113.{n}")
    assert attempt(LEAD, DEMO_PASSWORD, "192.0.2.44").status_code == 429


def test_slow_seconds_double_from_two_up_to_a_minute():
    assert [lockout.slow_seconds(n) for n in (0, 9, 10, 11, 12, 14, 15, 40, 10**6)] == [
        0,
        0,
        2,
        4,
        8,
        32,
        60,
        60,
        60,
    ]


def test_address_locks_after_a_hundred_failures_whichever_accounts():
    stamp = timezone.now()
    AccessAttempt.objects.bulk_create(
        AccessAttempt(
            username=f"person{n}@nowhere.example",
            ip_address="203.0.113.99",
            user_agent="x",
            failures_since_start=1,
            attempt_time=stamp,
            get_data="",
            post_data="",
            http_accept="",
            path_info="/",
        )
        for n in range(98)
    )
    assert attempt("another@nowhere.example", WRONG, "203.0.113.99").status_code == 200
    assert attempt("more@nowhere.example", WRONG, "203.0.113.99").status_code == 429
    refused = attempt(MANAGER, DEMO_PASSWORD, "203.0.113.99")
    assert refused.status_code == 429
    assert b"from this network" in refused.content
    assert signed_in(attempt(MANAGER, DEMO_PASSWORD, "203.0.113.100"))


@override_settings(MACS_TRUSTED_PROXIES=1)
def test_behind_a_proxy_each_client_is_counted_by_its_own_address():
    proxy = "10.0.0.1"
    for _ in range(10):
        attempt(LEAD, WRONG, proxy, forwarded="203.0.113.5")
    assert attempt(LEAD, DEMO_PASSWORD, proxy, forwarded="203.0.113.5").status_code == 429
    # A different client through the same proxy signs in to another account...
    assert signed_in(attempt(MANAGER, DEMO_PASSWORD, proxy, forwarded="198.51.100.8"))
    # ...and writing a different address in front of its own does not escape the lock.
    spoofed = attempt(LEAD, DEMO_PASSWORD, proxy, forwarded="192.0.2.1, 203.0.113.5")
    assert spoofed.status_code == 429


def test_sign_in_records_are_purged_once_they_decide_nothing():
    from axes.models import AccessLog
    from django.core.management import call_command

    assert signed_in(attempt(LEAD, DEMO_PASSWORD, "198.51.100.7"))
    attempt(LEAD, WRONG, "203.0.113.5")
    call_command("purge_expired", verbosity=0)
    assert AccessLog.objects.count() == 1
    assert AccessAttempt.objects.count() == 1
    AccessLog.objects.update(attempt_time=timezone.now() - timedelta(days=91))
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    call_command("purge_expired", verbosity=0)
    assert AccessLog.objects.count() == 0
    assert AccessAttempt.objects.count() == 0
