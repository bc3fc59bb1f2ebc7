"""Reads for participation: feedback lists at a fixed query count, overdue feedback, the
protected diversity summary, the public page, and workshop boards."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Max, Prefetch, Q, QuerySet
from django.utils import timezone

from surveys.suppression import protect_crossed

from .models import (
    Column,
    DiversityCount,
    Feedback,
    Note,
    NoteGroup,
    VoiceGroup,
    Workshop,
    YouSaidPage,
)

# Diversity counts below this are hidden, as the survey's small cells are.
DIVERSITY_MINIMUM = 5

FILTERS = {
    "all": ("All", Q()),
    "waiting": ("Waiting for a response", Q(response="")),
    "overdue": ("Overdue", Q(response="")),  # narrowed by date in feedback_list
    "answered": ("Answered", ~Q(response="")),
}


def groups_for(request) -> QuerySet[VoiceGroup]:
    """Staff see every group; a young scrutineer sees only the groups they belong to."""
    groups = VoiceGroup.objects.all()
    if not request.can("participation.see_all_groups"):
        groups = groups.filter(members=request.membership)
    return groups


def feedback_list(groups: QuerySet[VoiceGroup], show: str = "all") -> QuerySet[Feedback]:
    _label, condition = FILTERS.get(show, FILTERS["all"])
    feedback = Feedback.objects.filter(condition, group__in=groups)
    if show == "overdue":
        feedback = feedback.filter(respond_by__lt=timezone.localdate())
    return feedback.select_related("group").prefetch_related("outcomes")


def feedback_counts(groups: QuerySet[VoiceGroup]) -> dict[str, int]:
    today = timezone.localdate()
    return Feedback.objects.filter(group__in=groups).aggregate(
        all=Count("pk"),
        waiting=Count("pk", filter=Q(response="")),
        overdue=Count("pk", filter=Q(response="", respond_by__lt=today)),
        answered=Count("pk", filter=~Q(response="")),
    )


def overdue_feedback() -> QuerySet[Feedback]:
    return Feedback.objects.filter(response="", respond_by__lt=timezone.localdate()).select_related(
        "group"
    )


@dataclass(frozen=True)
class DiversityRow:
    category: str
    shown: str  # a number, or "hidden"


@dataclass(frozen=True)
class DiversitySection:
    characteristic: str
    rows: list[DiversityRow]
    total: str


def diversity_summary(groups: QuerySet[VoiceGroup]) -> list[DiversitySection]:
    """Each group's latest counts, added up per characteristic and category. Small numbers are
    hidden, with enough others hidden that they cannot be worked out from the total."""
    latest = list(
        groups.annotate(latest=Max("diversity__as_at"))
        .filter(latest__isnull=False)
        .values_list("pk", "latest")
    )
    if not latest:
        return []
    wanted = Q()
    for group_id, as_at in latest:
        wanted |= Q(group_id=group_id, as_at=as_at)
    totals: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in DiversityCount.objects.filter(wanted).values("characteristic", "category", "count"):
        totals[row["characteristic"]][row["category"]] += row["count"]
    labels = dict(DiversityCount.Characteristic.choices)
    sections = []
    for characteristic in DiversityCount.Characteristic.values:
        cells = totals.get(characteristic)
        if not cells:
            continue
        # One column of categories under a published total (the survey's Table A6 rule).
        found = protect_crossed(
            {(c, 0): n for c, n in cells.items()}, DIVERSITY_MINIMUM, row_totals=False
        )
        hidden = {c for c, _ in (found if found is not None else {(c, 0) for c in cells})}
        sections.append(
            DiversitySection(
                characteristic=labels[characteristic],
                rows=[DiversityRow(c, _shown(c, n, hidden)) for c, n in sorted(cells.items())],
                total=str(sum(cells.values())),
            )
        )
    return sections


def _shown(key: str, value: int, hidden: set) -> str:
    # Every hidden count reads the same: telling small ones from their complements would
    # narrow what each could be.
    return "hidden" if key in hidden else str(value)


def page_is_published(partnership) -> bool:
    return YouSaidPage.objects.filter(partnership=partnership, published=True).exists()


def public_feedback() -> QuerySet[Feedback]:
    return (
        Feedback.objects.filter(public=True)
        .exclude(response="")
        .select_related("group")
        .order_by("-responded_on", "-pk")
    )


@dataclass
class BoardColumn:
    value: str
    label: str
    notes: list[Note]
    groups: list[NoteGroup]


def notes_shown(workshop: Workshop) -> int:
    """How many notes everyone sees on the board (the board's "new notes" check)."""
    return Note.objects.filter(workshop=workshop, hidden=False).count()


def board(workshop: Workshop, *, facilitator: bool) -> list[BoardColumn]:
    """The workshop's notes by column (two queries). Guests never see hidden notes."""
    notes = Note.objects.filter(workshop=workshop).select_related("group")
    if not facilitator:
        notes = notes.filter(hidden=False)
    by_column: dict[str, list[Note]] = defaultdict(list)
    for note in notes:
        by_column[note.column].append(note)
    groups: dict[str, list[NoteGroup]] = defaultdict(list)
    if facilitator:
        for group in NoteGroup.objects.filter(workshop=workshop).prefetch_related(
            Prefetch("notes", queryset=Note.objects.order_by("-supports", "text"))
        ):
            groups[group.column].append(group)
    return [
        BoardColumn(value, label, by_column.get(value, []), groups.get(value, []))
        for value, label in Column.choices
    ]


def groups_of_person(user) -> list[dict]:
    """The voice groups a person belongs to (for "download your data"). Feedback is recorded
    by group, not by person, and workshop notes have no author, so neither can be included."""
    from django_scopes import scopes_disabled

    with scopes_disabled():
        return [
            {"partnership": g.partnership.name, "group": g.name, "kind": g.get_kind_display()}
            for g in VoiceGroup.objects.filter(members__user=user).select_related("partnership")
        ]
