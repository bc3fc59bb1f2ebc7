"""Template context every page needs: service name, environment, current partnership."""

from django.conf import settings

from accounts import two_factor


def service(request) -> dict:
    user = getattr(request, "user", None)
    return {
        "two_factor_relaxed": bool(
            user is not None and user.is_authenticated and two_factor.is_relaxed(user)
        ),
        "session_warning_seconds": settings.MACS_SESSION_WARNING_SECONDS,
        "service_name": settings.MACS_SERVICE_NAME,
        "environment": getattr(settings, "MACS_ENVIRONMENT", ""),
        "partnership": getattr(request, "partnership", None),
        "membership": getattr(request, "membership", None),
        "roles": getattr(request, "roles", frozenset()),
    }
