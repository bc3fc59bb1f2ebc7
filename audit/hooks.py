"""What the audit app adds to others (trust.hooks)."""

from __future__ import annotations

from trust import hooks
from ui.navigation import MenuItem

from .selectors import entries_of_person


@hooks.register("personal_data")
def audit_trail_of_person(user) -> dict:
    return {"audit_trail": entries_of_person(user)}


@hooks.register("partnership_menu")
def menu() -> list[MenuItem]:
    return [
        MenuItem("Audit trail", "audit:trail", 140, section="partnership"),
    ]
