"""What the actions app adds to earlier apps (trust.hooks)."""

from __future__ import annotations

from audit.tracking import Tracked
from trust import hooks
from ui.navigation import MenuItem

from .attention import attention_items
from .models import Action, Challenge, Escalation, LearningSource, Recommendation
from .outcomes import outcome_signals
from .reminders import overdue_action_reminders

hooks.register("attention_items", attention_items)
hooks.register("outcome_signals", outcome_signals)
hooks.register("reminders", overdue_action_reminders)


@hooks.register("audit_tracking")
def tracked() -> list[Tracked]:
    return [
        Tracked(LearningSource),
        Tracked(Recommendation),
        Tracked(Action, m2m_fields=("evidence", "outcomes", "indicators")),
        Tracked(Escalation),
        Tracked(Challenge, m2m_fields=("outcomes",)),
    ]


@hooks.register("partnership_menu")
def menu() -> list[MenuItem]:
    return [
        MenuItem("Actions", "actions:log", 80, section="improve"),
    ]
