"""The client's network address, behind a known number of trusted proxies.

Every proxy in front of the app servers appends the address it received the request from to
X-Forwarded-For, so with N trusted proxies the client is the N-th entry from the right; any
entry further left was written by the client and is not believed. With no proxy (N = 0) the
header is ignored and the address is the connection's own. This one function feeds the
sign-in lockout (django-axes' AXES_CLIENT_IP_CALLABLE), the rate limits and the audit trail.

django-ipware was tried for this and not used: with a proxy count of 0 it takes a
one-entry X-Forwarded-For sent by the client as the address, and with a count of N it gives
no address at all when a request carries fewer or more than N + 1 entries.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def trusted_proxies() -> int:
    """How many proxies stand in front of the app servers (production must say; see
    docs/deployment.md). Development and tests serve directly: 0."""
    return int(getattr(settings, "MACS_TRUSTED_PROXIES", None) or 0)


def _clean(entry: str) -> str | None:
    entry = entry.strip()
    if entry.startswith("[") and "]" in entry:  # [IPv6]:port
        entry = entry[1 : entry.index("]")]
    elif entry.count(":") == 1:  # IPv4:port
        entry = entry.split(":")[0]
    try:
        return str(ipaddress.ip_address(entry))
    except ValueError:
        return None


def client_address(request: HttpRequest) -> str:
    """The address of whoever sent this request, as far as the trusted proxies saw it."""
    own = request.META.get("REMOTE_ADDR", "") or ""
    count = trusted_proxies()
    if count <= 0:
        return own
    forwarded = [
        part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()
    ]
    if not forwarded:
        # Reached the app server without passing a proxy (a health check on the host itself).
        return own
    # Fewer entries than proxies: a proxy in the chain did not add one; the furthest address
    # any of them recorded is still better than the proxy's own.
    entry = forwarded[-count] if len(forwarded) >= count else forwarded[0]
    return _clean(entry) or own
