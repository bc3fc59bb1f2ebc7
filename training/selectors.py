"""Reading training: the sessions with their reach, and a year's reach by agency and sector with
the evaluations that may be shown (release.py), aggregated in the database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from partnerships.models import Agency
from surveys.groups import GROUP_MINIMUM
from ui.periods import period_bounds, this_period

from .evaluation import QUESTIONS, SCALE, StatementResult, results
from .models import Evaluation, SessionAttendance, TrainingSession
from .release import Entry, Group, release

# A session's answers are shown only in a group of at least this many people, the survey's
# own group minimum.
EVALUATION_MINIMUM = GROUP_MINIMUM


def _per_session(queryset, value) -> Coalesce:
    return Coalesce(
        Subquery(
            queryset.filter(session=OuterRef("pk"))
            .order_by()
            .values("session")
            .annotate(total=value)
            .values("total"),
            output_field=IntegerField(),
        ),
        0,
    )


def session_list():
    """Sessions with how many attended, from how many agencies, and how many evaluated."""
    return TrainingSession.objects.select_related("learning_source", "priority").annotate(
        people=_per_session(SessionAttendance.objects, Sum("attended")),
        agencies=_per_session(SessionAttendance.objects, Count("pk")),
        evaluated=_per_session(Evaluation.objects, Count("pk")),
    )


@dataclass(frozen=True)
class SectorReach:
    sector: str
    people: int
    sessions: int


@dataclass(frozen=True)
class AgencyReach:
    agency: str
    sector: str
    people: int
    sessions: int


@dataclass(frozen=True)
class ShownGroup:
    sessions: list  # TrainingSession, with the session_list annotations
    evaluations: int
    results: list[StatementResult]
    changes: list[str]  # what people will do differently, in no particular person's order

    @property
    def combined(self) -> bool:
        return len(self.sessions) > 1

    @property
    def label(self) -> str:
        if not self.combined:
            return str(self.sessions[0])
        return f"{len(self.sessions)} sessions combined: " + "; ".join(
            s.title for s in self.sessions
        )


@dataclass
class TrainingYear:
    period: str
    sessions: list
    agencies_total: int
    sectors: list[SectorReach]
    agencies: list[AgencyReach]
    groups: list[ShownGroup]
    overall: list[StatementResult]
    held: list  # closed sessions whose few evaluations wait to be shown with others
    held_evaluations: int
    minimum: int = EVALUATION_MINIMUM
    waiting: list = field(default_factory=list)  # sessions whose evaluation is still open

    @property
    def people(self) -> int:
        return sum(s.people for s in self.sessions)

    @property
    def agencies_reached(self) -> int:
        return len(self.agencies)

    @property
    def co_delivered(self) -> list:
        return [s for s in self.sessions if s.co_delivered]

    @property
    def eedi(self) -> list:
        return [s for s in self.sessions if s.eedi]

    @property
    def from_learning(self) -> list:
        return [s for s in self.sessions if s.learning_source_id]

    @property
    def shown_evaluations(self) -> int:
        return sum(g.evaluations for g in self.groups)

    def group_of(self, session) -> ShownGroup | None:
        return next((g for g in self.groups if session in g.sessions), None)


def training_year(partnership, period: str, today: date | None = None) -> TrainingYear:
    """A financial year's sessions, reach and shown evaluations (6 queries, however many)."""
    start, end = period_bounds(period)
    sessions = list(
        session_list()
        .filter(partnership=partnership, date__range=(start, end))
        .order_by("date", "pk")
    )
    attendance = SessionAttendance.objects.filter(session__in=[s.pk for s in sessions])
    agencies = [
        AgencyReach(
            row["agency__name"], Agency.Sector(row["agency__sector"]).label, row["people"], row["n"]
        )
        for row in attendance.values("agency__name", "agency__sector")
        .annotate(people=Sum("attended"), n=Count("session", distinct=True))
        .order_by("agency__name")
    ]
    by_sector = {
        row["agency__sector"]: row
        for row in attendance.values("agency__sector")
        .annotate(people=Sum("attended"), n=Count("session", distinct=True))
        .order_by()
    }
    sectors = [
        SectorReach(label, by_sector[value]["people"], by_sector[value]["n"])
        for value, label in Agency.Sector.choices
        if value in by_sector
    ]
    shown = release(
        [Entry(s.pk, s.evaluation_closes_on, s.evaluated) for s in sessions],
        EVALUATION_MINIMUM,
        today or timezone.localdate(),
    )
    groups, overall = _shown_groups(sessions, shown.groups)
    by_pk = {s.pk: s for s in sessions}
    return TrainingYear(
        period=period,
        sessions=sessions,
        agencies_total=Agency.objects.filter(partnership=partnership).count(),
        sectors=sectors,
        agencies=agencies,
        groups=groups,
        overall=overall,
        held=[by_pk[k] for k in shown.held],
        held_evaluations=shown.held_evaluations,
        waiting=[by_pk[k] for k in shown.waiting],
    )


def _shown_groups(sessions: list, groups: list[Group]) -> tuple[list[ShownGroup], list]:
    keys = [k for g in groups for k in g.keys]
    if not keys:
        return [], []
    per_session: dict[int, dict] = {}
    counted = {
        f"{name}_{value}": Count("pk", filter=Q(**{name: value}))
        for name, _ in QUESTIONS
        for value, _ in SCALE
    }
    for row in (
        Evaluation.objects.filter(session_id__in=keys)
        .values("session_id")
        .annotate(**counted)
        .order_by()
    ):
        per_session[row["session_id"]] = {
            (name, value): row[f"{name}_{value}"] for name, _ in QUESTIONS for value, _ in SCALE
        }
    changes: dict[int, list[str]] = {}
    # Sorted by their words, so the order says nothing about who sent what when.
    for session_id, text in (
        Evaluation.objects.filter(session_id__in=keys)
        .exclude(change="")
        .values_list("session_id", "change")
        .order_by("change")
    ):
        changes.setdefault(session_id, []).append(text)
    by_pk = {s.pk: s for s in sessions}

    def added(members) -> dict:
        total: dict = {}
        for key in members:
            for cell, count in per_session.get(key, {}).items():
                total[cell] = total.get(cell, 0) + count
        return total

    shown = [
        ShownGroup(
            sessions=[by_pk[k] for k in g.keys],
            evaluations=g.evaluations,
            results=results(added(g.keys)),
            changes=sorted(text for k in g.keys for text in changes.get(k, [])),
        )
        for g in groups
    ]
    return shown, results(added(keys))


def session_year(session: TrainingSession) -> TrainingYear:
    return training_year(session.partnership, this_period(session.date))
