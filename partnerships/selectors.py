"""Reads of partnership data. Inside a partnership request the scope is already active."""

from __future__ import annotations

from django.db.models import Count, Prefetch, QuerySet
from django_scopes import scopes_disabled

from .models import Agency, Membership, Partnership, RoleAssignment, Subgroup


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
