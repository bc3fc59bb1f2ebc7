"""The client's address behind a configured number of trusted proxies."""

from __future__ import annotations

import pytest
from django.core.checks import run_checks
from django.test import RequestFactory, override_settings

from trust.addresses import client_address


def request(remote: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


@pytest.mark.parametrize(
    ("proxies", "remote", "forwarded", "expected"),
    [
        # Served directly: the header is the client's own words and is ignored.
        (0, "203.0.113.5", "192.0.2.1", "203.0.113.5"),
        # nginx appends the address it saw: the right-most entry.
        (1, "10.0.0.1", "203.0.113.5", "203.0.113.5"),
        (1, "10.0.0.1", "192.0.2.1, 203.0.113.5", "203.0.113.5"),
        # A load balancer in front of nginx: two from the right.
        (2, "10.0.0.1", "192.0.2.1, 203.0.113.5, 10.0.0.9", "203.0.113.5"),
        (2, "10.0.0.1", "203.0.113.5", "203.0.113.5"),  # one proxy did not add an entry
        (1, "10.0.0.1", None, "10.0.0.1"),  # reached the app server directly
        (1, "10.0.0.1", "203.0.113.5:4431", "203.0.113.5"),
        (1, "10.0.0.1", "[2001:db8::1]:443", "2001:db8::1"),
        (1, "10.0.0.1", "not an address", "10.0.0.1"),
    ],
)
def test_client_address_counts_trusted_proxies_from_the_right(proxies, remote, forwarded, expected):
    with override_settings(MACS_TRUSTED_PROXIES=proxies):
        assert client_address(request(remote, forwarded)) == expected


def test_production_refuses_to_start_without_the_proxy_count():
    def errors():
        return [e.id for e in run_checks() if e.id == "macs.E003"]

    with override_settings(MACS_ENVIRONMENT="production", MACS_TRUSTED_PROXIES=None):
        assert errors() == ["macs.E003"]
    with override_settings(MACS_ENVIRONMENT="production", MACS_TRUSTED_PROXIES=0):
        assert errors() == []
