"""What the reviews app adds to earlier apps (trust.hooks)."""

from __future__ import annotations

from audit.tracking import Tracked
from framework.models import RatingLevel
from signoff.services import SignableKind, status_follows
from trust import hooks
from ui.navigation import MenuItem

from . import signing
from .attention import attention_items
from .models import CoveragePlan, LocalIndicator, OutcomeJudgement, Rating, Review
from .reminders import review_due_reminders
from .selectors import evidence_usage

hooks.register("evidence_usage", evidence_usage)
hooks.register("attention_items", attention_items)
hooks.register("reminders", review_due_reminders)


_LEVEL_LABELS: dict[int, str] = {}


def level_words(value: str) -> str:
    """A level as the trail shows it: "3 (Established)". The scale's labels are read once per
    process (they come from the framework content), so a page of entries costs one query."""
    if not _LEVEL_LABELS:
        _LEVEL_LABELS.update(RatingLevel.objects.values_list("value", "label").distinct())
    label = _LEVEL_LABELS.get(int(value)) if value.isdigit() else None
    return f"{value} ({label})" if label else value


@hooks.register("audit_tracking")
def tracked() -> list[Tracked]:
    shown = {"level": level_words}
    return [
        Tracked(Review),
        Tracked(LocalIndicator),
        Tracked(CoveragePlan),
        Tracked(Rating, m2m_fields=("evidence",), shown=shown),
        Tracked(OutcomeJudgement, m2m_fields=("evidence",), shown=shown),
    ]


@hooks.register("partnership_menu")
def menu() -> list[MenuItem]:
    return [
        MenuItem("Reviews", "reviews:list", 30, section="review"),
    ]


@hooks.register("signable_kinds")
def review_kind() -> SignableKind:
    return SignableKind.from_module(
        Review,
        signing,
        on_state=status_follows(
            "status",
            {
                "draft": Review.Status.DRAFT,
                "awaiting": Review.Status.IN_REVIEW,
                "signed": Review.Status.SIGNED_OFF,
            },
        ),
    )
