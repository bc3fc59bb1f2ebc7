"""The audit trail in plain words: a field's own label, a choice's label, "Yes"/"No", dates
written out, codes read through the tracked model's own words (a rating level "4" reads
"Embedded"), and no internal fields (ids, reverse links, timestamps the entry already has)."""

from __future__ import annotations

from datetime import date, datetime

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.text import capfirst

from .tracking import shown_value

# Fields the entry itself says better (its own time) or that mean nothing to a reader.
# The partnership: the whole trail is one partnership's.
UNSAID = {"id", "created_at", "updated_at", "deleted_at", "deleted_by", "version", "partnership"}

# Named events' details: a label for each key, and the words for coded values.
DETAIL_LABELS = {
    ("signed-in", "method"): "With",
    ("two-factor-changed", "method"): "Now",
    ("refused-access", "method"): "Request",
    ("refused-access", "path"): "Page",
    ("locked-out", "attempts"): "Rule",
    ("import", "what"): "What",
    ("export", "what"): "What",
}
METHOD_WORDS = {
    "app": "an authenticator app",
    "email": "a code sent by email",
    "recovery code": "a recovery code",
    "relaxed": "a password only (the second step is relaxed for this email domain)",
}
HIDDEN_DETAILS = {"snapshot"}  # an internal record number


def field_label(model: type[models.Model] | None, name: str) -> str | None:
    """The field's own label, or None for a field a reader is not shown."""
    if name in UNSAID:
        return None
    if model is None:
        return capfirst(name.replace("_", " "))
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return capfirst(name.replace("_", " "))
    if field.auto_created and not field.concrete:
        return None  # a reverse link ("planning.PriorityOutcome.None")
    return capfirst(str(getattr(field, "verbose_name", name)))


def field_value(model: type[models.Model] | None, name: str, value) -> str:
    """A stored value as a reader says it."""
    if value in (None, "", "None"):
        return "(blank)"
    own = shown_value(model, name, str(value))
    if own is not None:
        return own
    field = _field(model, name)
    if field is not None and field.choices:
        labels = {str(k): str(v) for k, v in field.flatchoices}
        return labels.get(str(value), str(value))
    if isinstance(field, models.BooleanField) or isinstance(value, bool):
        return "Yes" if str(value) == "True" else "No"
    if isinstance(field, models.DateField | models.DateTimeField):
        return _date(str(value))
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value) or "(none)"
    return str(value)


def detail_line(event: str, detail: dict) -> str:
    parts = []
    for key, value in detail.items():
        if key in HIDDEN_DETAILS:
            continue
        label = DETAIL_LABELS.get((event, key), capfirst(key.replace("_", " ")))
        if key == "method" and event in ("signed-in", "two-factor-changed"):
            value = METHOD_WORDS.get(value, value)
        if "sha256" in key:
            label = "Fingerprint (SHA-256)" if key == "sha256" else "Recorded fingerprint"
        parts.append(f"{label}: {value}")
    return "; ".join(parts)


def _field(model, name: str):
    try:
        return model._meta.get_field(name) if model is not None else None
    except FieldDoesNotExist:
        return None


def _date(text: str) -> str:
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        return text
    if len(text) == 10:
        return f"{date(parsed.year, parsed.month, parsed.day):%-d %B %Y}"
    return f"{parsed:%-d %B %Y %H:%M}"
