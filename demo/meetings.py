"""Meetings' part of the demo: a year of Northshire's executive and subgroup meetings (2024-25)
and the first of 2025-26, with who attended. Education is at the subgroups but missed most
executive meetings: the gap the report warns of, visible on the representation page and beside
outcome 1.3 in the review."""

from __future__ import annotations

from datetime import date

from django_scopes import scope

from meetings import services
from partnerships.models import Agency, Membership, Subgroup
from planning.models import Priority
from reviews.models import Review

LA = "Northshire County Council children's services"
CITY = "Riverton City Council children's services"
ICB = "Northshire and Riverton ICB"
POLICE = "Northshire Police"
SCHOOLS = "Northshire Schools Alliance"
HEALTH = "Northshire Hospitals NHS Foundation Trust"
VCSE = "Riverton Youth Trust"
LEAD, DIRECTOR, HEAD, MANAGER = (
    "Lead safeguarding partner or delegate",
    "Director or equivalent",
    "Head of service or senior manager",
    "Manager",
)

# (body, date, agenda, decisions, on the agenda, [(agency, seniority, attended)])
MEETINGS = [
    (
        "Executive group",
        date(2024, 6, 12),
        "Annual priorities from the data pack; the neglect strategy.",
        "Neglect stays a priority for 2024-25.\nThe business unit to draft the neglect plan.",
        ("priority",),
        [
            (LA, LEAD, True),
            (ICB, LEAD, True),
            (POLICE, LEAD, True),
            (CITY, DIRECTOR, True),
            (SCHOOLS, HEAD, False),
        ],
    ),
    (
        "Quality assurance and performance",
        date(2024, 7, 3),
        "Multi-agency audit of neglect cases.",
        "Audit findings go to the executive in September.",
        (),
        [
            (LA, HEAD, True),
            (HEALTH, MANAGER, True),
            (SCHOOLS, MANAGER, True),
            (POLICE, MANAGER, True),
        ],
    ),
    (
        "Executive group",
        date(2024, 9, 18),
        "Audit findings; the effectiveness review's plan.",
        "Agree the review's coverage plan over three years.",
        ("review",),
        [(LA, LEAD, True), (ICB, DIRECTOR, True), (POLICE, LEAD, True), (CITY, DIRECTOR, False)],
    ),
    (
        "Learning and development",
        date(2024, 11, 6),
        "Graded care profile training: reach and feedback.",
        "Offer two more sessions for schools.",
        ("priority",),
        [
            (LA, MANAGER, True),
            (SCHOOLS, MANAGER, True),
            (VCSE, MANAGER, True),
            (HEALTH, MANAGER, True),
        ],
    ),
    (
        "Executive group",
        date(2025, 2, 12),
        "Effectiveness review judgements; the yearly report.",
        "Sign off the 2024-25 review.\nAsk the schools alliance to name an executive member.",
        ("review",),
        [
            (LA, LEAD, True),
            (ICB, LEAD, True),
            (POLICE, DIRECTOR, True),
            (CITY, DIRECTOR, True),
            (SCHOOLS, HEAD, True),
        ],
    ),
    (
        "Executive group",
        date(2025, 5, 14),
        "Priorities for 2025-26; the theory of change.",
        "Start the 2025-26 theory of change as a copy of last year's.",
        ("priority",),
        [(LA, LEAD, True), (ICB, LEAD, True), (POLICE, LEAD, True), (SCHOOLS, HEAD, True)],
    ),
]


def demo_meetings(partnerships: dict) -> None:
    northshire = partnerships["northshire"]
    with scope(partnership=northshire):
        manager = Membership.objects.get(
            partnership=northshire, user__email="manager@northshire.example"
        ).user
        bodies = {s.name: s for s in Subgroup.objects.filter(partnership=northshire)}
        agencies = {a.name: a for a in Agency.objects.filter(partnership=northshire)}
        priority = Priority.objects.get(partnership=northshire, title="Neglect")
        review = Review.objects.get(partnership=northshire, period="2024-25")
        for body, on, agenda, decisions, linked, present in MEETINGS:
            meeting = services.meeting_save(
                partnership=northshire,
                values={
                    "subgroup": bodies[body],
                    "date": on,
                    "agenda": agenda,
                    "decisions": decisions,
                    "priorities": [priority] if "priority" in linked else [],
                    "reviews": [review] if "review" in linked else [],
                },
                actor=manager,
            )
            for agency, level, attended in present:
                services.attendance_add(
                    meeting=meeting,
                    values={"agency": agencies[agency], "seniority": level, "present": attended},
                    actor=manager,
                )
