"""The theory of change's part of the demo: Northshire's own theory of change for 2024-25,
adapted from the report's indicative activities and resources and agreed by every partner
body, and its 2025-26 draft, started as a copy and changed since."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone
from django_scopes import scope

from demo.reviews import sign_by_every_body
from framework.models import Outcome
from framework.selectors import current_edition
from partnerships.models import Membership
from theory import services
from theory.models import Activity, Factor, Resource

CONTEXT = (
    "Northshire is a large two-tier county with one unitary city. Neglect is the most common "
    "category on child protection plans, and rural families are harder to reach. The police "
    "and health footprints are wider than ours, so several partners serve other partnerships "
    "as well."
)

# The report's indicative activity number -> our words, what it involves, who delivers it,
# and its pathways (outcome code, because).
ACTIVITIES = {
    1: (
        "A yearly priority-setting day built on multi-agency data, audits and research",
        "The quality assurance subgroup brings the data pack and audit findings; the executive "
        "sets next year's priorities from them.",
        "Quality assurance and performance subgroup",
        [
            (
                "1.2",
                "priorities chosen from shared evidence are owned by every partner, not "
                "just the one that raised them.",
            ),
            ("1.3", "decisions recorded against the evidence can be checked and revisited."),
        ],
    ),
    2: (
        "Written terms of reference for every subgroup, reviewed each year with the lead partners",
        "Each subgroup's chair reports against its terms of reference to the executive twice a "
        "year.",
        "Business unit with the subgroup chairs",
        [("2.1", "people are accountable for what is written down and reported on.")],
    ),
    3: (
        "Young scrutineers and the parents' panel review our priorities and subgroup plans",
        "Two panels meet each term; their feedback and our response are published as “you "
        "said, we did”.",
        "Participation lead with the young scrutineers",
        [
            ("3.1", "children and families who shape priorities make them fit real lives."),
            ("2.2", "publishing our response makes us answer to the people we serve."),
        ],
    ),
    4: (
        "Practice forums across agencies every quarter",
        "Open forums on a theme from rapid reviews, with frontline staff from every agency.",
        "Learning and development subgroup",
        [
            ("4.1", "practitioners who know each other call each other."),
            ("5.1", "sharing what went wrong in a safe forum spreads the learning."),
        ],
    ),
}
NEW_ACTIVITY = (
    "Graded care profile training for every agency",
    "Half-day multi-agency course on recognising neglect, co-delivered with a parent from the "
    "panel.",
    "Learning and development subgroup with the training hub",
    [("4.3", "practitioners who share one tool for neglect judge it more consistently.")],
)
# The report's indicative resource number -> who provides it, and the activities it supports.
RESOURCES = {
    1: ("The three statutory partners, by the agreed funding formula", [1, 2, 3, 4]),
    2: ("Northshire County Council hosts the business unit (4.5 posts)", [1, 2]),
    3: ("Police, health and children's services analysts, through the data sharing agreement", [1]),
    5: ("Frontline staff, young scrutineers and the parents' panel", [3, 4]),
}
FACTORS = [
    (
        "enabler",
        "A data sharing agreement signed by every agency in 2023.",
        "Renewed every two years by the quality assurance subgroup.",
        ["1.2", "4.2"],
    ),
    (
        "barrier",
        "Police and health footprints cross three partnerships, so their time is split.",
        "Joint meetings with the neighbouring partnerships on shared priorities.",
        ["4.1"],
    ),
]
NEW_BARRIER = (
    "barrier",
    "Rural families find it hard to reach meetings in person.",
    "Evening online sessions and travel costs paid for panel members.",
    ["3.1", "3.3"],
)


def _adapt(theory, manager) -> None:
    """Make the indicative copy Northshire's own: its words, pathways, resources, factors."""
    outcomes = {o.code: o for o in Outcome.objects.filter(edition=theory.edition)}
    activities = {}
    for activity in Activity.objects.filter(theory=theory).select_related("indicative"):
        number = activity.indicative.number
        if number not in ACTIVITIES:  # Northshire does not use the storyboard technique
            services.part_delete(theory=theory, part=activity, actor=manager)
            continue
        title, description, delivered_by, pathways = ACTIVITIES[number]
        services.activity_save(
            theory=theory,
            activity=activity,
            values={"title": title, "description": description, "delivered_by": delivered_by},
            actor=manager,
        )
        for code, because in pathways:
            services.pathway_add(
                activity=activity, outcome=outcomes[code], because=because, actor=manager
            )
        activities[number] = activity
    for resource in Resource.objects.filter(theory=theory).select_related("indicative"):
        number = resource.indicative.number
        if number not in RESOURCES:
            continue
        provided_by, supports = RESOURCES[number]
        services.resource_save(
            theory=theory,
            resource=resource,
            values={
                "title": resource.title,
                "provided_by": provided_by,
                "activities": [activities[n] for n in supports],
            },
            actor=manager,
        )
    for kind, text, response, codes in FACTORS:
        _factor(theory, manager, outcomes, kind, text, response, codes)


def _factor(theory, manager, outcomes, kind, text, response, codes) -> Factor:
    return services.factor_save(
        theory=theory,
        values={
            "kind": kind,
            "text": text,
            "response": response,
            "outcomes": [outcomes[c] for c in codes],
        },
        actor=manager,
    )


def demo_theory(partnerships: dict) -> None:
    northshire = partnerships["northshire"]
    edition = current_edition()
    with scope(partnership=northshire):
        manager = Membership.objects.get(
            partnership=northshire, user__email="manager@northshire.example"
        ).user
        last_year = services.theory_start(
            partnership=northshire, edition=edition, period="2024-25", actor=manager
        )
        services.context_save(
            theory=last_year, values={"context": CONTEXT}, expected_version=None, actor=manager
        )
        _adapt(last_year, manager)
        services.theory_request_signoff(theory=last_year, actor=manager)
        sign_by_every_body(northshire, last_year)

        # This year's draft: a copy of last year's, with one new activity and one new barrier.
        this_year = services.theory_start(
            partnership=northshire, edition=edition, period="2025-26", actor=manager
        )
        outcomes = {o.code: o for o in Outcome.objects.filter(edition=edition)}
        title, description, delivered_by, pathways = NEW_ACTIVITY
        activity = services.activity_save(
            theory=this_year,
            values={"title": title, "description": description, "delivered_by": delivered_by},
            actor=manager,
        )
        for code, because in pathways:
            services.pathway_add(
                activity=activity, outcome=outcomes[code], because=because, actor=manager
            )
        _factor(this_year, manager, outcomes, *NEW_BARRIER)
    _eastmere(partnerships["eastmere"], edition)


def _eastmere(eastmere, edition) -> None:
    """Eastmere's first theory of change, sent for sign-off: Northshire Police's lead sits on
    Eastmere too, so it waits for them there (their page across partnerships shows it)."""
    with scope(partnership=eastmere):
        manager = Membership.objects.get(
            partnership=eastmere, user__email="manager@eastmere.example"
        ).user
        theory = services.theory_start(
            partnership=eastmere, edition=edition, period="2025-26", actor=manager
        )
        activity = Activity.objects.filter(theory=theory).order_by("indicative__number").first()
        services.pathway_add(
            activity=activity,
            outcome=Outcome.objects.get(edition=edition, code="1.2"),
            because="priorities set from shared data are ones every partner recognises.",
            actor=manager,
        )
        services.theory_request_signoff(
            theory=theory, actor=manager, due_by=timezone.localdate() + timedelta(days=21)
        )
