"""django-auditlog's middleware, reading the client's address the one way (trust.addresses):
its own reads the left-most X-Forwarded-For entry, which the client writes itself."""

from __future__ import annotations

from auditlog.middleware import AuditlogMiddleware

from trust.addresses import client_address


class AuditMiddleware(AuditlogMiddleware):
    @staticmethod
    def _get_remote_addr(request):
        return client_address(request)

    @staticmethod
    def _get_remote_port(request):  # noqa: ARG004 (overrides auditlog's)
        return None  # the proxy's port says nothing about the person
