"""Signals from lower apps turned into audit events (those apps never import this one)."""

from __future__ import annotations

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.dispatch import receiver

from accounts.lockout import ADDRESS, PAIR, SLOWED
from accounts.signals import (
    personal_data_downloaded,
    signed_in,
    two_factor_changed,
    two_factor_was_reset,
)
from trust.addresses import client_address
from trust.signals import data_exported, data_imported

from .events import Event, record

LOCKOUT_RULES = {
    PAIR: "too many wrong passwords for this account from one address",
    SLOWED: "slowed: many wrong passwords for this account from several addresses",
    ADDRESS: "too many wrong passwords from one address",
}


def _ip(request) -> str | None:
    return client_address(request) if request is not None else None


@receiver(signed_in)
def _signed_in(sender, request, user, method, **kwargs) -> None:
    record(Event.SIGNED_IN, actor=user, detail={"method": method}, remote_addr=_ip(request))


@receiver(two_factor_changed)
def _two_factor_changed(sender, request, user, method, **kwargs) -> None:
    record(
        Event.TWO_FACTOR_CHANGED, actor=user, detail={"method": method}, remote_addr=_ip(request)
    )


@receiver(two_factor_was_reset)
def _two_factor_reset(sender, user, actor, partnership, **kwargs) -> None:
    record(
        Event.TWO_FACTOR_RESET,
        actor=actor,
        partnership=partnership,
        subject=user,
        detail={"person": user.email},
    )


@receiver(user_locked_out)
def _locked_out(sender, request, username, ip_address, **kwargs) -> None:
    # Recorded against the account that was attacked, when it exists.
    user = get_user_model().objects.filter(email__iexact=username or "").first()
    rule, _ = getattr(request, "macs_lockout", (PAIR, 0))
    if user is not None:
        record(
            Event.LOCKED_OUT,
            actor=user,
            detail={"attempts": LOCKOUT_RULES.get(rule, rule)},
            remote_addr=ip_address,
        )


@receiver(data_imported)
def _imported(sender, actor, partnership, what, file_name, rows, **kwargs) -> None:
    record(
        Event.IMPORT,
        actor=actor,
        partnership=partnership,
        detail={"what": what, "file": file_name, "rows": rows},
    )


@receiver(data_exported)
def _exported(sender, actor, partnership, what, format, rows, **kwargs) -> None:
    record(
        Event.EXPORT,
        actor=actor,
        partnership=partnership,
        detail={"what": what, "format": format, "rows": rows},
    )


@receiver(personal_data_downloaded)
def _personal_data(sender, request, user, **kwargs) -> None:
    record(Event.PERSONAL_DATA, actor=user, remote_addr=_ip(request))
