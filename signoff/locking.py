"""The one lock on signed records, and the declared list of what writes them.

A record that takes on `signoff.models.Signable` is locked from the moment sign-off is asked
until it is reopened. The owning app's services declare every function that writes the record
or its parts with `@writes_signed(target_of)`: the function is refused with `RecordLocked`
(one message, saying who can reopen it) while the record is locked, and it is listed in
`WRITERS`, which a test compares with the functions that actually write those models.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.db import transaction

from .models import Signable, SignoffState

REOPEN_HINT = "The business manager can reopen it, with a reason, from its sign-off page."


class RecordLocked(ValidationError):
    """A write to a record that is awaiting sign-off or signed off."""

    def __init__(self, target: Signable):
        if target.signoff_state == SignoffState.AWAITING:
            state = "is awaiting sign-off"
        else:
            state = "has been signed off"
        super().__init__(f"{target.signoff_name} {state}, so it cannot be changed. {REOPEN_HINT}")
        self.target = target


def state_now(target: Signable) -> str:
    """The record's state read afresh, holding its row until the transaction ends, so that a
    write and a request for sign-off cannot pass each other."""
    state = (
        type(target)
        ._base_manager.select_for_update()
        .filter(pk=target.pk)
        .values_list("signoff_state", flat=True)
        .get()
    )
    target.signoff_state = state
    return state


def ensure_editable(target: Signable) -> None:
    if state_now(target) != SignoffState.DRAFT:
        raise RecordLocked(target)


# "module.function" -> the guarded function, for every declared writer.
WRITERS: dict[str, Callable] = {}


def writes_signed(target_of: Callable[..., Signable | None]):
    """Declare a service that writes a signable record or its parts. `target_of` receives the
    service's keyword arguments and returns the record (or None when nothing signed is
    touched); the service is refused while that record is locked."""

    def wrap(function):
        @functools.wraps(function)
        def guarded(*args, **kwargs):
            with transaction.atomic():
                target = target_of(**kwargs)
                if target is not None:
                    ensure_editable(target)
                return function(*args, **kwargs)

        WRITERS[f"{function.__module__}.{function.__name__}"] = guarded
        return guarded

    return wrap
