"""What the reports app adds to earlier apps (trust.hooks)."""

from __future__ import annotations

from audit.tracking import Tracked
from trust import hooks
from ui.navigation import MenuItem

from .models import GeneratedFile, NarrativeSection, YearlyReport


@hooks.register("audit_tracking")
def tracked() -> list[Tracked]:
    return [Tracked(YearlyReport), Tracked(NarrativeSection), Tracked(GeneratedFile)]


@hooks.register("partnership_menu")
def menu() -> list[MenuItem]:
    return [
        MenuItem("Reports", "reports:list", 100),
    ]
