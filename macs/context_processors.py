"""Template context every page needs: service name, environment, current partnership."""

from django.conf import settings


def service(request) -> dict:
    return {
        "service_name": settings.MACS_SERVICE_NAME,
        "environment": getattr(settings, "MACS_ENVIRONMENT", ""),
        "partnership": getattr(request, "partnership", None),
        "membership": getattr(request, "membership", None),
        "roles": getattr(request, "roles", frozenset()),
    }
