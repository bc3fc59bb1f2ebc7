"""Training's part of the demo: Northshire's multi-agency sessions of 2024-25 (in its yearly
report), one on the learning from the rapid review of Child H, and one this week whose
evaluation is still open. Two small sessions of 2024-25 are shown combined; a third waits,
too few to show: the small-group rule at work."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import cycle, islice

from django.utils import timezone
from django_scopes import scope

from actions.models import LearningSource
from partnerships.models import Agency, Membership
from planning.models import Priority
from training import services
from training.evaluation import QUESTIONS
from training.models import Evaluation

LA = "Northshire County Council children's services"
CITY = "Riverton City Council children's services"
ICB = "Northshire and Riverton ICB"
POLICE = "Northshire Police"
SCHOOLS = "Northshire Schools Alliance"
HEALTH = "Northshire Hospitals NHS Foundation Trust"
VCSE = "Riverton Youth Trust"
YOUTH_JUSTICE = "Northshire Youth Justice Service"

# Answers to the four statements (1 strongly agree ... 5 strongly disagree), taken in turn.
GOOD = [(1, 1, 2, 2), (2, 1, 1, 2), (1, 2, 2, 3), (2, 2, 1, 1), (1, 1, 1, 2), (2, 3, 2, 2)]
MIXED = [(2, 2, 3, 3), (1, 2, 2, 2), (3, 3, 2, 4), (2, 1, 2, 3)]

CHANGES = {
    "gcp": [
        "Use the graded care profile at the first home visit, not only once neglect is suspected.",
        "Ask the school for its view before closing a case.",
    ],
    "child_h": [
        "Check who else has seen the child before I decide a concern is low level.",
        "Share my chronology with health colleagues at the start, not at the strategy meeting.",
        "Record when I could not see the child, and why.",
    ],
    "voice": ["Ask the young person what they want me to write down."],
}


def demo_training(partnerships: dict) -> None:
    northshire = partnerships["northshire"]
    today = timezone.localdate()
    with scope(partnership=northshire):
        manager = Membership.objects.get(
            partnership=northshire, user__email="manager@northshire.example"
        ).user
        agencies = {a.name: a for a in Agency.objects.filter(partnership=northshire)}
        neglect = Priority.objects.get(partnership=northshire, title="Neglect")
        child_h = LearningSource.objects.get(partnership=northshire, title="Rapid review: Child H")
        sessions = [
            # (values, attendance, evaluations (answers, how many), comments)
            (
                {
                    "title": "Neglect: using the graded care profile 2",
                    "date": date(2024, 9, 18),
                    "delivered_by": "The partnership's training officer with the health "
                    "visiting service",
                    "priority": neglect,
                },
                {LA: 8, CITY: 5, HEALTH: 6, SCHOOLS: 3, POLICE: 2},
                (GOOD, 14),
                "gcp",
            ),
            (
                {
                    "title": "Listening to young people: relationship-based practice",
                    "date": date(2024, 11, 13),
                    "delivered_by": "Riverton Youth Trust's young advisers with the "
                    "partnership's training officer",
                    "co_delivered": True,
                },
                {LA: 4, SCHOOLS: 3, VCSE: 2},
                (GOOD, 3),
                "voice",
            ),
            (
                {
                    "title": "Equality, equity, diversity and inclusion in safeguarding",
                    "date": date(2025, 1, 22),
                    "delivered_by": "Northshire County Council's EEDI lead",
                    "eedi": True,
                },
                {LA: 5, POLICE: 3, HEALTH: 3},
                (MIXED, 4),
                None,
            ),
            (
                {
                    "title": "Contextual safeguarding: a briefing",
                    "date": date(2025, 3, 12),
                    "delivered_by": "Northshire Youth Justice Service",
                },
                {YOUTH_JUSTICE: 3, POLICE: 2, LA: 2},
                (MIXED, 2),
                None,
            ),
            (
                {
                    "title": "Learning from the rapid review: Child H",
                    "date": today - timedelta(days=120),
                    "delivered_by": "The partnership's business manager and the designated nurse",
                    "learning_source": child_h,
                    "priority": neglect,
                },
                {HEALTH: 12, LA: 9, SCHOOLS: 5, POLICE: 3, ICB: 2},
                (GOOD, 11),
                "child_h",
            ),
            (
                {
                    "title": "Graded care profile 2 for schools",
                    "date": today - timedelta(days=3),
                    "delivered_by": "The partnership's training officer",
                    "priority": neglect,
                },
                {SCHOOLS: 14, LA: 2},
                (GOOD, 6),
                None,
            ),
        ]
        for values, attendance, (answers, count), comments in sessions:
            session = services.session_save(partnership=northshire, values=values, actor=manager)
            for agency, people in attendance.items():
                services.attendance_set(
                    session=session, agency=agencies[agency], attended=people, actor=manager
                )
            said = CHANGES.get(comments or "", [])
            # Sent by participants through the session's link (past sessions, so written
            # directly: the link no longer takes evaluations).
            for i, row in enumerate(islice(cycle(answers), count)):
                Evaluation.objects.create(
                    partnership=northshire,
                    session=session,
                    **dict(zip([name for name, _ in QUESTIONS], row, strict=True)),
                    change=said[i] if i < len(said) else "",
                )
