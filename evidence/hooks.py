"""What the evidence app adds to earlier apps (trust.hooks)."""

from __future__ import annotations

from audit.tracking import Tracked
from trust import hooks
from ui.navigation import MenuItem

from .models import EvidenceItem


@hooks.register("audit_tracking")
def tracked() -> list[Tracked]:
    return [Tracked(EvidenceItem)]


@hooks.register("partnership_menu")
def menu() -> list[MenuItem]:
    return [
        MenuItem("Evidence", "evidence:register", 40, section="review"),
    ]
