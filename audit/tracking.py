"""Which models django-auditlog watches, and which partnership each change belongs to.

Apps list their models for the "audit_tracking" hook in their hooks.py (a function returning
`Tracked` entries); the audit app applies them when it is ready, with `track`. Survey answers
and workshop notes are anonymous and must never be tracked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from auditlog.registry import auditlog
from django.db import models

from trust import hooks

_partnership_of: dict[type[models.Model], Callable[[models.Model], int | None]] = {}
# How a field's stored value reads in the trail, where the value alone is a code (a rating
# level "4" reads "Embedded").
_shown: dict[type[models.Model], dict[str, Callable[[str], str]]] = {}


def track(
    model: type[models.Model],
    *,
    partnership: Callable[[models.Model], int | None],
    exclude_fields: tuple[str, ...] = (),
    m2m_fields: tuple[str, ...] = (),
    shown: dict[str, Callable[[str], str]] | None = None,
) -> None:
    """Record every create, update and delete of `model` in the audit trail."""
    _partnership_of[model] = partnership
    _shown[model] = dict(shown or {})
    # The version counter changes on every save and says nothing to a reader.
    exclude = [*exclude_fields, "version"]
    auditlog.register(model, exclude_fields=exclude, m2m_fields=set(m2m_fields))


def _partnership_id(instance: models.Model) -> int | None:
    return instance.partnership_id


@dataclass(frozen=True)
class Tracked:
    """A model whose changes the audit trail records, and how to find its partnership."""

    model: type[models.Model]
    partnership: Callable[[models.Model], int | None] = _partnership_id
    exclude_fields: tuple[str, ...] = ()
    m2m_fields: tuple[str, ...] = ()
    shown: dict[str, Callable[[str], str]] | None = None  # field -> how a stored value reads


def shown_value(model: type[models.Model] | None, field: str, value: str) -> str | None:
    """The tracked model's own words for a stored value, or None when it has none."""
    show = _shown.get(model, {}).get(field)
    return show(value) if show else None


def track_registered() -> None:
    """Track every model the apps list for the "audit_tracking" hook."""
    for provider in hooks.get_hooks("audit_tracking"):
        for entry in provider():
            track(
                entry.model,
                partnership=entry.partnership,
                exclude_fields=entry.exclude_fields,
                m2m_fields=entry.m2m_fields,
                shown=entry.shown,
            )


def partnership_id_of(instance: models.Model) -> int | None:
    getter = _partnership_of.get(type(instance))
    return getter(instance) if getter else None


def tracked_models() -> list[type[models.Model]]:
    return list(_partnership_of)
