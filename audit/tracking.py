"""Which models django-auditlog watches, and which partnership each change belongs to.

Apps register their models with `track(Model, partnership=...)` in AppConfig.ready(). Survey
answers and workshop notes are anonymous and must never be tracked.
"""

from __future__ import annotations

from collections.abc import Callable

from auditlog.registry import auditlog
from django.db import models

_partnership_of: dict[type[models.Model], Callable[[models.Model], int | None]] = {}


def track(
    model: type[models.Model],
    *,
    partnership: Callable[[models.Model], int | None],
    exclude_fields: tuple[str, ...] = (),
    m2m_fields: tuple[str, ...] = (),
) -> None:
    """Record every create, update and delete of `model` in the audit trail."""
    _partnership_of[model] = partnership
    # The version counter changes on every save and says nothing to a reader.
    exclude = [*exclude_fields, "version"]
    auditlog.register(model, exclude_fields=exclude, m2m_fields=set(m2m_fields))


def partnership_id_of(instance: models.Model) -> int | None:
    getter = _partnership_of.get(type(instance))
    return getter(instance) if getter else None


def tracked_models() -> list[type[models.Model]]:
    return list(_partnership_of)
