"""What the monitoring app adds to earlier apps (trust.hooks)."""

from __future__ import annotations

from audit.tracking import Tracked
from trust import hooks
from ui.navigation import MenuItem

from .models import Monitor


@hooks.register("audit_tracking")
def tracked() -> list[Tracked]:
    # Values arrive in bulk by import (one audited import event), so only monitors are
    # tracked field by field.
    return [Tracked(Monitor, m2m_fields=("indicators", "outcomes"))]


@hooks.register("partnership_menu")
def menu() -> list[MenuItem]:
    return [
        MenuItem("Monitors", "monitoring:list", 50, section="review"),
    ]
