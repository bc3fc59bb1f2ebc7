"""What the reports app adds to earlier apps (trust.hooks)."""

from __future__ import annotations

from audit.tracking import Tracked
from signoff.services import SignableKind, status_follows
from trust import hooks
from ui.navigation import MenuItem

from . import signing
from .models import GeneratedFile, NarrativeSection, YearlyReport


@hooks.register("audit_tracking")
def tracked() -> list[Tracked]:
    return [Tracked(YearlyReport), Tracked(NarrativeSection), Tracked(GeneratedFile)]


@hooks.register("partnership_menu")
def menu() -> list[MenuItem]:
    return [
        MenuItem("Reports", "reports:list", 100, section="report"),
    ]


@hooks.register("signable_kinds")
def yearlyreport_kind() -> SignableKind:
    return SignableKind.from_module(
        YearlyReport,
        signing,
        on_state=status_follows(
            "status",
            {
                "draft": YearlyReport.Status.DRAFT,
                "awaiting": YearlyReport.Status.IN_REVIEW,
                "signed": YearlyReport.Status.SIGNED_OFF,
            },
        ),
    )
