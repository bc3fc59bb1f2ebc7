"""Reading the audit trail of one partnership, filtered, in pages of fixed query count."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.utils import timezone

from .events import Event
from .models import AuditEntry
from .wording import detail_line, field_label, field_value

CHANGE = "change"


@dataclass(frozen=True)
class AuditFilter:
    what: str = ""  # an Event value, "change", or "" for everything
    person: int | None = None  # user id
    since: date | None = None
    until: date | None = None
    text: str = ""


def entries(partnership, f: AuditFilter) -> QuerySet[AuditEntry]:
    """The partnership's entries, newest first: its own, plus account-level entries (sign-ins,
    two-factor changes, lockouts, account changes) of its current members."""
    qs = AuditEntry.objects.filter(
        Q(partnership=partnership)
        | Q(partnership__isnull=True, actor__memberships__partnership=partnership)
    ).select_related("actor", "content_type")
    if f.what == CHANGE:
        qs = qs.filter(event="")
    elif f.what:
        qs = qs.filter(event=f.what)
    if f.person:
        qs = qs.filter(actor_id=f.person)
    tz = timezone.get_current_timezone()
    if f.since:
        qs = qs.filter(timestamp__gte=datetime.combine(f.since, time.min, tzinfo=tz))
    if f.until:
        qs = qs.filter(timestamp__lte=datetime.combine(f.until, time.max, tzinfo=tz))
    if f.text:
        qs = qs.filter(object_repr__icontains=f.text)
    return qs.order_by("-timestamp", "-pk")


def describe(entry: AuditEntry) -> str:
    """What happened, in words: the event's label, or Added/Changed/Deleted and the thing."""
    if entry.event:
        try:
            return Event(entry.event).label
        except ValueError:
            return entry.event
    thing = _thing(entry.content_type)
    changes = entry.changes or {}
    soft_delete_only = "deleted_at" in changes and set(changes) <= {"deleted_at", "deleted_by"}
    if entry.action == AuditEntry.Action.UPDATE and soft_delete_only:
        was = changes["deleted_at"][0]
        if was in (None, "None"):
            return f"Deleted {thing} (can be restored)"
        return f"Restored {thing}"
    verb = {
        AuditEntry.Action.CREATE: "Added",
        AuditEntry.Action.UPDATE: "Changed",
        AuditEntry.Action.DELETE: "Deleted",
    }.get(entry.action, "Recorded")
    return f"{verb} {thing}"


def _thing(content_type: ContentType) -> str:
    model = content_type.model_class()
    return str(model._meta.verbose_name) if model else content_type.model


def details(entry: AuditEntry) -> str:
    """The fields changed (old → new), or the event's details, as one line of text."""
    if entry.event:
        return detail_line(entry.event, entry.additional_data or {})
    model = entry.content_type.model_class()
    parts = []
    for field, change in (entry.changes or {}).items():
        label = field_label(model, field)
        if label is None:
            continue
        if isinstance(change, dict) and change.get("type") == "m2m":
            verb = "added" if change.get("operation") == "add" else "removed"
            parts.append(f"{label} {verb}: {', '.join(change.get('objects', []))}")
        elif isinstance(change, list | tuple) and len(change) == 2:
            old, new = (field_value(model, field, value) for value in change)
            if entry.action == AuditEntry.Action.CREATE:
                parts.append(f"{label}: {new}")
            elif entry.action == AuditEntry.Action.DELETE:
                parts.append(f"{label}: {old}")
            else:
                parts.append(f"{label}: {old} → {new}")
    return "; ".join(parts)


def entries_of_person(user) -> list[dict]:
    """Everything the audit trail holds about what this person did (for "your data")."""
    return [
        {
            "when": e.timestamp.isoformat(),
            "partnership": e.partnership.name if e.partnership else None,
            "what": describe(e),
            "about": e.object_repr,
            "details": details(e),
        }
        for e in AuditEntry.objects.filter(actor=user)
        .select_related("partnership", "content_type")
        .order_by("-timestamp")
    ]
