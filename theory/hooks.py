"""What the theory of change adds to earlier apps (trust.hooks)."""

from __future__ import annotations

from audit.tracking import Tracked
from signoff.services import SignableKind, status_follows
from trust import hooks
from ui.navigation import MenuItem

from . import signing
from .models import Activity, Factor, Pathway, Resource, TheoryOfChange


@hooks.register("audit_tracking")
def tracked() -> list[Tracked]:
    return [
        Tracked(TheoryOfChange),
        Tracked(Activity),
        Tracked(Pathway),
        Tracked(Resource, m2m_fields=("activities",)),
        Tracked(Factor, m2m_fields=("outcomes",)),
    ]


@hooks.register("partnership_menu")
def menu() -> list[MenuItem]:
    return [MenuItem("Our theory of change", "theory:list", 25, section="framework")]


@hooks.register("signable_kinds")
def theory_kind() -> SignableKind:
    return SignableKind.from_module(
        TheoryOfChange,
        signing,
        on_state=status_follows("agreed", {"draft": False, "awaiting": False, "signed": True}),
    )
