"""Sign-in lockout that a stranger cannot turn against the account's owner.

Three rules over django-axes' record of failed sign-ins (AccessAttempt rows, kept for the
cool-off period after their latest failure):

- **account and address**: 10 failures for one account from one address lock that pair for
  15 minutes (axes' own rule, AXES_LOCKOUT_PARAMETERS). The owner at another address is not
  affected.
- **account, across addresses**: from the 10th failure for an account, wherever they came
  from, each further attempt must wait a little longer after the latest failure (2 seconds,
  doubling, at most a minute). This slows guessing from many addresses without ever locking the
  account. An address where the account signed in before (in the last 90 days) is not slowed,
  so the owner at their usual desk signs in at once.
- **address**: 100 failures from one address, whichever accounts they named, lock that address
  for 15 minutes (one password tried against many accounts).

Attempts refused by a rule are not counted as failures (AXES_RESET_COOL_OFF_ON_FAILURE_DURING_
LOCKOUT is off), so hammering a locked door does not keep it locked.
"""

from __future__ import annotations

import math
from datetime import timedelta

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt, AccessLog
from axes.signals import user_locked_out
from django.conf import settings
from django.db.models import Max, Sum
from django.shortcuts import render
from django.utils import timezone

ADDRESS_FAILURE_LIMIT = 100
ACCOUNT_SLOW_AFTER = 10
ACCOUNT_SLOW_FIRST_SECONDS = 2
ACCOUNT_SLOW_MOST_SECONDS = 60
KNOWN_ADDRESS_DAYS = 90

PAIR, ADDRESS, SLOWED = "pair", "address", "slowed"


def username_of(request, credentials) -> str | None:
    """The account named in a sign-in, as stored (emails are kept in lower case), so that
    "Manager@X" and "manager@x " count as the same account."""
    if credentials:
        name = credentials.get(settings.AXES_USERNAME_FORM_FIELD)
    else:
        name = getattr(request, "POST", {}).get(settings.AXES_USERNAME_FORM_FIELD)
    return name.strip().lower() if isinstance(name, str) else None


def slow_seconds(failures: int) -> int:
    """How long an attempt must wait after the account's latest failure."""
    if failures < ACCOUNT_SLOW_AFTER:
        return 0
    doublings = min(failures - ACCOUNT_SLOW_AFTER, 10)
    return min(ACCOUNT_SLOW_MOST_SECONDS, ACCOUNT_SLOW_FIRST_SECONDS * 2**doublings)


def _cool_off_start():
    return timezone.now() - timedelta(hours=settings.AXES_COOLOFF_TIME)


def _recent():
    return AccessAttempt.objects.filter(attempt_time__gt=_cool_off_start())


def address_failures(address: str | None) -> int:
    if not address:
        return 0
    total = _recent().filter(ip_address=address).aggregate(n=Sum("failures_since_start"))["n"]
    return total or 0


def account_wait(username: str | None, address: str | None) -> int:
    """Seconds this attempt must still wait under the account rule (0: go ahead)."""
    if not username:
        return 0
    found = (
        _recent()
        .filter(username=username)
        .aggregate(n=Sum("failures_since_start"), last=Max("attempt_time"))
    )
    wait = slow_seconds(found["n"] or 0)
    if not wait:
        return 0
    known = AccessLog.objects.filter(
        username=username,
        ip_address=address,
        attempt_time__gt=timezone.now() - timedelta(days=KNOWN_ADDRESS_DAYS),
    ).exists()
    if known:
        return 0
    remaining = (found["last"] + timedelta(seconds=wait) - timezone.now()).total_seconds()
    return max(0, math.ceil(remaining))


def sign_in_records_purge(*, now=None) -> dict[str, int]:
    """axes' records of sign-ins (an address and browser per sign-in) are kept only as long as
    they decide anything: successful ones for the known-address rule, failures for a cool-off."""
    now = now or timezone.now()
    signed_in = AccessLog.objects.filter(attempt_time__lt=now - timedelta(days=KNOWN_ADDRESS_DAYS))
    failed = AccessAttempt.objects.filter(
        attempt_time__lt=now - timedelta(hours=settings.AXES_COOLOFF_TIME)
    )
    return {
        "sign-in records past their use": signed_in.delete()[0],
        "failed sign-ins past their cool-off": failed.delete()[0],
    }


class LockoutHandler(AxesDatabaseHandler):
    """axes' database handler with the address and account rules added (see above)."""

    def is_locked(self, request, credentials=None) -> bool:
        if super().is_locked(request, credentials):
            request.macs_lockout = (PAIR, 0)
            return True
        address = getattr(request, "axes_ip_address", None)
        if address_failures(address) >= ADDRESS_FAILURE_LIMIT:
            request.macs_lockout = (ADDRESS, 0)
            return True
        wait = account_wait(get_client_username(request, credentials), address)
        if wait:
            request.macs_lockout = (SLOWED, wait)
            return True
        return False

    def user_login_failed(self, sender, credentials: dict, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is None or getattr(request, "axes_locked_out", False):
            return
        if address_failures(request.axes_ip_address) >= ADDRESS_FAILURE_LIMIT:
            request.axes_locked_out = True
            request.axes_credentials = credentials
            request.macs_lockout = (ADDRESS, 0)
            user_locked_out.send(
                "axes",
                request=request,
                username=get_client_username(request, credentials),
                ip_address=request.axes_ip_address,
            )


def lockout_response(request, *_axes_arguments):  # axes adds its own response, credentials
    """The page a refused sign-in gets: what happened and when to try again, by rule."""
    rule, wait = getattr(request, "macs_lockout", (PAIR, 0))
    return render(
        request,
        "accounts/locked_out.html",
        {"rule": rule, "wait": wait, "minutes": round(settings.AXES_COOLOFF_TIME * 60)},
        status=429,
    )
