"""Reads of partnership data. Inside a partnership request the scope is already active."""

from __future__ import annotations

from django.db.models import Count, Prefetch, QuerySet
from django_scopes import scopes_disabled

from .models import Agency, Invitation, Membership, Partnership, RoleAssignment, Subgroup
from .roles import Role


def partnerships_for_user(user) -> list[Partnership]:
    """The partnerships a person belongs to (for the chooser; spans partnerships by design)."""
    with scopes_disabled():
        return list(Partnership.objects.filter(memberships__user=user).order_by("name"))


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
