"""Planning's part of the demo: Northshire's priority "Neglect", planned through all five
steps, agreed by every partner body, with progress reviews."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django_scopes import scope

from demo.reviews import sign_by_every_body
from evidence.models import EvidenceItem
from framework.models import Indicator, Outcome, Principle
from framework.selectors import current_edition
from monitoring.models import Monitor
from partnerships.models import Membership
from planning import services
from planning.models import Activity, Pathway, PriorityOutcome, ProgressUpdate, Reflection, Resource
from theory.models import Activity as TheoryActivity

GROUPS = [
    "Children under 5 living with neglect",
    "Parents and carers",
    "Practitioners across agencies",
]

OUTCOMES = [
    # (group, term, text, on course, framework outcomes, indicators, monitor)
    (
        0,
        "short",
        "Neglect is recognised earlier, before children reach statutory thresholds.",
        "More early help assessments citing neglect; fewer first referrals at child protection level.",
        ["1.2"],
        ["1.2.1"],
        "Re-referrals to children's social care within 12 months",
    ),
    (
        1,
        "medium",
        "Parents say they understand what is expected and feel helped, not judged.",
        "Family feedback after early help closes; the annual parents' panel.",
        ["3.1"],
        [],
        None,
    ),
    (
        2,
        "short",
        "Practitioners use the graded care profile with confidence and consistency.",
        "Audit of 30 cases a year; training evaluations.",
        ["4.3"],
        [],
        None,
    ),
]
ACTIVITIES = [
    (
        "Graded care profile training for every agency",
        "Half-day multi-agency course, co-delivered with a parent from the panel.",
        "Learning and development subgroup with the training hub",
        "Two years, four courses a year",
        [
            (
                2,
                "practitioners who share one tool and language judge neglect consistently and refer earlier",
            ),
            (0, "consistent assessment spots cumulative harm sooner"),
        ],
    ),
    (
        "Neglect champions in schools and health visiting",
        "A named champion per school and health visiting team, meeting each term.",
        "Education and the ICB's designated nurse",
        "Ongoing, reviewed yearly",
        [(0, "the people who see children every day are the first to notice neglect")],
    ),
    (
        "Family support offer through the family hubs",
        "Practical help at home and parenting groups, offered at first concern.",
        "Northshire County Council early help service",
        "From April 2025",
        [(1, "help that is practical and respectful makes parents more willing to engage")],
    ),
]
RESOURCES = [
    (0, "funding", "£18,000 a year for trainers and venues", "Pooled partner contributions", True),
    (0, "staff_time", "Half a day per practitioner", "Each agency", True),
    (
        1,
        "staff_time",
        "One champion per school and health visiting team",
        "Education and the ICB",
        False,
    ),
    (
        2,
        "communities",
        "Parents from the panel to shape and co-deliver",
        "The parents' panel",
        True,
    ),
    (2, "data", "Monthly neglect dashboard", "The business unit's analyst", True),
]
REFLECTIONS = [
    "Children's experience of neglect is the measure: the audit looks at what changed for the child.",
    "Partners share one tool and one threshold document, agreed by all three leads.",
    "The parents' panel co-designed the support offer and checks the leaflet wording.",
    "We report openly when audits find drift, and share learning from the champions' network.",
    "The dashboard breaks figures down by ethnicity and disability to spot unequal responses.",
    "The executive group reviews progress every quarter and challenges slippage.",
]


def demo_priorities(partnerships: dict) -> None:
    northshire = partnerships["northshire"]
    edition = current_edition()
    today = timezone.localdate()
    with scope(partnership=northshire):
        manager = Membership.objects.get(
            partnership=northshire, user__email="manager@northshire.example"
        ).user
        priority = services.priority_start(
            partnership=northshire, edition=edition, title="Neglect", actor=manager
        )
        priority.issue = (
            "Neglect is the most common reason for child protection plans in Northshire, and "
            "it is often recognised late, after years of cumulative harm."
        )
        priority.target_groups = "\n".join(GROUPS)
        priority.overall_change = (
            "Children living with neglect are helped earlier and their lives improve for good."
        )
        priority.principles_influence = (
            "Child-centred practice and working with families shaped the choice: parents told "
            "us that early, practical help mattered most."
        )
        priority.context = (
            "Two local authorities with different early help offers; rising need after the "
            "cost of living crisis. The new family hubs are the opportunity."
        )
        priority.save()
        outcomes = []
        for group, term, text, on_course, codes, indicators, monitor in OUTCOMES:
            outcome = PriorityOutcome.objects.create(
                partnership=northshire,
                priority=priority,
                target_group=GROUPS[group],
                term=term,
                text=text,
                on_course=on_course,
            )
            outcome.framework_outcomes.set(Outcome.objects.filter(edition=edition, code__in=codes))
            outcome.indicators.set(
                Indicator.objects.filter(outcome__edition=edition, code__in=indicators)
            )
            if monitor:
                outcome.monitors.set(Monitor.objects.filter(partnership=northshire, name=monitor))
            outcomes.append(outcome)
        activities = []
        for title, features, who, duration, links in ACTIVITIES:
            activity = Activity.objects.create(
                partnership=northshire,
                priority=priority,
                title=title,
                key_features=features,
                delivered_by=who,
                duration=duration,
                # Northshire's theory of change holds the same activity: the plan reuses it.
                from_theory=TheoryActivity.objects.filter(
                    theory__partnership=northshire, theory__period="2025-26", title=title
                ).first(),
            )
            for index, because in links:
                Pathway.objects.create(
                    partnership=northshire,
                    activity=activity,
                    outcome=outcomes[index],
                    because=because,
                )
            activities.append(activity)
        for index, kind, description, provider, secured in RESOURCES:
            Resource.objects.create(
                partnership=northshire,
                activity=activities[index],
                kind=kind,
                description=description,
                provided_by=provider,
                secured=secured,
            )
        for principle, text in zip(
            Principle.objects.filter(edition=edition).order_by("number"), REFLECTIONS, strict=False
        ):
            Reflection.objects.create(
                partnership=northshire, priority=priority, principle=principle, text=text
            )
        services.priority_request_signoff(priority=priority, actor=manager)
        sign_by_every_body(northshire, priority)
        evidence = list(EvidenceItem.objects.filter(partnership=northshire).order_by("pk")[:2])
        for outcome, statuses in zip(
            outcomes,
            [("concerns", "on_track"), ("on_track",), ("off_track", "concerns")],
            strict=True,
        ):
            for age, status in zip((120, 30), statuses, strict=False):
                update = ProgressUpdate.objects.create(
                    partnership=northshire,
                    outcome=outcome,
                    date=today - timedelta(days=age),
                    status=status,
                    recorded_by=manager,
                    note={
                        "on_track": "The audit and the dashboard both show the change we hoped for.",
                        "concerns": "Some movement, but not in every area; the subgroup is looking into why.",
                        "off_track": "Training places went unfilled this quarter; partners agreed to release staff.",
                    }[status],
                )
                update.evidence.set(evidence[:1])
        _plan_in_progress(northshire, edition, manager)


def _plan_in_progress(northshire, edition, manager) -> None:
    """A second priority, still being planned (not yet asked for sign-off): steps one to four
    begun, so a new user sees a plan they can change and lead partners one they can read."""
    priority = services.priority_start(
        partnership=northshire, edition=edition, title="Children missing education", actor=manager
    )
    services.issue_save(
        priority=priority,
        values={
            "issue": "More children are missing education or on part-time timetables, and "
            "schools, children's social care and the police each see only part of the picture.",
            "target_groups": "Children missing education\nTheir families",
            "overall_change": "Children missing education are found, safe and back in learning.",
        },
        expected_version=priority.version,
        actor=manager,
    )
    outcome = services.outcome_save(
        priority=priority,
        values={
            "target_group": "Children missing education",
            "term": PriorityOutcome.Term.SHORT,
            "text": "Every child missing education is known to the school, children's social "
            "care and the police within a week.",
            "framework_outcomes": list(Outcome.objects.filter(edition=edition, code="4.1")),
        },
        actor=manager,
    )
    activity = services.activity_save(
        priority=priority,
        values={
            "title": "A weekly multi-agency list of children missing education",
            "delivered_by": "The education welfare service with the MASH",
            "duration": "From September",
        },
        actor=manager,
    )
    services.pathway_add(
        activity=activity,
        outcome=outcome,
        because="one shared list means nobody assumes another agency already knows",
        actor=manager,
    )
    services.resource_save(
        priority=priority,
        values={
            "activity": activity,
            "kind": Resource.Kind.STAFF_TIME,
            "description": "Half a day a week of an education welfare officer's time",
            "provided_by": "Northshire County Council",
            "secured": False,
        },
        actor=manager,
    )
