"""The demo partnerships: what a new user sees on `make run`.

Northshire Safeguarding Children Partnership covers two local authorities, one ICB and one
police force, with agencies, subgroups and one person in every role. Eastmere is a second,
small partnership, so a new user can see partnerships kept apart. Later capabilities extend
the demo here.
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django_scopes import scopes_disabled

from partnerships.models import (
    Agency,
    Membership,
    Organisation,
    PartnerBody,
    Partnership,
    RoleAssignment,
    Subgroup,
)
from partnerships.roles import Role

# Printed by `make run` for the local demo only; `load_demo` refuses to run in production.
DEMO_PASSWORD = "northshire-demo-2024"  # noqa: S105

NORTHSHIRE = "northshire"
EASTMERE = "eastmere"

# email, full name, partnership slug, role, partner body (lead partners), agency
PEOPLE = [
    (
        "manager@northshire.example",
        "Priya Shah",
        NORTHSHIRE,
        Role.BUSINESS_MANAGER,
        None,
        "Northshire Safeguarding Children Partnership business unit",
    ),
    (
        "officer@northshire.example",
        "Tom Reid",
        NORTHSHIRE,
        Role.BUSINESS_UNIT_OFFICER,
        None,
        "Northshire Safeguarding Children Partnership business unit",
    ),
    (
        "la-lead@northshire.example",
        "Helen Okafor",
        NORTHSHIRE,
        Role.LEAD_PARTNER,
        "Northshire County Council",
        "Northshire County Council children's services",
    ),
    (
        "city-lead@northshire.example",
        "Marcus Bell",
        NORTHSHIRE,
        Role.LEAD_PARTNER,
        "Riverton City Council",
        "Riverton City Council children's services",
    ),
    (
        "icb-lead@northshire.example",
        "Dr Aisha Rahman",
        NORTHSHIRE,
        Role.LEAD_PARTNER,
        "Northshire and Riverton Integrated Care Board",
        "Northshire and Riverton ICB",
    ),
    (
        "police-lead@northshire.example",
        "Chief Supt. Gareth Lewis",
        NORTHSHIRE,
        Role.LEAD_PARTNER,
        "Northshire Police",
        "Northshire Police",
    ),
    (
        "delegate@northshire.example",
        "Claire Nolan",
        NORTHSHIRE,
        Role.DELEGATED_PARTNER,
        "Northshire Police",
        "Northshire Police",
    ),
    (
        "scrutineer@northshire.example",
        "Dr Femi Adeyemi",
        NORTHSHIRE,
        Role.INDEPENDENT_SCRUTINEER,
        None,
        None,
    ),
    ("chair@northshire.example", "Ruth Hallam", NORTHSHIRE, Role.INDEPENDENT_CHAIR, None, None),
    (
        "member@northshire.example",
        "Sam Turner",
        NORTHSHIRE,
        Role.SUBGROUP_MEMBER,
        None,
        "Northshire Schools Alliance",
    ),
    (
        "young@northshire.example",
        "Jay (young scrutineer)",
        NORTHSHIRE,
        Role.YOUNG_SCRUTINEER,
        None,
        None,
    ),
    (
        "observer@northshire.example",
        "Dana Price",
        NORTHSHIRE,
        Role.OBSERVER,
        None,
        "Northshire Probation Service",
    ),
    ("manager@eastmere.example", "Olu Martins", EASTMERE, Role.BUSINESS_MANAGER, None, None),
]

NORTHSHIRE_BODIES = [
    (PartnerBody.Kind.LOCAL_AUTHORITY, "Northshire County Council"),
    (PartnerBody.Kind.LOCAL_AUTHORITY, "Riverton City Council"),
    (PartnerBody.Kind.ICB, "Northshire and Riverton Integrated Care Board"),
    (PartnerBody.Kind.POLICE, "Northshire Police"),
]

NORTHSHIRE_AGENCIES = [
    ("Northshire Safeguarding Children Partnership business unit", Agency.Sector.OTHER),
    ("Northshire County Council children's services", Agency.Sector.LOCAL_AUTHORITY),
    ("Riverton City Council children's services", Agency.Sector.LOCAL_AUTHORITY),
    ("Northshire and Riverton ICB", Agency.Sector.ICB),
    ("Northshire Hospitals NHS Foundation Trust", Agency.Sector.HEALTH_PROVIDER),
    ("Northshire Police", Agency.Sector.POLICE),
    ("Northshire Schools Alliance", Agency.Sector.EDUCATION),
    ("Riverton Youth Trust", Agency.Sector.VCSE),
    ("Northshire Probation Service", Agency.Sector.PROBATION),
    ("Northshire Youth Justice Service", Agency.Sector.YOUTH_JUSTICE),
    ("CAFCASS (Northshire)", Agency.Sector.CAFCASS),
]


def demo_people() -> list[tuple[str, str, str, str]]:
    """(email, name, partnership name, role label) for printing."""
    names = {NORTHSHIRE: "Northshire SCP", EASTMERE: "Eastmere SCP"}
    return [(e, n, names[p], Role(r).label) for e, n, p, r, _b, _a in PEOPLE]


# The other apps' parts of the demo, in the apps' order: each function gets
# {"northshire": ..., "eastmere": ...} and runs once, after the partnerships and people exist.
def _later_parts() -> list:
    from . import (
        actions,
        evidence,
        files,
        meetings,
        monitoring,
        national,
        participation,
        planning,
        reports,
        resources,
        reviews,
        surveys,
        theory,
        training,
    )

    return [
        files.demo_documents,
        evidence.demo_evidence,
        theory.demo_theory,
        reviews.demo_reviews,
        monitoring.demo_monitors,
        surveys.demo_surveys,
        planning.demo_priorities,
        actions.demo_actions,
        participation.demo_participation,
        meetings.demo_meetings,
        training.demo_training,
        resources.demo_resources,
        reports.demo_reports,
        national.demo_national,
    ]


@transaction.atomic
def load_demo() -> bool:
    """Create the demo if it is not there. Returns True if anything was created."""
    user_model = get_user_model()
    with scopes_disabled():
        if Partnership.objects.filter(slug=NORTHSHIRE).exists():
            return False
        northshire = Partnership.objects.create(
            name="Northshire Safeguarding Children Partnership",
            slug=NORTHSHIRE,
            region="north_west",
            coterminous=False,
            merged_with_adult_board=False,
        )
        eastmere = Partnership.objects.create(
            name="Eastmere Safeguarding Children Partnership",
            slug=EASTMERE,
            region="east",
            coterminous=True,
        )
        for p in (eastmere,):
            for kind, name in [
                (PartnerBody.Kind.LOCAL_AUTHORITY, "Eastmere Borough Council"),
                (PartnerBody.Kind.ICB, "Eastmere Integrated Care Board"),
                # Northshire Police covers Eastmere too: one force on two partnerships.
                (PartnerBody.Kind.POLICE, "Northshire Police"),
            ]:
                PartnerBody.objects.create(partnership=p, kind=kind, name=name)
        bodies = {
            name: PartnerBody.objects.create(partnership=northshire, kind=kind, name=name)
            for kind, name in NORTHSHIRE_BODIES
        }
        force = Organisation.objects.get_or_create(
            name="Northshire Police", defaults={"kind": PartnerBody.Kind.POLICE}
        )[0]
        PartnerBody.objects.filter(name="Northshire Police").update(organisation=force)
        agencies = {
            name: Agency.objects.create(partnership=northshire, name=name, sector=sector)
            for name, sector in NORTHSHIRE_AGENCIES
        }
        partnerships = {NORTHSHIRE: northshire, EASTMERE: eastmere}
        memberships: dict[str, Membership] = {}
        lead_roles: dict[str, RoleAssignment] = {}
        for email, name, slug, role, body, agency in PEOPLE:
            user = user_model.objects.filter(email=email).first() or (
                user_model.objects.create_user(email=email, password=DEMO_PASSWORD, full_name=name)
            )
            membership = Membership.objects.create(
                partnership=partnerships[slug], user=user, agency=agencies.get(agency)
            )
            memberships[email] = membership
            if role == Role.DELEGATED_PARTNER:
                RoleAssignment.objects.create(
                    membership=membership, role=role, acting_for=lead_roles[body]
                )
            else:
                assignment = RoleAssignment.objects.create(
                    membership=membership, role=role, partner_body=bodies.get(body)
                )
                if role == Role.LEAD_PARTNER:
                    lead_roles[body] = assignment
        # The force's lead sits on Eastmere too, and signs there for the same force.
        police_lead = memberships["police-lead@northshire.example"].user
        Membership.objects.create(partnership=eastmere, user=police_lead)
        RoleAssignment.objects.create(
            membership=Membership.objects.get(partnership=eastmere, user=police_lead),
            role=Role.LEAD_PARTNER,
            partner_body=PartnerBody.objects.get(partnership=eastmere, name="Northshire Police"),
        )

        executive = Subgroup.objects.create(
            partnership=northshire,
            name="Executive group",
            purpose="The lead safeguarding partners, their delegates and the independent scrutineer.",
            chair=memberships["chair@northshire.example"],
        )
        executive.members.set(
            [
                memberships[e]
                for e in (
                    "la-lead@northshire.example",
                    "city-lead@northshire.example",
                    "icb-lead@northshire.example",
                    "police-lead@northshire.example",
                    "delegate@northshire.example",
                    "scrutineer@northshire.example",
                    "manager@northshire.example",
                )
            ]
        )
        quality = Subgroup.objects.create(
            partnership=northshire,
            name="Quality assurance and performance",
            purpose="Multi-agency audit, data and performance scrutiny.",
            chair=memberships["delegate@northshire.example"],
            accountable_to=executive,
        )
        quality.members.set(
            [
                memberships[e]
                for e in (
                    "member@northshire.example",
                    "officer@northshire.example",
                    "observer@northshire.example",
                )
            ]
        )
        learning = Subgroup.objects.create(
            partnership=northshire,
            name="Learning and development",
            purpose="Rapid reviews, practice reviews, training and learning briefings.",
            chair=memberships["officer@northshire.example"],
            accountable_to=executive,
        )
        learning.members.set([memberships["member@northshire.example"]])
        Subgroup.objects.create(
            partnership=northshire,
            name="Young scrutineers",
            purpose="Young people who scrutinise the partnership's work and tell it what to change.",
            chair=memberships["manager@northshire.example"],
            accountable_to=executive,
        ).members.set([memberships["young@northshire.example"]])

        # Something to restore: an agency renamed last week, its old entry deleted 3 days ago.
        old = Agency.objects.create(
            partnership=northshire,
            name="Northshire Youth Offending Service (old name)",
            sector=Agency.Sector.YOUTH_JUSTICE,
        )
        old.deleted_at = timezone.now() - timedelta(days=3)
        old.deleted_by = memberships["manager@northshire.example"].user
        old.save(update_fields=["deleted_at", "deleted_by"])

        for part in _later_parts():
            part(partnerships)
    return True
