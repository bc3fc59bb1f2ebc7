"""The rate limit for people without an account: counted per address and kind of action in
fixed windows, stored under a keyed hash, removed when the window has passed."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.test import RequestFactory

from trust.models import RateCount
from trust.ratelimit import allow, rate_counts_purge

pytestmark = pytest.mark.django_db
T0 = 1_800_000_000.0  # the start of a 60-second window (divisible by 60)


def request_from(address: str):
    return RequestFactory().post("/", REMOTE_ADDR=address)


def test_allow_refuses_once_the_limit_is_passed_in_a_window():
    results = [
        allow(request_from("203.0.113.9"), "t", limit=3, seconds=60, now=T0) for _ in range(5)
    ]
    assert results == [True, True, True, False, False]


def test_allow_counts_each_address_and_each_kind_apart():
    for _ in range(3):
        allow(request_from("203.0.113.9"), "t", limit=3, seconds=60, now=T0)
    assert allow(request_from("203.0.113.10"), "t", limit=3, seconds=60, now=T0)
    assert allow(request_from("203.0.113.9"), "other", limit=3, seconds=60, now=T0)
    assert not allow(request_from("203.0.113.9"), "t", limit=3, seconds=60, now=T0 + 59)


def test_allow_starts_again_in_the_next_window():
    for _ in range(4):
        allow(request_from("203.0.113.9"), "t", limit=3, seconds=60, now=T0)
    # However busy the address kept the last window, the next one starts from nothing.
    assert allow(request_from("203.0.113.9"), "t", limit=3, seconds=60, now=T0 + 60)
    assert RateCount.objects.get().count == 1


def test_rate_count_stores_no_address():
    allow(request_from("203.0.113.9"), "t", limit=3, seconds=60, now=T0)
    row = RateCount.objects.get()
    assert "203.0.113.9" not in row.client_key
    assert row.expires == datetime.fromtimestamp(T0 + 60, tz=UTC)


def test_rate_counts_purge_removes_only_windows_that_have_passed():
    allow(request_from("203.0.113.9"), "t", limit=3, seconds=60, now=T0)
    allow(request_from("203.0.113.9"), "long", limit=3, seconds=3600, now=T0)
    assert rate_counts_purge(now=datetime.fromtimestamp(T0 + 61, tz=UTC)) == 1
    assert RateCount.objects.get().client_key.startswith("long:")
