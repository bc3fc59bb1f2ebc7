"""What the participation app adds to earlier apps (trust.hooks)."""

from __future__ import annotations

from audit.tracking import Tracked
from trust import hooks
from ui.navigation import MenuItem

from .attention import attention_items
from .models import DiversityCount, Feedback, VoiceGroup, Workshop, YouSaidPage
from .outcomes import outcome_signals
from .reminders import overdue_feedback_reminders
from .selectors import groups_of_person

hooks.register("attention_items", attention_items)
hooks.register("outcome_signals", outcome_signals)
hooks.register("reminders", overdue_feedback_reminders)


@hooks.register("personal_data")
def voice_groups_of_person(user) -> dict:
    return {"voice_groups": groups_of_person(user)}


@hooks.register("audit_tracking")
def tracked() -> list[Tracked]:
    # Staff records are audited; workshop notes and supports (written by guests) never are.
    return [
        Tracked(VoiceGroup, m2m_fields=("members",)),
        Tracked(DiversityCount),
        Tracked(Feedback, m2m_fields=("outcomes", "actions", "priorities", "ratings")),
        Tracked(YouSaidPage),
        Tracked(Workshop),
    ]


@hooks.register("partnership_menu")
def menu() -> list[MenuItem]:
    return [
        MenuItem(
            "Voices",
            "participation:voices",
            90,
            section="voices",
            label_for_young_people="You said, we did",
        ),
    ]
