"""What the surveys app adds to earlier apps (trust.hooks)."""

from __future__ import annotations

from audit.tracking import Tracked
from trust import hooks
from ui.navigation import MenuItem

from .attention import attention_items
from .models import CommentCode, Invitation, Wave, WaveStatement
from .outcomes import invitations_of_person, outcome_signals
from .reminders import results_ready_reminders
from .retention import answers_purge

hooks.register("attention_items", attention_items)
hooks.register("outcome_signals", outcome_signals)
hooks.register("reminders", results_ready_reminders)
hooks.register("purge_due", answers_purge)


@hooks.register("personal_data")
def survey_invitations_of_person(user) -> dict:
    return {"survey_invitations": invitations_of_person(user)}


@hooks.register("audit_tracking")
def tracked() -> list[Tracked]:
    # Responses, answers and comments are never tracked: an audit entry carries a time.
    # Completion of an invitation is excluded for the same reason.
    return [
        Tracked(Wave),
        Tracked(WaveStatement, m2m_fields=("outcomes",)),
        Tracked(Invitation, exclude_fields=("completed",)),
        Tracked(CommentCode),
    ]


@hooks.register("partnership_menu")
def menu() -> list[MenuItem]:
    return [
        MenuItem("Survey", "surveys:list", 60, section="review"),
    ]
