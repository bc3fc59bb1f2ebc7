"""A rate limit for people without an account (survey respondents, workshop guests).

Counts live only in the shared "ratelimit" cache, under a keyed hash of the address, and expire with the
window: nothing about the address is ever written beside what the person submits.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest


def _client_key(request: HttpRequest, scope: str) -> str:
    address = request.META.get("REMOTE_ADDR", "")
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"{scope}|{address}".encode(), hashlib.sha256
    ).hexdigest()
    return f"ratelimit:{scope}:{digest[:32]}"


def allow(request: HttpRequest, scope: str, *, limit: int, seconds: int) -> bool:
    """Count one more action in `scope` from this address; False once `limit` is passed
    within `seconds`."""
    cache = caches["ratelimit"]
    # Only the benchmark raises this (one address sends the whole load); production keeps 1.
    limit *= getattr(settings, "MACS_RATE_LIMIT_FACTOR", 1)
    key = _client_key(request, scope)
    if cache.add(key, 1, timeout=seconds):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=seconds)
        return True
    return count <= limit
