"""Who is acting: a service's `actor` is named on every audit entry its writes make.

In a web request the audit middleware already names the person signed in (and their address).
Services also run from commands, imports, reminders and the demo, and one person's request can
act for another (a guest's note promoted by the facilitator): `acting_as(actor)` names the
service's own actor for what happens inside it.

django-auditlog's `set_actor` keeps one value per context and, on leaving, drops the outer
one's receiver, so a nested call would leave the rest of the request unnamed. This wrapper
restores the outer value and keeps the request's address.
"""

from __future__ import annotations

from contextlib import contextmanager

from auditlog.context import auditlog_value, set_actor


@contextmanager
def acting_as(actor):
    outer = auditlog_value.get(None)
    if actor is None or getattr(actor, "pk", None) is None:
        yield  # nobody to name (a system job); whatever the caller set stands
        return
    if outer is not None and outer.get("actor") == actor:
        yield
        return
    same_request = {"remote_addr": outer.get("remote_addr")} if outer else {}
    try:
        with set_actor(actor, **same_request):
            yield
    finally:
        if outer is not None:
            auditlog_value.set(outer)
