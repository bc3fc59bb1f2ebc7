"""Reads of partnership data. Inside a partnership request the scope is already active."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet
from django_scopes import scopes_disabled

from .models import Agency, Invitation, Membership, Partnership, RoleAssignment, Subgroup
from .roles import BUSINESS_MANAGER_ONLY, LEAD_ROLES, Role


def memberships_for_user(user) -> list[Membership]:
    """The person's memberships with their partnerships and roles, by partnership name (for
    the one page that reads across them, each inside its own scope)."""
    with scopes_disabled():
        return list(
            Membership.objects.filter(user=user)
            .select_related("partnership", "agency")
            .prefetch_related("roles")
            .order_by("partnership__name")
        )


def members(partnership: Partnership) -> QuerySet[Membership]:
    """Every member with their agency and roles (3 queries however many members)."""
    roles = RoleAssignment.objects.select_related("partner_body", "acting_for__membership__user")
    return (
        Membership.objects.filter(partnership=partnership)
        .select_related("user", "agency")
        .prefetch_related(Prefetch("roles", roles))
    )


def agencies(partnership: Partnership) -> QuerySet[Agency]:
    return Agency.objects.filter(partnership=partnership).annotate(member_count=Count("members"))


def subgroups(partnership: Partnership) -> QuerySet[Subgroup]:
    return (
        Subgroup.objects.filter(partnership=partnership)
        .select_related("chair__user", "accountable_to")
        .annotate(member_count=Count("members"))
    )


def lead_partner_roles(partnership: Partnership) -> QuerySet[RoleAssignment]:
    return RoleAssignment.objects.filter(
        membership__partnership=partnership, role="lead_partner"
    ).select_related("membership__user", "partner_body")


def young_scrutineer_only(user) -> bool:
    """True if every role this account holds, in every partnership, is young scrutineer."""
    with scopes_disabled():
        roles = set(
            RoleAssignment.objects.filter(membership__user=user).values_list("role", flat=True)
        )
    return roles == {Role.YOUNG_SCRUTINEER}


def memberships_of_person(user) -> list[dict]:
    """A person's memberships, roles, subgroups and invitations, for "download your data"."""
    with scopes_disabled():
        memberships = (
            Membership.objects.filter(user=user)
            .select_related("partnership", "agency")
            .prefetch_related("roles__partner_body", "subgroups", "chairs")
        )
        invitations = Invitation.objects.filter(email__iexact=user.email).select_related(
            "partnership"
        )
        sent = Invitation.objects.filter(invited_by=user).select_related("partnership")
        return (
            [
                {
                    "partnership": m.partnership.name,
                    "agency": m.agency.name if m.agency else None,
                    "job_title": m.job_title,
                    "joined": m.joined_at.isoformat(),
                    "roles": [str(r) for r in m.roles.all()],
                    "subgroups": [s.name for s in m.subgroups.all()],
                    "chairs": [s.name for s in m.chairs.all()],
                }
                for m in memberships
            ]
            + [
                {
                    "invitation_to_you": i.partnership.name,
                    "role": i.get_role_display(),
                    "sent": i.created_at.isoformat(),
                    "accepted": i.accepted_at.isoformat() if i.accepted_at else None,
                }
                for i in invitations
            ]
            + [
                {
                    "invitation_sent_by_you": i.partnership.name,
                    "to": i.email,
                    "role": i.get_role_display(),
                    "sent": i.created_at.isoformat(),
                }
                for i in sent
            ]
        )


# Who holds which role, for the apps that tell or ask them (sign-off, reminders).


def signers_for(partnership, partner_body) -> list:
    """Everyone who may sign for this partner body: its lead and their delegates."""
    memberships = Membership.objects.filter(partnership=partnership).filter(
        Q(roles__role=Role.LEAD_PARTNER, roles__partner_body=partner_body)
        | Q(roles__role=Role.DELEGATED_PARTNER, roles__acting_for__partner_body=partner_body)
    )
    return [m.user for m in memberships.select_related("user").distinct()]


def people_with(partnership, roles) -> list:
    memberships = Membership.objects.filter(partnership=partnership, roles__role__in=roles)
    return [m.user for m in memberships.select_related("user").distinct()]


def business_managers(partnership) -> list:
    return people_with(partnership, BUSINESS_MANAGER_ONLY)


def bodies_signable_by(membership: Membership) -> dict[int, object]:
    """Partner bodies this member may sign for: {partner body id: the lead role signed for}.

    A lead safeguarding partner signs for their own partner body; a delegated partner signs for
    the body of the lead they act for."""
    bodies = {}
    for role in membership.roles.all():
        if role.role == Role.LEAD_PARTNER and role.partner_body_id:
            bodies[role.partner_body_id] = None
        elif role.role == Role.DELEGATED_PARTNER and role.acting_for_id:
            lead = role.acting_for
            if lead.partner_body_id:
                bodies.setdefault(lead.partner_body_id, lead)
    return bodies


def signers(partnership) -> list:
    """Everyone who may sign for a partner body: lead and delegated safeguarding partners."""
    return people_with(partnership, LEAD_ROLES)
