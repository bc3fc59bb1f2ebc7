"""The role predicates every app's rules are built from: a person's roles in the partnership of
the request (the access middleware sets `request.roles`)."""

from __future__ import annotations

import rules

from .roles import LEAD_ROLES, MANAGER_ROLES, STAFF_ROLES, Role


def has_role(*roles: Role):
    """A predicate: does the person hold any of `roles` here?"""
    wanted = frozenset(roles)

    @rules.predicate(name=f"has_role({', '.join(sorted(wanted))})")
    def predicate(request, obj=None) -> bool:
        return bool(getattr(request, "roles", frozenset()) & wanted)

    return predicate


is_manager = has_role(*MANAGER_ROLES)  # the business unit
is_lead = has_role(*LEAD_ROLES)  # the lead partners and their delegates
is_staff = has_role(*STAFF_ROLES)  # everyone but young scrutineers
is_business_manager = has_role(Role.BUSINESS_MANAGER)
is_signer = has_role(Role.LEAD_PARTNER, Role.DELEGATED_PARTNER)
