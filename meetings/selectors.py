"""Reading meetings and attendance: the list, the seniority levels, and the representation of
agencies and sectors over a year (aggregated in the database)."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q

from partnerships.models import Agency
from ui.periods import period_bounds

from .models import DEFAULT_SENIORITY, Attendance, Meeting, SeniorityList


def seniority_levels(partnership) -> list[str]:
    found = SeniorityList.objects.filter(partnership=partnership).first()
    return list(found.levels) if found and found.levels else list(DEFAULT_SENIORITY)


def meeting_list():
    return Meeting.objects.select_related("subgroup").annotate(
        attended=Count("attendance", filter=Q(attendance__present=True)),
        agencies=Count("attendance__agency", filter=Q(attendance__present=True), distinct=True),
    )


@dataclass(frozen=True)
class SectorRow:
    sector: str
    meetings: int  # meetings at which someone from the sector attended
    share: int  # of all the year's meetings, per cent


@dataclass(frozen=True)
class AgencyRow:
    agency: str
    sector: str
    attended: int
    apologies: int
    most_senior: str


@dataclass(frozen=True)
class Representation:
    period: str
    meetings: int
    sectors: list[SectorRow]
    agencies: list[AgencyRow]

    @property
    def education(self) -> SectorRow | None:
        label = Agency.Sector.EDUCATION.label
        return next((row for row in self.sectors if row.sector == label), None)


def representation(partnership, period: str) -> Representation:
    """Who attended the year's meetings, by sector and by agency (4 queries)."""
    start, end = period_bounds(period)
    meetings = Meeting.objects.filter(partnership=partnership, date__range=(start, end))
    total = meetings.count()
    attendance = Attendance.objects.filter(meeting__in=meetings)
    by_sector = dict(
        attendance.filter(present=True)
        .values_list("agency__sector")
        .annotate(n=Count("meeting", distinct=True))
    )
    sectors = [
        SectorRow(label, by_sector.get(value, 0), round(100 * by_sector.get(value, 0) / total))
        for value, label in Agency.Sector.choices
        if total
    ]
    levels = seniority_levels(partnership)
    rank = {name: i for i, name in enumerate(levels)}
    senior: dict[int, str] = {}
    for agency_id, level in (
        attendance.filter(present=True).values_list("agency_id", "seniority").distinct()
    ):
        if agency_id not in senior or rank.get(level, 99) < rank.get(senior[agency_id], 99):
            senior[agency_id] = level
    agencies = [
        AgencyRow(
            row["agency__name"],
            Agency.Sector(row["agency__sector"]).label,
            row["attended"],
            row["apologies"],
            senior.get(row["agency_id"], ""),
        )
        for row in attendance.values("agency_id", "agency__name", "agency__sector")
        .annotate(
            attended=Count("meeting", filter=Q(present=True), distinct=True),
            apologies=Count("meeting", filter=Q(present=False), distinct=True),
        )
        .order_by("agency__name")
    ]
    return Representation(period, total, sectors, agencies)
