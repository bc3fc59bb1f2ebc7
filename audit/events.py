"""Named audit events, all written through `record()`."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import AuditEntry


class Event(models.TextChoices):
    SIGNED_IN = "signed-in", "Signed in"
    TWO_FACTOR_CHANGED = "two-factor-changed", "Changed own two-factor sign-in"
    TWO_FACTOR_RESET = "two-factor-reset", "Reset someone's two-factor sign-in"
    LOCKED_OUT = "locked-out", "Sign-in locked after failed attempts"
    REFUSED_ACCESS = "refused-access", "Refused access"
    SIGN_OFF = "sign-off", "Signed off"
    REOPEN = "reopen", "Reopened after sign-off"
    DECLINE = "decline", "Declined to sign"
    PUBLISH = "publish", "Published"
    WITHDRAW = "withdraw", "Withdrew a publication"
    VERSION_REFUSED = "version-refused", "Refused a signed version that failed its check"
    IMPORT = "import", "Imported a file"
    EXPORT = "export", "Exported"
    DELETE = "delete", "Deleted (can be restored)"
    RESTORE = "restore", "Restored"
    PERSONAL_DATA = "personal-data", "Downloaded own data"


def record(
    event: Event,
    *,
    actor,
    partnership=None,
    subject: models.Model | None = None,
    detail: dict | None = None,
    remote_addr: str | None = None,
) -> AuditEntry:
    """Write one named event. `subject` is what it happened to (default: partnership, else actor)."""
    if actor is None or not getattr(actor, "is_authenticated", False):
        raise ValueError("Only a signed-in person's actions are audited.")
    subject = subject or partnership or actor
    return AuditEntry.objects.create(
        event=event,
        action=AuditEntry.Action.ACCESS,
        partnership=partnership,
        content_type=ContentType.objects.get_for_model(subject),
        object_pk=str(subject.pk),
        object_id=subject.pk if isinstance(subject.pk, int) else None,
        object_repr=str(subject)[:500],
        actor=actor,
        actor_email=actor.email,
        additional_data=detail or {},
        remote_addr=remote_addr,
    )
