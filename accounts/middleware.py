"""Session limits: signed out after 30 minutes without activity, and 12 hours after sign-in.

Every page shows a warning two minutes before the idle limit (static/js/session.js) with a
button that calls `session_extend` without leaving the page, so nothing typed is lost. The
status check the warning makes (`session_status`) does not count as activity.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse

SIGNED_IN_AT = "macs_signed_in_at"
LAST_ACTIVITY = "macs_last_activity"
REAUTHENTICATED_AT = "macs_reauthenticated_at"


def session_expired(session, now: float) -> str | None:
    """Why this session has ended ("idle" or "absolute"), or None while it is still good."""
    signed_in = session.get(SIGNED_IN_AT)
    last = session.get(LAST_ACTIVITY)
    if signed_in is None or last is None:
        return None
    if now - signed_in >= settings.MACS_SESSION_ABSOLUTE_SECONDS:
        return "absolute"
    if now - last >= settings.MACS_SESSION_IDLE_SECONDS:
        return "idle"
    return None


def seconds_left(session, now: float) -> int:
    """Seconds until this session ends, whichever limit comes first."""
    signed_in = session.get(SIGNED_IN_AT, now)
    last = session.get(LAST_ACTIVITY, now)
    return max(
        0,
        int(
            min(
                signed_in + settings.MACS_SESSION_ABSOLUTE_SECONDS,
                last + settings.MACS_SESSION_IDLE_SECONDS,
            )
            - now
        ),
    )


def start_session_clock(request: HttpRequest) -> None:
    """Called at sign-in."""
    now = time.time()
    request.session[SIGNED_IN_AT] = now
    request.session[LAST_ACTIVITY] = now


# Activity is written at most this often on page views (one session write, not one per page);
# a POST always counts, so "Stay signed in" takes effect at once.
ACTIVITY_RESOLUTION_SECONDS = 30


class SessionTimeoutMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = time.time()
            reason = session_expired(request.session, now)
            if reason is not None:
                logout(request)
                if request.path == reverse("accounts:session"):
                    return JsonResponse({"signed_in": False, "seconds_left": 0})
                messages.info(
                    request,
                    "You were signed out after 30 minutes without activity. Sign in again to continue."
                    if reason == "idle"
                    else "You were signed out because you signed in 12 hours ago. Sign in again to continue.",
                )
                return redirect_to_login(request.get_full_path())
            if SIGNED_IN_AT not in request.session:
                start_session_clock(request)
            elif self._counts_as_activity(request) and (
                now - request.session[LAST_ACTIVITY] >= ACTIVITY_RESOLUTION_SECONDS
                or request.method == "POST"
            ):
                request.session[LAST_ACTIVITY] = now
        return self.get_response(request)

    @staticmethod
    def _counts_as_activity(request: HttpRequest) -> bool:
        # The warning's status check must not keep the session alive by itself.
        return not (request.path == reverse("accounts:session") and request.method == "GET")
