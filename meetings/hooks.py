"""What meetings add to earlier apps (trust.hooks)."""

from __future__ import annotations

from audit.tracking import Tracked
from trust import hooks
from ui.navigation import MenuItem

from .models import Attendance, Meeting, SeniorityList
from .outcomes import evidence_usage, outcome_signals

hooks.register("outcome_signals", outcome_signals)
hooks.register("evidence_usage", evidence_usage)


@hooks.register("audit_tracking")
def tracked() -> list[Tracked]:
    return [
        Tracked(Meeting, m2m_fields=("priorities", "actions", "reviews")),
        Tracked(Attendance),
        Tracked(SeniorityList),
    ]


@hooks.register("partnership_menu")
def menu() -> list[MenuItem]:
    return [MenuItem("Meetings", "meetings:list", 112, section="partnership")]
