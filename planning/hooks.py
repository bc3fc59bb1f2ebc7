"""What the planning app adds to earlier apps (trust.hooks)."""

from __future__ import annotations

from audit.tracking import Tracked
from signoff.services import SignableKind, status_follows
from trust import hooks
from ui.navigation import MenuItem

from . import signing
from .models import (
    Activity,
    Pathway,
    Priority,
    PriorityOutcome,
    ProgressUpdate,
    Reflection,
    Resource,
)
from .outcomes import outcome_signals

hooks.register("outcome_signals", outcome_signals)


@hooks.register("audit_tracking")
def tracked() -> list[Tracked]:
    return [
        Tracked(Priority),
        Tracked(PriorityOutcome, m2m_fields=("framework_outcomes", "indicators", "monitors")),
        Tracked(Activity),
        Tracked(Pathway),
        Tracked(Resource),
        Tracked(Reflection),
        Tracked(ProgressUpdate, m2m_fields=("evidence",)),
    ]


@hooks.register("partnership_menu")
def menu() -> list[MenuItem]:
    return [
        MenuItem("Priorities", "planning:list", 70, section="improve"),
    ]


@hooks.register("signable_kinds")
def priority_kind() -> SignableKind:
    return SignableKind.from_module(
        Priority,
        signing,
        on_state=status_follows("agreed", {"draft": False, "awaiting": False, "signed": True}),
    )
