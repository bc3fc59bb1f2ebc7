"""What training adds to earlier apps (trust.hooks)."""

from __future__ import annotations

from audit.tracking import Tracked
from trust import hooks
from ui.navigation import MenuItem

from .models import SessionAttendance, TrainingSession
from .outcomes import evidence_usage, outcome_signals
from .services import evaluations_purge

hooks.register("outcome_signals", outcome_signals)
hooks.register("evidence_usage", evidence_usage)
hooks.register("purge_due", evaluations_purge)


@hooks.register("audit_tracking")
def tracked() -> list[Tracked]:
    # Evaluations are never tracked: an audit entry carries a time.
    return [
        Tracked(TrainingSession, exclude_fields=("evaluation_token",)),
        Tracked(SessionAttendance),
    ]


@hooks.register("partnership_menu")
def menu() -> list[MenuItem]:
    return [MenuItem("Training", "training:list", 113, section="partnership")]
