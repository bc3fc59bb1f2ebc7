"""What the reviews app adds to earlier apps (trust.hooks)."""

from __future__ import annotations

from audit.tracking import Tracked
from trust import hooks
from ui.navigation import MenuItem

from .attention import attention_items
from .models import LocalIndicator, OutcomeJudgement, Rating, Review
from .reminders import review_due_reminders
from .selectors import evidence_usage

hooks.register("evidence_usage", evidence_usage)
hooks.register("attention_items", attention_items)
hooks.register("reminders", review_due_reminders)


@hooks.register("audit_tracking")
def tracked() -> list[Tracked]:
    return [
        Tracked(Review),
        Tracked(LocalIndicator),
        Tracked(Rating, m2m_fields=("evidence",)),
        Tracked(OutcomeJudgement, m2m_fields=("evidence",)),
    ]


@hooks.register("partnership_menu")
def menu() -> list[MenuItem]:
    return [
        MenuItem("Reviews", "reviews:list", 30),
    ]
