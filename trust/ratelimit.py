"""A rate limit for people without an account (survey respondents, workshop guests).

Counts are kept in one small table (`RateCount`) under a keyed hash of the kind of action and the
address, never the address itself, and are removed once their window has passed. Each count is
one atomic statement (INSERT ... ON CONFLICT DO UPDATE ... RETURNING, in SQLite and PostgreSQL
alike), so concurrent requests from several app servers are all counted. Django's database
cache, used here before, increments by reading and then writing (two requests at once count
once) and restarts the entry's expiry at every increment, so a window never ended while someone
kept acting.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from datetime import UTC, datetime

from django.conf import settings
from django.db import connection
from django.http import HttpRequest
from django.utils import timezone

from .addresses import client_address
from .models import RateCount


def _client_key(request: HttpRequest, scope: str) -> str:
    address = client_address(request)
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"{scope}|{address}".encode(), hashlib.sha256
    ).hexdigest()
    return f"{scope}:{digest[:32]}"


def _count(key: str, slot: int, expires: datetime) -> int:
    table = connection.ops.quote_name(RateCount._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (client_key, slot, count, expires) VALUES (%s, %s, 1, %s) "  # noqa: S608 (our table name)
            f"ON CONFLICT (client_key) DO UPDATE SET "
            f"count = CASE WHEN {table}.slot = excluded.slot THEN {table}.count + 1 ELSE 1 END, "
            f"slot = excluded.slot, expires = excluded.expires RETURNING count",
            [key, slot, connection.ops.adapt_datetimefield_value(expires)],
        )
        # fetchall, not fetchone: SQLite keeps the statement (and its write) open until every
        # row of RETURNING has been read.
        return cursor.fetchall()[0][0]


def allow(
    request: HttpRequest, scope: str, *, limit: int, seconds: int, now: float | None = None
) -> bool:
    """Count one more action in `scope` from this address; False once `limit` is passed
    within the current window of `seconds` (windows are fixed, aligned to the clock; `now`, a
    Unix time, is for tests)."""
    # Only the benchmark raises this (one address sends the whole load); production keeps 1.
    limit *= getattr(settings, "MACS_RATE_LIMIT_FACTOR", 1)
    slot = int(time.time() if now is None else now) // seconds
    expires = datetime.fromtimestamp((slot + 1) * seconds, tz=UTC)
    return _count(_client_key(request, scope), slot, expires) <= limit


def rate_counts_purge(now: datetime | None = None) -> int:
    """Remove the counts whose window has passed; returns how many."""
    deleted, _ = RateCount.objects.filter(expires__lt=now or timezone.now()).delete()
    return deleted
